/// Splits prefix-command text into words the way discord.py's `StringView` does: whitespace separates words, a word
/// may be quoted (straight or typographic quotes), a backslash escapes a quote, and the rest of the line can be
/// taken verbatim.
public struct ArgumentTokenizer: Sendable {
    /// Opening quote → closing quote.
    static let quotePairs: [Character: Character] = [
        "\"": "\"", "\u{2018}": "\u{2019}", "\u{201A}": "\u{2018}", "\u{201C}": "\u{201D}", "\u{201E}": "\u{201C}",
        "\u{2E42}": "\u{201F}", "\u{300C}": "\u{300D}", "\u{300E}": "\u{300F}", "\u{301D}": "\u{301E}",
        "\u{FE41}": "\u{FE42}", "\u{FE43}": "\u{FE44}", "\u{FF02}": "\u{FF02}", "\u{FF62}": "\u{FF63}",
        "\u{00AB}": "\u{00BB}", "\u{2039}": "\u{203A}", "\u{300A}": "\u{300B}", "\u{3008}": "\u{3009}",
    ]
    static let allQuotes: Set<Character> = Set(quotePairs.keys).union(quotePairs.values)

    private let characters: [Character]
    /// The current position (a character offset).
    public private(set) var position = 0

    /// Creates a tokenizer over `text`.
    public init(_ text: some StringProtocol) {
        characters = Array(text)
    }

    /// Whether only whitespace remains.
    public var isAtEnd: Bool {
        var index = position
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        return index >= characters.count
    }

    /// Skips whitespace.
    public mutating func skipWhitespace() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// The next unquoted word (no quote handling), or nil at the end; used for command and subcommand names.
    public mutating func nextPlainWord() -> String? {
        skipWhitespace()
        guard position < characters.count else { return nil }
        let start = position
        while position < characters.count, !characters[position].isWhitespace { position += 1 }
        return String(characters[start..<position])
    }

    /// The next word with quote and escape handling, or nil at the end.
    public mutating func nextWord() throws(CommandError) -> String? {
        skipWhitespace()
        guard position < characters.count else { return nil }
        var result = ""
        let closing = Self.quotePairs[characters[position]]
        let quoted = closing != nil
        let escapable: Set<Character> = closing.map { [$0, characters[position]] } ?? Self.allQuotes
        if quoted { position += 1 }

        while true {
            guard position < characters.count else {
                if let closing { throw .expectedClosingQuote(String(closing)) }
                return result
            }
            let current = characters[position]
            position += 1
            if current == "\\" {
                guard position < characters.count else {
                    if let closing { throw .expectedClosingQuote(String(closing)) }
                    result.append(current)
                    return result
                }
                let next = characters[position]
                if escapable.contains(next) {
                    result.append(next)
                    position += 1
                } else {
                    result.append(current)
                }
                continue
            }
            if !quoted && Self.allQuotes.contains(current) {
                throw .unexpectedQuote(String(current))
            }
            if let closing, current == closing {
                if position < characters.count, !characters[position].isWhitespace {
                    throw .invalidEndOfQuotedString(String(characters[position]))
                }
                return result
            }
            if current.isWhitespace && !quoted { return result }
            result.append(current)
        }
    }

    /// The rest of the text, with surrounding whitespace removed, consuming it.
    public mutating func rest() -> String {
        let remaining = characters[min(position, characters.count)...]
        position = characters.count
        return FlagTokenizer.strip(remaining)
    }
}
