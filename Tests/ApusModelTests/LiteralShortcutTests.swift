import Testing
@testable import ApusModel

/// The one-comparison shortcuts (`null`, booleans, one-digit integers, skipping a `null`) and the one-pass integer
/// reader give the general readers' answers, and leave every other input to them.
@Suite struct LiteralShortcutTests {
    private func read<T>(_ json: String, _ body: (inout JSONReader) throws(JSONDecodingError) -> T) -> (T?, Int) {
        let bytes = Array(json.utf8)
        return bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(bytes: buffer)
            let value = try? body(&reader)
            return (value, reader.offset)
        }
    }

    @Test func booleans() {
        #expect(read("true,") { r throws(JSONDecodingError) in try r.readBool() } == (true, 4))
        #expect(read("false}") { r throws(JSONDecodingError) in try r.readBool() } == (false, 5))
        #expect(read("true") { r throws(JSONDecodingError) in try r.readBool() } == (true, 4), "at the end of the buffer")
        #expect(read(" false") { r throws(JSONDecodingError) in try r.readBool() } == (false, 6), "after whitespace")
        #expect(read("falsy,") { r throws(JSONDecodingError) in try r.readBool() }.0 == nil)
        #expect(read("fals") { r throws(JSONDecodingError) in try r.readBool() }.0 == nil)
        #expect(read("tru,") { r throws(JSONDecodingError) in try r.readBool() }.0 == nil)
        #expect(read("null,") { r throws(JSONDecodingError) in try r.readBool() }.0 == nil)
    }

    @Test func nulls() {
        #expect(read("null,") { r throws(JSONDecodingError) in try r.consumeNull() } == (true, 4))
        #expect(read("null") { r throws(JSONDecodingError) in try r.consumeNull() } == (true, 4))
        #expect(read(" null") { r throws(JSONDecodingError) in try r.consumeNull() } == (true, 5))
        #expect(read("nul") { r throws(JSONDecodingError) in try r.consumeNull() }.0 == nil)
        #expect(read("nulL,") { r throws(JSONDecodingError) in try r.consumeNull() }.0 == nil)
        #expect(read("1,") { r throws(JSONDecodingError) in try r.consumeNull() } == (false, 0))
    }

    /// Integers of every length, sign and ending against a reference built on the number scanner and the standard
    /// library: the one-pass reader for up to 18 digits must give the same value, stop at the same byte, and fail
    /// exactly when the reference fails.
    @Test func integersAgreeWithTheReference() {
        func reference(_ text: String) -> (Int64, Int)? {
            Array(text.utf8).withUnsafeBytes { buffer in
                var reader = JSONReader(bytes: buffer)
                guard (try? reader.peekByte()) != nil, let scanned = try? reader.scanNumber(), scanned.isInteger,
                      let value = Int64(String(decoding: buffer[scanned.start..<scanned.end], as: UTF8.self))
                else { return nil }
                return (value, scanned.end)
            }
        }
        var state: UInt64 = 0xC0FF_EE00_1234_5678
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let prefixes = ["", "", "", "-", "0", " ", "-0"]
        let suffixes = ["", ",", "}", "]", ".5,", "e3,", "E-1}", "x", " ,", "0", "\""]
        for _ in 0..<20_000 {
            var digits = ""
            for _ in 0..<(1 + next(21)) { digits.append(Character(String(next(10)))) }
            let text = prefixes[next(prefixes.count)] + digits + suffixes[next(suffixes.count)]
            let (value, offset) = read(text) { r throws(JSONDecodingError) in try r.readInt64() }
            let expected = reference(text)
            #expect(value == expected?.0 && (value == nil || offset == expected?.1), "\(text)")
        }
        #expect(read("999999999999999999,") { r throws(JSONDecodingError) in try r.readInt64() } == (999_999_999_999_999_999, 18))
        #expect(read("9223372036854775807}") { r throws(JSONDecodingError) in try r.readInt64() } == (Int64.max, 19))
        #expect(read("9223372036854775808}") { r throws(JSONDecodingError) in try r.readInt64() }.0 == nil)
    }

    @Test func skippingAgreesWithTheGeneralSkipper() {
        for text in ["null,", "null", " null}", "nul", "nulL,", "nullnull", "\"null\",", "[null,1],", "{\"a\":null}",
                     "1,", "true,", "-2.5e3]", "\"x\\\"y\",", "{}", "[]", "x"] {
            let fast = read(text) { r throws(JSONDecodingError) in try r.skipValue() }
            let general = read(text) { r throws(JSONDecodingError) in try r.skipValueInGeneral() }
            #expect((fast.0 == nil) == (general.0 == nil) && fast.1 == general.1, "\(text)")
        }
    }

    @Test func oneDigitIntegers() {
        for digit in 0...9 {
            for end in [",", "}", "]"] {
                #expect(read("\(digit)\(end)") { r throws(JSONDecodingError) in try r.readInt64() } == (Int64(digit), 1))
            }
        }
        // The shortcut and the general reader agree on everything, including where they stop.
        for text in ["05,", "0,", "9]", "10}", "-0,", "1e2,", "3 ,", "7", "x,", "-", "00,", "4\"", "12345678901234567890,"] {
            let fast = read(text) { r throws(JSONDecodingError) in try r.readInt64() }
            let general = read(text) { r throws(JSONDecodingError) in try r.readInt64InGeneral() }
            #expect(fast.0 == general.0 && (fast.0 == nil || fast.1 == general.1), "\(text)")
        }
        for text in ["true,", "false]", "true", "false", " true,", "fals", "falsy,", "trUe,", "null,"] {
            let fast = read(text) { r throws(JSONDecodingError) in try r.readBool() }
            let general = read(text) { r throws(JSONDecodingError) in try r.readBoolInGeneral() }
            #expect(fast.0 == general.0 && (fast.0 == nil || fast.1 == general.1), "\(text)")
        }
        #expect(read("42,") { r throws(JSONDecodingError) in try r.readInt64() } == (42, 2))
        #expect(read("7") { r throws(JSONDecodingError) in try r.readInt64() } == (7, 1), "at the end of the buffer")
        #expect(read("7.5,") { r throws(JSONDecodingError) in try r.readInt64() }.0 == nil)
        #expect(read("-3,") { r throws(JSONDecodingError) in try r.readInt64() } == (-3, 2))
        #expect(read("x,") { r throws(JSONDecodingError) in try r.readInt64() }.0 == nil)
        #expect(read(" 3,") { r throws(JSONDecodingError) in try r.readInt64() } == (3, 2))
    }
}
