import Testing
@testable import ApusModel

/// The decoder's fast paths: word-wise key matching, in-place message decoding, shared empty raw values, the
/// snowflake and non-ASCII string shortcuts, and event-kind bit masks. Each is checked against the slow path's answer.
@Suite struct FastPathDecodingTests {
    // MARK: - Keys

    /// Reads the first key of `json` (an object) and compares it with every literal length class the matcher handles.
    private func firstKeyMatches(_ json: String, _ literal: StaticString) -> Bool {
        let result = withReader(json) { (reader: inout JSONReader) throws(JSONDecodingError) -> Bool in
            try reader.beginObject()
            guard let key = try reader.nextKey() else { return false }
            let matches = key == literal
            try reader.skipValue()
            while try reader.nextKey() != nil { try reader.skipValue() }
            return matches
        }
        return (try? result.get()) ?? false
    }

    @Test func keysOfEveryLengthClassMatchExactly() {
        // Up to 8 bytes (one word), 9...16 (two overlapping words), above 16 (a loop plus the overlapping tail).
        #expect(firstKeyMatches(#"{"id":1}"#, "id"))
        #expect(firstKeyMatches(#"{"username":1}"#, "username"))
        #expect(firstKeyMatches(#"{"global_name":1}"#, "global_name"))
        #expect(firstKeyMatches(#"{"mention_everyone":1}"#, "mention_everyone"))
        #expect(firstKeyMatches(#"{"communication_disabled_until":1}"#, "communication_disabled_until"))
        #expect(firstKeyMatches(#"{"":1}"#, ""))
        // Same length, one byte different at the start, the middle, the last byte of each word.
        #expect(!firstKeyMatches(#"{"ib":1}"#, "id"))
        #expect(!firstKeyMatches(#"{"usernamf":1}"#, "usernamd"))
        #expect(!firstKeyMatches(#"{"global_namf":1}"#, "global_name"))
        #expect(!firstKeyMatches(#"{"mention_everyonf":1}"#, "mention_everyone"))
        #expect(!firstKeyMatches(#"{"communication_disabled_untiL":1}"#, "communication_disabled_until"))
        #expect(!firstKeyMatches(#"{"xommunication_disabled_until":1}"#, "communication_disabled_until"))
        #expect(!firstKeyMatches(#"{"communicatioX_disabled_until":1}"#, "communication_disabled_until"))
        // Prefixes and extensions never match.
        #expect(!firstKeyMatches(#"{"i":1}"#, "id"))
        #expect(!firstKeyMatches(#"{"idx":1}"#, "id"))
        #expect(!firstKeyMatches(#"{"username_":1}"#, "username"))
    }

    @Test func keyAtTheVeryEndOfTheBufferIsReadSafely() {
        // Fewer than eight bytes after the key's start: the reader takes its slow path; the head must still be right.
        let bytes = Array(#"{"ab""#.utf8)
        let matched = bytes.withUnsafeBytes { buffer -> Bool in
            var reader = JSONReader(bytes: buffer)
            do throws(JSONDecodingError) {
                try reader.beginObject()
                _ = try reader.nextKey()
                return false
            } catch {
                return error.reason == .unexpectedEnd
            }
        }
        #expect(matched)
        let key = JSONKey(raw: UnsafeRawBufferPointer(start: nil, count: 0), isEscaped: false)
        #expect(key == "")
        #expect(!(key == "a"))
    }

    @Test func escapedKeysStillMatchTheirUnescapedLiteral() {
        #expect(firstKeyMatches(#"{"\u0069d":1}"#, "id"))
        #expect(firstKeyMatches(#"{"user\u006eame":1}"#, "username"))
        #expect(!firstKeyMatches(#"{"\u0069x":1}"#, "id"))
    }

    @Test func aUserWithAnEscapedKeyDecodes() throws {
        let user = try User(jsonString: #"{"\u0069d":"7","user\u006eame":"ann","global_name":"Ann \u00e9"}"#)
        #expect(user.id == 7 && user.username == "ann" && user.globalName == "Ann é")
    }

    // MARK: - Messages decoded in place

    private static let minimalMessage = #"""
    {"id":"1","channel_id":"2","author":{"id":"3","username":"u"},"content":"c",
     "timestamp":"2024-01-01T00:00:00+00:00","tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],
     "attachments":[],"embeds":[],"pinned":false,"type":0}
    """#

    @Test func minimalMessageHasDefaultsForAbsentOptionalFields() throws {
        let message = try Message(jsonString: Self.minimalMessage)
        #expect(message.id == 1 && message.channelID == 2 && message.author.id == 3 && message.author.username == "u")
        #expect(message.guildID == nil && message.member == nil && message.editedTimestamp == nil)
        #expect(message.nonce == nil && message.components == nil && message.flags == nil && message.position == nil)
        #expect(message.author.discriminator == "0" && message.author.globalName == nil)
    }

    @Test func nullsUnknownKeysAndKeyOrderDoNotMatter() throws {
        let shuffled = #"""
        {"type":0,"future":{"a":[1,{"b":null}]},"pinned":false,"embeds":[],"attachments":[],"mention_roles":[],
         "mentions":[],"mention_everyone":true,"tts":true,"timestamp":"2024-01-01T00:00:00+00:00","content":"",
         "author":{"username":"u","id":"3","avatar":null,"collectibles":null},"channel_id":"2","id":"1",
         "guild_id":null,"member":null,"edited_timestamp":null,"nonce":null,"components":null,"flags":null}
        """#
        let message = try Message(jsonString: shuffled)
        #expect(message.id == 1 && message.tts && message.mentionEveryone && message.content.isEmpty)
        #expect(message.guildID == nil && message.member == nil && message.components == nil)
    }

    @Test func everyMissingRequiredFieldIsNamed() {
        let required = ["id", "channel_id", "author", "content", "timestamp", "tts", "mention_everyone", "mentions",
                        "mention_roles", "attachments", "embeds", "pinned", "type"]
        let full = try? Message(jsonString: Self.minimalMessage)
        #expect(full != nil)
        for field in required {
            // Drop the field by renaming its key: the rest of the document stays valid.
            let json = Self.minimalMessage.replacingFirst("\"\(field)\":", with: "\"x_\(field)\":")
            do {
                _ = try Message(jsonString: json)
                Issue.record("\(field): decoded without a required field")
            } catch {
                #expect(error.reason == .missingField(field), "\(field): \(error)")
            }
        }
    }

    @Test func badFieldValuesGiveTypedErrorsWithTheirPath() {
        let cases: [(String, String)] = [
            (#""id":"1""#, #""id":"x1""#),
            (#""author":{"id":"3","username":"u"}"#, #""author":{"id":"3","username":7}"#),
            (#""timestamp":"2024-01-01T00:00:00+00:00""#, #""timestamp":"yesterday""#),
            (#""mentions":[]"#, #""mentions":[{"id":"9"}]"#),
        ]
        for (original, broken) in cases {
            let json = Self.minimalMessage.replacingFirst(original, with: broken)
            #expect(json != Self.minimalMessage)
            do {
                _ = try Message(jsonString: json)
                Issue.record("decoded \(broken)")
            } catch {
                #expect(!error.path.isEmpty, "\(broken): \(error)")
            }
        }
        // Truncated input at every length never crashes and always throws.
        let bytes = Array(Self.minimalMessage.utf8)
        for length in 0..<bytes.count {
            #expect(throws: JSONDecodingError.self) { try Message(jsonBytes: bytes[0..<length]) }
        }
    }

    @Test func decodedMessagesAreIndependentCopiesOnWrite() throws {
        let original = try Message(jsonString: Self.minimalMessage)
        var copy = original
        copy.content = "changed"
        copy.author.username = "v"
        #expect(original.content == "c" && original.author.username == "u")
        #expect(copy.content == "changed" && copy.author.username == "v")
        #expect(copy != original)
    }

    // MARK: - Raw values, strings and numbers

    @Test func emptyRawValuesAreSharedButEqualToFreshOnes() throws {
        let array = try RawJSON(jsonString: "[ ]")
        #expect(array.string == "[ ]")
        let empty = try RawJSON(jsonString: "[]")
        #expect(empty.bytes == Array("[]".utf8) && empty == RawJSON(bytes: Array("[]".utf8)))
        let object = try RawJSON(jsonString: "{}")
        #expect(object.bytes == Array("{}".utf8))
        var mutated = empty
        mutated.bytes.append(0x20)
        #expect(try RawJSON(jsonString: "[]").bytes == Array("[]".utf8))
    }

    @Test func nonASCIIStringsAreValidatedOnceAndErrorsKeepTheirOffset() throws {
        #expect(try String(jsonString: "\"h\u{e9}llo \u{1F44B}\"") == "h\u{e9}llo \u{1F44B}")
        // An overlong encoding and a lone continuation byte: typed errors at the bad byte.
        for (bytes, offset) in [([0x22, 0x61, 0xC0, 0xAF, 0x22], 2), ([0x22, 0x61, 0x62, 0x80, 0x22], 3)] as [([UInt8], Int)] {
            do {
                _ = try String(jsonBytes: bytes)
                Issue.record("accepted invalid UTF-8 \(bytes)")
            } catch {
                #expect(error.reason == .invalidUTF8 && error.offset == offset)
            }
        }
    }

    /// The reader's UTF-8 validator (with its eight-bytes-at-a-time ASCII runs) against the standard library's, on
    /// seeded random byte strings rich in boundary bytes: it must accept exactly what the standard library accepts.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var state: UInt64 = 0x0123_4567_89AB_CDEF
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        let scalars = ["\u{e9}", "\u{20AC}", "\u{1F44B}", "\u{D7FF}", "\u{E000}", "\u{10FFFF}"].map { Array($0.utf8) }
        var rejected = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(40) {
                switch next(4) {
                case 0: bytes += Array("abcdefgh".utf8.prefix(1 + next(8)))
                case 1: bytes.append(interesting[next(interesting.count)])
                case 2: bytes += scalars[next(scalars.count)]
                default: bytes += scalars[next(scalars.count)].dropLast(next(2))
                }
            }
            let standard = String(validating: bytes, as: UTF8.self)
            let ours: Bool = bytes.withUnsafeBytes { buffer in
                (try? JSONReader.validateUTF8(buffer, baseOffset: 0)) != nil
            }
            #expect(ours == (standard != nil), "\(bytes)")
            if standard == nil { rejected += 1 }
            // Read as a JSON string: the same text when valid; when not, the validator's error and offset.
            let content = bytes.filter { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
            let json = [UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]
            let read: Result<String, JSONDecodingError> = json.withUnsafeBytes { buffer in
                var reader = JSONReader(bytes: buffer)
                return Result { () throws(JSONDecodingError) in try reader.readString() }
            }
            let expectedError = content.withUnsafeBytes { buffer -> JSONDecodingError? in
                do { try JSONReader.validateUTF8(buffer, baseOffset: 1) } catch { return error as? JSONDecodingError }
                return nil
            }
            switch read {
            case .success(let text):
                #expect(expectedError == nil && Array(text.utf8) == content, "\(content)")
            case .failure(let error):
                #expect(error.reason == .invalidUTF8 && error.offset == expectedError?.offset, "\(content)")
            }
        }
        #expect(rejected > 1_000 && rejected < 19_000, "both valid and invalid strings were generated")
    }

    @Test func snowflakesOfEveryLengthParseAndOverflowIsRejected() throws {
        #expect(try Snowflake(jsonString: "\"0\"") == 0)
        #expect(try Snowflake(jsonString: "\"1234567890123456789\"") == 1_234_567_890_123_456_789)
        #expect(try Snowflake(jsonString: "\"18446744073709551615\"").rawValue == UInt64.max)
        #expect(throws: JSONDecodingError.self) { try Snowflake(jsonString: "\"18446744073709551616\"") }
        #expect(throws: JSONDecodingError.self) { try Snowflake(jsonString: "\"99999999999999999999\"") }
        #expect(throws: JSONDecodingError.self) { try Snowflake(jsonString: "\"12a4\"") }
        #expect(throws: JSONDecodingError.self) { try Snowflake(jsonString: "\"\"") }
    }

    // MARK: - Event kinds as bits

    @Test func everyKnownKindHasItsOwnBit() {
        var seen: UInt64 = 0
        for (index, kind) in EventKind.allKnown.enumerated() {
            #expect(kind.knownIndex == index)
            #expect(kind.knownBit == 1 << UInt64(index))
            #expect(seen & kind.knownBit == 0)
            seen |= kind.knownBit
        }
        #expect(EventKind.unknown("X").knownIndex == nil && EventKind.unknown("X").knownBit == 0)
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced (tests only).
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
