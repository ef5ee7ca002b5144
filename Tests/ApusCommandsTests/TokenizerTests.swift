@testable import ApusCommands
import Testing

@Suite("Argument tokenizer")
struct TokenizerTests {
    private func words(_ text: String) throws -> [String] {
        var tokenizer = ArgumentTokenizer(text)
        var result: [String] = []
        while let word = try tokenizer.nextWord() { result.append(word) }
        return result
    }

    @Test("whitespace separates words, runs of spaces collapse")
    func plainWords() throws {
        #expect(try words("  a  bb\tccc\n d ") == ["a", "bb", "ccc", "d"])
        #expect(try words("") == [])
    }

    @Test("quoted words keep spaces; typographic quotes pair")
    func quotes() throws {
        #expect(try words(#"say "hello world" now"#) == ["say", "hello world", "now"])
        #expect(try words("“curly quotes” «guillemets»") == ["curly quotes", "guillemets"])
        #expect(try words(#""""#) == [""])
    }

    @Test("a backslash escapes a quote inside and outside quotes, and stays before other characters")
    func escapes() throws {
        #expect(try words(#""say \"hi\"" x"#) == [#"say "hi""#, "x"])
        #expect(try words(#"it\"s"#) == [#"it"s"#])
        #expect(try words(#"C:\path"#) == [#"C:\path"#])
    }

    @Test("quote errors are typed")
    func quoteErrors() {
        #expect(throws: CommandError.expectedClosingQuote("\"")) { try words(#""never closed"#) }
        #expect(throws: CommandError.unexpectedQuote("\"")) { try words(#"ab"c"#) }
        #expect(throws: CommandError.invalidEndOfQuotedString("x")) { try words(#""ab"x"#) }
    }

    @Test("rest() returns the remaining text verbatim, trimmed")
    func rest() throws {
        var tokenizer = ArgumentTokenizer(#"first  "quoted \" stays"  tail "#)
        #expect(try tokenizer.nextWord() == "first")
        #expect(tokenizer.rest() == #""quoted \" stays"  tail"#)
        #expect(tokenizer.isAtEnd)
    }
}
