/// A custom emoji parsed from a command argument.
public struct CustomEmoji: Sendable, Hashable {
    /// The emoji's name (2-32 of `[A-Za-z0-9_]`).
    public var name: Substring
    /// The emoji's id.
    public var id: UInt64
    /// Whether it is animated (`<a:name:id>`).
    public var isAnimated: Bool

    /// An emoji with these parts.
    public init(name: Substring, id: UInt64, isAnimated: Bool) {
        self.name = name
        self.id = id
        self.isAnimated = isAnimated
    }
}

/// A Discord message link parsed from a command argument.
public struct MessageLink: Sendable, Hashable {
    /// The guild id, or `nil` for a direct-message link (`/channels/@me/…`).
    public var guildID: UInt64?
    /// The channel id.
    public var channelID: UInt64
    /// The message id.
    public var messageID: UInt64

    /// A link with these ids.
    public init(guildID: UInt64?, channelID: UInt64, messageID: UInt64) {
        self.guildID = guildID
        self.channelID = channelID
        self.messageID = messageID
    }
}

/// Parsers for one command argument that must be exactly one Discord item (a mention, an id, an emoji, a link).
///
/// Unlike ``MessageScanner``, which finds items inside running text, these accept the whole argument only
/// (surrounding whitespace excepted), like a converter in a command framework. All return `nil` on anything else,
/// including ids that do not fit in 64 bits.
public enum DiscordSyntax {
    /// `<@id>`, `<@!id>`, `<#id>` or `<@&id>` (id 15-20 digits).
    public static func mention(_ text: some StringProtocol) -> (kind: MentionKind, id: UInt64)? {
        whole(text) { bytes, range in
            guard let token = PatternMatchers.mention(bytes, at: range.lowerBound),
                  token.range.upperBound == range.upperBound, let id = token.id else { return nil }
            return (token.kind, id)
        }
    }

    /// A bare snowflake: 15-20 ASCII digits and nothing else (the original's `DISCORD_ID_RE` also accepted digits at
    /// the end of any text; a command argument here must be only the id).
    public static func snowflake(_ text: some StringProtocol) -> UInt64? {
        whole(text) { bytes, range in
            guard (15...20).contains(range.count), range.allSatisfy({ ByteClass.isDigit(bytes[$0]) }) else { return nil }
            return TextSlice.decimalValue(bytes, range)
        }
    }

    /// A user given as `<@id>`, `<@!id>` or a bare snowflake.
    public static func userID(_ text: some StringProtocol) -> UInt64? { id(text, kind: .user) }

    /// A channel given as `<#id>` or a bare snowflake.
    public static func channelID(_ text: some StringProtocol) -> UInt64? { id(text, kind: .channel) }

    /// A role given as `<@&id>` or a bare snowflake.
    public static func roleID(_ text: some StringProtocol) -> UInt64? { id(text, kind: .role) }

    private static func id(_ text: some StringProtocol, kind: MentionKind) -> UInt64? {
        if let mention = mention(text) { return mention.kind == kind ? mention.id : nil }
        return snowflake(text)
    }

    /// `<:name:id>` or `<a:name:id>` (name 2-32 of `[A-Za-z0-9_]`, id 18-22 digits).
    public static func customEmoji(_ text: some StringProtocol) -> CustomEmoji? {
        let trimmed = trimmedSubstring(text)
        return whole(trimmed) { bytes, range in
            guard let token = PatternMatchers.customEmoji(bytes, at: range.lowerBound),
                  token.range.upperBound == range.upperBound, let id = token.id else { return nil }
            let offset = range.lowerBound
            let name = TextSlice.substring(String(trimmed),
                                           (token.nameRange.lowerBound - offset)..<(token.nameRange.upperBound - offset))
            return CustomEmoji(name: name, id: id, isAnimated: token.isAnimated)
        }
    }

    /// A message link: optional `http://`/`https://`, optional `canary.`/`ptb.`/`www.`, `discord.com` or
    /// `discordapp.com`, `/channels/guild-or-@me/channel/message` (ids 17-22 digits). Angle brackets around the
    /// link (`<https://…>`, Discord's embed suppression) are accepted.
    public static func messageLink(_ text: some StringProtocol) -> MessageLink? {
        whole(text) { bytes, range in
            var lower = range.lowerBound
            var upper = range.upperBound
            if upper - lower >= 2, bytes[lower] == UInt8(ascii: "<"), bytes[upper - 1] == UInt8(ascii: ">") {
                lower += 1
                upper -= 1
            }
            if ByteClass.hasPrefix(bytes, at: lower, "https://") {
                lower += 8
            } else if ByteClass.hasPrefix(bytes, at: lower, "http://") {
                lower += 7
            }
            for host: StaticString in ["canary.", "ptb.", "www."] where ByteClass.hasPrefix(bytes, at: lower, host) {
                lower += host.utf8CodeUnitCount
                break
            }
            guard let token = PatternMatchers.messageLink(bytes, at: lower), token.range.upperBound == upper,
                  let channel = TextSlice.decimalValue(bytes, token.channelRange),
                  let message = TextSlice.decimalValue(bytes, token.messageRange) else { return nil }
            var guild: UInt64?
            if let guildRange = token.guildRange {
                guard let value = TextSlice.decimalValue(bytes, guildRange) else { return nil }
                guild = value
            }
            return MessageLink(guildID: guild, channelID: channel, messageID: message)
        }
    }

    /// The code of an invite link (`discord.gg/code`, `discord.com/invite/code`, `discordapp.com/invite/code`,
    /// optional `http(s)://`, ASCII case-insensitive), or a bare code of `[A-Za-z0-9-]`. Returns the code.
    public static func inviteCode(_ text: some StringProtocol) -> String? {
        whole(text) { bytes, range in
            var lower = range.lowerBound
            if ByteClass.hasPrefixIgnoringCase(bytes, at: lower, "https://") {
                lower += 8
            } else if ByteClass.hasPrefixIgnoringCase(bytes, at: lower, "http://") {
                lower += 7
            }
            if let token = PatternMatchers.invite(bytes, at: lower), token.range.upperBound == range.upperBound {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.codeRange]), as: UTF8.self)
            }
            guard range.allSatisfy({ ByteClass.isAlphanumeric(bytes[$0]) || bytes[$0] == UInt8(ascii: "-") })
            else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// Runs `body` on the bytes of `text` with the range that excludes leading and trailing ASCII whitespace;
    /// an empty argument gives `nil`.
    private static func whole<R>(
        _ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> R?
    ) -> R? {
        text.withUTF8Bytes { bytes in
            var lower = 0
            var upper = bytes.count
            while lower < upper, isASCIISpace(bytes[lower]) { lower += 1 }
            while upper > lower, isASCIISpace(bytes[upper - 1]) { upper -= 1 }
            guard lower < upper else { return nil }
            return body(bytes, lower..<upper)
        }
    }

    private static func trimmedSubstring(_ text: some StringProtocol) -> Substring {
        let string = String(text)
        var start = string.startIndex
        var end = string.endIndex
        while start < end, string[start].isWhitespace { start = string.index(after: start) }
        while end > start, string[string.index(before: end)].isWhitespace { end = string.index(before: end) }
        return string[start..<end]
    }

    @inline(__always) private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte &- 0x09 < 5
    }
}
