/// An object key as read by ``JSONReader/nextKey()``: a view of its bytes in the input (no allocation, no
/// reference counting). Keys containing escapes (rare) are unescaped on demand when compared.
///
/// Comparing with a literal is the hot path of every model decoder (one `switch` per key), so the key carries its
/// first eight bytes as a little-endian word (``head``): a case whose length matches costs one word comparison for
/// keys of up to eight bytes, and two for keys of up to sixteen.
public struct JSONKey {
    /// The key's bytes in the input, escapes not yet decoded.
    @usableFromInline let raw: UnsafeRawBufferPointer
    /// Whether `raw` contains backslash escapes (already validated by the reader).
    @usableFromInline let isEscaped: Bool
    /// The first `min(8, raw.count)` bytes of `raw`, little-endian, zero-padded.
    @usableFromInline let head: UInt64

    @inline(__always)
    init(raw: UnsafeRawBufferPointer, isEscaped: Bool) {
        self.raw = raw
        self.isEscaped = isEscaped
        self.head = Self.word(raw, count: raw.count)
    }

    @inline(__always)
    init(raw: UnsafeRawBufferPointer, isEscaped: Bool, head: UInt64) {
        self.raw = raw
        self.isEscaped = isEscaped
        self.head = head
    }

    /// The first `min(8, count)` bytes of `buffer` as a little-endian word, zero-padded. `count` must not exceed
    /// `buffer.count`: every load below is at an index under `min(8, count)`, or is one 8-byte load when `count >= 8`.
    @inline(__always) @usableFromInline
    static func word(_ buffer: UnsafeRawBufferPointer, count: Int) -> UInt64 {
        if count >= 8 { return UInt64(littleEndian: buffer.loadUnaligned(as: UInt64.self)) }
        var value: UInt64 = 0
        var index = 0
        while index < count {
            value |= UInt64(buffer.load(fromByteOffset: index, as: UInt8.self)) << (UInt64(index) << 3)
            index += 1
        }
        return value
    }

    /// The first `min(8, count)` bytes of a literal as a little-endian word, zero-padded (constant-folded when the
    /// literal is known at compile time).
    @inline(__always) @usableFromInline
    static func word(_ literal: StaticString, from start: Int, count: Int) -> UInt64 {
        let base = literal.utf8Start
        var value: UInt64 = 0
        var index = 0
        while index < count && index < 8 {
            value |= UInt64(base[start + index]) << (UInt64(index) << 3)
            index += 1
        }
        return value
    }

    /// The unescaped UTF-8 bytes of the key.
    public var unescapedBytes: [UInt8] {
        guard isEscaped else { return Array(raw) }
        let reader = JSONReader(bytes: raw)
        return (try? reader.unescape(start: 0, end: raw.count)) ?? Array(raw)
    }

    /// Compares an escaped key with a literal (rare: kept out of line so that the inlined comparison stays small).
    @inline(never) @usableFromInline
    func escapedEquals(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        let decoded = unescapedBytes
        guard decoded.count == count else { return false }
        for index in 0..<count where decoded[index] != start[index] { return false }
        return true
    }

    /// Whether the key equals `literal` byte for byte (after unescaping).
    @inline(__always)
    public static func == (key: JSONKey, literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        if _slowPath(key.isEscaped) { return key.escapedEquals(literal) }
        guard key.raw.count == count, key.head == word(literal, from: 0, count: count) else { return false }
        if count <= 8 { return true }
        // Longer keys: compare the remaining bytes eight at a time, the last word overlapping the previous one
        // (both sides have `count > 8` bytes, so every load is in bounds).
        var offset = 8
        while offset + 8 < count {
            let keyWord = UInt64(littleEndian: key.raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            guard keyWord == word(literal, from: offset, count: 8) else { return false }
            offset += 8
        }
        let last = count - 8
        let keyTail = UInt64(littleEndian: key.raw.loadUnaligned(fromByteOffset: last, as: UInt64.self))
        return keyTail == word(literal, from: last, count: 8)
    }

    /// Pattern matching so that keys can be used in `switch` statements with string literal cases.
    @inline(__always)
    public static func ~= (literal: StaticString, key: JSONKey) -> Bool {
        key == literal
    }

    /// The key as a `String` (allocates; for diagnostics and dynamic maps).
    public var string: String {
        String(decoding: unescapedBytes, as: UTF8.self)
    }
}
