/// An object key as read by ``JSONReader/nextKey()``: a view of its bytes in the input (no allocation, no
/// reference counting). Keys containing escapes (rare) are unescaped on demand when compared.
public struct JSONKey {
    /// The key's bytes in the input, escapes not yet decoded.
    @usableFromInline let raw: UnsafeRawBufferPointer
    /// Whether `raw` contains backslash escapes (already validated by the reader).
    @usableFromInline let isEscaped: Bool

    @inline(__always)
    init(raw: UnsafeRawBufferPointer, isEscaped: Bool) {
        self.raw = raw
        self.isEscaped = isEscaped
    }

    /// The unescaped UTF-8 bytes of the key.
    public var unescapedBytes: [UInt8] {
        guard isEscaped else { return Array(raw) }
        let reader = JSONReader(bytes: raw)
        return (try? reader.unescape(start: 0, end: raw.count)) ?? Array(raw)
    }

    /// Whether the key equals `literal` byte for byte (after unescaping).
    @inline(__always)
    public static func == (key: JSONKey, literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        if key.isEscaped {
            let decoded = key.unescapedBytes
            guard decoded.count == count else { return false }
            for index in 0..<count where decoded[index] != start[index] { return false }
            return true
        }
        guard key.raw.count == count else { return false }
        for index in 0..<count where key.raw.load(fromByteOffset: index, as: UInt8.self) != start[index] {
            return false
        }
        return true
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
