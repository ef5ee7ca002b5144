import Testing
@testable import ApusModel

/// Valid JSON that the fast paths do not expect (escapes inside ids, timestamps, hashes and keys; whitespace around
/// every token; every ISO 8601 form Discord uses; numbers at their limits) decodes to the plain form's values.
@Suite struct JSONConformanceTests {
    private func decode<T: JSONDecodable>(_ json: String, as type: T.Type = T.self) throws -> T {
        try withReader(json) { (reader: inout JSONReader) throws(JSONDecodingError) -> T in try T(from: &reader) }.get()
    }

    @Test("a snowflake written with escapes is the same id", arguments: [
        (#""\u0031\u0037\u0035928847299117063""#, 175_928_847_299_117_063 as UInt64),
        (#""175928847299117\u0030\u0036\u0033""#, 175_928_847_299_117_063),
        (#""\u0037""#, 7),
        (#""\u0031234""#, 1234),
        (#""1844674407370955161\u0035""#, UInt64.max),
    ])
    func escapedSnowflakes(json: String, expected: UInt64) throws {
        #expect(try decode(json, as: Snowflake.self) == Snowflake(expected))
        #expect(try decode(json, as: Permissions.self) == Permissions(rawValue: expected))
    }

    @Test func escapedSnowflakesThatAreNotIDsAreStillRejected() {
        #expect(throws: JSONDecodingError.self) { try decode(#""\u0041""#, as: Snowflake.self) }
        #expect(throws: JSONDecodingError.self) { try decode(#""1844674407370955161\u0036""#, as: Snowflake.self) }
        #expect(throws: JSONDecodingError.self) { try decode(#""12\u00203""#, as: Snowflake.self) }
    }

    /// 2024-01-31T12:34:56.789Z in microseconds.
    static let instant: Int64 = 1_706_704_496_789_000

    @Test("every ISO 8601 form Discord uses gives the same instant", arguments: [
        ("2024-01-31T12:34:56.789000+00:00", instant),
        ("2024-01-31T12:34:56.789+00:00", instant),
        ("2024-01-31T12:34:56.789Z", instant),
        ("2024-01-31T12:34:56.7890Z", instant),
        ("2024-01-31T18:04:56.789+05:30", instant),
        ("2024-01-31T04:34:56.789000-08:00", instant),
        ("2024-02-01T02:34:56.789+14:00", instant),
        ("2024-01-31T12:34:56+00:00", instant - 789_000),
        ("2024-01-31T12:34:56Z", instant - 789_000),
        ("2024-01-31T12:34:56.7+00:00", instant - 89_000),
        ("2024-01-31T12:34:56.000001Z", instant - 788_999),
        ("2023-12-31T23:59:59.999999-12:00", 1_704_110_399_999_999),
    ])
    func timestampForms(text: String, expected: Int64) throws {
        #expect(try decode("\"\(text)\"", as: DiscordTimestamp.self).microsecondsSinceEpoch == expected)
    }

    @Test("a timestamp written with escapes is the same instant", arguments: [
        #""2024\u002D01-31T12:34:56.789000+00:00""#,
        #""\u0032024-01-31T12:34:56.789000+00:00""#,
        #""2024-01-31T12:34:56.789000\u002b00:00""#,
        #""2024-01-31\u005412:34:56.789Z""#,
        #""2024-01-31T12:34:56.789\u005a""#,
    ])
    func escapedTimestamps(json: String) throws {
        #expect(try decode(json, as: DiscordTimestamp.self).microsecondsSinceEpoch == Self.instant)
    }

    @Test func escapedHashesAndNoncesAreTheSameValues() throws {
        let hash = "a_0123456789abcdef0123456789abcdef"
        #expect(try decode(#""\u0061_0123456789abcdef0123456789abcde\u0066""#, as: ImageHash.self) == ImageHash(hash))
        #expect(try decode(#""a_0123456789abcdef0123456789abcdef\u0020""#, as: ImageHash.self)
            == ImageHash(hash + " "))
        #expect(try decode(#""\u0031234567890123456789""#, as: StoredNonce.self) == StoredNonce(.string("1234567890123456789")))
        #expect(try decode(#""12\u0033""#, as: StoredNonce.self) == .decimalString(123))
    }

    /// One user object, written plainly and in forms that every fast path must hand to the general one.
    static let plainUser = #"{"id":"80351110224678912","username":"Nelly","avatar":"8342729096ea3675442027381ff50dfe","bot":true}"#

    @Test("a model decodes the same from every equivalent form", arguments: [
        #"{ "id" : "80351110224678912" , "username" : "Nelly" , "avatar" : "8342729096ea3675442027381ff50dfe" , "bot" : true }"#,
        "{\n\t\"id\"\r\n:\"80351110224678912\",\"username\":\"Nelly\",\"avatar\":\"8342729096ea3675442027381ff50dfe\",\"bot\":\ttrue\n}",
        #"{"bot":true,"avatar":"8342729096ea3675442027381ff50dfe","username":"Nelly","id":"80351110224678912"}"#,
        #"{"\u0069d":"\u00380351110224678912","user\u006eame":"Nell\u0079","\u0061vatar":"8342729096ea3675442027381ff50df\u0065","b\u006ft":true}"#,
        #"{"id":"80351110224678912","username":"Nelly","avatar":"8342729096ea3675442027381ff50dfe","\u0062ot":true}"#,
        #"{"id":"80351110224678912","username":"Nelly","avatar":"8342729096ea3675442027381ff50dfe","bot" :true}"#,
    ])
    func userForms(json: String) throws {
        let plain = try User(jsonString: Self.plainUser)
        #expect(try User(jsonString: json) == plain)
    }

    @Test func aMessageWithEscapedIDsAndTimestampDecodes() throws {
        let json = #"""
        {"id":"\u0031","channel_id":"2","author":{"id":"3","username":"u"},"content":"c\/d",
         "timestamp":"2024-01-31T12:34:56.789000\u002B00:00","tts":false,"mention_everyone":false,"mentions":[],
         "mention_roles":["\u0034"],"attachments":[],"embeds":[],"pinned":false,"type":0}
        """#
        let message = try Message(jsonString: json)
        #expect(message.id == 1 && message.content == "c/d" && message.mentionRoles == [4])
        #expect(message.timestamp.microsecondsSinceEpoch == Self.instant)
    }

    @Test func anEscapedEventNameInAFrameIsTheSameEvent() throws {
        let envelope = try scanEnvelope(#"{"op":0,"s":1,"t":"MESSAGE_\u0043REATE","d":{}}"#)
        #expect(envelope.eventName == .messageCreate)
    }

    /// Every number reader at and past its limits, in every position: a value or a typed error, never a trap.
    @Test func numbersAtTheirLimitsNeverTrap() async {
        await #expect(processExitsWith: .success) {
            let numbers = [
                "0", "-0", "-0.0", "0e0", "-0E-0", "1e3", "1.0e3", "1E+400", "-1e400", "1e-400", "9223372036854775807",
                "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
                "18446744073709551616", "99999999999999999999999999999999", "-99999999999999999999",
                "123456789012345678", "1234567890123456789", "0.1e-2147483648", "1e2147483648",
                "1e99999999999999999999", "4.9e-324", "1.7976931348623157e308",
            ]
            for number in numbers {
                for json in [number, "\"\(number)\"", " \(number) ", "[\(number)]"] {
                    _ = try? Int(jsonString: json)
                    _ = try? Int64(jsonString: json)
                    _ = try? UInt64(jsonString: json)
                    _ = try? Double(jsonString: json)
                    _ = try? Snowflake(jsonString: json)
                    _ = try? Permissions(jsonString: json)
                    _ = try? StoredNonce(jsonString: json)
                    _ = try? MessageNonce(jsonString: json)
                    _ = try? RateLimitedBody(jsonString: #"{"message":"m","retry_after":\#(number),"global":false}"#)
                    _ = try? Hello(jsonString: #"{"heartbeat_interval":\#(number)}"#)
                    _ = try? User(jsonString: #"{"id":\#(json),"username":"u","flags":\#(number)}"#)
                    _ = try? Snowflake(jsonString: json).timestamp
                }
            }
        }
    }

    @Test func numbersAtTheirLimitsGiveTheirValuesOrTypedErrors() throws {
        #expect(try decode("18446744073709551615", as: Snowflake.self) == Snowflake(UInt64.max))
        #expect(try decode(#""18446744073709551615""#, as: Snowflake.self) == Snowflake(UInt64.max))
        #expect(throws: JSONDecodingError.self) { try decode("18446744073709551616", as: Snowflake.self) }
        #expect(throws: JSONDecodingError.self) { try decode(#""18446744073709551616""#, as: Snowflake.self) }
        #expect(try decode("-0", as: Snowflake.self) == Snowflake(0))
        #expect(try decode(" -0 ", as: UInt64.self) == 0)
        #expect(throws: JSONDecodingError.self) { try decode("-1", as: Snowflake.self) }
        #expect(throws: JSONDecodingError.self) { try decode("-0.0", as: UInt64.self) }
        #expect(try decode("-0", as: Int.self) == 0)
        #expect(try decode(" -0 ", as: Int64.self) == 0)
        #expect(try decode("9223372036854775807", as: Int64.self) == Int64.max)
        #expect(try decode("-9223372036854775808", as: Int64.self) == Int64.min)
        #expect(throws: JSONDecodingError.self) { try decode("1e3", as: Int.self) }
        #expect(try decode("1.0e3", as: Double.self) == 1000)
        #expect(try decode("-0", as: Double.self) == 0)
        #expect(throws: JSONDecodingError.self) { try decode("1e400", as: Double.self) }
        #expect(try decode("1e-400", as: Double.self) == 0)
        #expect(Snowflake(UInt64.max).timestamp.microsecondsSinceEpoch > 0)
    }
}

/// A REST error body lists the same field errors whatever the order of the keys in its `errors` tree.
@Suite struct ErrorBodyOrderTests {
    @Test func fieldErrorsDoNotDependOnKeyOrder() throws {
        let first = try DiscordErrorBody(jsonString: #"""
        {"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"10":{"title":{"_errors":[{"code":"A","message":"a"}]}},
         "2":{"title":{"_errors":[{"code":"B","message":"b"},{"code":"C","message":"c"}]}}},
         "content":{"_errors":[{"code":"D","message":"d"}]}}}
        """#)
        let second = try DiscordErrorBody(jsonString: #"""
        {"errors":{"content":{"_errors":[{"message":"d","code":"D"}]},"embeds":{"2":{"title":{"_errors":[
         {"code":"B","message":"b"},{"code":"C","message":"c"}]}},"1\u0030":{"title":{"_errors":[{"code":"A","message":"a"}]}}}},
         "message":"Invalid Form Body","code":50035}
        """#)
        #expect(first == second)
        #expect(first.errors.map(\.path) == ["content", "embeds.2.title", "embeds.2.title", "embeds.10.title"])
        #expect(first.errors.map(\.code) == ["D", "B", "C", "A"])
    }

    @Test("paths are ordered part by part, indices by number and before names", arguments: [
        ("a", "b", true), ("b", "a", false), ("a", "a.b", true), ("a.b", "a", false), ("x.2", "x.10", true),
        ("x.10", "x.2", false), ("x.9", "x.a", true), ("x.a", "x.9", false), ("x.1a", "x.2", false),
        ("x.2", "x.1a", true), ("x.01", "x.1", false), ("x.1", "x.01", true),
        ("x.99999999999999999999999", "x.100000000000000000000000", true),
    ])
    func pathOrder(left: String, right: String, precedes: Bool) {
        #expect(DiscordErrorBody.pathPrecedes(left, right) == precedes)
    }
}
