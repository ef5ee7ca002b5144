/// Writes several optional strings and id lists into one byte blob, so that an entry keeps a single 4-byte
/// ``BlobRef`` for all of its variable-length fields.
///
/// Layout: each string is a LEB128 varint `length + 1` (`0` = nil) followed by its UTF-8 bytes; each id list is a
/// varint count followed by 8 little-endian bytes per id.
struct PackedFieldsWriter {
    /// The encoded bytes.
    private(set) var bytes: [UInt8] = []

    /// Creates an empty writer.
    init() {}

    /// Appends an optional string.
    mutating func append(_ text: String?) {
        guard let text else {
            bytes.append(0)
            return
        }
        var utf8Text = text
        utf8Text.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count) + 1)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends a list of 64-bit ids.
    mutating func append(ids: some Collection<UInt64>) {
        appendVarint(UInt64(ids.count))
        for id in ids {
            var value = id
            for _ in 0 ..< 8 {
                bytes.append(UInt8(truncatingIfNeeded: value))
                value >>= 8
            }
        }
    }

    /// Appends bytes with no length: only valid as the last field (read back with `readRemaining()`).
    mutating func append(trailing: some Collection<UInt8>) {
        bytes.append(contentsOf: trailing)
    }

    /// Appends an unsigned number (varint: 1 byte below 128).
    mutating func append(number: UInt64) {
        appendVarint(number)
    }

    /// Appends a list of small numbers (role ordinals), one varint each.
    mutating func append(numbers: some Collection<UInt32>) {
        appendVarint(UInt64(numbers.count))
        for number in numbers { appendVarint(UInt64(number)) }
    }

    /// Appends raw bytes preceded by their count (used for binary avatar hashes).
    mutating func append(raw: some Collection<UInt8>) {
        appendVarint(UInt64(raw.count))
        bytes.append(contentsOf: raw)
    }

    private mutating func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

/// Reads the fields a ``PackedFieldsWriter`` wrote, in the same order. Truncated or corrupt input reads as nil or
/// empty values; it never traps.
struct PackedFieldsReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    /// Starts reading at the beginning of `bytes`.
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    /// Reads an optional string.
    mutating func readString() -> String? {
        guard let encoded = readVarint(), encoded > 0 else { return nil }
        let length = Int(encoded - 1)
        guard length <= bytes.endIndex - position else {
            position = bytes.endIndex
            return nil
        }
        let text = String(decoding: bytes[position ..< position + length], as: UTF8.self)
        position += length
        return text
    }

    /// Reads a list of 64-bit ids.
    mutating func readIDs() -> [UInt64] {
        guard let count = readVarint(), count <= UInt64(bytes.endIndex - position) / 8 else {
            position = bytes.endIndex
            return []
        }
        var ids: [UInt64] = []
        ids.reserveCapacity(Int(count))
        for _ in 0 ..< Int(count) {
            var value: UInt64 = 0
            for shift in 0 ..< 8 {
                value |= UInt64(bytes[position + shift]) << (8 * UInt64(shift))
            }
            ids.append(value)
            position += 8
        }
        return ids
    }

    /// Reads a number written by `append(number:)` (0 when missing).
    mutating func readNumber() -> UInt64 {
        readVarint() ?? 0
    }

    /// Reads a number written by `append(number:)`; nil at the end of the input.
    mutating func readOptionalNumber() -> UInt64? {
        readVarint()
    }

    /// Reads a list written by `append(numbers:)`.
    mutating func readNumbers() -> [UInt32] {
        guard let count = readVarint(), count <= UInt64(bytes.endIndex - position) else {
            position = bytes.endIndex
            return []
        }
        var numbers: [UInt32] = []
        numbers.reserveCapacity(Int(count))
        for _ in 0 ..< count {
            guard let value = readVarint() else { break }
            numbers.append(UInt32(truncatingIfNeeded: value))
        }
        return numbers
    }

    /// Reads raw bytes written by `append(raw:)`.
    mutating func readRaw() -> ArraySlice<UInt8> {
        guard let count = readVarint(), count <= UInt64(bytes.endIndex - position) else {
            position = bytes.endIndex
            return []
        }
        let slice = bytes[position ..< position + Int(count)]
        position += Int(count)
        return slice
    }

    /// Reads every byte left (a field written by `append(trailing:)`).
    mutating func readRemaining() -> ArraySlice<UInt8> {
        let rest = bytes[position...]
        position = bytes.endIndex
        return rest
    }

    private mutating func readVarint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.endIndex, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
