import ApusCore
import ApusModel

/// The bounded, per-resource cache of slim Discord objects, fed by gateway events through ``apply(_:)``.
///
/// Data is split into lock shards: guild data (guild fields, roles, channels, members, presences, voice states) by
/// guild id, messages by channel id, users by user id, and the channel → guild directory by channel id. Each
/// operation holds one shard lock at a time, so tasks working on different guilds do not contend. Lookups return
/// value copies.
///
/// Time comes from the injected ``ApusCore/TimeSource``; age bounds are checked lazily on lookups and by
/// ``sweep(now:)``.
///
/// Memory: entries are packed records (20 bytes per member, 16 per user, 24 per message) whose strings and role
/// lists live in per-guild or per-shard byte arenas; role lists store per-guild ordinals; message content is kept
/// compressed with a fixed chat-text code (``CacheConfiguration/compressesMessageContent``). Measured by the
/// allocator in `Benchmarks/Sources/cache-compare` (100 guilds × 1,000 members, 10,000 messages of 140 bytes of
/// content on average): about 92 bytes per member including its user record, and 140 bytes per message (196 with
/// compression off).
///
/// Events of one guild must be applied in gateway order (one gateway shard delivers them so); events of different
/// guilds may be applied concurrently from any number of tasks.
public final class DiscordCache: Sendable {
    /// The configuration the cache was created with.
    public let configuration: CacheConfiguration
    let timeSource: any TimeSource
    let guildShards: [Shard<GuildShard>]
    let messageShards: [Shard<MessageShard>]
    let userShards: [Shard<UserShard>]
    let directoryShards: [Shard<ChannelDirectory>]

    /// Creates an empty cache.
    public init(configuration: CacheConfiguration = CacheConfiguration(), timeSource: any TimeSource = SystemTimeSource()) {
        self.configuration = configuration
        self.timeSource = timeSource
        let count = max(1, configuration.shardCount)
        guildShards = (0 ..< count).map { _ in Shard(GuildShard()) }
        // Each message shard gets an equal share of the total bound (the shares sum to it exactly); small totals use
        // fewer shards so that every share holds at least 64 messages.
        let messageShardCount = configuration.messages.maximumTotal.map { min(count, max(1, $0 / 64)) } ?? count
        messageShards = (0 ..< messageShardCount).map { _ in Shard(MessageShard()) }
        userShards = (0 ..< count).map { _ in Shard(UserShard()) }
        directoryShards = (0 ..< count).map { _ in Shard(ChannelDirectory()) }
    }

    // MARK: - Shard selection

    @inline(__always)
    static func shardIndex(_ id: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: ((id &* 0x9E37_79B9_7F4A_7C15) >> 40) % UInt64(count))
    }

    func guildShard(_ guildID: UInt64) -> Shard<GuildShard> {
        guildShards[Self.shardIndex(guildID, count: guildShards.count)]
    }

    func messageShard(_ channelID: UInt64) -> Shard<MessageShard> {
        messageShards[Self.shardIndex(channelID, count: messageShards.count)]
    }

    func userShard(_ userID: UInt64) -> Shard<UserShard> {
        userShards[Self.shardIndex(userID, count: userShards.count)]
    }

    func directoryShard(_ channelID: UInt64) -> Shard<ChannelDirectory> {
        directoryShards[Self.shardIndex(channelID, count: directoryShards.count)]
    }

    /// The current monotonic second, for records' write times.
    var nowSecond: UInt32 { CacheClock.seconds(timeSource.now()) }

    /// The expiry threshold of a resource at the current time.
    func threshold(_ resource: CacheResource) -> UInt32 {
        CacheClock.freshnessThreshold(now: timeSource.now(), maximumAge: configuration[resource].maximumAge)
    }

    /// Messages allowed in the message shard of a channel by the total bound (shares sum to the bound exactly).
    func messageShareLimit(channelID: UInt64) -> Int? {
        guard let total = configuration.messages.maximumTotal else { return nil }
        let count = messageShards.count
        let index = Self.shardIndex(channelID, count: count)
        return max(0, total) / count + (index < max(0, total) % count ? 1 : 0)
    }

    // MARK: - Statistics and sweeping

    /// Entries, hits, misses, evictions and estimated bytes of every resource, summed over shards.
    public func statistics() -> CacheStatistics {
        var statistics = CacheStatistics()
        for shard in guildShards {
            shard.with { shard in
                shard.counters.write(into: &statistics)
                for state in shard.guilds.values {
                    if state.info != nil {
                        statistics[.guilds].entries += 1
                        statistics[.guilds].estimatedBytes += MemoryLayout<GuildState>.stride
                    }
                    statistics[.roles].entries += state.roles.count
                    statistics[.roles].estimatedBytes += state.roles.allocatedBytes
                    statistics[.channels].entries += state.channels.count
                    statistics[.channels].estimatedBytes += state.channels.allocatedBytes
                    statistics[.members].entries += state.members.count
                    statistics[.members].estimatedBytes += state.members.allocatedBytes + state.arena.allocatedBytes
                        + state.roleOrdinals.allocatedBytes
                    statistics[.presences].entries += state.presences.count
                    statistics[.presences].estimatedBytes += state.presences.allocatedBytes
                    statistics[.voiceStates].entries += state.voiceStates.count
                    statistics[.voiceStates].estimatedBytes += state.voiceStates.allocatedBytes
                }
            }
        }
        for shard in messageShards {
            shard.with { shard in
                shard.counters.write(into: &statistics)
                statistics[.messages].entries += shard.total
                statistics[.messages].estimatedBytes += shard.allocatedBytes
            }
        }
        for shard in userShards {
            shard.with { shard in
                shard.counters.write(into: &statistics)
                statistics[.users].entries += shard.users.count
                statistics[.users].estimatedBytes += shard.users.allocatedBytes + shard.arena.allocatedBytes
            }
        }
        return statistics
    }

    /// Removes every entry older than its resource's age bound at `now` (members, presences, messages) and returns
    /// how many entries were removed. Counted as evictions.
    @discardableResult
    public func sweep(now: MonotonicTime) -> Int {
        let memberThreshold = CacheClock.freshnessThreshold(now: now, maximumAge: configuration.members.maximumAge)
        let presenceThreshold = CacheClock.freshnessThreshold(now: now, maximumAge: configuration.presences.maximumAge)
        let messageThreshold = CacheClock.freshnessThreshold(now: now, maximumAge: configuration.messages.maximumAge)
        var removed = 0
        var releasedUsers: [UInt64] = []
        if memberThreshold > 0 || presenceThreshold > 0 {
            for shard in guildShards {
                shard.with { shard in
                    for guildID in Array(shard.guilds.keys) {
                        guard var state = shard.guilds.removeValue(forKey: guildID) else { continue }
                        let members = state.expireMembers(before: memberThreshold)
                        let presences = state.expirePresences(before: presenceThreshold)
                        shard.guilds[guildID] = state
                        releasedUsers += members
                        shard.counters.evicted(.members, count: members.count)
                        shard.counters.evicted(.presences, count: presences)
                        removed += members.count + presences
                    }
                }
            }
        }
        if messageThreshold > 0 {
            for shard in messageShards {
                removed += shard.with { shard in
                    let count = shard.expire(before: messageThreshold)
                    shard.counters.evicted(.messages, count: count)
                    return count
                }
            }
        }
        releaseUsers(releasedUsers)
        return removed
    }

    // MARK: - Guild shard access

    /// Runs `body` on a cached guild's state; returns nil (without calling `body`) when the guild is not cached.
    func withGuild<Result>(_ guildID: UInt64, _ body: (inout GuildState, inout ShardCounters) -> Result) -> Result? {
        guildShard(guildID).with { shard -> Result? in
            guard var state = shard.guilds.removeValue(forKey: guildID) else { return nil }
            let result = body(&state, &shard.counters)
            shard.guilds[guildID] = state
            return result
        }
    }
}
