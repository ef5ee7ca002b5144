extension JSONReader {
    /// Skips the next value by structure only: strings are delimited (escapes honoured) and
    /// brackets must balance and match, but numbers, literals, escapes and UTF-8 are not validated. Full
    /// validation happens when the value is decoded. This is what ``GatewayEnvelope/scan(_:)`` uses for `d`, so
    /// that events nobody subscribed to cost one quick pass.
    ///
    /// Returns the byte range of the value.
    public mutating func skipValueStructurally() throws(JSONDecodingError) -> Range<Int> {
        let first = try peekByte()
        let start = offset
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
            // Scalars are cheap: use the validating skip.
            try skipValue()
            return start..<offset
        }
        // Bit stack of container kinds (1 = object) for the first 64 levels; deeper levels are only counted.
        var kinds: UInt64 = 0
        var level = 0
        var index = offset
        let count = bytes.count
        while index < count {
            // Outside strings the structural bytes are dense in Discord JSON, so a plain byte loop wins here.
            let current = byte(at: index)
            switch current {
            case UInt8(ascii: "\""):
                index = try skipStringStructurally(openingQuoteAt: index)
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                level += 1
                guard level + depth <= Self.maximumDepth else { throw error(.tooDeep, at: index) }
                if level <= 64 {
                    kinds = kinds << 1 | (current == UInt8(ascii: "{") ? 1 : 0)
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if level <= 64 {
                    let isObject = kinds & 1 == 1
                    guard isObject == (current == UInt8(ascii: "}")) else {
                        throw error(.unexpectedByte(current), at: index)
                    }
                    kinds >>= 1
                }
                level -= 1
                if level == 0 {
                    offset = index + 1
                    needsComma = true
                    return start..<offset
                }
            default:
                break
            }
            index += 1
        }
        throw error(.unexpectedEnd, at: count)
    }

    /// Returns the index just past the closing quote of the string whose opening quote is at `quoteIndex`,
    /// honouring backslash escapes (their content is validated later, when the value is decoded).
    @inline(__always)
    func skipStringStructurally(openingQuoteAt quoteIndex: Int) throws(JSONDecodingError) -> Int {
        var index = quoteIndex + 1
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while true {
            while index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let slash = word ^ (ones &* 0x5C)
                let hits = (((quote &- ones) & ~quote) | ((slash &- ones) & ~slash)) & highs
                if hits != 0 {
                    index += hits.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < count else { throw error(.unexpectedEnd, at: count) }
            let current = byte(at: index)
            if current == UInt8(ascii: "\"") { return index + 1 }
            index += current == UInt8(ascii: "\\") ? 2 : 1
        }
    }
}
