extension JSONReader {
    // MARK: - Skipping and raw capture

    /// Skips the next value of any type, validating its structure (strings, escapes, UTF-8, numbers, nesting).
    ///
    /// The commonest unknown value in Discord's payloads, `null` (`avatar_decoration_data`, `collectibles`, ...), is
    /// skipped here with one comparison; everything else is left to ``skipValueInGeneral()``.
    @inline(__always)
    public mutating func skipValue() throws(JSONDecodingError) {
        if offset + 4 <= bytes.count,
           UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) == Self.nullWord {
            offset += 4
            needsComma = true
            return
        }
        try skipValueInGeneral()
    }

    /// ``skipValue()`` for every value but a `null` in compact JSON.
    @inline(never)
    mutating func skipValueInGeneral() throws(JSONDecodingError) {
        let current = try peekByte()
        switch current {
        case UInt8(ascii: "\""):
            try skipString()
            needsComma = true
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextKey() != nil {
                try skipValue()
            }
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() {
                try skipValue()
            }
        case UInt8(ascii: "t"):
            try readLiteral("true")
            needsComma = true
        case UInt8(ascii: "f"):
            try readLiteral("false")
            needsComma = true
        case UInt8(ascii: "n"):
            try readLiteral("null")
            needsComma = true
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try scanNumber()
        default:
            throw error(.unexpectedByte(current))
        }
    }

    /// Skips the next value and returns the byte range it occupies (without surrounding whitespace).
    public mutating func skipValueRange() throws(JSONDecodingError) -> Range<Int> {
        _ = try peekByte()
        let start = offset
        try skipValue()
        return start..<offset
    }

    /// Captures the next value verbatim.
    public mutating func readRawJSON() throws(JSONDecodingError) -> RawJSON {
        let range = try skipValueRange()
        let raw = UnsafeRawBufferPointer(rebasing: bytes[range])
        // `[]` and `{}` (a message's usual `components`) share one constant array instead of allocating.
        if raw.count == 2 {
            if raw[0] == UInt8(ascii: "[") { return RawJSON.emptyArray }
            if raw[0] == UInt8(ascii: "{") { return RawJSON.emptyObject }
        }
        return RawJSON(bytes: Array(raw))
    }
}
