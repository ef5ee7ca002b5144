/// The anchored matchers behind ``MessageScanner`` and the single-item parsers. Each one answers "does the
/// pattern match starting exactly at `start`, and where does it end" in time linear in the match length, with no
/// backtracking. The documented Python pattern of each is what the benchmark's `re` peer uses, and each matcher
/// returns exactly what that pattern's `match` at the same position returns.
enum PatternMatchers {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// `<@!?([0-9]{15,20})>`, `<#([0-9]{15,20})>`, `<@&([0-9]{15,20})>`.
    static func mention(_ bytes: Bytes, at start: Int) -> MentionToken? {
        let count = bytes.count
        var index = start + 1
        guard index < count, bytes[start] == UInt8(ascii: "<") else { return nil }
        let kind: MentionKind
        switch bytes[index] {
        case UInt8(ascii: "@"):
            index += 1
            guard index < count else { return nil }
            if bytes[index] == UInt8(ascii: "!") {
                kind = .user
                index += 1
            } else if bytes[index] == UInt8(ascii: "&") {
                kind = .role
                index += 1
            } else {
                kind = .user
            }
        case UInt8(ascii: "#"):
            kind = .channel
            index += 1
        default:
            return nil
        }
        let digitsEnd = ByteClass.runEnd(bytes, from: index, limit: 21, ByteClass.isDigit)
        let length = digitsEnd - index
        guard length >= 15, length <= 20, digitsEnd < count, bytes[digitsEnd] == UInt8(ascii: ">") else { return nil }
        let idRange = index..<digitsEnd
        return MentionToken(kind: kind, range: start..<(digitsEnd + 1), idRange: idRange,
                            id: TextSlice.decimalValue(bytes, idRange))
    }

    /// `<(a)?:([a-zA-Z0-9_]{2,32}):([0-9]{18,22})>`.
    static func customEmoji(_ bytes: Bytes, at start: Int) -> CustomEmojiToken? {
        let count = bytes.count
        var index = start + 1
        guard index < count, bytes[start] == UInt8(ascii: "<") else { return nil }
        let animated = bytes[index] == UInt8(ascii: "a")
        if animated { index += 1 }
        guard index < count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        let nameEnd = ByteClass.runEnd(bytes, from: index, limit: 33, ByteClass.isEmojiNameByte)
        let nameLength = nameEnd - index
        guard nameLength >= 2, nameLength <= 32, nameEnd < count, bytes[nameEnd] == UInt8(ascii: ":") else {
            return nil
        }
        let idStart = nameEnd + 1
        let idEnd = ByteClass.runEnd(bytes, from: idStart, limit: 23, ByteClass.isDigit)
        let idLength = idEnd - idStart
        guard idLength >= 18, idLength <= 22, idEnd < count, bytes[idEnd] == UInt8(ascii: ">") else { return nil }
        let idRange = idStart..<idEnd
        return CustomEmojiToken(isAnimated: animated, range: start..<(idEnd + 1), nameRange: index..<nameEnd,
                                idRange: idRange, id: TextSlice.decimalValue(bytes, idRange))
    }

    /// `discord(?:app)?\.com/channels/([0-9]{17,22}|@me)/([0-9]{17,22})/([0-9]{17,22})` at `start` (the `d`).
    /// The optional `https?://` and `canary.`/`ptb.`/`www.` before it do not change what is extracted.
    static func messageLink(_ bytes: Bytes, at start: Int) -> MessageLinkToken? {
        guard ByteClass.hasPrefix(bytes, at: start, "discord") else { return nil }
        var index = start + 7
        if ByteClass.hasPrefix(bytes, at: index, "app") { index += 3 }
        guard ByteClass.hasPrefix(bytes, at: index, ".com/channels/") else { return nil }
        index += 14
        let guildRange: Range<Int>?
        if ByteClass.hasPrefix(bytes, at: index, "@me/") {
            guildRange = nil
            index += 4
        } else {
            guard let digits = idFollowedBySlash(bytes, at: index) else { return nil }
            guildRange = digits
            index = digits.upperBound + 1
        }
        guard let channelRange = idFollowedBySlash(bytes, at: index) else { return nil }
        index = channelRange.upperBound + 1
        let messageEnd = ByteClass.runEnd(bytes, from: index, limit: 22, ByteClass.isDigit)
        guard messageEnd - index >= 17 else { return nil }
        return MessageLinkToken(range: start..<messageEnd, guildRange: guildRange, channelRange: channelRange,
                                messageRange: index..<messageEnd)
    }

    /// `[0-9]{17,22}/`: the digits' range.
    private static func idFollowedBySlash(_ bytes: Bytes, at start: Int) -> Range<Int>? {
        let end = ByteClass.runEnd(bytes, from: start, limit: 23, ByteClass.isDigit)
        let length = end - start
        guard length >= 17, length <= 22, end < bytes.count, bytes[end] == UInt8(ascii: "/") else { return nil }
        return start..<end
    }

    /// `discord(?:app)?\.(?:com/invite|gg)/([a-zA-Z0-9]+)/?`, ASCII case-insensitive, at `start` (the `d`).
    static func invite(_ bytes: Bytes, at start: Int) -> InviteToken? {
        guard ByteClass.hasPrefixIgnoringCase(bytes, at: start, "discord") else { return nil }
        var index = start + 7
        if ByteClass.hasPrefixIgnoringCase(bytes, at: index, "app") { index += 3 }
        if ByteClass.hasPrefixIgnoringCase(bytes, at: index, ".com/invite/") {
            index += 12
        } else if ByteClass.hasPrefixIgnoringCase(bytes, at: index, ".gg/") {
            index += 4
        } else {
            return nil
        }
        let codeEnd = ByteClass.runEnd(bytes, from: index, limit: Int.max - index, ByteClass.isAlphanumeric)
        guard codeEnd > index else { return nil }
        let end = codeEnd < bytes.count && bytes[codeEnd] == UInt8(ascii: "/") ? codeEnd + 1 : codeEnd
        return InviteToken(range: start..<end, codeRange: index..<codeEnd)
    }

    /// The bytes a URL may not end with: `. , : ; ! ? ' " ) ] } * _ ~ | \``.
    @inline(__always) static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"),
             UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: ")"), UInt8(ascii: "]"),
             UInt8(ascii: "}"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "|"),
             UInt8(ascii: "`"):
            true
        default:
            false
        }
    }

    /// `https?://[^\s<>]*[^\s<>.,:;!?'")\]}*_~|\`]` at `start` (the `h`): the URL runs to the first whitespace,
    /// `<` or `>`, then trailing punctuation is dropped; nothing left after `://` means no URL.
    static func url(_ bytes: Bytes, at start: Int) -> Range<Int>? {
        guard ByteClass.hasPrefix(bytes, at: start, "http") else { return nil }
        var index = start + 4
        if index < bytes.count, bytes[index] == UInt8(ascii: "s") { index += 1 }
        guard ByteClass.hasPrefix(bytes, at: index, "://") else { return nil }
        index += 3
        let bodyStart = index
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || ByteClass.whitespaceLength(bytes, at: index) > 0 {
                break
            }
            index += 1
        }
        while index > bodyStart, isTrailingPunctuation(bytes[index - 1]) { index -= 1 }
        return index > bodyStart ? start..<index : nil
    }
}
