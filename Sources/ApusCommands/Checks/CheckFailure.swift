import ApusModel

/// Which check failed, with a user-facing message.
public enum CheckFailure: Sendable, Hashable {
    /// The command only works in a server.
    case guildOnly
    /// The command is reserved to the bot's owners.
    case ownerOnly
    /// The invoking member lacks these permissions (in this channel).
    case missingPermissions(Permissions)
    /// The bot lacks these permissions (in this channel).
    case botMissingPermissions(Permissions)
    /// A role-hierarchy rule forbids the action; the message says which.
    case hierarchy(String)
    /// A custom predicate failed with its own message.
    case custom(String)

    /// The message to show in chat.
    public var userMessage: String {
        switch self {
        case .guildOnly: "This command can only be used in a server."
        case .ownerOnly: "This command can only be used by the bot's owner."
        case .missingPermissions(let missing):
            "You need the \(PermissionNames.list(missing)) permission\(missing.rawValue.nonzeroBitCount == 1 ? "" : "s") to use this command."
        case .botMissingPermissions(let missing):
            "I need the \(PermissionNames.list(missing)) permission\(missing.rawValue.nonzeroBitCount == 1 ? "" : "s") to do that."
        case .hierarchy(let message): message
        case .custom(let message): message
        }
    }
}
