/// The messages of the channels hashed to one message shard, with one arena for their text. Each channel's log is
/// a record of an ``IDTable`` keyed by channel id (about 35 bytes per channel, against 50-60 in a `Dictionary`).
struct MessageShard: Sendable {
    var channels = IDTable<ChannelMessageLog>()
    var arena = ByteArena()
    /// Messages cached in this shard.
    var total = 0
    var counters = ShardCounters()

    /// Inserts a message; returns how many messages the per-channel and shard bounds evicted.
    mutating func insert(
        _ record: MessageRecord, channelID: UInt64, guildID: UInt64, blob: [UInt8], perChannel: Int?, shardTotal: Int?
    ) -> Int {
        var stored = record
        stored.blob = arena.append(blob)
        if channels.slot(of: channelID) == nil { channels.upsert(ChannelMessageLog(channelID: channelID, guildID: guildID)) }
        let outcome = channels.withRecord(channelID) { log -> (replaced: MessageRecord?, evicted: [MessageRecord], left: Int) in
            let replaced = log.insert(stored)
            var evicted: [MessageRecord] = []
            if let perChannel {
                while log.count > max(0, perChannel), let oldest = log.removeOldest() { evicted.append(oldest) }
            }
            return (replaced, evicted, log.count)
        }
        guard let outcome else { return 0 }
        if let replaced = outcome.replaced {
            arena.release(replaced.blob)
        } else {
            total += 1
        }
        for oldest in outcome.evicted { arena.release(oldest.blob) }
        total -= outcome.evicted.count
        var evicted = outcome.evicted.count
        if outcome.left == 0 { channels.remove(channelID) }
        if let shardTotal {
            while total > max(0, shardTotal), evictOldest() { evicted += 1 }
        }
        compactIfNeeded()
        return evicted
    }

    /// Removes the oldest message of the shard (smallest id across channels); false when empty.
    mutating func evictOldest() -> Bool {
        var oldestChannel: UInt64?
        var oldestID = UInt64.max
        for log in channels.records {
            if let oldest = log.oldest, oldest.id < oldestID {
                oldestID = oldest.id
                oldestChannel = log.channelID
            }
        }
        guard let channelID = oldestChannel,
              let (removed, left) = channels.withRecord(channelID, { log in (log.removeOldest(), log.count) }),
              let removed
        else { return false }
        arena.release(removed.blob)
        total -= 1
        if left == 0 { channels.remove(channelID) }
        return true
    }

    /// Removes a message; true when it was cached.
    mutating func remove(_ id: UInt64, channelID: UInt64) -> Bool {
        guard let (removed, left) = channels.withRecord(channelID, { log in (log.remove(id), log.count) }) else {
            return false
        }
        if let removed {
            arena.release(removed.blob)
            total -= 1
        }
        if left == 0 { channels.remove(channelID) }
        compactIfNeeded()
        return removed != nil
    }

    /// Replaces the stored record of a message (same id) in its channel's log.
    mutating func replace(_ record: MessageRecord, channelID: UInt64) {
        _ = channels.withRecord(channelID) { log in
            if let position = log.position(of: record.id) { log.replace(at: position, with: record) }
        }
    }

    /// Removes a whole channel's messages; returns how many.
    mutating func removeChannel(_ channelID: UInt64) -> Int {
        guard let log = channels.remove(channelID) else { return 0 }
        for record in log.live { arena.release(record.blob) }
        total -= log.count
        compactIfNeeded()
        return log.count
    }

    /// Removes messages written before `threshold`; returns how many.
    mutating func expire(before threshold: UInt32) -> Int {
        guard threshold > 0 else { return 0 }
        var removed = 0
        for channelID in channels.records.map(\.channelID) {
            let outcome = channels.withRecord(channelID) { log -> (doomed: [MessageRecord], left: Int) in
                let doomed = log.live.filter { $0.writtenAt < threshold }.compactMap { log.remove($0.id) }
                return (doomed, log.count)
            }
            guard let outcome else { continue }
            for record in outcome.doomed { arena.release(record.blob) }
            total -= outcome.doomed.count
            removed += outcome.doomed.count
            if outcome.left == 0 { channels.remove(channelID) }
        }
        compactIfNeeded()
        return removed
    }

    /// Bytes allocated by this shard's storage.
    var allocatedBytes: Int {
        channels.records.reduce(0) { $0 + $1.allocatedBytes } + channels.allocatedBytes + arena.allocatedBytes
    }

    private mutating func compactIfNeeded() {
        guard arena.shouldCompact else { return }
        let old = arena
        var fresh = ByteArena()
        fresh.reserve(old.bytes.count - old.garbage)
        channels.updateAll { log in log.updateAll { $0.blob = fresh.copy($0.blob, from: old) } }
        arena = fresh
    }
}
