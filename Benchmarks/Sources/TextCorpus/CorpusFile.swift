/// The corpus file shared with the Python peers: for each message, its UTF-8 byte length as a 4-byte little-endian
/// unsigned integer, then the bytes.
public enum CorpusFile {
    /// Encodes `messages` in the corpus file format.
    public static func encode(_ messages: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(messages.reduce(0) { $0 + $1.utf8.count + 4 })
        for message in messages {
            let length = UInt32(message.utf8.count)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: length >> UInt32(shift))) }
            bytes.append(contentsOf: message.utf8)
        }
        return bytes
    }

    /// Decodes a corpus file; `nil` when it is truncated. Invalid UTF-8 is repaired (U+FFFD), as Python's
    /// `errors="replace"` would; the peers are given only valid files.
    public static func decode(_ bytes: [UInt8]) -> [String]? {
        var messages: [String] = []
        var offset = 0
        while offset < bytes.count {
            guard offset + 4 <= bytes.count else { return nil }
            var length = 0
            for shift in 0..<4 { length |= Int(bytes[offset + shift]) << (8 * shift) }
            offset += 4
            guard offset + length <= bytes.count else { return nil }
            messages.append(String(decoding: bytes[offset..<(offset + length)], as: UTF8.self))
            offset += length
        }
        return messages
    }
}

/// The extraction-record format both sides write, one line per record, `\n`-terminated, fields separated by tabs:
///
/// ```
/// M <index>                      one per message, first
/// U <id>  C <id>  R <id>         user, channel, role mentions (each kind in order of appearance)
/// E <a or empty> <name> <id>     custom emoji
/// L <guild or @me> <channel> <message>
/// I <code>                       invites
/// W <url>                        URLs
/// F <language or empty> <content>  fenced code
/// K <content>                    inline code
/// S <text>                       the markdown-stripped text (always present)
/// ```
///
/// Fields are escaped: `\` → `\\`, tab → `\t`, newline → `\n`, carriage return → `\r`.
public struct RecordWriter: Sendable {
    /// The records written so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends one record: `kind`, then each field escaped, tab-separated.
    public mutating func record(_ kind: UInt8, _ fields: some Sequence<some Collection<UInt8>>) {
        bytes.append(kind)
        for field in fields {
            bytes.append(UInt8(ascii: "\t"))
            appendEscaped(field)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends a record with a single field.
    public mutating func record(_ kind: UInt8, _ field: some Collection<UInt8>) {
        record(kind, CollectionOfOne(field))
    }

    private mutating func appendEscaped(_ field: some Collection<UInt8>) {
        for byte in field {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            default: bytes.append(byte)
            }
        }
    }
}
