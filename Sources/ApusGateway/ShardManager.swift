import ApusCore
import Logging

/// Runs a chosen range of shards of one bot, all feeding one ``EventDistributor`` and sharing one
/// ``IdentifyQueue`` (so IDENTIFYs go out in rate-limit-key order).
///
/// ```swift
/// let manager = ShardManager(template: config, shardIDs: 0..<4, shardCount: 4, identifyQueue: queue, distributor: d)
/// try await manager.run()
/// ```
public final class ShardManager: Sendable {
    /// The shards this manager runs, by id.
    public let shards: [Int: Shard]
    /// The ids in start order.
    public let shardIDs: [Int]
    private let identifyQueue: any IdentifyQueue
    private let logger: Logger

    /// Creates shards `shardIDs` of `shardCount` from `template` (its shard id and count are replaced; its
    /// ``ShardConfiguration/gatewayURLProvider`` serves every shard). `sessions` resumes shards whose sessions an
    /// earlier process exported.
    public init(
        template: ShardConfiguration,
        shardIDs: Range<Int>,
        shardCount: Int,
        identifyQueue: any IdentifyQueue,
        distributor: EventDistributor,
        sessions: [GatewaySession] = [],
        timeSource: any TimeSource = SystemTimeSource(),
        seed: UInt64? = nil,
        logger: Logger = Logger(label: "apus.gateway")
    ) {
        var shards: [Int: Shard] = [:]
        let sessionsByShard = Dictionary(sessions.map { ($0.shardID, $0) }, uniquingKeysWith: { _, last in last })
        for shardID in shardIDs {
            var configuration = template
            configuration.shardID = shardID
            configuration.shardCount = shardCount
            let random = seed.map { SeededRandom(seed: $0 &+ UInt64(shardID)) } ?? SeededRandom()
            let session = sessionsByShard[shardID].flatMap { $0.shardCount == shardCount ? $0 : nil }
            shards[shardID] = Shard(
                configuration: configuration, identifyQueue: identifyQueue, distributor: distributor,
                session: session, timeSource: timeSource, random: random, logger: logger
            )
        }
        self.shards = shards
        self.shardIDs = Array(shardIDs)
        self.identifyQueue = identifyQueue
        self.logger = logger
    }

    /// Runs every shard until all are stopped. If one stops with a fatal error, the others are stopped too and the
    /// error is thrown.
    public func run() async throws {
        let fresh = shardIDs.filter { shards[$0]?.exportSession() == nil }
        await identifyQueue.prepare(startOrder: fresh)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for shardID in shardIDs {
                guard let shard = shards[shardID] else { continue }
                group.addTask { try await shard.run() }
            }
            do {
                while try await group.next() != nil {}
            } catch {
                logger.error("a shard failed; stopping all shards: \(error)")
                stop(keepSessionResumable: true)
                while (try? await group.next()) != nil {}
                throw error
            }
        }
    }

    /// Stops every shard (see ``Shard/stop(keepSessionResumable:)``).
    public func stop(keepSessionResumable: Bool = false) {
        for shard in shards.values { shard.stop(keepSessionResumable: keepSessionResumable) }
    }

    /// Every shard's resumable session, for saving before a restart.
    public func exportSessions() -> [GatewaySession] {
        shardIDs.compactMap { shards[$0]?.exportSession() }
    }

    /// The shard that receives events of `guildID`: `(guild_id >> 22) % shard_count`.
    public static func shardID(forGuild guildID: UInt64, shardCount: Int) -> Int {
        Int((guildID >> 22) % UInt64(max(1, shardCount)))
    }
}
