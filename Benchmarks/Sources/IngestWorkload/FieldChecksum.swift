/// The checksum both sides of the ingest comparison compute over the fields their handlers read.
///
/// Every value is folded as `hash = hash × 31 + value (mod 2⁶⁴)`; a string contributes its CRC-32 (IEEE, as
/// Python's `zlib.crc32`) of its UTF-8 bytes, an absent value contributes 0. The Python peer applies the same
/// rule in the same order, so equal checksums mean both read the same values.
public struct FieldChecksum: Sendable, Equatable {
    /// The running value.
    public private(set) var value: UInt64 = 0

    /// Creates an empty checksum.
    public init() {}

    /// Folds an integer.
    @inline(__always)
    public mutating func add(_ integer: UInt64) {
        value = value &* 31 &+ integer
    }

    /// Folds a signed integer (two's complement).
    @inline(__always)
    public mutating func add(_ integer: Int) {
        add(UInt64(bitPattern: Int64(integer)))
    }

    /// Folds a string's CRC-32, or 0 for nil.
    @inline(__always)
    public mutating func add(_ string: String?) {
        guard var string else { return add(UInt64(0)) }
        let crc = string.withUTF8 { CRC32.checksum(UnsafeRawBufferPointer($0)) }
        add(UInt64(crc))
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), identical to zlib's `crc32`.
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
