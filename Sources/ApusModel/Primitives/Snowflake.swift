/// A Discord id: a 64-bit unsigned integer, sent as a decimal string (numbers are accepted too).
public struct Snowflake: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// Milliseconds between the Unix epoch and the Discord epoch (2015-01-01T00:00:00Z).
    public static let discordEpochMilliseconds: UInt64 = 1_420_070_400_000

    /// The id's integer value.
    public var rawValue: UInt64

    /// Wraps an integer id.
    @inline(__always)
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Wraps an integer id.
    @inline(__always)
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// Creates an id from an integer literal.
    public init(integerLiteral value: UInt64) { self.rawValue = value }

    /// Parses a decimal id; nil if the text is not a valid `UInt64`.
    public init?(_ text: String) {
        guard let value = UInt64(text) else { return nil }
        rawValue = value
    }

    /// Milliseconds since the Unix epoch at which the id was created.
    public var timestampMilliseconds: UInt64 { (rawValue >> 22) + Self.discordEpochMilliseconds }

    /// The creation time as a ``DiscordTimestamp``.
    public var timestamp: DiscordTimestamp {
        DiscordTimestamp(microsecondsSinceEpoch: Int64(timestampMilliseconds) * 1000)
    }

    /// The decimal form Discord uses.
    public var description: String { String(rawValue) }

    /// Orders ids numerically (which is creation order).
    public static func < (lhs: Snowflake, rhs: Snowflake) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Snowflake: JSONDecodable {
    /// Reads a snowflake from a JSON string of digits or a non-negative JSON integer.
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        let current = try reader.peekByte()
        if current == UInt8(ascii: "\"") {
            if let quick = reader.quotedLongDigits(openingQuoteAt: reader.offset) {
                reader.offset = quick.next
                reader.needsComma = true
                rawValue = quick.value
                return
            }
            // Other lengths, escapes (`"\u0031"` is the id 1), or not an id at all.
            let start = reader.offset
            guard let value = try reader.readStringContent({ JSONReader.parseUInt64(bytes: $0, start: 0, end: $0.count) })
            else {
                throw JSONDecodingError(offset: start, reason: .invalidValue("snowflake is not a decimal UInt64"))
            }
            rawValue = value
            return
        }
        rawValue = try reader.readUInt64()
    }
}
