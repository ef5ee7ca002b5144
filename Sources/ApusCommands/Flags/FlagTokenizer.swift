/// The text-level half of flag parsing (§4.2): finds flag tokens and cuts the values between them, without
/// converting anything.
enum FlagTokenizer {
    /// The raw result: the positional text and each flag occurrence with its text value.
    struct RawFlags: Sendable, Hashable {
        var positional: String?
        var occurrences: [Occurrence]
    }

    /// One `-name value` occurrence.
    struct Occurrence: Sendable, Hashable {
        /// The canonical flag name.
        var flag: String
        /// The value text (stripped; "True" for a boolean flag without a value).
        var value: String
    }

    private struct Token {
        var start: Int
        var end: Int
        var flag: FlagDefinition
    }

    /// Splits `argument` into the positional value and flag occurrences.
    /// - Parameter usage: the command usage line, for "too many arguments".
    static func split(_ argument: String, set: FlagSet, usage: String) throws(CommandError) -> RawFlags {
        let characters = Array(argument.hasSuffix(" ") ? argument : argument + " ")
        let tokens = findTokens(in: characters, set: set)
        let firstStart = tokens.first?.start ?? characters.count
        let leading = strip(characters[0..<firstStart])

        var raw = RawFlags(positional: nil, occurrences: [])
        if set.positional != nil {
            if !leading.isEmpty { raw.positional = leading }
        } else if !leading.isEmpty && !set.ignoreExtra {
            if leading.hasPrefix(set.prefix) {
                throw .unknownFlag(String(leading.prefix { $0 != " " }))
            }
            throw .tooManyArguments(usage: usage)
        }

        for (index, token) in tokens.enumerated() {
            let end = index + 1 < tokens.count ? tokens[index + 1].start : characters.count
            var value = strip(characters[token.end..<end])
            if value.isEmpty {
                guard token.flag.isBoolean else { throw .missingFlagValue(flag: token.flag.name) }
                value = "True"
            }
            raw.occurrences.append(Occurrence(flag: token.flag.name, value: value))
        }
        return raw
    }

    /// Non-overlapping flag tokens, left to right; at each position the longest name wins.
    private static func findTokens(in characters: [Character], set: FlagSet) -> [Token] {
        let prefix = Array(set.prefix)
        let names = set.namesLongestFirst
        var tokens: [Token] = []
        var position = 0
        scan: while position < characters.count {
            guard matches(prefix, in: characters, at: position) else {
                position += 1
                continue
            }
            let nameStart = position + prefix.count
            for name in names {
                let delimiter = nameStart + name.spelling.count
                guard delimiter < characters.count, characters[delimiter] == " ",
                      matches(name.spelling, in: characters, at: nameStart),
                      let flag = set.flag(named: name.canonical)
                else { continue }
                tokens.append(Token(start: position, end: delimiter + 1, flag: flag))
                position = delimiter + 1
                continue scan
            }
            position += 1
        }
        return tokens
    }

    /// Whether `pattern` occurs at `offset`, ignoring case.
    private static func matches(_ pattern: [Character], in characters: [Character], at offset: Int) -> Bool {
        guard offset + pattern.count <= characters.count else { return false }
        for (index, expected) in pattern.enumerated() {
            let actual = characters[offset + index]
            if actual != expected && actual.lowercased() != expected.lowercased() { return false }
        }
        return true
    }

    /// The text without leading and trailing whitespace.
    static func strip(_ characters: ArraySlice<Character>) -> String {
        var slice = characters
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
