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

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), identical to zlib's `crc32` (which the Python peer
/// calls). Slicing-by-8: eight bytes per step through eight 256-entry tables, as zlib's own C code does, so that the
/// Swift handler's checksum costs what the Python peer's C call costs.
public enum CRC32 {
    /// `tables[k][b]`: the CRC of byte `b` followed by `k` zero bytes; 8 × 256 entries, flattened.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            tables[index] = crc
        }
        for index in 0..<256 {
            for slice in 1..<8 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        tables.withUnsafeBufferPointer { t in
            var offset = 0
            let count = bytes.count
            while offset + 8 <= count {
                let low = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) ^ crc
                let high = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                crc = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
                offset += 8
            }
            while offset < count {
                crc = t[Int((crc ^ UInt32(bytes[offset])) & 0xFF)] ^ (crc >> 8)
                offset += 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
