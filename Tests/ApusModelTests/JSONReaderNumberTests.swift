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
