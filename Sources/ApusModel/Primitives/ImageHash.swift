/// An image hash as Discord sends it for avatars, banners and icons: 32 lowercase hexadecimal digits, with `a_` in
/// front when the image is animated.
///
/// Such a hash is held in 17 bytes without allocating (as a 32-character `String` it would need a heap allocation for
/// every decoded user). Any other text (Discord has never sent one, but decoding is tolerant) is kept exactly as it
/// came, so ``string`` always returns the original text and two hashes are equal exactly when their texts are.
public struct ImageHash: Sendable, Hashable, CustomStringConvertible, JSONDecodable {
    @usableFromInline enum Storage: Sendable, Hashable {
        /// The 128-bit value of the 32 digits (first digit most significant), and whether `a_` came first.
        case hex(high: UInt64, low: UInt64, animated: Bool)
        /// Text that is not in the canonical form.
        case text(String)
    }

    @usableFromInline var storage: Storage

    @usableFromInline init(storage: Storage) {
        self.storage = storage
    }

    /// Wraps a hash given as text.
    public init(_ text: String) {
        var copy = text
        let parsed = copy.withUTF8 { Self.parseCanonical(UnsafeRawBufferPointer($0)) }
        storage = parsed ?? .text(text)
    }

    /// The hash whose 32 digits are the hexadecimal form of `high` and then `low`, with `a_` in front when
    /// `animated`.
    public init(high: UInt64, low: UInt64, animated: Bool) {
        storage = .hex(high: high, low: low, animated: animated)
    }

    /// The 128-bit value and the animated flag of a hash in Discord's form; nil for a hash kept as other text.
    public var value: (high: UInt64, low: UInt64, animated: Bool)? {
        if case .hex(let high, let low, let animated) = storage { return (high, low, animated) }
        return nil
    }

    /// Decodes a JSON string.
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        let current = try reader.peekByte()
        guard current == UInt8(ascii: "\"") else { throw reader.error(.typeMismatch(expected: "string")) }
        let quote = reader.offset
        // The usual hash (32 hex digits, or 34 with `a_`) parsed where it stands, before any scan: the parser
        // accepts only hex digits and the prefix, as `readFixedLengthString` requires.
        if let parsed = reader.readFixedLengthString(length: 32, Self.parseCanonical)
            ?? reader.readFixedLengthString(length: 34, Self.parseCanonical) {
            self.init(storage: parsed)
            return
        }
        let scanned = try reader.scanString()
        if !scanned.hasEscapes, !scanned.hasHighBytes,
           let parsed = Self.parseCanonical(UnsafeRawBufferPointer(rebasing: reader.bytes[scanned.start..<scanned.end])) {
            reader.needsComma = true
            self.init(storage: parsed)
            return
        }
        // Escapes or other text: unescape, then take the compact form if the text has it.
        reader.offset = quote
        self.init(try reader.readString())
    }

    /// Whether the image is animated (the hash starts with `a_`).
    public var isAnimated: Bool {
        switch storage {
        case .hex(_, _, let animated): animated
        case .text(let text): text.hasPrefix("a_")
        }
    }

    /// The hash as Discord sent it.
    public var string: String {
        switch storage {
        case .text(let text):
            return text
        case .hex(let high, let low, let animated):
            let prefix = animated ? 2 : 0
            return String(unsafeUninitializedCapacity: prefix + 32) { buffer in
                if animated {
                    buffer[0] = UInt8(ascii: "a")
                    buffer[1] = UInt8(ascii: "_")
                }
                Self.writeHex(high, into: buffer, at: prefix)
                Self.writeHex(low, into: buffer, at: prefix + 16)
                return prefix + 32
            }
        }
    }

    /// The hash as Discord sent it.
    public var description: String { string }

    @inline(__always)
    static func writeHex(_ value: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        for index in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: value >> (60 - 4 * UInt64(index))) & 0xF
            buffer[start + index] = nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
        }
    }

    /// The compact form of `bytes` if they are 32 lowercase hex digits, optionally after `a_`; nil otherwise.
    @inline(__always)
    static func parseCanonical(_ bytes: UnsafeRawBufferPointer) -> Storage? {
        let animated: Bool
        switch bytes.count {
        case 32: animated = false
        case 34:
            guard bytes[0] == UInt8(ascii: "a"), bytes[1] == UInt8(ascii: "_") else { return nil }
            animated = true
        default: return nil
        }
        let start = animated ? 2 : 0
        guard let high = parseHex16(bytes, at: start), let low = parseHex16(bytes, at: start + 16) else { return nil }
        return .hex(high: high, low: low, animated: animated)
    }

    /// Sixteen lowercase hex digits as a number, or nil if any byte is not one.
    @inline(__always)
    static func parseHex16(_ bytes: UnsafeRawBufferPointer, at start: Int) -> UInt64? {
        guard let high = parseHex8(bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self)),
              let low = parseHex8(bytes.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)) else { return nil }
        return UInt64(high) << 32 | UInt64(low)
    }

    /// Eight lowercase hex digits, loaded little-endian (the first digit in the lowest byte), as a number; nil if any
    /// byte is not `0`–`9` or `a`–`f`. Eight bytes at once: for bytes below 0x80, adding `0x80 - n` to every byte sets
    /// a byte's top bit exactly when the byte is at least `n`, and no carry crosses into the next byte.
    @inline(__always)
    static func parseHex8(_ littleEndianWord: UInt64) -> UInt32? {
        let word = UInt64(littleEndian: littleEndianWord)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        guard word & tops == 0 else { return nil }
        let atLeastZero = (word &+ ones &* 0x50) & tops // >= 0x30 "0"
        let pastNine = (word &+ ones &* 0x46) & tops // >= 0x3A
        let atLeastA = (word &+ ones &* 0x1F) & tops // >= 0x61 "a"
        let pastF = (word &+ ones &* 0x19) & tops // >= 0x67
        let letters = atLeastA & ~pastF
        guard (atLeastZero & ~pastNine) | letters == tops else { return nil }
        // Each byte's digit value: the low nibble, plus 9 for a letter ("a" is 0x61).
        let nibbles = (word & (ones &* 0x0F)) &+ (letters >> 7) &* 9
        // Pair neighbours (first digit high): byte 2k becomes digit(2k) << 4 | digit(2k + 1).
        let pairs = ((nibbles << 4) | (nibbles >> 8)) & 0x00FF_00FF_00FF_00FF
        // Gather the four pair bytes into one 32-bit little-endian value, then put the first pair highest.
        let quads = (pairs | (pairs >> 8)) & 0x0000_FFFF_0000_FFFF
        let gathered = UInt32(truncatingIfNeeded: quads) | UInt32(truncatingIfNeeded: quads >> 32) << 16
        return gathered.byteSwapped
    }
}

extension Optional where Wrapped == ImageHash {
    /// The text of an optional hash (for the `String?` accessors kept beside the compact stored hashes).
    @inline(__always)
    var text: String? { self?.string }
}
