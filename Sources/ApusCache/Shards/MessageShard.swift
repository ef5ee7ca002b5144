/// The messages of the channels hashed to one message shard, with one arena for their text.
struct MessageShard: Sendable {
    var channels: [UInt64: ChannelMessageLog] = [:]
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
        var log = channels.removeValue(forKey: channelID) ?? ChannelMessageLog(guildID: guildID)
        if let replaced = log.insert(stored) {
            arena.release(replaced.blob)
        } else {
            total += 1
        }
        var evicted = 0
        if let perChannel {
            while log.count > max(0, perChannel), let oldest = log.removeOldest() {
                arena.release(oldest.blob)
                total -= 1
                evicted += 1
            }
        }
        if log.count > 0 { channels[channelID] = log }
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
        for (channelID, log) in channels {
            if let oldest = log.oldest, oldest.id < oldestID {
                oldestID = oldest.id
                oldestChannel = channelID
            }
        }
        guard let channelID = oldestChannel, var log = channels.removeValue(forKey: channelID),
              let removed = log.removeOldest()
        else { return false }
        arena.release(removed.blob)
        total -= 1
        if log.count > 0 { channels[channelID] = log }
        return true
    }

    /// Removes a message; true when it was cached.
    mutating func remove(_ id: UInt64, channelID: UInt64) -> Bool {
        guard var log = channels.removeValue(forKey: channelID) else { return false }
        let removed = log.remove(id)
        if let removed {
            arena.release(removed.blob)
            total -= 1
        }
        if log.count > 0 { channels[channelID] = log }
        compactIfNeeded()
        return removed != nil
    }

    /// Removes a whole channel's messages; returns how many.
    mutating func removeChannel(_ channelID: UInt64) -> Int {
        guard let log = channels.removeValue(forKey: channelID) else { return 0 }
        for record in log.live { arena.release(record.blob) }
        total -= log.count
        compactIfNeeded()
        return log.count
    }

    /// Removes messages written before `threshold`; returns how many.
    mutating func expire(before threshold: UInt32) -> Int {
        guard threshold > 0 else { return 0 }
        var removed = 0
        for channelID in Array(channels.keys) {
            guard var log = channels.removeValue(forKey: channelID) else { continue }
            let doomed = log.live.filter { $0.writtenAt < threshold }.map(\.id)
            for id in doomed {
                if let record = log.remove(id) {
                    arena.release(record.blob)
                    total -= 1
                    removed += 1
                }
            }
            if log.count > 0 { channels[channelID] = log }
        }
        compactIfNeeded()
        return removed
    }

    /// Bytes allocated by this shard's storage.
    var allocatedBytes: Int {
        let logs = channels.values.reduce(0) { $0 + $1.allocatedBytes }
        let dictionary = channels.capacity * (MemoryLayout<UInt64>.stride + MemoryLayout<ChannelMessageLog>.stride)
        return logs + dictionary + arena.allocatedBytes
    }

    private mutating func compactIfNeeded() {
        guard arena.shouldCompact else { return }
        let old = arena
        var fresh = ByteArena()
        fresh.reserve(old.bytes.count - old.garbage)
        for channelID in Array(channels.keys) {
            channels[channelID]?.updateAll { $0.blob = fresh.copy($0.blob, from: old) }
        }
        arena = fresh
    }
}
