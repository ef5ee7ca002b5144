import ApusText
import Testing

@Suite("Single-argument parsers, links and truncation")
struct ParserTests {
    @Test("mentions and ids as whole arguments")
    func mentionArguments() {
        #expect(DiscordSyntax.userID("<@123456789012345678>") == 123_456_789_012_345_678)
        #expect(DiscordSyntax.userID(" <@!123456789012345678> ") == 123_456_789_012_345_678)
        #expect(DiscordSyntax.userID("123456789012345678") == 123_456_789_012_345_678)
        #expect(DiscordSyntax.userID("<#123456789012345678>") == nil)
        #expect(DiscordSyntax.channelID("<#123456789012345678>") == 123_456_789_012_345_678)
        #expect(DiscordSyntax.roleID("<@&123456789012345678>") == 123_456_789_012_345_678)
        #expect(DiscordSyntax.userID("hi <@123456789012345678>") == nil)
        #expect(DiscordSyntax.snowflake("12345678901234") == nil)             // 14 digits (§3.1)
        #expect(DiscordSyntax.snowflake("123456789012345") == 123_456_789_012_345)
        #expect(DiscordSyntax.snowflake("abc123456789012345678") == nil)      // whole argument only
        #expect(DiscordSyntax.snowflake("99999999999999999999") == nil)       // above UInt64.max
        #expect(DiscordSyntax.userID("<@" + String(repeating: "1", count: 25) + ">") == nil)
        #expect(DiscordSyntax.userID("") == nil)
    }

    @Test("custom emoji, message links and invites as arguments")
    func otherArguments() throws {
        let emoji = try #require(DiscordSyntax.customEmoji("<a:party:123456789012345678>"))
        #expect(emoji.name == "party" && emoji.isAnimated && emoji.id == 123_456_789_012_345_678)
        #expect(DiscordSyntax.customEmoji("<:x:123456789012345678>") == nil)
        let link = try #require(DiscordSyntax.messageLink(
            "<https://ptb.discord.com/channels/123456789012345678/234567890123456789/345678901234567890>"))
        #expect(link == MessageLink(guildID: 123_456_789_012_345_678, channelID: 234_567_890_123_456_789,
                                    messageID: 345_678_901_234_567_890))
        #expect(DiscordSyntax.messageLink("discord.com/channels/@me/234567890123456789/345678901234567890")?.guildID == nil)
        #expect(DiscordSyntax.messageLink("discord.com/channels/1/2/3") == nil)
        #expect(DiscordSyntax.inviteCode("https://discord.gg/AbC12") == "AbC12")
        #expect(DiscordSyntax.inviteCode("discord.com/invite/rust-lang") == nil)
        #expect(DiscordSyntax.inviteCode("rust-lang") == "rust-lang")
    }

    @Test("CDN URLs: attachments with ids, file name and extension; assets; emoji")
    func cdn() throws {
        let url = try #require(DiscordCDNURL(
            "https://cdn.discordapp.com/attachments/123456789012345678/234567890123456789/screen%20shot.png?ex=1&is=2"))
        #expect(url.kind == .attachment(channelID: 123_456_789_012_345_678, attachmentID: 234_567_890_123_456_789))
        #expect(url.filename == "screen%20shot.png" && url.fileExtension == "png")
        #expect(DiscordCDNURL("https://media.discordapp.net/avatars/123456789012345678/abcdef.webp")?.kind
            == .asset(category: "avatars", ownerID: 123_456_789_012_345_678))
        #expect(DiscordCDNURL("https://cdn.discordapp.com/emojis/123456789012345678.gif")?.kind == .emoji(id: 123_456_789_012_345_678))
        #expect(DiscordCDNURL("https://example.com/attachments/123456789012345678/234567890123456789/a.png") == nil)
        #expect(DiscordCDNURL("https://cdn.discordapp.com/attachments/1/2/a.png") == nil)
    }

    @Test("GitHub and GitLab links")
    func gitLinks() throws {
        let blob = try #require(GitHostLink("https://github.com/apple/swift/blob/main/lib/Sema/TypeCheck.cpp#L10-L20"))
        #expect(blob.platform == .github && blob.owner == "apple" && blob.repository == "swift")
        #expect(blob.target == .file(ref: "main", path: "lib/Sema/TypeCheck.cpp", lines: 10...20))
        #expect(GitHostLink("github.com/a/b/pull/42")?.target == .pullRequest(number: 42))
        #expect(GitHostLink("https://github.com/a/b/issues/7")?.target == .issue(number: 7))
        #expect(GitHostLink("https://github.com/a/b/commit/0123456789abcdef0123456789abcdef01234567")?.target
            == .commit(sha: "0123456789abcdef0123456789abcdef01234567"))
        #expect(GitHostLink("https://github.com/a/b/tree/dev/src/x")?.target == .tree(ref: "dev", path: "src/x"))
        #expect(GitHostLink("https://github.com/a/b.git")?.target == .repository)
        #expect(GitHostLink("https://gitlab.com/g/p/-/blob/main/README.md#L3-5")?.target
            == .file(ref: "main", path: "README.md", lines: 3...5))
        #expect(GitHostLink("https://gitlab.com/g/p/-/merge_requests/9")?.target == .pullRequest(number: 9))
        #expect(GitHostLink("https://github.com/a") == nil)
        #expect(GitHostLink("https://example.com/a/b") == nil)
        #expect(GitHostLink("https://github.com/a/b/pull/x") == nil)
    }

    @Test("truncate (§4.1) by code points", arguments: [
        ("abcdefghij", 5, "ab..."), ("abc", 3, "abc"), ("abcd", 3, "..."),
        ("e\u{301}e\u{301}e\u{301}", 5, "e\u{301}..."), ("你好世界你好", 5, "你好..."), ("👍🏽👍🏽", 4, "👍🏽👍🏽"),
    ])
    func truncate(text: String, length: Int, expected: String) {
        #expect(TextTruncation.truncate(text, toCodePoints: length) == expected)
    }

    @Test("truncate never exceeds the limit (deliberate fix of the negative slice)")
    func truncateShortLimits() {
        #expect(TextTruncation.truncate("abcdef", toCodePoints: 2) == "..")   // Python: "abcde..."
        #expect(TextTruncation.truncate("abcdef", toCodePoints: 0) == "")
        #expect(TextTruncation.truncate("abcdef", toCodePoints: -4) == "")
        #expect(TextTruncation.truncate("ab", toCodePoints: 2) == "ab")
    }
}
