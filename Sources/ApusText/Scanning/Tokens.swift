/// Tokens found by ``MessageScanner`` and the single-item parsers.
///
/// Every token refers to the scanned text by **UTF-8 byte offsets** (`Range<Int>` into `text.utf8`), so scanning
/// copies nothing; ``TextSlice`` turns a range back into a `Substring` when one is needed.

/// The three kinds of Discord mention.
public enum MentionKind: Sendable, Hashable, CaseIterable {
    /// `<@id>` or `<@!id>`.
    case user
    /// `<#id>`.
    case channel
    /// `<@&id>`.
    case role
}

/// A user, channel or role mention: `<@id>`, `<@!id>`, `<#id>`, `<@&id>`, the id 15-20 ASCII digits.
public struct MentionToken: Sendable, Hashable {
    /// Which kind of mention this is.
    public var kind: MentionKind
    /// The whole mention, `<` to `>`.
    public var range: Range<Int>
    /// The digits of the id.
    public var idRange: Range<Int>
    /// The id, or `nil` when the 20 digits exceed `UInt64.max` (never a real snowflake).
    public var id: UInt64?
}

/// A custom emoji `<:name:id>` or animated `<a:name:id>`: name 2-32 of `[A-Za-z0-9_]`, id 18-22 digits.
public struct CustomEmojiToken: Sendable, Hashable {
    /// Whether the emoji is animated (`<a:`).
    public var isAnimated: Bool
    /// The whole emoji, `<` to `>`.
    public var range: Range<Int>
    /// The name.
    public var nameRange: Range<Int>
    /// The digits of the id.
    public var idRange: Range<Int>
    /// The id, or `nil` when it does not fit in 64 bits.
    public var id: UInt64?
}

/// A Discord message link `https://discord.com/channels/guild/channel/message` (also `discordapp.com`, the
/// `canary.`, `ptb.` and `www.` hosts, and `@me` as the guild of a DM). Ids are 17-22 digits.
public struct MessageLinkToken: Sendable, Hashable {
    /// From `discord` (the scheme and sub-domain before it are optional and not included) to the message id.
    public var range: Range<Int>
    /// The guild id digits, or `nil` for a direct-message link (`@me`).
    public var guildRange: Range<Int>?
    /// The channel id digits.
    public var channelRange: Range<Int>
    /// The message id digits.
    public var messageRange: Range<Int>
}

/// An invite `discord.gg/code`, `discord.com/invite/code` or `discordapp.com/invite/code` (ASCII case-insensitive).
public struct InviteToken: Sendable, Hashable {
    /// From `discord` to the end of the code (and its optional trailing `/`).
    public var range: Range<Int>
    /// The invite code, `[A-Za-z0-9]+`.
    public var codeRange: Range<Int>
}

/// A fenced code block: three backticks, an optional language line, the content, three backticks.
public struct CodeBlockToken: Sendable, Hashable {
    /// The whole block, backticks included.
    public var range: Range<Int>
    /// The language (`[A-Za-z0-9_+-]*` directly after the opening backticks and followed by a newline), or
    /// `nil` when the opening backticks are not followed by such a line.
    public var languageRange: Range<Int>?
    /// The content between the language line (or the opening backticks) and the closing backticks.
    public var contentRange: Range<Int>
}

/// Turns UTF-8 byte ranges from the scanners back into text.
public enum TextSlice {
    /// The `Substring` of `text` covering the UTF-8 byte range `range` (no copy).
    ///
    /// The range must come from a scanner run over the same `text`; ranges that are out of bounds are clamped.
    public static func substring(_ text: String, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = min(max(range.lowerBound, 0), utf8.count)
        let upper = min(max(range.upperBound, lower), utf8.count)
        let start = utf8.index(utf8.startIndex, offsetBy: lower)
        let end = utf8.index(start, offsetBy: upper - lower)
        return text[start..<end]
    }

    /// The decimal value of the ASCII digits in `range` of `bytes`, or `nil` on overflow.
    static func decimalValue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        var value: UInt64 = 0
        for index in range {
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = times10.addingReportingOverflow(UInt64(bytes[index] &- 0x30))
            if overflowA || overflowB { return nil }
            value = next
        }
        return value
    }
}
