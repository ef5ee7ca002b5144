import ApusText
import TextCorpus

/// The Apus side of the comparison: one ``MessageScanner`` and one ``MarkdownStripper`` reused for every message.
struct ApusExtraction {
    private var scanner = MessageScanner()
    private var stripper = MarkdownStripper()

    /// Writes every message's records (not timed).
    mutating func records(for messages: [String]) -> [UInt8] {
        var writer = RecordWriter()
        for (index, message) in messages.enumerated() {
            message.utf8.withContiguousStorageIfAvailable { bytes in
                scanner.scan(bytes: bytes)
                stripper.strip(bytes: bytes)
                write(index: index, bytes: bytes, into: &writer)
            }
        }
        return writer.bytes
    }

    private func write(index: Int, bytes: UnsafeBufferPointer<UInt8>, into writer: inout RecordWriter) {
        func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
        writer.record(UInt8(ascii: "M"), Array(String(index).utf8))
        for kind in [(MentionKind.user, "U"), (.channel, "C"), (.role, "R")] {
            for mention in scanner.mentions where mention.kind == kind.0 {
                writer.record(UInt8(ascii: kind.1.unicodeScalars.first ?? "?"), slice(mention.idRange))
            }
        }
        for emoji in scanner.customEmoji {
            writer.record(UInt8(ascii: "E"), [emoji.isAnimated ? [UInt8(ascii: "a")] : [], Array(slice(emoji.nameRange)),
                                              Array(slice(emoji.idRange))])
        }
        for link in scanner.messageLinks {
            let guild = link.guildRange.map { Array(slice($0)) } ?? Array("@me".utf8)
            writer.record(UInt8(ascii: "L"), [guild, Array(slice(link.channelRange)), Array(slice(link.messageRange))])
        }
        for invite in scanner.invites { writer.record(UInt8(ascii: "I"), slice(invite.codeRange)) }
        for url in scanner.urls { writer.record(UInt8(ascii: "W"), slice(url)) }
        for block in scanner.codeBlocks {
            let language = block.languageRange.map { Array(slice($0)) } ?? []
            writer.record(UInt8(ascii: "F"), [language, Array(slice(block.contentRange))])
        }
        for code in scanner.inlineCode { writer.record(UInt8(ascii: "K"), slice(code)) }
        writer.record(UInt8(ascii: "S"), stripper.output)
    }

    /// One timed round: scan and strip every message. Returns a checksum of the results so that nothing is optimised
    /// away (the extraction results are byte ranges, the stripped text is bytes; no records are written).
    mutating func round(_ messages: [String]) -> Int {
        var checksum = 0
        for message in messages {
            message.utf8.withContiguousStorageIfAvailable { bytes in
                scanner.scan(bytes: bytes)
                stripper.strip(bytes: bytes)
            }
            checksum &+= scanner.mentions.count &+ scanner.customEmoji.count &+ scanner.messageLinks.count
            checksum &+= scanner.invites.count &+ scanner.urls.count &+ scanner.codeBlocks.count
            checksum &+= scanner.inlineCode.count &+ stripper.output.count
        }
        return checksum
    }
}
