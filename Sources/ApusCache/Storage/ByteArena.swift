/// A reference to a blob stored in a ``ByteArena``: the blob's byte offset plus one, so that `0` means "no blob".
typealias BlobRef = UInt32

/// Append-only UTF-8/byte storage shared by many cache entries of one table, so that a short string costs its bytes
/// plus a one- or two-byte length instead of a 16-byte `String` and, past 15 bytes, a 32-byte heap header.
///
/// Blobs are immutable; replacing one leaves garbage that ``shouldCompact`` reports, and the owning table then copies
/// its live blobs into a fresh arena (``copy(_:from:)``). Offsets are 32-bit: an arena never grows past 4 GiB
/// (appends beyond that are refused and stored as "no blob").
struct ByteArena: Sendable {
    /// The stored bytes: blobs, each prefixed by its length (1 byte below 128, else 2 bytes; 32,767 at most).
    private(set) var bytes: [UInt8] = []
    /// Bytes belonging to blobs that no entry references any more.
    private(set) var garbage = 0

    /// The longest blob accepted; longer input is truncated to it (message content is at most 4,000 bytes of UTF-8
    /// times four, well under this).
    static let maximumBlobLength = 32_767

    /// True when more than half of the arena is garbage and compaction would reclaim at least 1 KiB.
    var shouldCompact: Bool { garbage > 1024 && garbage * 2 > bytes.count }

    /// Bytes allocated by the arena's buffer.
    var allocatedBytes: Int { bytes.capacity }

    /// Appends a blob given as a byte sequence and returns its reference.
    mutating func append<Bytes: Collection<UInt8>>(_ blob: Bytes) -> BlobRef {
        let length = min(blob.count, Self.maximumBlobLength)
        let offset = bytes.count
        guard offset + length + 2 < Int(UInt32.max) else { return 0 }
        bytes.reserveForAppending(length + 2)
        if length < 128 {
            bytes.append(UInt8(length))
        } else {
            bytes.append(UInt8(0x80 | (length >> 8)))
            bytes.append(UInt8(length & 0xFF))
        }
        bytes.append(contentsOf: blob.prefix(length))
        return BlobRef(offset + 1)
    }

    /// The bytes of a blob (empty for reference 0 or a reference outside the arena).
    func blob(_ ref: BlobRef) -> ArraySlice<UInt8> {
        guard let (start, length) = span(ref) else { return [] }
        return bytes[start ..< start + length]
    }

    /// Marks a blob as no longer referenced.
    mutating func release(_ ref: BlobRef) {
        guard let (start, length) = span(ref) else { return }
        garbage += length + (start - Int(ref - 1))
    }

    /// Copies a blob of `other` into this arena and returns its new reference (0 stays 0).
    mutating func copy(_ ref: BlobRef, from other: ByteArena) -> BlobRef {
        guard ref != 0 else { return 0 }
        return append(other.blob(ref))
    }

    /// Releases unused capacity (after a bulk load such as GUILD_CREATE).
    mutating func shrinkToFit() {
        bytes.shrinkToFit()
    }

    /// Reserves room for `count` more bytes.
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// The payload start and length of a blob, or nil when the reference is 0 or invalid.
    private func span(_ ref: BlobRef) -> (Int, Int)? {
        guard ref != 0 else { return nil }
        let offset = Int(ref - 1)
        guard offset < bytes.count else { return nil }
        let first = Int(bytes[offset])
        if first < 128 {
            guard offset + 1 + first <= bytes.count else { return nil }
            return (offset + 1, first)
        }
        guard offset + 1 < bytes.count else { return nil }
        let length = ((first & 0x7F) << 8) | Int(bytes[offset + 1])
        guard offset + 2 + length <= bytes.count else { return nil }
        return (offset + 2, length)
    }
}
