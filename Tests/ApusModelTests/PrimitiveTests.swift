import Foundation
import Testing
@testable import ApusModel

@Suite struct PrimitiveTests {
    static let timestamps: [(String, Int64)] = [
        ("1970-01-01T00:00:00Z", 0),
        ("1970-01-01T00:00:00.000001+00:00", 1),
        ("2015-01-01T00:00:00+00:00", 1_420_070_400_000_000),
        ("2024-02-29T12:34:56.789000+00:00", 1_709_210_096_789_000),
        ("2024-02-29T14:34:56.789+02:00", 1_709_210_096_789_000),
        ("2024-02-29T10:04:56.789-02:30", 1_709_210_096_789_000),
        ("1969-12-31T23:59:59.5Z", -500_000),
    ]

    @Test(arguments: timestamps)
    func parsesISO8601(text: String, micros: Int64) throws {
        #expect(DiscordTimestamp(iso8601: text)?.microsecondsSinceEpoch == micros)
        #expect(try DiscordTimestamp(jsonString: "\"\(text)\"").microsecondsSinceEpoch == micros)
    }

    @Test func agreesWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for text in ["2021-06-15T08:09:10.123+00:00", "1999-12-31T23:59:59.999+00:00", "2038-01-19T03:14:07.000+00:00"] {
            let date = try #require(formatter.date(from: text))
            let parsed = try #require(DiscordTimestamp(iso8601: text))
            #expect(parsed.microsecondsSinceEpoch / 1000 == Int64((date.timeIntervalSince1970 * 1000).rounded()))
        }
    }

    static let badTimestamps = ["", "2024-02-29", "2024-13-01T00:00:00Z", "2024-02-29T25:00:00Z", "2024-02-29T12:34:56",
                                "2024-02-29T12:34:56.Z", "2024-02-29T12:34:56Zjunk", "2024/02/29T12:34:56Z", "abcd-ef-ghTij:kl:mnZ"]

    @Test(arguments: badTimestamps)
    func rejectsMalformedTimestamps(text: String) {
        #expect(DiscordTimestamp(iso8601: text) == nil)
        #expect(throws: JSONDecodingError.self) { try DiscordTimestamp(jsonString: "\"\(text)\"") }
    }

    @Test func timestampDescriptionRoundTrips() throws {
        let value = DiscordTimestamp(microsecondsSinceEpoch: 1_709_210_096_789_012)
        #expect(value.description == "2024-02-29T12:34:56.789012+00:00")
        #expect(DiscordTimestamp(iso8601: value.description) == value)
    }

    @Test func intents() {
        #expect(Intents.privileged == [.guildMembers, .guildPresences, .messageContent])
        #expect(Intents.default.isDisjoint(with: .privileged))
        #expect(Intents.default.union(.privileged) == .all)
        #expect(Intents.all.rawValue == 0b11_0011_0001_1111_1111_1111_1111)
        #expect(Intents.default.contains(.guildMessages))
    }

    @Test func permissionsDecodeFromStrings() throws {
        let permissions = try Permissions(jsonString: #""2251799813685247""#)
        #expect(permissions.contains(.administrator))
        #expect(permissions.contains(.sendPolls))
        #expect(try Permissions(jsonString: #""0""#).isEmpty)
        #expect(try Permissions(jsonString: #""18446744073709551615""#).rawValue == UInt64.max)
        #expect(throws: JSONDecodingError.self) { try Permissions(jsonString: #""-1""#) }
    }

    @Test func opcodesAndUnknownEnumsAreTolerated() throws {
        #expect(GatewayOpcode(rawValue: 10) == .hello)
        #expect(GatewayOpcode(rawValue: 99) == .unknown(99))
        #expect(GatewayOpcode(rawValue: 99).rawValue == 99)
        #expect(try ChannelType(jsonString: "15") == .guildForum)
        #expect(try ChannelType(jsonString: "1234") == .unknown(1234))
        #expect(try PresenceStatus(jsonString: #""dnd""#) == .doNotDisturb)
        #expect(try PresenceStatus(jsonString: #""xyz""#) == .unknown("xyz"))
        #expect(try OverwriteType(jsonString: #""member""#) == .member)
    }
}
