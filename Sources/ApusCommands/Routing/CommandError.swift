import ApusCore

/// Why a command could not run, as a value with a user-facing message (``userMessage``).
///
/// Messages never contain Swift type names or stack traces; user input quoted in a message is shortened and
/// stripped of backticks and mentions so it cannot ping anyone or break formatting.
public enum CommandError: Error, Sendable, Hashable {
    /// A required parameter was not given; `usage` is the command's usage line.
    case missingArgument(parameter: String, usage: String)
    /// A value could not be converted: what was expected and what was given.
    case badArgument(parameter: String, expected: String, given: String)
    /// A duration did not parse; `message` is the grammar's own explanation.
    case invalidDuration(parameter: String, message: String)
    /// More arguments were given than the command takes.
    case tooManyArguments(usage: String)
    /// A quote character appeared in the middle of an unquoted word.
    case unexpectedQuote(String)
    /// A quoted argument was never closed.
    case expectedClosingQuote(String)
    /// A closing quote was followed by something other than a space.
    case invalidEndOfQuotedString(String)
    /// A word looking like a flag (`-name`) names no flag of the command.
    case unknownFlag(String)
    /// A non-boolean flag was given without a value.
    case missingFlagValue(flag: String)
    /// A required flag was not given.
    case missingFlag(flag: String)
    /// A single-valued flag was given more than once.
    case tooManyFlagValues(flag: String)
    /// A flag set's own validation rejected the combination (e.g. "Status or reason must be provided.").
    case invalidFlags(message: String)
    /// A check failed.
    case checkFailed(CheckFailure)
    /// The command is on cooldown for this bucket.
    case onCooldown(retryAfter: Duration)
    /// The input (whole message or one argument) is longer than allowed.
    case inputTooLong(what: String, limit: Int)
    /// The command exists but cannot be used this way (a slash-only command invoked with a prefix or vice versa).
    case unavailable(command: String, reason: String)
    /// A group was invoked without (or with an unknown) subcommand.
    case missingSubcommand(group: String, available: [String])
    /// The handler threw; the message is generic on purpose (details go to the log, not to chat).
    case handlerFailed(command: String)

    /// The message to show in chat.
    public var userMessage: String {
        switch self {
        case .missingArgument(let parameter, let usage):
            return "Missing argument `\(parameter)`. Usage: `\(usage)`"
        case .badArgument(let parameter, let expected, let given):
            return "Invalid value for `\(parameter)`: expected \(expected), got `\(CommandError.quoted(given))`."
        case .invalidDuration(let parameter, let message):
            return "Invalid value for `\(parameter)`: \(message)"
        case .tooManyArguments(let usage):
            return "Too many arguments. Usage: `\(usage)`"
        case .unexpectedQuote(let quote):
            return "Unexpected quote \(quote) in an unquoted argument; put the whole argument in quotes."
        case .expectedClosingQuote(let quote):
            return "A quoted argument was not closed: expected \(quote)."
        case .invalidEndOfQuotedString(let character):
            return "A closing quote must be followed by a space, not `\(CommandError.quoted(character))`."
        case .unknownFlag(let flag):
            return "Unknown flag `\(CommandError.quoted(flag))`."
        case .missingFlagValue(let flag):
            return "Flag `-\(flag)` needs a value."
        case .missingFlag(let flag):
            return "Missing required flag `-\(flag)`."
        case .tooManyFlagValues(let flag):
            return "Flag `-\(flag)` can only be given once."
        case .invalidFlags(let message):
            return message
        case .checkFailed(let failure):
            return failure.userMessage
        case .onCooldown(let retryAfter):
            return "This command is on cooldown. Try again in \(CommandError.seconds(retryAfter)) s."
        case .inputTooLong(let what, let limit):
            return "The \(what) is too long (at most \(limit) characters)."
        case .unavailable(let command, let reason):
            return "`\(command)` \(reason)."
        case .missingSubcommand(let group, let available):
            let list = available.map { "`\($0)`" }.joined(separator: ", ")
            return "`\(group)` needs a subcommand: \(list)."
        case .handlerFailed(let command):
            return "Something went wrong while running `\(command)`."
        }
    }

    /// Formats a duration as seconds with one decimal, rounded up ("3.2").
    static func seconds(_ duration: Duration) -> String {
        let tenths = max(0, Int(saturating: (duration.secondsDouble * 10).rounded(.up)))
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Shortens user input to 50 characters and neutralises backticks and mention syntax.
    static func quoted(_ text: String) -> String {
        var cleaned = ""
        for character in text.prefix(50) {
            switch character {
            case "`": cleaned.append("'")
            case "@": cleaned.append("@\u{200B}")
            case "\n", "\r": cleaned.append(" ")
            default: cleaned.append(character)
            }
        }
        return text.count > 50 ? cleaned + "…" : cleaned
    }
}
