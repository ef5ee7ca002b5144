extension JSONReader {
    // MARK: - Numbers

    /// Scans a number per the JSON grammar starting at `offset`; returns its byte range and whether it is an integer.
    @inline(__always)
    mutating func scanNumber() throws(JSONDecodingError) -> (start: Int, end: Int, isInteger: Bool) {
        let start = offset
        var index = offset
        let count = bytes.count
        if index < count && byte(at: index) == UInt8(ascii: "-") { index += 1 }
        guard index < count else { throw error(.unexpectedEnd, at: count) }
        let first = byte(at: index)
        if first == UInt8(ascii: "0") {
            index += 1
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            index += 1
            while index < count, Self.isDigit(byte(at: index)) { index += 1 }
        } else {
            throw error(.invalidNumber, at: index)
        }
        var isInteger = true
        if index < count && byte(at: index) == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let digitsStart = index
            while index < count, Self.isDigit(byte(at: index)) { index += 1 }
            guard index > digitsStart else {
                throw error(index < count ? .invalidNumber : .unexpectedEnd, at: index)
            }
        }
        if index < count && (byte(at: index) == UInt8(ascii: "e") || byte(at: index) == UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if index < count && (byte(at: index) == UInt8(ascii: "+") || byte(at: index) == UInt8(ascii: "-")) {
                index += 1
            }
            let digitsStart = index
            while index < count, Self.isDigit(byte(at: index)) { index += 1 }
            guard index > digitsStart else {
                throw error(index < count ? .invalidNumber : .unexpectedEnd, at: index)
            }
        }
        offset = index
        needsComma = true
        return (start, index, isInteger)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Reads a JSON integer that fits in `Int64`.
    @inline(__always)
    public mutating func readInt64() throws(JSONDecodingError) -> Int64 {
        // The common case (flags, types, counts): one digit right here, then the end of the value.
        if offset + 2 <= bytes.count {
            let digit = byte(at: offset) &- UInt8(ascii: "0")
            let next = byte(at: offset + 1)
            if digit < 10, next == UInt8(ascii: ",") || next == UInt8(ascii: "}") || next == UInt8(ascii: "]") {
                offset += 1
                needsComma = true
                return Int64(digit)
            }
        }
        return try readInt64InGeneral()
    }

    /// ``readInt64()`` for every other number, whitespace and errors.
    @inline(never)
    mutating func readInt64InGeneral() throws(JSONDecodingError) -> Int64 {
        let current = try peekByte()
        // A positive integer of up to 18 digits (sequence numbers, Unix times, sizes), read in one pass: cannot
        // overflow, and is taken only when the byte after it ends the number (not a digit, `.`, `e` or `E`).
        if current &- UInt8(ascii: "1") < 9 {
            var index = offset
            var value: Int64 = 0
            let limit = min(bytes.count, offset + 18)
            while index < limit {
                let digit = byte(at: index) &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                value = value &* 10 &+ Int64(digit)
                index += 1
            }
            let endsHere: Bool
            if index == bytes.count {
                endsHere = true
            } else {
                let next = byte(at: index)
                endsHere = !Self.isDigit(next) && next != UInt8(ascii: ".") && next != UInt8(ascii: "e")
                    && next != UInt8(ascii: "E")
            }
            if endsHere {
                offset = index
                needsComma = true
                return value
            }
        }
        guard current == UInt8(ascii: "-") || Self.isDigit(current) else {
            throw error(.typeMismatch(expected: "number"))
        }
        let scanned = try scanNumber()
        guard scanned.isInteger else { throw error(.invalidNumber, at: scanned.start) }
        var index = scanned.start
        let negative = byte(at: index) == UInt8(ascii: "-")
        if negative { index += 1 }
        var magnitude: UInt64 = 0
        while index < scanned.end {
            let digit = UInt64(byte(at: index) &- UInt8(ascii: "0"))
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            guard !overflow1 && !overflow2 else { throw error(.invalidNumber, at: scanned.start) }
            magnitude = sum
            index += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw error(.invalidNumber, at: scanned.start) }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw error(.invalidNumber, at: scanned.start) }
        return Int64(magnitude)
    }

    /// Reads a JSON integer that fits in `Int`.
    @inline(__always)
    public mutating func readInt() throws(JSONDecodingError) -> Int {
        let value = try readInt64()
        guard let result = Int(exactly: value) else { throw error(.invalidNumber) }
        return result
    }

    /// Reads a non-negative JSON integer that fits in `UInt64`.
    @inline(__always)
    public mutating func readUInt64() throws(JSONDecodingError) -> UInt64 {
        let current = try peekByte()
        guard Self.isDigit(current) else {
            guard current == UInt8(ascii: "-") else { throw error(.typeMismatch(expected: "unsigned integer")) }
            // `-0` is zero; any other negative number is out of range.
            let scanned = try scanNumber()
            guard scanned.isInteger, scanned.end - scanned.start == 2, byte(at: scanned.start + 1) == UInt8(ascii: "0")
            else { throw error(.invalidNumber, at: scanned.start) }
            return 0
        }
        let scanned = try scanNumber()
        guard scanned.isInteger else { throw error(.invalidNumber, at: scanned.start) }
        guard let value = Self.parseUInt64(bytes: bytes, start: scanned.start, end: scanned.end) else {
            throw error(.invalidNumber, at: scanned.start)
        }
        return value
    }

    /// Eight ASCII digits loaded little-endian (the first digit in the lowest byte) as their number, or nil if any
    /// byte is not a digit. The digits are checked together (for bytes below 0x80, adding `0x80 - n` sets a byte's
    /// top bit exactly when it is at least `n`, without carries), then combined pairwise: 2, 4, then 8 digits.
    @inline(__always)
    static func parseEightDigits(_ littleEndianWord: UInt64) -> UInt64? {
        let word = UInt64(littleEndian: littleEndianWord)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        let atLeastZero = (word &+ ones &* 0x50) & tops
        let pastNine = (word &+ ones &* 0x46) & tops
        guard word & tops == 0, atLeastZero & ~pastNine == tops else { return nil }
        var digits = word &- ones &* 0x30
        digits = (digits &* (10 << 8 + 1)) >> 8 & 0x00FF_00FF_00FF_00FF
        digits = (digits &* (100 << 16 + 1)) >> 16 & 0x0000_FFFF_0000_FFFF
        return (digits &* (10_000 << 32 + 1)) >> 32
    }

    /// A JSON string of 16 to 19 decimal digits (every snowflake since 2016, most nonces) whose opening quote is at
    /// `quote`, read as three words without scanning the string first: two words of eight digits, then a word
    /// holding the last zero to three digits and the closing quote. Returns the value and the offset after the
    /// closing quote, or nil for anything else (fewer than 24 bytes left, other lengths, non-digits, escapes): the
    /// caller then takes its general path. Never reads outside `bytes`; 19 digits cannot overflow.
    @inline(__always)
    func quotedLongDigits(openingQuoteAt quote: Int) -> (value: UInt64, next: Int)? {
        let start = quote + 1
        guard start + 24 <= bytes.count,
              let high = Self.parseEightDigits(bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self)),
              let middle = Self.parseEightDigits(bytes.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
        else { return nil }
        let tail = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start + 16, as: UInt64.self))
        // The digits at the start of `tail`: below the first byte flagged as not a digit. A byte can carry into the
        // next one only when it is not a digit itself, so the first flag is exact (see `parseEightDigits`).
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        let atLeastZero = (tail &+ ones &* 0x50) & tops
        let pastNine = (tail &+ ones &* 0x46) & tops
        let notDigit = ~(atLeastZero & ~pastNine & ~tail) & tops
        let tailDigits = notDigit.trailingZeroBitCount >> 3
        guard tailDigits <= 3, byte(at: start + 16 + tailDigits) == UInt8(ascii: "\"") else { return nil }
        var value = high &* 100_000_000 &+ middle
        var index = 0
        while index < tailDigits {
            value = value &* 10 &+ ((tail >> (UInt64(index) << 3)) & 0xFF) &- 0x30
            index += 1
        }
        return (value, start + 17 + tailDigits)
    }

    /// Parses ASCII decimal digits in `start..<end` as a `UInt64`; nil on overflow, an empty range or a non-digit.
    @inline(__always)
    static func parseUInt64(bytes: UnsafeRawBufferPointer, start: Int, end: Int) -> UInt64? {
        guard start < end else { return nil }
        var value: UInt64 = 0
        var index = start
        if end - start <= 19 {
            // Nineteen decimal digits are below 10^19 < 2^64: no overflow is possible (every snowflake is here).
            // Eight digits at a time, then the rest one by one.
            while end - index >= 8 {
                guard let chunk = parseEightDigits(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) else {
                    return nil
                }
                value = value &* 100_000_000 &+ chunk
                index += 8
            }
            while index < end {
                let digit = bytes.load(fromByteOffset: index, as: UInt8.self) &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value &* 10 &+ UInt64(digit)
                index += 1
            }
            return value
        }
        while index < end {
            let digit = bytes.load(fromByteOffset: index, as: UInt8.self) &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1 && !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// Reads any JSON number as a `Double`.
    public mutating func readDouble() throws(JSONDecodingError) -> Double {
        let current = try peekByte()
        guard current == UInt8(ascii: "-") || Self.isDigit(current) else {
            throw error(.typeMismatch(expected: "number"))
        }
        let scanned = try scanNumber()
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[scanned.start..<scanned.end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw error(.invalidNumber, at: scanned.start) }
        return value
    }
}
