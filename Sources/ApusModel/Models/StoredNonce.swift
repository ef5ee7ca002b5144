/// How a ``Message`` keeps its ``MessageNonce``: a string of decimal digits (what discord.py and Discord's own clients
/// send) as a number, without allocating; anything else as the nonce itself. The mapping is one-to-one (digits with a
/// leading zero, or too many for 64 bits, stay strings), so comparing stored nonces compares the nonces.
@usableFromInline enum StoredNonce: Sendable, Hashable, JSONDecodable {
    /// `.string` of the decimal digits of this number, with no leading zero.
    case decimalString(UInt64)
    /// Any other nonce.
    case other(MessageNonce)

    /// Stores `nonce`.
    @usableFromInline init(_ nonce: MessageNonce) {
        if case .string(let text) = nonce {
            var copy = text
            if let value = copy.withUTF8({ Self.canonicalDecimal(UnsafeRawBufferPointer($0)) }) {
                self = .decimalString(value)
                return
            }
        }
        self = .other(nonce)
    }

    /// Decodes a nonce (a JSON string or integer).
    @inline(__always)
    @usableFromInline init(from reader: inout JSONReader) throws(JSONDecodingError) {
        if try reader.peekByte() == UInt8(ascii: "\"") {
            let quote = reader.offset
            // A client's usual nonce: 16 to 19 digits, without a leading zero, read without scanning first.
            if let quick = reader.quotedLongDigits(openingQuoteAt: quote),
               reader.byte(at: quote + 1) != UInt8(ascii: "0") {
                reader.offset = quick.next
                reader.needsComma = true
                self = .decimalString(quick.value)
                return
            }
            let scanned = try reader.scanString()
            if !scanned.hasEscapes,
               let value = Self.canonicalDecimal(UnsafeRawBufferPointer(rebasing: reader.bytes[scanned.start..<scanned.end])) {
                reader.needsComma = true
                self = .decimalString(value)
                return
            }
            reader.offset = quote
        }
        // An integer, escapes or other text: decode, then take the compact form if the text has it.
        self.init(try MessageNonce(from: &reader))
    }

    /// The nonce.
    @usableFromInline var nonce: MessageNonce {
        switch self {
        case .decimalString(let value): .string(String(value))
        case .other(let nonce): nonce
        }
    }

    /// The value of `bytes` if they are 1–19 decimal digits without a leading zero (or exactly `0`); nil otherwise.
    /// Nineteen digits always fit in 64 bits; the rare 20-digit nonce stays a string.
    @inline(__always)
    static func canonicalDecimal(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count >= 1, bytes.count <= 19 else { return nil }
        if bytes[0] == UInt8(ascii: "0") && bytes.count > 1 { return nil }
        return JSONReader.parseUInt64(bytes: bytes, start: 0, end: bytes.count)
    }
}
