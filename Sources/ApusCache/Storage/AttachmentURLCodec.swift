/// Compact encoding of attachment URLs for cached messages.
///
/// Discord's attachment URLs are `https://cdn.discordapp.com/attachments/{channel id}/{attachment id}/{file name and
/// query}`: about 90 bytes, of which the two decimal snowflakes take 38 and the fixed prefix 39. Such a URL is stored
/// as a tag, the attachment id as a varint (the channel id too, unless it is the message's own channel) and the
/// rest verbatim, about 22 bytes for a short file name. Anything else (another host, a non-canonical number) is
/// stored verbatim, so decoding always gives back the exact input.
enum AttachmentURLCodec {
    /// The URL is stored verbatim.
    static let verbatimTag: UInt64 = 0
    /// A CDN attachment URL in the message's own channel: attachment id, rest.
    static let sameChannelTag: UInt64 = 1
    /// A CDN attachment URL in another channel: channel id, attachment id, rest.
    static let otherChannelTag: UInt64 = 2

    private static let prefix = Array("https://cdn.discordapp.com/attachments/".utf8)

    /// Appends one URL to `writer`.
    static func append(_ url: String, channelID: UInt64, to writer: inout PackedFieldsWriter) {
        let utf8 = Array(url.utf8)
        guard utf8.starts(with: prefix) else {
            writer.append(number: verbatimTag)
            writer.append(url)
            return
        }
        var position = prefix.count
        guard let channel = canonicalNumber(utf8, from: &position), position < utf8.count, utf8[position] == UInt8(ascii: "/")
        else {
            writer.append(number: verbatimTag)
            writer.append(url)
            return
        }
        position += 1
        guard let attachment = canonicalNumber(utf8, from: &position), position < utf8.count,
              utf8[position] == UInt8(ascii: "/")
        else {
            writer.append(number: verbatimTag)
            writer.append(url)
            return
        }
        position += 1
        if channel == channelID {
            writer.append(number: sameChannelTag)
        } else {
            writer.append(number: otherChannelTag)
            writer.append(number: channel)
        }
        writer.append(number: attachment)
        writer.append(String(decoding: utf8[position...], as: UTF8.self))
    }

    /// Reads one URL written by ``append(_:channelID:to:)``; nil when the input is exhausted or corrupt.
    static func read(from reader: inout PackedFieldsReader, channelID: UInt64) -> String? {
        guard let tag = reader.readOptionalNumber() else { return nil }
        switch tag {
        case verbatimTag:
            return reader.readString()
        case sameChannelTag, otherChannelTag:
            let channel = tag == sameChannelTag ? channelID : reader.readNumber()
            let attachment = reader.readNumber()
            guard let rest = reader.readString() else { return nil }
            return "https://cdn.discordapp.com/attachments/\(channel)/\(attachment)/" + rest
        default:
            return nil
        }
    }

    /// Parses a decimal number without a leading zero that fits in 64 bits, so that printing it gives back the
    /// same digits; advances `position` past it. Nil (position unspecified) otherwise.
    private static func canonicalNumber(_ utf8: [UInt8], from position: inout Int) -> UInt64? {
        let start = position
        var value: UInt64 = 0
        while position < utf8.count, utf8[position] >= UInt8(ascii: "0"), utf8[position] <= UInt8(ascii: "9") {
            let digit = UInt64(utf8[position] - UInt8(ascii: "0"))
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            position += 1
        }
        let length = position - start
        guard length > 0, length == 1 || utf8[start] != UInt8(ascii: "0") else { return nil }
        return value
    }
}
