/// Seeded words, names and sentences for the generated payloads, varied enough that the stream does not
/// compress much better than real chat traffic.
struct TextSource {
    private var random: WorkloadRandom
    private let vocabulary: [String]
    private static let letters = Array("abcdefghijklmnopqrstuvwxyz")
    private static let alphanumerics = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    private static let decorations = ["", "", "", "", " 🙂", " 🎉", " ✨", " café", " naïve", " — ok", "!", "?", "..."]

    init(random: WorkloadRandom, vocabularySize: Int = 6_000) {
        var random = random
        var words: [String] = []
        words.reserveCapacity(vocabularySize)
        for _ in 0..<vocabularySize {
            let length = 2 + random.below(9)
            words.append(String((0..<length).map { _ in Self.letters[random.below(Self.letters.count)] }))
        }
        vocabulary = words
        self.random = random
    }

    /// 64 random bits.
    mutating func random64() -> UInt64 {
        random.next()
    }

    /// One word of the vocabulary.
    mutating func word() -> String {
        vocabulary[random.below(vocabulary.count)]
    }

    /// A random alphanumeric token of `length` characters.
    mutating func token(length: Int) -> String {
        String((0..<length).map { _ in Self.alphanumerics[random.below(Self.alphanumerics.count)] })
    }

    /// Capitalised words joined by spaces.
    mutating func title(words count: Int) -> String {
        (0..<count).map { _ in
            let word = word()
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }

    /// Lower-case words joined by dashes (a channel name).
    mutating func slug(words count: Int) -> String {
        (0..<count).map { _ in word() }.joined(separator: "-")
    }

    /// A user name: a word, an underscore or dot now and then, digits.
    mutating func username() -> String {
        word() + (random.chance(50) ? "_" : ".") + word() + String(random.below(1000))
    }

    /// A chat line of a few to a few dozen words, with numbers, tokens and the odd non-ASCII character.
    mutating func sentence() -> String {
        let count = 3 + random.below(random.chance(15) ? 60 : 18)
        var parts: [String] = []
        parts.reserveCapacity(count)
        for _ in 0..<count {
            switch random.below(20) {
            case 0: parts.append(String(random.next() % 100_000))
            case 1: parts.append(token(length: 4 + random.below(12)))
            default: parts.append(word())
            }
        }
        return parts.joined(separator: " ") + random.pick(Self.decorations)
    }

    /// A hexadecimal image hash as Discord uses for avatars.
    mutating func imageHash() -> String {
        let high = String(random.next(), radix: 16)
        let low = String(random.next(), radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }
}
