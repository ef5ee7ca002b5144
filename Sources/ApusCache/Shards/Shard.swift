import Synchronization

/// One lock-guarded partition of the cache. Distinct shards never contend; no code path holds two shard locks at once.
final class Shard<State: Sendable>: Sendable {
    /// The shard's state and its lock.
    let state: Mutex<State>

    init(_ initial: sending State) {
        state = Mutex(initial)
    }

    /// Runs `body` with exclusive access to the state.
    @inline(__always)
    func with<Result>(_ body: (inout sending State) -> sending Result) -> sending Result {
        state.withLock(body)
    }
}

/// The guilds hashed to one guild shard.
struct GuildShard: Sendable {
    var guilds: [UInt64: GuildState] = [:]
    var counters = ShardCounters()
}

/// The users hashed to one user shard, with one arena for their names and avatars.
struct UserShard: Sendable {
    var users = IDTable<UserRecord>()
    var arena = ByteArena()
    var counters = ShardCounters()

    /// Copies live blobs into a fresh arena once more than half of it is garbage.
    mutating func compactIfNeeded() {
        guard arena.shouldCompact else { return }
        let old = arena
        var fresh = ByteArena()
        fresh.reserve(old.bytes.count - old.garbage)
        users.updateAll { $0.blob = fresh.copy($0.blob, from: old) }
        arena = fresh
    }
}

/// Channel id → guild id for the channels hashed to one directory shard, so that ``DiscordCache/channel(_:)``
/// finds a channel's guild shard.
struct ChannelDirectory: Sendable {
    var guildOfChannel: [UInt64: UInt64] = [:]
}
