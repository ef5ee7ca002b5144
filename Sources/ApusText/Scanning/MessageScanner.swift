/// Extracts everything a bot usually looks for in a chat message in one left-to-right walk over its UTF-8 bytes:
/// user, channel and role mentions, custom emoji, message links, invites, URLs, fenced code blocks and inline code.
///
/// Each kind behaves like its own leftmost, non-overlapping search (Python's `re.finditer` with the pattern
/// documented on the token type), so kinds may overlap each other: a message link is also a URL, a URL inside a
/// code block is still a URL. Results are byte ranges into the scanned text (see ``TextSlice``); nothing is copied.
///
/// The scanner keeps its arrays between calls, so scanning many messages with one scanner does not allocate once
/// the arrays have grown:
///
/// ```swift
/// var scanner = MessageScanner()
/// scanner.scan(message)
/// for mention in scanner.mentions where mention.kind == .user { … }
/// ```
///
/// Cost: linear in the message length; every pattern is bounded, and repeated searches for backticks are remembered.
public struct MessageScanner: Sendable {
    /// Mentions of every kind, in order of appearance.
    public private(set) var mentions: [MentionToken] = []
    /// Custom emoji, in order.
    public private(set) var customEmoji: [CustomEmojiToken] = []
    /// Message links, in order.
    public private(set) var messageLinks: [MessageLinkToken] = []
    /// Invites, in order.
    public private(set) var invites: [InviteToken] = []
    /// Generic `http`/`https` URLs (see ``URLScanner`` for the rules), in order.
    public private(set) var urls: [Range<Int>] = []
    /// Fenced code blocks, in order.
    public private(set) var codeBlocks: [CodeBlockToken] = []
    /// The content of each inline code span (between the backticks), in order.
    public private(set) var inlineCode: [Range<Int>] = []

    /// Creates a scanner with empty results.
    public init() {}

    /// Scans `text`, replacing the previous results.
    public mutating func scan(_ text: some StringProtocol) {
        text.withUTF8Bytes { scan(bytes: $0) }
    }

    /// Scans UTF-8 `bytes`, replacing the previous results. Ranges refer to offsets in `bytes`.
    public mutating func scan(bytes: UnsafeBufferPointer<UInt8>) {
        // `removeAll(keepingCapacity:)` is not free even on an empty array, and most arrays are empty.
        if !mentions.isEmpty { mentions.removeAll(keepingCapacity: true) }
        if !customEmoji.isEmpty { customEmoji.removeAll(keepingCapacity: true) }
        if !messageLinks.isEmpty { messageLinks.removeAll(keepingCapacity: true) }
        if !invites.isEmpty { invites.removeAll(keepingCapacity: true) }
        if !urls.isEmpty { urls.removeAll(keepingCapacity: true) }
        if !codeBlocks.isEmpty { codeBlocks.removeAll(keepingCapacity: true) }
        if !inlineCode.isEmpty { inlineCode.removeAll(keepingCapacity: true) }

        var code = CodeMatcher()
        // Where each kind's previous match ended: a kind's next match may not start before it.
        var mentionEnd = 0, emojiEnd = 0, linkEnd = 0, inviteEnd = 0, urlEnd = 0, codeEnd = 0
        let count = bytes.count
        Self.triggers.withTable { triggers in
            var index = 0
            while index < count {
                // Skip to the next byte that can start a match.
                while index < count, triggers[Int(bytes[index])] == 0 { index += 1 }
                guard index < count else { break }
                switch bytes[index] {
                case UInt8(ascii: "<"):
                    if index >= mentionEnd, let mention = PatternMatchers.mention(bytes, at: index) {
                        mentions.append(mention)
                        mentionEnd = mention.range.upperBound
                    }
                    if index >= emojiEnd, let emoji = PatternMatchers.customEmoji(bytes, at: index) {
                        customEmoji.append(emoji)
                        emojiEnd = emoji.range.upperBound
                    }
                case UInt8(ascii: "."):
                    // Invites and message links are anchored at `discord` / `discordapp` just before this dot.
                    guard let start = Self.discordHostStart(bytes, dot: index) else { break }
                    if start >= linkEnd, let link = PatternMatchers.messageLink(bytes, at: start) {
                        messageLinks.append(link)
                        linkEnd = link.range.upperBound
                    }
                    if start >= inviteEnd, let invite = PatternMatchers.invite(bytes, at: start) {
                        invites.append(invite)
                        inviteEnd = invite.range.upperBound
                    }
                case UInt8(ascii: ":"):
                    // URLs are anchored at the `http` or `https` just before `://`.
                    guard index + 2 < count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/")
                    else { break }
                    let start: Int
                    if index >= 5, ByteClass.hasPrefix(bytes, at: index - 5, "https") {
                        start = index - 5
                    } else if index >= 4, ByteClass.hasPrefix(bytes, at: index - 4, "http") {
                        start = index - 4
                    } else {
                        break
                    }
                    if start >= urlEnd, let url = PatternMatchers.url(bytes, at: start) {
                        urls.append(url)
                        urlEnd = url.upperBound
                    }
                case UInt8(ascii: "`"):
                    if index >= codeEnd, let match = code.match(bytes, at: index) {
                        switch match {
                        case .fenced(let block):
                            codeBlocks.append(block)
                            codeEnd = block.range.upperBound
                        case .inline(let content, let end):
                            inlineCode.append(content)
                            codeEnd = end
                        }
                    }
                default:
                    break
                }
                index += 1
            }
        }
    }

    /// The bytes the walk stops at: `<` (mentions, emoji), the backtick (code), `.` (after `discord`/`discordapp`:
    /// invites, message links) and `:` (in `http://`, `https://`). Matches are still reported from where the
    /// pattern starts, and each kind's matches are found in order, so the results are those of a search from
    /// every position.
    private static let triggers = ByteSet([
        UInt8(ascii: "<"), UInt8(ascii: "`"), UInt8(ascii: "."), UInt8(ascii: ":"),
    ])

    /// Where `discord` (ASCII case-insensitive) or `discordapp` starts when it ends just before the dot at `dot`.
    @inline(__always) private static func discordHostStart(_ bytes: UnsafeBufferPointer<UInt8>, dot: Int) -> Int? {
        if dot >= 10, ByteClass.hasPrefixIgnoringCase(bytes, at: dot - 10, "discordapp") { return dot - 10 }
        if dot >= 7, ByteClass.hasPrefixIgnoringCase(bytes, at: dot - 7, "discord") { return dot - 7 }
        return nil
    }
}
