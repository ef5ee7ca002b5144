import ApusModel

/// A condition that must hold before a command runs.
public enum CommandCheck: Sendable {
    /// Only in a server.
    case guildOnly
    /// Only the bot's owners (``CommandRouter/Configuration/ownerIDs``).
    case ownerOnly
    /// The invoking member must have these permissions in the channel.
    case hasPermissions(Permissions)
    /// The bot must have these permissions in the channel.
    case botHasPermissions(Permissions)
    /// The invoker and the bot must both be above the member given as parameter `parameter` (nobody acts on the
    /// server owner; a non-member target passes).
    case hierarchy(over: String)
    /// A custom predicate over the invocation and arguments; return a user-facing message to fail.
    case custom(@Sendable (CommandInvocation, ParsedArguments) async -> String?)

    /// Whether the check can run before arguments are parsed.
    var runsBeforeParsing: Bool {
        switch self {
        case .guildOnly, .ownerOnly, .hasPermissions, .botHasPermissions: true
        case .hierarchy, .custom: false
        }
    }
}
