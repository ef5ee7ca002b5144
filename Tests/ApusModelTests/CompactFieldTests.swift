import Testing
@testable import ApusModel

/// Fields stored in a compact form instead of a `String`: image hashes (avatars, banners) and digit-string message
/// nonces. Each must give back exactly the text Discord sent, and compare equal exactly when the texts are equal.
@Suite struct CompactFieldTests {
    private func decodeHash(_ json: String) throws -> ImageHash {
        try withReader(json) { (reader: inout JSONReader) throws(JSONDecodingError) -> ImageHash in
            try ImageHash(from: &reader)
        }.get()
    }

    @Test("image hashes in Discord's form are compact; every other text is kept as it came", arguments: [
        ("af7c23e2b8c19c4787f6ec7ddbfe328f", true, false),
        ("a_0123456789abcdef0123456789abcdef", true, true),
        ("00000000000000000000000000000000", true, false),
        ("ffffffffffffffffffffffffffffffff", true, false),
        ("AF7C23E2B8C19C4787F6EC7DDBFE328F", false, false),
        ("af7c23e2b8c19c4787f6ec7ddbfe328", false, false),
        ("af7c23e2b8c19c4787f6ec7ddbfe328f0", false, false),
        ("a_af7c23e2b8c19c4787f6ec7ddbfe328", false, true),
        ("b_0123456789abcdef0123456789abcdef", false, false),
        ("af7c23e2b8c19c4787f6ec7ddbfe328g", false, false),
        ("af7c23e2b8c19c4787f6ec7ddbfe32:f", false, false),
        ("", false, false),
        ("é", false, false),
    ])
    func imageHashRoundTrip(text: String, compact: Bool, animated: Bool) throws {
        let hash = ImageHash(text)
        #expect(hash.string == text)
        #expect((hash.value != nil) == compact)
        #expect(hash.isAnimated == animated)
        let escaped = text.replacingOccurrences(of: "\"", with: "\\\"")
        let decoded = try decodeHash("\"\(escaped)\"")
        #expect(decoded == hash)
        #expect(decoded.string == text)
    }

    @Test func imageHashValueAndEquality() throws {
        let hash = ImageHash("a_0123456789abcdef0123456789abcdef")
        let value = try #require(hash.value)
        #expect(value.high == 0x0123_4567_89AB_CDEF && value.low == 0x0123_4567_89AB_CDEF && value.animated)
        #expect(ImageHash(high: value.high, low: value.low, animated: true) == hash)
        #expect(ImageHash(high: value.high, low: value.low, animated: false) != hash)
        #expect(ImageHash("af7c23e2b8c19c4787f6ec7ddbfe328f") != ImageHash("AF7C23E2B8C19C4787F6EC7DDBFE328F"))
        // An escaped hash is the same text, so the same hash.
        #expect(try decodeHash(#""\u0061f7c23e2b8c19c4787f6ec7ddbfe328f""#) == ImageHash("af7c23e2b8c19c4787f6ec7ddbfe328f"))
        #expect(throws: JSONDecodingError.self) { try decodeHash("12") }
        #expect(throws: JSONDecodingError.self) { try decodeHash(#""af7c"#) }
    }

    @Test func usersExposeHashesAsTextAndCompactly() throws {
        var user = try User(jsonString: #"{"id":"1","username":"a","avatar":"a_0123456789abcdef0123456789abcdef","banner":null}"#)
        #expect(user.avatar == "a_0123456789abcdef0123456789abcdef")
        #expect(user.avatarHash?.isAnimated == true)
        #expect(user.banner == nil && user.bannerHash == nil)
        user.avatar = "not a hash"
        #expect(user.avatar == "not a hash" && user.avatarHash?.value == nil)
        user.avatar = nil
        #expect(user.avatarHash == nil)
        let member = try GuildMember(jsonString: #"{"roles":[],"avatar":"af7c23e2b8c19c4787f6ec7ddbfe328f","banner":"x"}"#)
        #expect(member.avatar == "af7c23e2b8c19c4787f6ec7ddbfe328f" && member.banner == "x")
        #expect(throws: JSONDecodingError.self) { try User(jsonString: #"{"id":"1","username":"a","avatar":5}"#) }
    }

    private func messageJSON(nonce: String) -> String {
        #"{"id":"1","channel_id":"2","author":{"id":"3","username":"u"},"content":"","timestamp":"2024-01-01T00:00:00+00:00","tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0,"nonce":"#
            + nonce + "}"
    }

    @Test("message nonces read back exactly as sent", arguments: [
        (#""1477092940613271386""#, MessageNonce.string("1477092940613271386")),
        (#""0""#, .string("0")),
        (#""007""#, .string("007")),
        (#""12345678901234567890""#, .string("12345678901234567890")),
        (#""99999999999999999999999""#, .string("99999999999999999999999")),
        (#""""#, .string("")),
        (#""abc""#, .string("abc")),
        (#""1\u0032""#, .string("12")),
        ("42", .integer(42)),
        ("-7", .integer(-7)),
    ])
    func nonceRoundTrip(json: String, expected: MessageNonce) throws {
        let message = try Message(jsonString: messageJSON(nonce: json))
        #expect(message.nonce == expected)
        var copy = message
        copy.nonce = expected
        #expect(copy == message, "setting the same nonce gives an equal message")
        copy.nonce = .string("x")
        #expect(copy != message && copy.nonce == .string("x"))
    }

    @Test func storedNoncesAreOneToOne() {
        #expect(StoredNonce(.string("12")) == .decimalString(12))
        #expect(StoredNonce(.string("012")) == .other(.string("012")))
        #expect(StoredNonce(.integer(12)) == .other(.integer(12)))
        #expect(StoredNonce(.string("12")) != StoredNonce(.integer(12)))
        #expect(StoredNonce(.string("1234567890123456789")).nonce == .string("1234567890123456789"))
    }
}

/// The word-at-a-time hex parser against a byte-at-a-time reference, for every byte value at every position.
@Suite struct ImageHashParserTests {
    private func reference(_ bytes: [UInt8]) -> UInt32? {
        var value: UInt32 = 0
        for byte in bytes {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    private func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    @Test func everyByteAtEveryPosition() {
        let base = Array("9a0f3c7e".utf8)
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = base
                bytes[position] = UInt8(value)
                #expect(ImageHash.parseHex8(word(bytes)) == reference(bytes), "byte \(value) at \(position)")
            }
        }
        #expect(ImageHash.parseHex8(word(Array("00000000".utf8))) == 0)
        #expect(ImageHash.parseHex8(word(Array("ffffffff".utf8))) == 0xFFFF_FFFF)
        #expect(ImageHash.parseHex8(word(Array("12345678".utf8))) == 0x1234_5678)
    }

    @Test func seededRandomWords() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("0123456789abcdefABCDEF/:`g@".utf8)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            #expect(ImageHash.parseHex8(word(bytes)) == reference(bytes))
        }
    }

    /// Decoding from JSON parses the usual hash where it stands (no scan first): whatever follows the value, and
    /// for every byte value at every position of the string, it must give what reading the string gives (same text,
    /// same offset after it), and fail exactly when that fails.
    @Test func readingInPlaceAgreesWithReadingTheString() {
        func decoded(_ json: [UInt8]) -> (String, Int)? {
            json.withUnsafeBytes { bytes in
                var reader = JSONReader(bytes: bytes)
                guard let hash = try? reader.decode(ImageHash.self) else { return nil }
                return (hash.string, reader.offset)
            }
        }
        func expected(_ json: [UInt8]) -> (String, Int)? {
            json.withUnsafeBytes { bytes in
                var reader = JSONReader(bytes: bytes)
                guard let text = try? reader.readString() else { return nil }
                return (ImageHash(text).string, reader.offset)
            }
        }
        let suffixes = ["", "}", #","x":"a"}"#, #""""#]
        for base in ["9fe207fe65acdacc6d0057384a099678", "a_9fe207fe65acdacc6d0057384a099678"] {
            for suffix in suffixes {
                let original = Array(("\"" + base + "\"" + suffix).utf8)
                #expect(decoded(original) != nil)
                for position in 1..<(base.utf8.count + 2) {
                    for value in 0...255 {
                        var bytes = original
                        bytes[position] = UInt8(value)
                        let (actual, reference) = (decoded(bytes), expected(bytes))
                        #expect(actual?.0 == reference?.0 && actual?.1 == reference?.1,
                                "byte \(value) at \(position) of \(base)\(suffix)")
                    }
                }
            }
        }
    }
}
