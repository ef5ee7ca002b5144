import ApusCache
import ApusCore
import ApusModel

/// The Apus side: decode each dispatch with ApusModel and apply it to a `DiscordCache`, measuring live heap bytes
/// around the members phase (GUILD_CREATE) and the messages phase (MESSAGE_CREATE). Each decoded event is dropped
/// right after it is applied, so only what the cache keeps is counted.
struct ApusMeasurement {
    var memberBytes = 0
    var members = 0
    var messageBytes = 0
    var messages = 0
    var statistics = CacheStatistics()
}

enum ApusSide {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func measure(file bytes: [UInt8]) throws -> ApusMeasurement {
        var configuration = CacheConfiguration()
        configuration.messages = ResourcePolicy(maximumPerContainer: 1_000, maximumTotal: 10 * Workload.messageCount)
        let cache = DiscordCache(configuration: configuration, timeSource: SystemTimeSource())
        var result = ApusMeasurement()
        let lines = splitLines(bytes)
        let guildLines = lines.filter { $0.name == "GUILD_CREATE" }
        let messageLines = lines.filter { $0.name == "MESSAGE_CREATE" }

        let beforeMembers = AllocatorProbe.liveBytes()
        try apply(guildLines, kind: EventKind(name: "GUILD_CREATE"), bytes: bytes, to: cache)
        result.memberBytes = AllocatorProbe.liveBytes() - beforeMembers

        let beforeMessages = AllocatorProbe.liveBytes()
        try apply(messageLines, kind: EventKind(name: "MESSAGE_CREATE"), bytes: bytes, to: cache)
        result.messageBytes = AllocatorProbe.liveBytes() - beforeMessages

        result.statistics = cache.statistics()
        result.members = result.statistics[.members].entries
        result.messages = result.statistics[.messages].entries
        withExtendedLifetime(cache) {}
        return result
    }

    private static func apply(_ lines: [Line], kind: EventKind, bytes: [UInt8], to cache: DiscordCache) throws {
        try bytes.withUnsafeBytes { buffer in
            for line in lines {
                let event = try GatewayEvent.decode(kind: kind, data: UnsafeRawBufferPointer(rebasing: buffer[line.json]))
                cache.apply(event)
            }
        }
    }

    struct Line {
        var name: String
        var json: Range<Int>
    }

    /// Splits `NAME\tJSON\n` lines into names and JSON byte ranges.
    static func splitLines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let tab = bytes[start ..< end].firstIndex(of: UInt8(ascii: "\t")) {
                lines.append(Line(name: String(decoding: bytes[start ..< tab], as: UTF8.self), json: tab + 1 ..< end))
            }
            start = end + 1
        }
        return lines
    }
}
