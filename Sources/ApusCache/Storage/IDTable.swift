/// A record that an ``IDTable`` stores, keyed by a non-zero 64-bit id.
protocol IDKeyedRecord: Sendable {
    /// The record's id (Discord snowflakes are never 0).
    var key: UInt64 { get }
}

/// A dense hash table of records keyed by 64-bit ids: records live contiguously in one array (removal moves the last
/// record into the hole) and a linear-probing index of 32-bit slots points into it.
///
/// Cost per entry: `MemoryLayout<Record>.stride` plus the index: a bucket array of any size (not a power of two: a
/// key's home bucket is its mixed hash scaled to the bucket count) kept at most 4/5 full, of 2-byte slots while the
/// table holds fewer than 65,535 records and 4-byte slots beyond. A table sized up front (``reserveCapacity(_:)``,
/// e.g. for a guild's member list) uses exactly 5/4 bucket per record (2.5 bytes per entry with 2-byte slots); one
/// that grows by inserts grows its index by half, so it is 53-80 % full (2.5-3.8 bytes per entry), and its records
/// array by an eighth. No per-entry allocation.
struct IDTable<Record: IDKeyedRecord>: Sendable {
    /// The records, in no particular order.
    private(set) var records: [Record] = []
    /// Linear-probing index: `slot + 1` of a record, `0` for an empty bucket. Empty when there are no records.
    private var index = SlotIndex()

    /// Creates an empty table.
    init() {}

    /// Number of records.
    var count: Int { records.count }

    /// Bytes allocated by the table's two arrays.
    var allocatedBytes: Int {
        records.capacity * MemoryLayout<Record>.stride + index.allocatedBytes
    }

    /// The position of the record with `key` in ``records``, if present.
    func slot(of key: UInt64) -> Int? {
        guard !index.isEmpty else { return nil }
        var bucket = home(of: key)
        while true {
            let entry = index[bucket]
            if entry == 0 { return nil }
            let slot = entry - 1
            if records[slot].key == key { return slot }
            bucket = following(bucket)
        }
    }

    /// The record with `key`, if present.
    subscript(key: UInt64) -> Record? {
        guard let slot = slot(of: key) else { return nil }
        return records[slot]
    }

    /// Reads or mutates the record at a slot returned by ``slot(of:)``.
    subscript(slot slot: Int) -> Record {
        get { records[slot] }
        set { records[slot] = newValue }
    }

    /// Runs `body` on the record with `key` in place (it must not change the key); nil when there is none.
    mutating func withRecord<Result>(_ key: UInt64, _ body: (inout Record) -> Result) -> Result? {
        guard let slot = slot(of: key) else { return nil }
        return body(&records[slot])
    }

    /// Inserts a record or replaces the one with the same key; returns the replaced record.
    @discardableResult
    mutating func upsert(_ record: Record) -> Record? {
        if let slot = slot(of: record.key) {
            let old = records[slot]
            records[slot] = record
            return old
        }
        if (records.count + 1) * 5 > index.count * 4 || (records.count + 1 >= SlotIndex.narrowLimit && !index.isWide) {
            rebuildIndex(minimumCapacity: records.count + 1 + records.count / 2)
        }
        records.reserveForAppending(1)
        records.append(record)
        insertIntoIndex(key: record.key, slot: records.count - 1)
        return nil
    }

    /// Removes the record with `key` and returns it.
    @discardableResult
    mutating func remove(_ key: UInt64) -> Record? {
        guard !index.isEmpty else { return nil }
        var bucket = home(of: key)
        while true {
            let entry = index[bucket]
            if entry == 0 { return nil }
            if records[entry - 1].key == key { break }
            bucket = following(bucket)
        }
        let slot = index[bucket] - 1
        deleteBucket(bucket)
        let removed = records[slot]
        let lastSlot = records.count - 1
        if slot != lastSlot {
            let moved = records[lastSlot]
            records[slot] = moved
            repointIndex(key: moved.key, from: lastSlot, to: slot)
        }
        records.removeLast()
        if records.isEmpty {
            records = []
            index = SlotIndex()
        }
        return removed
    }

    /// Rewrites every record in place (keys must not change).
    mutating func updateAll(_ body: (inout Record) -> Void) {
        for slot in records.indices { body(&records[slot]) }
    }

    /// Makes room for `capacity` records without further growth.
    mutating func reserveCapacity(_ capacity: Int) {
        records.reserveCapacity(capacity)
        if capacity * 5 > index.count * 4 || (capacity >= SlotIndex.narrowLimit && !index.isWide) {
            rebuildIndex(minimumCapacity: capacity)
        }
    }

    // MARK: - Index maintenance

    /// The home bucket of a key: Fibonacci hashing (snowflakes' low bits are a per-process counter, so they are
    /// mixed first), then the top 32 bits scaled to the bucket count, which need not be a power of two.
    @inline(__always)
    private func home(of key: UInt64) -> Int {
        let mixed = (key &* 0x9E37_79B9_7F4A_7C15) >> 32
        return Int(truncatingIfNeeded: (mixed &* UInt64(index.count)) >> 32)
    }

    /// The next bucket of a probe sequence, wrapping at the end.
    @inline(__always)
    private func following(_ bucket: Int) -> Int {
        bucket + 1 == index.count ? 0 : bucket + 1
    }

    /// How many steps forward (wrapping) `to` lies from `from`.
    @inline(__always)
    private func distance(from: Int, to: Int) -> Int {
        to >= from ? to - from : to + index.count - from
    }

    /// Replaces the index with one of `minimumCapacity * 5 / 4` buckets (at least 8) and re-inserts every record.
    private mutating func rebuildIndex(minimumCapacity: Int) {
        let capacity = Swift.max(8, (minimumCapacity * 5 + 3) / 4)
        index = SlotIndex(count: capacity, wide: minimumCapacity >= SlotIndex.narrowLimit)
        for slot in records.indices { insertIntoIndex(key: records[slot].key, slot: slot) }
    }

    private mutating func insertIntoIndex(key: UInt64, slot: Int) {
        var bucket = home(of: key)
        while index[bucket] != 0 { bucket = following(bucket) }
        index[bucket] = slot + 1
    }

    private mutating func repointIndex(key: UInt64, from oldSlot: Int, to newSlot: Int) {
        var bucket = home(of: key)
        while index[bucket] != oldSlot + 1 { bucket = following(bucket) }
        index[bucket] = newSlot + 1
    }

    /// Backward-shift deletion: keeps every probe chain unbroken without tombstones.
    private mutating func deleteBucket(_ start: Int) {
        var hole = start
        var bucket = following(start)
        while index[bucket] != 0 {
            let home = home(of: records[index[bucket] - 1].key)
            // Move the entry into the hole if its home is not in the (hole, bucket] cyclic range.
            if distance(from: home, to: bucket) >= distance(from: hole, to: bucket) {
                index[hole] = index[bucket]
                hole = bucket
            }
            bucket = following(bucket)
        }
        index[hole] = 0
    }
}

/// The bucket array of an ``IDTable``: `slot + 1` per bucket (0 = empty), stored in 16 bits while every slot fits.
struct SlotIndex: Sendable {
    /// Tables at or above this many records use 32-bit buckets.
    static let narrowLimit = 65_535

    private var narrow: [UInt16] = []
    private var wide: [UInt32] = []
    /// Whether buckets are 32-bit.
    private(set) var isWide = false

    init() {}

    init(count: Int, wide: Bool) {
        isWide = wide
        if wide { self.wide = [UInt32](repeating: 0, count: count) } else { narrow = [UInt16](repeating: 0, count: count) }
    }

    /// Number of buckets.
    var count: Int { isWide ? wide.count : narrow.count }
    var isEmpty: Bool { count == 0 }

    /// Bytes allocated by the buckets.
    var allocatedBytes: Int { narrow.capacity * 2 + wide.capacity * 4 }

    /// The bucket's value: `slot + 1`, or 0 when empty.
    subscript(bucket: Int) -> Int {
        get { isWide ? Int(wide[bucket]) : Int(narrow[bucket]) }
        set {
            if isWide { wide[bucket] = UInt32(truncatingIfNeeded: newValue) } else { narrow[bucket] = UInt16(truncatingIfNeeded: newValue) }
        }
    }
}
