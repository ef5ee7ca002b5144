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

/// The timestamp parser's shortcut for Discord's own form agrees with the general parser on every input it accepts,
/// and leaves everything else to it.
@Suite struct DiscordTimestampShortcutTests {
    private func both(_ text: String) -> (shortcut: Int64?, general: Int64?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { (DiscordTimestamp.parseDiscordForm($0), DiscordTimestamp.parseAnyForm($0)) }
    }

    @Test func seededRandomTimestampsAgree() {
        var state: UInt64 = 0xDEAD_BEEF_1234_5678
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        for _ in 0..<5_000 {
            // Mostly valid fields, sometimes out of range (month 13, hour 24, second 61...).
            let date = "\(pad(1970 + next(100), 4))-\(pad(next(14), 2))-\(pad(next(33), 2))"
            let time = "\(pad(next(25), 2)):\(pad(next(61), 2)):\(pad(next(62), 2))"
            let fraction = next(2) == 0 ? "" : "." + pad(next(1_000_000), 6)
            let text = date + "T" + time + fraction + "+00:00"
            let (shortcut, general) = both(text)
            #expect(shortcut == general, "\(text)")
        }
    }

    @Test func everyByteAtEveryPosition() {
        for base in ["2026-02-28T00:00:00.101000+00:00", "2026-02-28T23:59:60+00:00"] {
            let original = Array(base.utf8)
            for position in original.indices {
                for value in 0...255 where UInt8(value) != original[position] {
                    var bytes = original
                    bytes[position] = UInt8(value)
                    let text = String(decoding: bytes, as: UTF8.self)
                    let (shortcut, general) = bytes.withUnsafeBytes {
                        (DiscordTimestamp.parseDiscordForm($0), DiscordTimestamp.parseAnyForm($0))
                    }
                    // The shortcut may decline ("t", " ", other offsets); it may never disagree.
                    if let shortcut { #expect(shortcut == general, "\(text)") }
                }
            }
        }
        #expect(both("2026-02-28t00:00:00+00:00").shortcut == nil)
        #expect(both("2026-02-28t00:00:00+00:00").general != nil)
        #expect(both("2026-02-28T00:00:00.101000+01:00").shortcut == nil)
    }

    /// Decoding from JSON parses Discord's forms where they stand (no scan of the string first): whatever follows
    /// the value, and for every byte value at every position of the string, it must give what scanning the string
    /// and parsing it gives, and throw exactly when that throws.
    @Test func readingInPlaceAgreesWithScanningFirst() {
        func decoded(_ json: [UInt8]) -> DiscordTimestamp? {
            json.withUnsafeBytes { bytes in
                var reader = JSONReader(bytes: bytes)
                return try? reader.decode(DiscordTimestamp.self)
            }
        }
        func expected(_ json: [UInt8]) -> DiscordTimestamp? {
            json.withUnsafeBytes { bytes in
                var reader = JSONReader(bytes: bytes)
                guard let scanned = try? reader.scanString(), !scanned.hasEscapes,
                      let value = DiscordTimestamp.parse(UnsafeRawBufferPointer(rebasing: bytes[scanned.start..<scanned.end]))
                else { return nil }
                return DiscordTimestamp(microsecondsSinceEpoch: value)
            }
        }
        let suffixes = ["", "}", #","x":"a"}"#, #"","#, #""""""""""#]
        for base in ["2026-02-28T00:00:00.101000+00:00", "2026-02-28T23:59:60+00:00", "2026-02-28T23:59:60Z"] {
            for suffix in suffixes {
                let original = Array(("\"" + base + "\"" + suffix).utf8)
                #expect(decoded(original) == expected(original) && expected(original) != nil, "\(base)\(suffix)")
                for position in 1..<(base.utf8.count + 1) {
                    for value in 0...255 {
                        var bytes = original
                        bytes[position] = UInt8(value)
                        #expect(decoded(bytes) == expected(bytes), "byte \(value) at \(position) of \(base)\(suffix)")
                    }
                }
            }
        }
    }
}
