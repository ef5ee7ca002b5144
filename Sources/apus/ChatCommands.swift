import Apus
import ApusCore
import ApusHTTP
import ApusModel
import Synchronization

/// The small prefix-command set the `apus` bot answers in `demo` and `run`: `!ping`, `!echo`, `!roll`, `!help`.
/// (The full command framework and community plugins arrive with the framework issue.)
final class ChatCommands: Sendable {
    /// What the bot answered, for the demo's summary.
    private let replies = Mutex(0)
    private let random: Mutex<SeededRandom>
    private let botUserID = Mutex<Snowflake?>(nil)

    init(seed: UInt64) {
        random = Mutex(SeededRandom(seed: seed))
    }

    var replyCount: Int { replies.withLock { $0 } }

    /// Registers the handlers on `bot`.
    func install(on bot: Bot) {
        bot.on(.ready) { [self] ready in
            botUserID.withLock { $0 = ready.user.id }
        }
        bot.on(.messageCreate) { [self] message in
            guard message.author.bot != true, message.author.id != botUserID.withLock({ $0 }) else { return }
            guard let reply = answer(to: message.content) else { return }
            try await bot.rest.createMessage(
                channelID: message.channelID,
                MessageCreatePayload(content: reply, messageReference: MessageReferencePayload(messageID: message.id))
            )
            replies.withLock { $0 += 1 }
        }
    }

    /// The reply to a message's text, or nil if it is not a command.
    func answer(to content: String) -> String? {
        guard content.hasPrefix("!") else { return nil }
        let body = content.dropFirst()
        let name = body.prefix { !$0.isWhitespace }.lowercased()
        let argument = body.dropFirst(name.count).trimmingWhitespace()
        switch name {
        case "ping":
            return "pong"
        case "echo":
            guard !argument.isEmpty else { return "Usage: `!echo <text>`" }
            return String(argument.unicodeScalars.prefix(2000))
        case "roll":
            return roll(argument)
        case "help":
            return "Commands: `!ping`, `!echo <text>`, `!roll NdM` (N 1-20 dice of M 2-1000 sides), `!help`"
        default:
            return "Unknown command `!\(name.prefix(32))`. Try `!help`."
        }
    }

    private func roll(_ argument: String) -> String {
        let usage = "Usage: `!roll NdM`, e.g. `!roll 2d6` (N 1-20 dice, M 2-1000 sides)"
        let parts = argument.lowercased().split(separator: "d", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0]), let sides = Int(parts[1]),
              (1...20).contains(count), (2...1000).contains(sides) else { return usage }
        let rolls = random.withLock { random in (0..<count).map { _ in Int.random(in: 1...sides, using: &random) } }
        return "rolled \(count)d\(sides): \(rolls.map(String.init).joined(separator: " + ")) = \(rolls.reduce(0, +))"
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
