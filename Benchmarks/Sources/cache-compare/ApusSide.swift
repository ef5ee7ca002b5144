import ApusCache
import ApusCore
import ApusModel

/// The Apus side: decode each dispatch with ApusModel and apply it to a `DiscordCache`, measuring live heap bytes
/// around the members phase (GUILD_CREATE) and the messages phase (MESSAGE_CREATE). Each decoded event is dropped
/// right after it is applied, so only what the cache keeps is counted; the input and its line index live until both
/// phases are measured.
struct ApusMeasurement {
    var memberBytes = 0
    var members = 0
    var messageBytes = 0
    var messages = 0
    var statistics = CacheStatistics()
    /// Wall time of the messages phase (decode + apply), for the CPU cost of the storage format; informational only
    /// (the machine is shared).
    var messagesPhase = Duration.zero
    /// Wall time to read every cached message back with `message(_:channel:)`, after the memory measurements.
    var readBack = Duration.zero
    /// Messages found when reading back.
    var readBackHits = 0
}

enum ApusSide {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func measure(file bytes: [UInt8], compressesContent: Bool) throws -> ApusMeasurement {
        var configuration = CacheConfiguration()
        configuration.compressesMessageContent = compressesContent
        configuration.messages = ResourcePolicy(maximumPerContainer: 1_000, maximumTotal: 10 * Workload.messageCount)
        let cache = DiscordCache(configuration: configuration, timeSource: SystemTimeSource())
        var result = ApusMeasurement()
        let lines = splitLines(bytes)
        let guildLines = lines.filter { $0.name == "GUILD_CREATE" }
        let messageLines = lines.filter { $0.name == "MESSAGE_CREATE" }

        let beforeMembers = AllocatorProbe.liveBytes()
        try apply(guildLines, kind: EventKind(name: "GUILD_CREATE"), bytes: bytes, to: cache)
        result.memberBytes = AllocatorProbe.liveBytes() - beforeMembers

        let clock = ContinuousClock()
        let beforeMessages = AllocatorProbe.liveBytes()
        let started = clock.now
        try apply(messageLines, kind: EventKind(name: "MESSAGE_CREATE"), bytes: bytes, to: cache)
        result.messagesPhase = clock.now - started
        result.messageBytes = AllocatorProbe.liveBytes() - beforeMessages

        result.statistics = cache.statistics()
        result.members = result.statistics[.members].entries
        result.messages = result.statistics[.messages].entries
        // Swift may free a value right after its last use. Without this, the 10,000-line index (`messageLines`,
        // about 0.5 MB) was freed between the end of the messages phase and its second probe, and that phase was
        // under-counted by about 52 bytes per message.
        withExtendedLifetime((cache, lines, guildLines, messageLines)) {}

        // Read every message back (timed), then check that each cached field matches the payload.
        let expected = try bytes.withUnsafeBytes { buffer in
            try messageLines.map { line -> Message in
                let event = try GatewayEvent.decode(
                    kind: EventKind(name: "MESSAGE_CREATE"), data: UnsafeRawBufferPointer(rebasing: buffer[line.json])
                )
                guard case .messageCreate(let message) = event else { throw Failure(description: "not a message") }
                return message
            }
        }
        let readStarted = clock.now
        var found: [CachedMessage] = []
        found.reserveCapacity(expected.count)
        for message in expected {
            if let cached = cache.message(message.id, channel: message.channelID) { found.append(cached) }
        }
        result.readBack = clock.now - readStarted
        result.readBackHits = found.count
        for (message, cached) in zip(expected, found) {
            guard cached.id == message.id, cached.content == message.content, cached.authorID == message.author.id,
                  cached.timestamp == message.timestamp, cached.attachmentURLs == message.attachments.map(\.url),
                  cached.mentionedUserIDs == message.mentions.map(\.id),
                  cached.referencedMessageID == message.messageReference?.messageID
            else { throw Failure(description: "cached message \(message.id) differs from its payload") }
        }
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
}
