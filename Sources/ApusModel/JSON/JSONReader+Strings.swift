extension JSONReader {
    // MARK: - Strings

    /// Scans a string starting at the opening quote at `offset`. Returns the content range and whether it has
    /// escapes and/or non-ASCII bytes. Leaves `offset` after the closing quote. Validates control characters
    /// (and escapes' basic shape when `validateEscapes` is true) but not UTF-8.
    @inline(__always)
    mutating func scanString() throws(JSONDecodingError) -> (start: Int, end: Int, hasEscapes: Bool, hasHighBytes: Bool) {
        let start = offset + 1
        var index = start
        var hasEscapes = false
        var highBits: UInt64 = 0
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while true {
            // Eight bytes at a time while none of them is a quote, a backslash or a control character.
            while index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let slash = word ^ (ones &* 0x5C)
                let special = (((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((word &- ones &* 0x20) & ~word))
                    & highs
                if special != 0 {
                    // The lowest flagged byte is exact (borrows only propagate upwards from a real hit).
                    let skipped = special.trailingZeroBitCount >> 3
                    if skipped > 0 {
                        highBits |= word & ((1 << (UInt64(skipped) << 3)) &- 1)
                        index += skipped
                    }
                    break
                }
                highBits |= word
                index += 8
            }
            guard index < count else { throw error(.unexpectedEnd, at: count) }
            let current = byte(at: index)
            if current == UInt8(ascii: "\"") {
                offset = index + 1
                return (start, index, hasEscapes, highBits & highs != 0)
            }
            if current == UInt8(ascii: "\\") {
                hasEscapes = true
                guard index + 1 < count else { throw error(.unexpectedEnd, at: count) }
                let escaped = byte(at: index + 1)
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= count else { throw error(.unexpectedEnd, at: count) }
                    for hexIndex in (index + 2)..<(index + 6) where Self.hexValue(byte(at: hexIndex)) == nil {
                        throw error(.invalidString, at: hexIndex)
                    }
                    index += 6
                default:
                    throw error(.invalidString, at: index)
                }
                continue
            }
            if current < 0x20 { throw error(.invalidString, at: index) }
            highBits |= UInt64(current)
            index += 1
        }
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte &- UInt8(ascii: "A") &+ 10)
        default: return nil
        }
    }

    /// Reads a JSON string value.
    @inline(__always)
    public mutating func readString() throws(JSONDecodingError) -> String {
        let current = try peekByte()
        guard current == UInt8(ascii: "\"") else { throw error(.typeMismatch(expected: "string")) }
        let scanned = try scanString()
        needsComma = true
        let content = UnsafeRawBufferPointer(rebasing: bytes[scanned.start..<scanned.end])
        if !scanned.hasEscapes {
            let string = String(decoding: content, as: UTF8.self)
            // Non-ASCII text: the initialiser above validated it and replaced any invalid sequence, so the string's
            // bytes equal the input exactly when the input is valid UTF-8 (one comparison; `String(validating:as:)`
            // would look up type metadata on every call). Otherwise the reader's validator locates the error.
            if scanned.hasHighBytes, !Self.sameBytes(string, content) {
                try Self.validateUTF8(content, baseOffset: scanned.start)
            }
            return string
        }
        let unescaped = try unescape(start: scanned.start, end: scanned.end)
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// Reads a string value for a decoder that parses its text where it lies instead of making a `String` (ids,
    /// timestamps): `parse` sees the string's content, which is the input's own bytes when the string has no escapes
    /// and its unescaped UTF-8 otherwise, so that an escaped form (`"\u0031"`) gives the plain form's value. This is
    /// the general path behind such decoders' fast paths. The string is consumed either way; the result is nil when
    /// `parse` rejects the content.
    @inline(never)
    mutating func readStringContent<Value>(
        _ parse: (UnsafeRawBufferPointer) -> Value?
    ) throws(JSONDecodingError) -> Value? {
        let current = try peekByte()
        guard current == UInt8(ascii: "\"") else { throw error(.typeMismatch(expected: "string")) }
        let scanned = try scanString()
        needsComma = true
        if !scanned.hasEscapes {
            let content = UnsafeRawBufferPointer(rebasing: bytes[scanned.start..<scanned.end])
            if scanned.hasHighBytes { try Self.validateUTF8(content, baseOffset: scanned.start) }
            return parse(content)
        }
        let unescaped = try unescape(start: scanned.start, end: scanned.end)
        return unescaped.withUnsafeBytes { parse($0) }
    }

    /// Reads a JSON string of exactly `length` bytes, opening quote at `offset`, when `parse` accepts its bytes and
    /// the byte after them is the closing quote: the reader then moves past it and the parsed value is returned.
    /// Otherwise nothing is consumed and the caller takes its general path. No scan runs first, so `parse` must
    /// accept only bytes that cannot occur unescaped inside a different string (no quote, backslash, control or
    /// non-ASCII byte): then a success proves the string ends at that quote. Fixed-form values (timestamps, image
    /// hashes) are read this way.
    @inline(__always)
    mutating func readFixedLengthString<Value>(
        length: Int, _ parse: (UnsafeRawBufferPointer) -> Value?
    ) -> Value? {
        let closing = offset + length + 1
        guard closing < bytes.count, byte(at: closing) == UInt8(ascii: "\""),
              let value = parse(UnsafeRawBufferPointer(rebasing: bytes[(offset + 1)..<closing]))
        else { return nil }
        offset = closing + 1
        needsComma = true
        return value
    }

    /// Whether `string`'s UTF-8 is exactly `bytes` (compared eight bytes at a time).
    static func sameBytes(_ string: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var copy = string
        return copy.withUTF8 { utf8 in
            let count = bytes.count
            guard utf8.count == count else { return false }
            let mine = UnsafeRawBufferPointer(utf8)
            var index = 0
            while index + 8 <= count {
                guard mine.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    == bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) else { return false }
                index += 8
            }
            while index < count {
                guard mine[index] == bytes[index] else { return false }
                index += 1
            }
            return true
        }
    }

    /// Reads a string and returns its unescaped UTF-8 bytes.
    public mutating func readStringBytes() throws(JSONDecodingError) -> [UInt8] {
        try readStringContent { Array($0) } ?? []
    }

    /// Reads an object key (the opening quote is at `offset`).
    @inline(__always)
    mutating func readKeyBytes() throws(JSONDecodingError) -> JSONKey {
        // Fast path: an ASCII key without escapes, read eight bytes at a time.
        let start = offset + 1
        var wordStart = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while wordStart + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: wordStart, as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let quoteHits = (quote &- ones) & ~quote & highs
            let slash = word ^ (ones &* 0x5C)
            let other = (((slash &- ones) & ~slash) | ((word &- ones &* 0x20) & ~word) | word) & highs
            if quoteHits == 0 {
                if other != 0 { break }
                wordStart += 8
                continue
            }
            let length = quoteHits.trailingZeroBitCount >> 3
            // Only bytes before the quote matter.
            let mask: UInt64 = length == 0 ? 0 : (1 << (UInt64(length) << 3)) &- 1
            guard other & mask == 0 else { break }
            let end = wordStart + length
            offset = end + 1
            let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            // A key shorter than eight bytes ends in the first word read, which is then its head.
            let head = wordStart == start ? UInt64(littleEndian: word) & mask : JSONKey.word(raw, count: raw.count)
            return JSONKey(raw: raw, isEscaped: false, head: head)
        }
        return try readKeyBytesSlowly()
    }

    /// The general case of ``readKeyBytes()``: escapes, non-ASCII bytes, or a key near the end of the buffer. Kept
    /// out of line so that the fast path stays small enough to inline into every decoder's key loop.
    @inline(never)
    mutating func readKeyBytesSlowly() throws(JSONDecodingError) -> JSONKey {
        let scanned = try scanString()
        let content = UnsafeRawBufferPointer(rebasing: bytes[scanned.start..<scanned.end])
        if !scanned.hasEscapes {
            if scanned.hasHighBytes { try Self.validateUTF8(content, baseOffset: scanned.start) }
            return JSONKey(raw: content, isEscaped: false)
        }
        // Validate the escapes now so that later comparisons cannot fail.
        _ = try unescape(start: scanned.start, end: scanned.end)
        return JSONKey(raw: content, isEscaped: true)
    }

    /// Skips a string value, validating escapes, control characters and UTF-8.
    @inline(__always)
    mutating func skipString() throws(JSONDecodingError) {
        let scanned = try scanString()
        if scanned.hasHighBytes {
            try Self.validateUTF8(UnsafeRawBufferPointer(rebasing: bytes[scanned.start..<scanned.end]),
                                  baseOffset: scanned.start)
        }
        if scanned.hasEscapes {
            _ = try unescape(start: scanned.start, end: scanned.end)
        }
    }

    /// Decodes the escapes of a scanned string into UTF-8 bytes (validating UTF-8 and surrogate pairs).
    func unescape(start: Int, end: Int) throws(JSONDecodingError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var index = start
        var runStart = start
        while index < end {
            let current = byte(at: index)
            guard current == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            if runStart < index {
                let run = UnsafeRawBufferPointer(rebasing: bytes[runStart..<index])
                try Self.validateUTF8(run, baseOffset: runStart)
                output.append(contentsOf: run)
            }
            let escaped = byte(at: index + 1)
            index += 2
            switch escaped {
            case UInt8(ascii: "\""): output.append(0x22)
            case UInt8(ascii: "\\"): output.append(0x5C)
            case UInt8(ascii: "/"): output.append(0x2F)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            default:
                var scalar = readHex4(at: index)
                index += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // High surrogate: must be followed by \u low surrogate.
                    guard index + 6 <= end, byte(at: index) == UInt8(ascii: "\\"),
                          byte(at: index + 1) == UInt8(ascii: "u") else {
                        throw error(.invalidString, at: index)
                    }
                    let low = readHex4(at: index + 2)
                    guard low >= 0xDC00 && low < 0xE000 else { throw error(.invalidString, at: index) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw error(.invalidString, at: index - 6)
                }
                Self.appendUTF8(scalar, to: &output)
            }
            runStart = index
        }
        if runStart < end {
            let run = UnsafeRawBufferPointer(rebasing: bytes[runStart..<end])
            try Self.validateUTF8(run, baseOffset: runStart)
            output.append(contentsOf: run)
        }
        return output
    }

    /// Reads four hex digits already validated by ``scanString()``.
    @inline(__always)
    func readHex4(at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for hexIndex in index..<(index + 4) {
            value = value << 4 | (Self.hexValue(byte(at: hexIndex)) ?? 0)
        }
        return value
    }

    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Validates that `buffer` is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
    static func validateUTF8(_ buffer: UnsafeRawBufferPointer, baseOffset: Int) throws(JSONDecodingError) {
        var index = 0
        let count = buffer.count
        while index < count {
            // Runs of ASCII eight bytes at a time.
            while index + 8 <= count,
                  buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = buffer.load(fromByteOffset: index, as: UInt8.self)
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: throw JSONDecodingError(offset: baseOffset + index, reason: .invalidUTF8)
            }
            guard index + length <= count else {
                throw JSONDecodingError(offset: baseOffset + index, reason: .invalidUTF8)
            }
            let second = buffer.load(fromByteOffset: index + 1, as: UInt8.self)
            guard second >= lower && second <= upper else {
                throw JSONDecodingError(offset: baseOffset + index + 1, reason: .invalidUTF8)
            }
            var continuation = 2
            while continuation < length {
                let next = buffer.load(fromByteOffset: index + continuation, as: UInt8.self)
                guard next & 0xC0 == 0x80 else {
                    throw JSONDecodingError(offset: baseOffset + index + continuation, reason: .invalidUTF8)
                }
                continuation += 1
            }
            index += length
        }
    }
}
