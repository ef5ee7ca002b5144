import ApusText
import Testing

/// Scans `text` and returns the scanner (the tests read its arrays).
private func scan(_ text: String) -> MessageScanner {
    var scanner = MessageScanner()
    scanner.scan(text)
    return scanner
}

private func texts(_ text: String, _ ranges: [Range<Int>]) -> [String] {
    ranges.map { String(TextSlice.substring(text, $0)) }
}

@Suite("MessageScanner")
struct MessageScannerTests {
    @Test("mentions of each kind, with 15-20 digit ids, anywhere in the text")
    func mentions() throws {
        let text = "hi <@123456789012345678> and <@!123456789012345> in <#234567890123456789> for <@&345678901234567890>"
        let scanner = scan(text)
        #expect(scanner.mentions.map(\.kind) == [.user, .user, .channel, .role])
        #expect(scanner.mentions.map(\.id) == [123_456_789_012_345_678, 123_456_789_012_345, 234_567_890_123_456_789,
                                               345_678_901_234_567_890])
        #expect(texts(text, scanner.mentions.map(\.range)).first == "<@123456789012345678>")
    }

    @Test("mention id lengths and malformed mentions (§3.1: 15-20 digits)", arguments: [
        "<@12345678901234>",            // 14 digits
        "<@123456789012345678901>",     // 21 digits
        "<@" + String(repeating: "1", count: 25) + ">",
        "<@123456789012345678",         // unterminated
        "<@ 123456789012345678>", "<@!>", "<@&>", "<#>", "<", "<@", "<@!", "<!123456789012345678>",
    ])
    func rejectedMentions(text: String) {
        #expect(scan(text).mentions.isEmpty)
    }

    @Test("a 20-digit id above UInt64.max is found but has no numeric id")
    func hugeID() throws {
        let mention = try #require(scan("<@99999999999999999999>").mentions.first)
        #expect(mention.id == nil)
        #expect(mention.idRange == 2..<22)
    }

    @Test("custom emoji: static and animated; 1-character names rejected (§3.1)")
    func customEmoji() throws {
        let text = "<:ok:123456789012345678> <a:party_parrot:1234567890123456789012> <:x:123456789012345678>"
        let scanner = scan(text)
        #expect(scanner.customEmoji.map(\.isAnimated) == [false, true])
        #expect(texts(text, scanner.customEmoji.map(\.nameRange)) == ["ok", "party_parrot"])
        #expect(scanner.customEmoji.first?.id == 123_456_789_012_345_678)
        #expect(scan("<:ab:12345678901234567>").customEmoji.isEmpty)             // 17-digit id
        #expect(scan("<:ab:12345678901234567890123>").customEmoji.isEmpty)       // 23-digit id
        #expect(scan("<:" + String(repeating: "a", count: 33) + ":123456789012345678>").customEmoji.isEmpty)
        #expect(scan("<:" + String(repeating: "a", count: 32) + ":123456789012345678>").customEmoji.count == 1)
    }

    @Test("message links: hosts, @me, id lengths 17-22, the escaped dot")
    func messageLinks() throws {
        let guild = "123456789012345678", channel = "234567890123456789", message = "345678901234567890"
        let link = "https://canary.discord.com/channels/\(guild)/\(channel)/\(message)"
        let text = "see \(link) and discordapp.com/channels/@me/\(channel)/\(message)!"
        let scanner = scan(text)
        #expect(scanner.messageLinks.count == 2)
        let first = try #require(scanner.messageLinks.first)
        #expect(first.guildRange.map { String(TextSlice.substring(text, $0)) } == guild)
        #expect(String(TextSlice.substring(text, first.messageRange)) == message)
        #expect(scanner.messageLinks.last?.guildRange == nil)
        #expect(scan("discordXcom/channels/\(guild)/\(channel)/\(message)").messageLinks.isEmpty)
        #expect(scan("discord.com/channels/1/2/3").messageLinks.isEmpty)
        #expect(scan("discord.com/channels/\(guild)1234567/\(channel)/\(message)").messageLinks.isEmpty)
        // A longer message id is cut at 22 digits, as the {17,22} pattern does.
        let long = scan("discord.com/channels/\(guild)/\(channel)/\(message)123456789")
        #expect(long.messageLinks.first?.messageRange.count == 22)
    }

    @Test("invites: the three hosts, any ASCII case, optional scheme and trailing slash")
    func invites() {
        let text = "join discord.gg/abc123 or HTTPS://Discord.com/Invite/XyZ/ or discordapp.com/invite/q. discord.gg/"
        let scanner = scan(text)
        #expect(texts(text, scanner.invites.map(\.codeRange)) == ["abc123", "XyZ", "q"])
    }

    @Test("URLs stop at whitespace and angle brackets and drop trailing punctuation")
    func urls() {
        let text = "(see https://example.com/a_(b)?q=1). <https://x.io/y> **http://z.dev/p**, https:// https://... " +
            "https://ünï.example/路径\u{3000}next"
        #expect(URLScanner.urls(in: text) == ["https://example.com/a_(b)?q=1", "https://x.io/y", "http://z.dev/p",
                                              "https://ünï.example/路径"])
    }

    @Test("fenced code: language line, no language, single line, unterminated; inline code")
    func code() throws {
        let text = "```py\nprint(1)\n``` then `inline` and ```no lang``` and ```\nbare\n``` and `unterminated"
        let scanner = scan(text)
        #expect(scanner.codeBlocks.count == 3)
        #expect(scanner.codeBlocks.map { $0.languageRange.map { String(TextSlice.substring(text, $0)) } } == ["py", nil, ""])
        #expect(texts(text, scanner.codeBlocks.map(\.contentRange)) == ["print(1)\n", "no lang", "bare\n"])
        #expect(texts(text, scanner.inlineCode) == ["inline"])
        #expect(scan("```py\nnever closed").codeBlocks.isEmpty)
        #expect(scan("`").inlineCode.isEmpty)
        #expect(scan("``").inlineCode.isEmpty)
        // MULTILINE_CODEBLOCK_RE keeps trailing newlines in the content (§3.1).
        let kept = "```\ncode\n\n```"
        #expect(texts(kept, scan(kept).codeBlocks.map(\.contentRange)) == ["code\n\n"])
    }

    @Test("non-ASCII text around matches keeps byte ranges on character boundaries")
    func nonASCII() {
        let text = "😀e\u{301}<@123456789012345678>你好<:ok:123456789012345678>👍🏽https://例え.jp/パス 🇫🇷"
        let scanner = scan(text)
        #expect(texts(text, scanner.mentions.map(\.range)) == ["<@123456789012345678>"])
        #expect(texts(text, scanner.customEmoji.map(\.range)) == ["<:ok:123456789012345678>"])
        #expect(texts(text, scanner.urls) == ["https://例え.jp/パス"])
    }

    @Test("the scanner can be reused; results are replaced")
    func reuse() {
        var scanner = MessageScanner()
        scanner.scan("<@123456789012345678> `a`")
        scanner.scan("nothing here")
        #expect(scanner.mentions.isEmpty && scanner.inlineCode.isEmpty)
    }
}
