import ApusText
import Testing

/// SplitMix64 for the seeded byte soup (the test target depends on ApusText only).
private struct SoupRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

@Suite("Random byte soup")
struct FuzzTests {
    /// Fragments that steer the soup towards partial matches.
    static let fragments: [String] = [
        "<", ">", "@", "!", "&", "#", ":", "a", "`", "```", "\n", " ", "\u{A0}", "\u{3000}", "1234567890",
        "12345678901234567", "discord", ".com/channels/", ".gg/", "app", "/invite/", "http", "s://", "@me/", "/",
        "*", "_", "~", "|", "😀", "e\u{301}", "你好", "\u{85}", "\u{2028}", ".", ")", "h", "d", "D",
    ]

    @Test("nothing crashes and every range is in bounds and on character boundaries", .timeLimit(.minutes(1)))
    func soup() {
        var random = SoupRandom(state: 0x5EED)
        var scanner = MessageScanner()
        var stripper = MarkdownStripper()
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 60) {
                if random.next() % 4 == 0 {
                    // Arbitrary bytes, repaired to valid UTF-8 the way String does it.
                    let bytes = (0..<Int(random.next() % 6)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                    text += String(decoding: bytes, as: UTF8.self)
                } else {
                    text += Self.fragments[Int(random.next() % UInt64(Self.fragments.count))]
                }
            }
            scanner.scan(text)
            let count = text.utf8.count
            var ranges: [Range<Int>] = scanner.mentions.map(\.range) + scanner.customEmoji.map(\.range)
            ranges += scanner.messageLinks.map(\.range) + scanner.invites.map(\.range) + scanner.urls
            ranges += scanner.codeBlocks.map(\.range) + scanner.codeBlocks.map(\.contentRange) + scanner.inlineCode
            for range in ranges {
                #expect(range.lowerBound >= 0 && range.upperBound <= count)
                // Every range starts and ends on a character boundary: slicing round-trips through the bytes.
                let slice = TextSlice.substring(text, range)
                #expect(slice.utf8.count == range.count)
            }
            text.utf8.withContiguousStorageIfAvailable { stripper.strip(bytes: $0) }
            #expect(stripper.output.count <= count)
            for grammar in DurationGrammar.allCases { _ = try? grammar.parse(text) }
            _ = DiscordSyntax.mention(text)
            _ = DiscordSyntax.messageLink(text)
            _ = DiscordSyntax.customEmoji(text)
            _ = DiscordSyntax.inviteCode(text)
            _ = TextTruncation.truncate(text, toCodePoints: Int(random.next() % 50) - 5)
        }
    }

    @Test("long adversarial input stays linear: unmatched fences and backticks", .timeLimit(.minutes(1)))
    func adversarial() {
        let text = String(repeating: "```x", count: 20_000) + String(repeating: "`a", count: 20_000)
            + String(repeating: "<@1234567890123456", count: 5_000)
        var scanner = MessageScanner()
        scanner.scan(text)
        #expect(scanner.mentions.isEmpty)
        let stripped = MarkdownStripper.strip(text)
        #expect(!stripped.isEmpty)
    }
}
