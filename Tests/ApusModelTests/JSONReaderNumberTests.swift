import Testing
@testable import ApusModel

@Suite struct JSONReaderNumberTests {
    static let integers: [(String, Int64)] = [
        ("0", 0), ("-0", 0), ("7", 7), ("-7", -7), ("1234567890", 1_234_567_890),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ]

    @Test(arguments: integers)
    func readsInt64(json: String, expected: Int64) throws {
        #expect(try withReader(json) { reader throws(JSONDecodingError) in try reader.readInt64() }.get() == expected)
    }

    @Test func readsUInt64Extremes() throws {
        let max = try withReader("18446744073709551615") { reader throws(JSONDecodingError) in try reader.readUInt64() }.get()
        #expect(max == UInt64.max)
        #expect(throws: JSONDecodingError.self) {
            try withReader("18446744073709551616") { reader throws(JSONDecodingError) in try reader.readUInt64() }.get()
        }
        #expect(throws: JSONDecodingError.self) {
            try withReader("-1") { reader throws(JSONDecodingError) in try reader.readUInt64() }.get()
        }
    }

    static let doubles: [(String, Double)] = [
        ("0.5", 0.5), ("-1.25", -1.25), ("1e3", 1000), ("1E-2", 0.01), ("2.5e+2", 250), ("12", 12), ("0.000", 0),
    ]

    @Test(arguments: doubles)
    func readsDoubles(json: String, expected: Double) throws {
        #expect(try withReader(json) { reader throws(JSONDecodingError) in try reader.readDouble() }.get() == expected)
    }

    static let malformed = [
        "01", "-", "+1", "1.", ".5", "1e", "1e+", "--1", "1.2.3", "0x10", "NaN", "Infinity", "1 2", "9223372036854775808",
        "1.5",
    ]

    @Test(arguments: malformed)
    func rejectsMalformedIntegers(json: String) {
        #expect(throws: JSONDecodingError.self) {
            try withReader(json) { reader throws(JSONDecodingError) in try reader.readInt64() }.get()
        }
    }

    @Test func rejectsOutOfRangeDouble() {
        #expect(throws: JSONDecodingError.self) {
            try withReader("1e400") { reader throws(JSONDecodingError) in try reader.readDouble() }.get()
        }
    }

    @Test func snowflakeFromStringOrNumber() throws {
        #expect(try Snowflake(jsonString: #""175928847299117063""#) == Snowflake(175_928_847_299_117_063))
        #expect(try Snowflake(jsonString: "175928847299117063") == Snowflake(175_928_847_299_117_063))
        #expect(throws: JSONDecodingError.self) { try Snowflake(jsonString: #""12a""#) }
        #expect(throws: JSONDecodingError.self) { try Snowflake(jsonString: #""""#) }
        #expect(throws: JSONDecodingError.self) { try Snowflake(jsonString: #""99999999999999999999""#) }
        // 2016-04-30T11:18:25.796Z, the example from Discord's documentation.
        #expect(Snowflake(175_928_847_299_117_063).timestampMilliseconds == 1_462_015_105_796)
    }

    @Test func literalsAndNull() throws {
        #expect(try Bool(jsonString: " true ") == true)
        #expect(try Bool(jsonString: "false") == false)
        #expect(try Int?(jsonString: "null") == nil)
        #expect(try Int?(jsonString: "3") == 3)
        #expect(throws: JSONDecodingError.self) { try Bool(jsonString: "tru") }
        #expect(throws: JSONDecodingError.self) { try Bool(jsonString: "nul") }
        #expect(throws: JSONDecodingError.self) { try Bool(jsonString: "True") }
    }
}

/// The eight-digits-at-a-time integer parser against the standard library, for every length and a bad byte at every
/// position.
@Suite struct DigitChunkParserTests {
    private func parse(_ text: String) -> UInt64? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { JSONReader.parseUInt64(bytes: $0, start: 0, end: $0.count) }
    }

    @Test func seededRandomNumbersOfEveryLength() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in 1...22 {
            for _ in 0..<300 {
                var text = ""
                for _ in 0..<length {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    text.append(Character(String(Int(state >> 33) % 10)))
                }
                #expect(parse(text) == UInt64(text), "\(text)")
            }
        }
        #expect(parse("18446744073709551615") == UInt64.max)
        #expect(parse("18446744073709551616") == nil)
        #expect(parse("") == nil)
    }

    @Test func everyByteAtEveryPositionOfAnEightDigitChunk() {
        for position in 0..<19 {
            for value in 0...255 where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(UInt8(value)) {
                var bytes = Array("1234567890123456789".utf8)
                bytes[position] = UInt8(value)
                let parsed = bytes.withUnsafeBytes { JSONReader.parseUInt64(bytes: $0, start: 0, end: $0.count) }
                #expect(parsed == nil, "byte \(value) at \(position)")
            }
        }
        #expect(JSONReader.parseEightDigits(Array("00000000".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }) == 0)
        #expect(JSONReader.parseEightDigits(Array("99999999".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }) == 99_999_999)
    }
}

/// The three-word reader of quoted 16–19-digit strings (snowflakes, nonces) against a plain reference: the first
/// quote after the opening one ends the text, which must be 16 to 19 digits. Every byte value at every position,
/// seeded random lengths and paddings, and the decoders that use it.
@Suite struct QuotedLongDigitsTests {
    /// What the quick reader must return for `bytes` (opening quote at 0) when at least 24 bytes follow the quote.
    private static func reference(_ bytes: [UInt8]) -> (value: UInt64, next: Int)? {
        guard let close = bytes.dropFirst().firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let digits = bytes[1..<close]
        guard (16...19).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }),
              let value = UInt64(String(decoding: digits, as: UTF8.self)) else { return nil }
        return (value, close + 1)
    }

    private static func quick(_ bytes: [UInt8]) -> (value: UInt64, next: Int)? {
        bytes.withUnsafeBytes { JSONReader(bytes: $0).quotedLongDigits(openingQuoteAt: 0) }
    }

    @Test func everyByteAtEveryPosition() {
        let base = Array(#""1234567890123456789","x":[1,2,3]}"#.utf8)
        var checked = 0
        for position in 1..<25 {
            for value in 0...255 {
                var bytes = base
                bytes[position] = UInt8(value)
                let expected = Self.reference(bytes)
                let actual = Self.quick(bytes)
                #expect(actual?.value == expected?.value && actual?.next == expected?.next, "byte \(value) at \(position)")
                checked += 1
            }
        }
        #expect(checked == 24 * 256)
    }

    @Test func seededLengthsAndPaddings() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        var quickHits = 0
        for length in 0...24 {
            for padding in 0...30 {
                var text = "\""
                for _ in 0..<length { text.append(Character(String(next() % 10))) }
                text += "\"" + String(repeating: "}", count: padding)
                let bytes = Array(text.utf8)
                let actual = Self.quick(bytes)
                if bytes.count >= 25, let expected = Self.reference(bytes) {
                    // Enough room: every 16–19-digit text must take the quick path.
                    #expect(actual?.value == expected.value && actual?.next == expected.next, "\(text)")
                    quickHits += 1
                } else {
                    #expect(actual == nil || (actual?.value == Self.reference(bytes)?.value), "\(text)")
                }
            }
        }
        #expect(quickHits > 50)
    }

    @Test func decodersAgreeOnBothPaths() throws {
        // In an object the quick path is taken; at the end of the input (fewer than 24 bytes left) the general one.
        struct Holder: JSONDecodable {
            var id: Snowflake
            var nonce: StoredNonce?
            init(from reader: inout JSONReader) throws(JSONDecodingError) {
                id = Snowflake(0)
                try reader.beginObject()
                while let key = try reader.nextKey() {
                    switch key {
                    case "id": id = try reader.decode()
                    case "nonce": nonce = try reader.decodeNullable()
                    default: try reader.skipValue()
                    }
                }
            }
        }
        for text in ["1477092940198674609", "1000000000000000", "9999999999999999999", "0000000000000001"] {
            let object = try Holder(jsonString: #"{"id":"\#(text)","nonce":"\#(text)","padding":[0,0,0,0,0,0,0,0,0,0]}"#)
            #expect(object.id.rawValue == UInt64(text))
            #expect(try Snowflake(jsonString: "\"\(text)\"").rawValue == UInt64(text))
            // A leading zero keeps the nonce as text, as the general path does.
            let general = try Holder(jsonString: #"{"id":"1","nonce":"\#(text)"}"#)
            #expect(object.nonce?.nonce == general.nonce?.nonce)
            #expect(object.nonce?.nonce == .string(text))
        }
        #expect(throws: JSONDecodingError.self) {
            try Holder(jsonString: #"{"id":"99999999999999999999","padding":[0,0,0,0,0,0,0,0,0,0]}"#)
        }
    }
}
