/// The JSON type of the next value in a ``JSONReader``.
public enum JSONTokenType: Sendable, Hashable {
    /// `{`
    case object
    /// `[`
    case array
    /// `"`
    case string
    /// `-` or a digit
    case number
    /// `true` or `false`
    case bool
    /// `null`
    case null
}

/// A forward-only, allocation-free reader over UTF-8 JSON bytes.
///
/// The reader does not own its bytes: create it inside `withUnsafeBytes` and do not let it escape.
/// Every method validates what it consumes; malformed input always produces a ``JSONDecodingError``.
public struct JSONReader {
    /// The deepest nesting of objects and arrays accepted.
    public static let maximumDepth = 512

    /// The bytes being read.
    public let bytes: UnsafeRawBufferPointer
    /// Offset of the next unread byte.
    public internal(set) var offset: Int
    /// Current nesting depth of objects and arrays.
    @usableFromInline var depth: Int = 0
    /// Whether the next member of the innermost open container needs a preceding comma.
    @usableFromInline var needsComma: Bool = false

    /// Creates a reader at the start of `bytes`.
    public init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.offset = 0
    }

    // MARK: - Low-level helpers

    @inline(__always) @usableFromInline
    func byte(at index: Int) -> UInt8 {
        bytes.load(fromByteOffset: index, as: UInt8.self)
    }

    @inline(__always) @usableFromInline
    func error(_ reason: JSONDecodingError.Reason) -> JSONDecodingError {
        JSONDecodingError(offset: offset, reason: reason)
    }

    @inline(__always) @usableFromInline
    func error(_ reason: JSONDecodingError.Reason, at position: Int) -> JSONDecodingError {
        JSONDecodingError(offset: position, reason: reason)
    }

    /// Skips whitespace and returns the next byte without consuming it.
    @inline(__always) @usableFromInline
    mutating func peekByte() throws(JSONDecodingError) -> UInt8 {
        while offset < bytes.count {
            let current = byte(at: offset)
            switch current {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return current
            }
        }
        throw error(.unexpectedEnd)
    }

    @inline(__always)
    mutating func expect(_ expected: UInt8) throws(JSONDecodingError) {
        let current = try peekByte()
        guard current == expected else { throw error(.unexpectedByte(current)) }
        offset += 1
    }

    // MARK: - Token inspection

    /// The type of the next value, after skipping whitespace. Does not consume anything.
    public mutating func peek() throws(JSONDecodingError) -> JSONTokenType {
        let current = try peekByte()
        switch current {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw error(.unexpectedByte(current))
        }
    }

    /// Consumes a `null` and returns true if the next value is null; otherwise consumes nothing and returns false.
    @inline(__always)
    public mutating func consumeNull() throws(JSONDecodingError) -> Bool {
        // The common case, `null` right here, with one comparison.
        if offset + 4 <= bytes.count,
           UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) == Self.nullWord {
            offset += 4
            needsComma = true
            return true
        }
        guard try peekByte() == UInt8(ascii: "n") else { return false }
        try readLiteral("null")
        return true
    }

    @inline(__always)
    mutating func readLiteral(_ literal: StaticString) throws(JSONDecodingError) {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw error(.unexpectedEnd) }
        let start = literal.utf8Start
        for index in 0..<count where byte(at: offset + index) != start[index] {
            throw error(.unexpectedByte(byte(at: offset + index)), at: offset + index)
        }
        offset += count
        needsComma = true
    }

    /// `null`, `true` and the first four bytes of `false` as little-endian words.
    @usableFromInline static let nullWord: UInt32 = 0x6C6C_756E
    @usableFromInline static let trueWord: UInt32 = 0x6575_7274
    @usableFromInline static let falsWord: UInt32 = 0x736C_6166

    /// Reads `true` or `false`.
    @inline(__always)
    public mutating func readBool() throws(JSONDecodingError) -> Bool {
        // The common case, the literal right here, with one or two comparisons.
        if offset + 5 <= bytes.count {
            let word = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            if word == Self.trueWord {
                offset += 4
                needsComma = true
                return true
            }
            if word == Self.falsWord && byte(at: offset + 4) == UInt8(ascii: "e") {
                offset += 5
                needsComma = true
                return false
            }
        }
        return try readBoolInGeneral()
    }

    /// ``readBool()`` after whitespace, at the end of the buffer, or on a wrong value.
    @inline(never)
    mutating func readBoolInGeneral() throws(JSONDecodingError) -> Bool {
        let current = try peekByte()
        if current == UInt8(ascii: "t") {
            try readLiteral("true")
            return true
        }
        if current == UInt8(ascii: "f") {
            try readLiteral("false")
            return false
        }
        throw error(.typeMismatch(expected: "bool"))
    }

    // MARK: - Containers

    /// Consumes `{` and prepares to iterate keys with ``nextKey()``.
    @inline(__always)
    public mutating func beginObject() throws(JSONDecodingError) {
        let current = try peekByte()
        guard current == UInt8(ascii: "{") else { throw error(.typeMismatch(expected: "object")) }
        depth += 1
        guard depth <= Self.maximumDepth else { throw error(.tooDeep) }
        offset += 1
        needsComma = false
    }

    /// Returns the next key of the current object (positioned before its value), or nil after consuming `}`.
    ///
    /// After a non-nil key the caller must consume exactly one value (decode it or ``skipValue()``).
    @inline(__always)
    public mutating func nextKey() throws(JSONDecodingError) -> JSONKey? {
        if let key = nextCompactKey() { return key }
        return try nextKeyInGeneral()
    }

    /// The common case of ``nextKey()``, small enough to inline into every decoder's key loop: compact JSON (`,"key":`,
    /// or `"key":` for the first key), an ASCII key of at most 15 bytes without escapes, read as two words. Returns
    /// nil, consuming nothing, for anything else (whitespace, the closing brace, escapes, long keys, the end of the
    /// buffer), which ``nextKeyInGeneral()`` then handles.
    @inline(__always)
    mutating func nextCompactKey() -> JSONKey? {
        var index = offset
        if needsComma {
            guard index < bytes.count, byte(at: index) == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        let start = index + 1
        // Sixteen key bytes and the colon after a 15-byte key must be in the buffer.
        guard start + 17 <= bytes.count, byte(at: index) == UInt8(ascii: "\"") else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // For each word: the bytes equal to a quote, and the bytes a plain key may not hold (a backslash, a control
        // character, a non-ASCII byte). The lowest flagged byte is exact; flags above it may be borrows, and only
        // bytes before the quote are looked at.
        @inline(__always) func classify(_ word: UInt64) -> (quotes: UInt64, unusual: UInt64) {
            let quote = word ^ (ones &* 0x22)
            let slash = word ^ (ones &* 0x5C)
            return ((quote &- ones) & ~quote & highs,
                    (((slash &- ones) & ~slash) | ((word &- ones &* 0x20) & ~word) | word) & highs)
        }
        let first = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        let (firstQuotes, firstUnusual) = classify(first)
        let length: Int
        let head: UInt64
        if firstQuotes != 0 {
            length = firstQuotes.trailingZeroBitCount >> 3
            let before: UInt64 = length == 0 ? 0 : (1 << (UInt64(length) << 3)) &- 1
            guard firstUnusual & before == 0 else { return nil }
            head = first & before
        } else {
            guard firstUnusual == 0 else { return nil }
            let second = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
            let (secondQuotes, secondUnusual) = classify(second)
            guard secondQuotes != 0 else { return nil }
            let tail = secondQuotes.trailingZeroBitCount >> 3
            let before: UInt64 = tail == 0 ? 0 : (1 << (UInt64(tail) << 3)) &- 1
            guard secondUnusual & before == 0 else { return nil }
            length = 8 + tail
            head = first
        }
        guard byte(at: start + length + 1) == UInt8(ascii: ":") else { return nil }
        offset = start + length + 2
        needsComma = false
        return JSONKey(raw: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]), isEscaped: false, head: head)
    }

    /// The general case of ``nextKey()``: whitespace anywhere, the end of the object, escaped or long keys.
    @inline(never)
    mutating func nextKeyInGeneral() throws(JSONDecodingError) -> JSONKey? {
        var current = try peekByte()
        if current == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            needsComma = true
            return nil
        }
        if needsComma {
            guard current == UInt8(ascii: ",") else { throw error(.unexpectedByte(current)) }
            offset += 1
            current = try peekByte()
        }
        guard current == UInt8(ascii: "\"") else { throw error(.unexpectedByte(current)) }
        let key = try readKeyBytes()
        try expect(UInt8(ascii: ":"))
        needsComma = false
        return key
    }

    /// Consumes `[` and prepares to iterate elements with ``nextElement()``.
    @inline(__always)
    public mutating func beginArray() throws(JSONDecodingError) {
        let current = try peekByte()
        guard current == UInt8(ascii: "[") else { throw error(.typeMismatch(expected: "array")) }
        depth += 1
        guard depth <= Self.maximumDepth else { throw error(.tooDeep) }
        offset += 1
        needsComma = false
    }

    /// Returns true when another element follows (positioned before it), false after consuming `]`.
    @inline(__always)
    public mutating func nextElement() throws(JSONDecodingError) -> Bool {
        let current = try peekByte()
        if current == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            needsComma = true
            return false
        }
        if needsComma {
            guard current == UInt8(ascii: ",") else { throw error(.unexpectedByte(current)) }
            offset += 1
            let next = try peekByte()
            if next == UInt8(ascii: "]") { throw error(.unexpectedByte(next)) }
        }
        needsComma = false
        return true
    }

    /// Marks the end of a value read by a caller-level decoder so that the enclosing container expects a comma.
    @inline(__always)
    mutating func finishValue() { needsComma = true }

    // MARK: - Whole documents

    /// Throws ``JSONDecodingError/Reason/trailingBytes`` unless only whitespace remains.
    public mutating func expectEnd() throws(JSONDecodingError) {
        while offset < bytes.count {
            switch byte(at: offset) {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: throw error(.trailingBytes)
            }
        }
    }

    /// Throws a `missingField` error when `value` is nil; otherwise returns it.
    @inline(__always)
    public func require<Value>(_ value: Value?, _ field: StaticString) throws(JSONDecodingError) -> Value {
        guard let value else {
            throw error(.missingField(field.description))
        }
        return value
    }
}

extension JSONReader {
    /// Consumes `{}` (with optional inner whitespace) and returns true; otherwise consumes nothing and returns false.
    public mutating func consumeEmptyObject() throws(JSONDecodingError) -> Bool {
        guard try peekByte() == UInt8(ascii: "{") else { return false }
        var index = offset + 1
        while index < bytes.count {
            switch byte(at: index) {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            case UInt8(ascii: "}"):
                offset = index + 1
                needsComma = true
                return true
            default: return false
            }
        }
        return false
    }
}

extension JSONReader {
    /// The deepest JSON nesting at which a recursive model (a boxed referenced message, an option tree) may start.
    /// Model decoders use far more stack per level than ``skipValue()``, so they get a tighter bound than
    /// ``maximumDepth``; Discord nests these at most a few levels.
    public static let maximumModelNesting = 48

    /// Throws ``JSONDecodingError/Reason/tooDeep`` when a recursive model would start deeper than
    /// ``maximumModelNesting``.
    @inline(__always)
    public func checkModelNesting() throws(JSONDecodingError) {
        guard depth < Self.maximumModelNesting else { throw error(.tooDeep) }
    }
}
