import ApusCompression

/// The gateway-ingest workload: a READY, GUILD_CREATEs, then a deterministic mix of dispatches, each message
/// compressed as `zstd-stream` (level 3, one flush per message, one context for the whole stream).
public struct IngestWorkload: Sendable {
    /// Frames before the mix (READY and the GUILD_CREATEs).
    public var setupMessageCount: Int
    /// The uncompressed gateway messages, setup frames first.
    public var jsonMessages: [[UInt8]]
    /// The same messages as WebSocket payloads of one `zstd-stream` connection.
    public var compressedMessages: [[UInt8]]
    /// How many dispatches of each event name the mix holds.
    public var eventCounts: [String: Int]

    /// Dispatches in the mix (after the setup frames).
    public var dispatchCount: Int { jsonMessages.count - setupMessageCount }
    /// Total uncompressed JSON bytes.
    public var jsonByteCount: Int { jsonMessages.reduce(0) { $0 + $1.count } }
    /// Total compressed bytes.
    public var compressedByteCount: Int { compressedMessages.reduce(0) { $0 + $1.count } }

    /// Creates a workload from its parts.
    public init(setupMessageCount: Int, jsonMessages: [[UInt8]], compressedMessages: [[UInt8]], eventCounts: [String: Int]) {
        self.setupMessageCount = setupMessageCount
        self.jsonMessages = jsonMessages
        self.compressedMessages = compressedMessages
        self.eventCounts = eventCounts
    }

    /// Generates the workload: equal seeds give byte-identical streams.
    public static func generate(seed: UInt64 = 0xA905_2026, dispatchCount: Int = 100_000) throws(CompressionError) -> IngestWorkload {
        var random = WorkloadRandom(seed: seed)
        var text = TextSource(random: WorkloadRandom(seed: seed ^ 0x7E47))
        let start: UInt64 = 1_772_236_800_000 // 2026-02-28T00:00:00Z
        let world = GeneratedWorld(
            random: &random, text: &text, startMilliseconds: start,
            guildCount: 4, channelsPerGuild: 25, rolesPerGuild: 40, membersPerGuild: 300
        )
        var messages: [String] = []
        var sequence = 1
        messages.append(SetupFrames.ready(world: world, sequence: sequence, text: &text))
        for guild in world.guilds {
            sequence += 1
            messages.append(SetupFrames.guildCreate(guild: guild, sequence: sequence, text: &text))
        }
        let setupCount = messages.count
        var mix = DispatchMix(world: world, random: random, text: text, startMilliseconds: start)
        var counts: [String: Int] = [:]
        for _ in 0..<dispatchCount {
            sequence += 1
            let (name, data) = mix.next()
            counts[name, default: 0] += 1
            messages.append(SetupFrames.envelope(name, sequence: sequence, data: data))
        }
        let json = messages.map { Array($0.utf8) }
        let compressor = try ZstdStreamCompressor(level: 3)
        var compressed: [[UInt8]] = []
        compressed.reserveCapacity(json.count)
        for message in json { compressed.append(try compressor.compress(message)) }
        return IngestWorkload(setupMessageCount: setupCount, jsonMessages: json, compressedMessages: compressed, eventCounts: counts)
    }
}
