import Testing
@testable import ApusModel

@Suite struct JSONReaderStringTests {
    static let valid: [(json: String, expected: String)] = [
        (#""""#, ""),
        (#""hello""#, "hello"),
        (#""a long string without any escapes at all, longer than eight bytes""#,
         "a long string without any escapes at all, longer than eight bytes"),
        (#""quote \" backslash \\ slash \/""#, "quote \" backslash \\ slash /"),
        (#""\b\f\n\r\t""#, "\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u4e2d""#, "Aé中"),
        (#""\uD83D\uDE80 rocket""#, "🚀 rocket"),
        (#""\ud83d\ude80""#, "🚀"),
        ("\"raw UTF-8: héllo 🚀 中文\"", "raw UTF-8: héllo 🚀 中文"),
        (#""12345678\"9""#, "12345678\"9"),
        (#""\u0000""#, "\u{0}"),
    ]

    @Test(arguments: valid)
    func decodesStrings(json: String, expected: String) throws {
        let value = try withReader(json) { reader throws(JSONDecodingError) in try reader.readString() }.get()
        #expect(value == expected)
    }

    static let invalid: [(name: String, bytes: [UInt8])] = [
        ("unterminated", Array(#""abc"#.utf8)),
        ("unterminated after escape", Array(#""abc\"#.utf8)),
        ("bad escape", Array(#""\x""#.utf8)),
        ("short unicode escape", Array(#""\u12""#.utf8)),
        ("non-hex unicode escape", Array(#""\u12G4""#.utf8)),
        ("lone high surrogate", Array(#""\uD83D""#.utf8)),
        ("high surrogate then letter", Array(#""\uD83Dx""#.utf8)),
        ("high surrogate then non-low", Array(#""\uD83D\u0041""#.utf8)),
        ("lone low surrogate", Array(#""\uDE80""#.utf8)),
        ("raw control character", [0x22, 0x61, 0x0A, 0x62, 0x22]),
        ("raw tab", [0x22, 0x09, 0x22]),
        ("invalid UTF-8 lead", [0x22, 0xFF, 0x22]),
        ("truncated UTF-8", [0x22, 0xE4, 0xB8, 0x22]),
        ("overlong UTF-8", [0x22, 0xC0, 0xAF, 0x22]),
        ("UTF-8 surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22]),
        ("above U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]),
        ("stray continuation", [0x22, 0x41, 0x80, 0x22]),
        ("not a string", Array("12".utf8)),
    ]

    @Test(arguments: invalid)
    func rejectsMalformedStrings(name: String, bytes: [UInt8]) {
        let result: Result<String, JSONDecodingError> = bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(bytes: buffer)
            return Result { () throws(JSONDecodingError) in try reader.readString() }
        }
        #expect(throws: JSONDecodingError.self, "\(name)") { try result.get() }
        // Skipping must reject the same malformed strings (a number is of course a valid value to skip).
        guard bytes.first == 0x22 else { return }
        let skipped: Result<Void, JSONDecodingError> = bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(bytes: buffer)
            return Result { () throws(JSONDecodingError) in try reader.skipValue() }
        }
        #expect(throws: JSONDecodingError.self, "skip \(name)") { try skipped.get() }
    }

    @Test func keysWithEscapesMatchLiterals() throws {
        let json = #"{"\u0069d": "1", "na\u006De": "x", "a_key_longer_than_eight": 2}"#
        let result = try withReader(json) { reader throws(JSONDecodingError) -> [String] in
            var seen: [String] = []
            try reader.beginObject()
            while let key = try reader.nextKey() {
                if key == "id" { seen.append("id") } else if key == "name" { seen.append("name") } else {
                    seen.append(key.string)
                }
                try reader.skipValue()
            }
            return seen
        }.get()
        #expect(result == ["id", "name", "a_key_longer_than_eight"])
    }
}
