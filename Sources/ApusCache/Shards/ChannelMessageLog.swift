/// The cached messages of one channel, oldest first, sorted by id (snowflakes grow with time). Eviction of the oldest
/// message is O(1) amortised: a head offset advances and the array is trimmed once half of it is dead.
///
/// Logs live in their shard's ``IDTable``, keyed by channel id.
struct ChannelMessageLog: IDKeyedRecord {
    /// The channel.
    let channelID: UInt64
    /// The channel's guild (0 for DMs).
    var guildID: UInt64
    private(set) var records: [MessageRecord] = []
    private var head = 0

    init(channelID: UInt64, guildID: UInt64) {
        self.channelID = channelID
        self.guildID = guildID
    }

    var key: UInt64 { channelID }

    /// Number of cached messages.
    var count: Int { records.count - head }

    /// The live records, oldest first.
    var live: ArraySlice<MessageRecord> { records[head...] }

    /// Bytes allocated by the record array.
    var allocatedBytes: Int { records.capacity * MemoryLayout<MessageRecord>.stride }

    /// The oldest cached message.
    var oldest: MessageRecord? { head < records.count ? records[head] : nil }

    /// The position of a message in ``records``.
    func position(of id: UInt64) -> Int? {
        var low = head
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            if records[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < records.count && records[low].id == id ? low : nil
    }

    /// The message with `id`.
    func record(_ id: UInt64) -> MessageRecord? {
        position(of: id).map { records[$0] }
    }

    /// Inserts a message in id order, replacing one with the same id; returns the replaced record.
    mutating func insert(_ record: MessageRecord) -> MessageRecord? {
        if head == records.count || records[records.count - 1].id < record.id {
            records.reserveForAppending(1)
            records.append(record)
            return nil
        }
        if let existing = position(of: record.id) {
            let old = records[existing]
            records[existing] = record
            return old
        }
        var low = head
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            if records[middle].id < record.id { low = middle + 1 } else { high = middle }
        }
        records.insert(record, at: low)
        return nil
    }

    /// Replaces the record at a position returned by ``position(of:)``.
    mutating func replace(at position: Int, with record: MessageRecord) {
        records[position] = record
    }

    /// Removes and returns the oldest message.
    mutating func removeOldest() -> MessageRecord? {
        guard head < records.count else { return nil }
        let record = records[head]
        head += 1
        trimIfNeeded()
        return record
    }

    /// Removes and returns the message with `id`.
    mutating func remove(_ id: UInt64) -> MessageRecord? {
        guard let position = position(of: id) else { return nil }
        let record = records.remove(at: position)
        trimIfNeeded()
        return record
    }

    /// Rewrites every live record (ids must not change).
    mutating func updateAll(_ body: (inout MessageRecord) -> Void) {
        for position in head ..< records.count { body(&records[position]) }
    }

    private mutating func trimIfNeeded() {
        if head == records.count {
            records = []
            head = 0
        } else if head > 16, head * 2 > records.count {
            records.removeFirst(head)
            head = 0
        }
    }
}
