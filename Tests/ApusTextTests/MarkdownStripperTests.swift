import ApusText
import Testing

@Suite("strip_formatting (§4.1)")
struct MarkdownStripperTests {
    @Test("the behaviour document's vectors", arguments: [
        ("```py\nx = *1*\n``` and `code` **bold** __u__ ~~s~~ > q | pipe", "py x = 1 and code bold u s q | pipe"),
        ("# Title\n## sub\n  many   spaces", "Title sub many spaces"),
        ("a```b", "a`b"),
    ])
    func vectors(input: String, expected: String) {
        #expect(MarkdownStripper.strip(input) == expected)
    }

    @Test("odd backtick counts keep the backtick Python keeps", arguments: [
        ("`can` x ```py\ny\n``` > z `channel` ```js\nw", "can x py y z channel` js w"),
        ("a`b```c```", "a`bc"),
        ("`", "`"),
        ("```", "`"),
        ("x ``` y", "x ` y"),
    ])
    func oddBackticks(input: String, expected: String) {
        #expect(MarkdownStripper.strip(input) == expected)
    }

    @Test("headings only at line starts, after backticks vanish, and across blank lines", arguments: [
        ("#\n#x", "#x"),
        ("#\n\n# y", "y"),
        ("a # b", "a # b"),
        ("``# x", "x"),
        ("> # x", "# x"),
        ("#no space", "#no space"),
        ("a\n### \n\n## b", "a b"),
    ])
    func headings(input: String, expected: String) {
        #expect(MarkdownStripper.strip(input) == expected)
    }

    @Test("Unicode whitespace collapses like Python's \\s; other text is untouched")
    func unicode() {
        #expect(MarkdownStripper.strip("\u{3000}你好\u{A0}\u{A0}世界\u{2003}*e\u{301}*\u{85}👍🏽 ") == "你好 世界 e\u{301} 👍🏽")
        #expect(MarkdownStripper.strip("") == "")
        #expect(MarkdownStripper.strip(" \n\t ") == "")
    }

    @Test("whitespace, removed characters and line starts in the branch-free copy loop (checked against Python's re)",
          arguments: [
        ("a * b", "a b"),
        ("a*b", "ab"),
        (" *x* ", "x"),
        ("\n*# x", "# x"),
        ("x\n# y", "x y"),
        ("x\n\t# y", "x # y"),
        ("_\n# y", "y"),
        ("a \t\n b", "a b"),
        ("a\u{1C}\u{1F}b", "a b"),
        ("~~ ~~ a", "a"),
        ("a>b >c", "ab c"),
        ("\u{0}a\u{7F}", "\u{0}a\u{7F}"),
    ])
    func copyLoop(input: String, expected: String) {
        #expect(MarkdownStripper.strip(input) == expected)
    }
}
