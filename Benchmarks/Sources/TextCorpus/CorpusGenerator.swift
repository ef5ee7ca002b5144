/// The deterministic chat corpus of the text benchmark: messages of 5-400 Unicode code points mixing plain words,
/// non-ASCII text (emoji, CJK, combining marks, Cyrillic, Unicode spaces), user/channel/role mentions, custom emoji,
/// message links, invites, URLs, fenced and inline code, and markdown, with a share of near-misses (wrong id
/// lengths, one-character emoji names, unterminated mentions and fences) so the parsers' rejections are exercised.
///
/// The corpus never contains the ASCII separators `\u{1C}`-`\u{1F}`: Python's `re` counts them as whitespace and the
/// `regex` module does not, and the benchmark compares both against one Apus output.
public struct CorpusGenerator: Sendable {
    /// The seed used by `text-compare` unless told otherwise.
    public static let defaultSeed: UInt64 = 0xA905_7E47

    private var random: CorpusRandom

    /// A generator whose messages depend only on `seed`.
    public init(seed: UInt64 = CorpusGenerator.defaultSeed) { random = CorpusRandom(seed: seed) }

    /// `count` messages.
    public mutating func messages(count: Int) -> [String] {
        (0..<count).map { _ in message() }
    }

    /// One message of 5-400 code points.
    public mutating func message() -> String {
        let target = random.chance(70) ? random.int(5...120) : random.int(5...400)
        var scalars = String.UnicodeScalarView()
        while scalars.count < target {
            if !scalars.isEmpty { scalars.append(contentsOf: separator().unicodeScalars) }
            scalars.append(contentsOf: piece().unicodeScalars)
        }
        // Cutting at the target length also leaves some tokens unterminated, on purpose.
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars.prefix(min(400, max(target, 5))))
        while text.count < 5 { text.append(contentsOf: " word".unicodeScalars) }
        return String(text)
    }

    private static let words = [
        "the", "bot", "is", "down", "again", "can", "someone", "check", "logs", "please", "thanks", "lol", "ok",
        "merge", "this", "PR", "when", "you", "have", "time", "ban", "him", "mods", "server", "channel", "voice",
        "nice", "build", "failed", "works", "on", "my", "machine", "docs", "link", "here", "read", "pinned", "rules",
        "hello", "everyone", "gg", "wp", "brb", "afk", "idk", "tbh", "imo", "ping", "role", "emoji", "release",
    ]
    private static let foreign = [
        "😀", "🎉", "👍🏽", "❤️", "🇫🇷", "你好", "世界", "日本語", "テスト", "한국어", "привет", "мир", "café", "naïve",
        "e\u{301}", "ñandú", "Ωμέγα", "עברית", "العربية", "\u{A0}", "\u{3000}", "\u{2003}", "ß", "İstanbul", "ℌ𝔢𝔩𝔩𝔬",
    ]
    private static let nameCharacters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
    private static let codeCharacters = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
    private static let pathCharacters = Array("abcdefghijklmnopqrstuvwxyz0123456789-_/")

    private mutating func separator() -> String {
        let roll = random.int(0...99)
        if roll < 80 { return " " }
        if roll < 92 { return "\n" }
        if roll < 96 { return "  " }
        return random.pick(["\t", "\n\n", " \u{A0}", "\r\n"])
    }

    private mutating func piece() -> String {
        let roll = random.int(0...999)
        switch roll {
        case 0..<520: return random.pick(Self.words)
        case 520..<600: return random.pick(Self.foreign)
        case 600..<660: return mention()
        case 660..<700: return customEmoji()
        case 700..<725: return messageLink()
        case 725..<745: return invite()
        case 745..<800: return url()
        case 800..<830: return fencedCode()
        case 830..<870: return "`" + random.pick(Self.words) + (random.chance(30) ? " " + random.pick(Self.words) : "") + "`"
        case 870..<960: return markdown()
        default: return punctuation()
        }
    }

    private mutating func id(_ lengths: ClosedRange<Int>) -> String { random.digits(random.int(lengths)) }

    private mutating func mention() -> String {
        let digits = random.chance(90) ? id(17...19) : id(12...23)
        let body: String
        switch random.int(0...9) {
        case 0...4: body = "<@" + digits
        case 5: body = "<@!" + digits
        case 6...7: body = "<#" + digits
        default: body = "<@&" + digits
        }
        return random.chance(95) ? body + ">" : body
    }

    private mutating func customEmoji() -> String {
        let name = random.string(random.chance(90) ? random.int(2...12) : random.int(1...34), from: Self.nameCharacters)
        let digits = random.chance(90) ? id(18...19) : id(16...23)
        return (random.chance(25) ? "<a:" : "<:") + name + ":" + digits + (random.chance(96) ? ">" : "")
    }

    private mutating func messageLink() -> String {
        let scheme = random.pick(["https://", "https://", "http://", ""])
        let host = random.pick(["", "", "canary.", "ptb.", "www."]) + random.pick(["discord.com", "discord.com", "discordapp.com", "discordXcom"])
        let guild = random.chance(10) ? "@me" : id(random.chance(90) ? 17...19 : 15...23)
        let link = scheme + host + "/channels/" + guild + "/" + id(17...19) + "/" + id(random.chance(90) ? 17...19 : 14...24)
        return random.chance(15) ? "<" + link + ">" : link
    }

    private mutating func invite() -> String {
        let prefix = random.pick(["discord.gg/", "https://discord.gg/", "https://discord.com/invite/",
                                  "discordapp.com/invite/", "DISCORD.GG/", "https://Discord.com/Invite/"])
        return prefix + random.string(random.int(2...10), from: Self.codeCharacters) + (random.chance(20) ? "/" : "")
    }

    private mutating func url() -> String {
        let host = random.pick(["example.com", "github.com", "www.rust-lang.org", "docs.swift.org", "youtu.be",
                                "en.wikipedia.org", "cdn.discordapp.com", "i.imgur.com", "tenor.com"])
        var path = ""
        for _ in 0..<random.int(0...3) { path += "/" + random.string(random.int(1...10), from: Self.pathCharacters) }
        if random.chance(20) { path += "?q=" + random.pick(Self.words) + "&page=" + String(random.int(1...9)) }
        if random.chance(10) { path += "#L" + String(random.int(1...300)) }
        let url = random.pick(["https://", "https://", "http://"]) + host + path
        switch random.int(0...9) {
        case 0: return "(" + url + ")"
        case 1: return url + "."
        case 2: return "<" + url + ">"
        case 3: return "**" + url + "**"
        case 4: return url + "," + random.pick(Self.words)
        default: return url
        }
    }

    private mutating func fencedCode() -> String {
        let language = random.pick(["", "py", "swift", "js", "c++", "rust", "sh", "diff"])
        var body: [String] = []
        for _ in 0..<random.int(1...4) {
            var line = ""
            for _ in 0..<random.int(1...6) {
                let foreignWord = random.pick(Self.foreign)
                let token = random.pick(["x", "=", "1", "print(x)", "let", "*y*", "_z_", "`", "#", "fn", "->", "{", "}", foreignWord])
                line += token + " "
            }
            body.append(line)
        }
        let content = body.joined(separator: "\n")
        switch random.int(0...9) {
        case 0...5: return "```" + language + "\n" + content + "\n```"
        case 6: return "```" + content.replacingNewlines() + "```"
        case 7: return "```" + language + "\n" + content
        default: return "```\n" + content + "```"
        }
    }

    private mutating func markdown() -> String {
        let word = random.pick(Self.words)
        switch random.int(0...9) {
        case 0, 1: return "**" + word + "**"
        case 2: return "__" + word + "__"
        case 3: return "~~" + word + "~~"
        case 4: return "*" + word + "*"
        case 5: return "||" + word + "||"
        case 6: return "\n> " + word
        case 7: return "\n" + String(repeating: "#", count: random.int(1...3)) + " " + word
        case 8: return "_" + word
        default: return "> " + word
        }
    }

    private mutating func punctuation() -> String {
        random.pick(["!", "?", "...", ",", ":)", "(", ")", "<", ">", "<@", "`", "``", "#", "@everyone", "#1", "-", "/", "\\", "&"])
    }
}

extension String {
    /// The text with every newline replaced by a space.
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" ? " " : $0 })
    }
}
