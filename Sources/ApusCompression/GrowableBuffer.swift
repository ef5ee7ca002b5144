/// A heap buffer that grows on demand and is reused across messages, so a decompressor allocates only when a
/// message is larger than any before it.
struct GrowableBuffer: ~Copyable {
    private(set) var storage: UnsafeMutableRawBufferPointer
    /// How many bytes at the start of ``storage`` hold data.
    var count = 0

    init(initialCapacity: Int) {
        storage = .allocate(byteCount: max(initialCapacity, 64), alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    var capacity: Int { storage.count }

    /// The bytes written so far.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage[0..<count]) }

    /// Makes room for at least `additional` more bytes, doubling the capacity, but never past `limit`.
    /// Returns false if the limit does not allow any more room.
    mutating func reserve(additional: Int, limit: Int) -> Bool {
        if capacity - count >= additional { return true }
        if capacity >= limit { return false }
        var newCapacity = capacity
        while newCapacity - count < additional, newCapacity < limit {
            newCapacity = newCapacity > limit / 2 ? limit : newCapacity * 2
        }
        let newStorage = UnsafeMutableRawBufferPointer.allocate(byteCount: newCapacity, alignment: 16)
        if count > 0, let source = storage.baseAddress, let target = newStorage.baseAddress {
            target.copyMemory(from: source, byteCount: count)
        }
        storage.deallocate()
        storage = newStorage
        return true
    }

    /// Appends bytes, growing as needed, unless the total would exceed `limit` bytes: then nothing is appended and
    /// the result is false.
    mutating func append(_ bytes: UnsafeRawBufferPointer, limit: Int) -> Bool {
        guard bytes.count > 0 else { return true }
        guard bytes.count <= limit - count, reserve(additional: bytes.count, limit: limit),
              capacity - count >= bytes.count else { return false }
        if let base = storage.baseAddress, let source = bytes.baseAddress {
            (base + count).copyMemory(from: source, byteCount: bytes.count)
        }
        count += bytes.count
        return true
    }

    /// Free space after the written bytes.
    var freeSpace: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(rebasing: storage[count...])
    }
}
