import ApusModel

/// Who invoked which command where, and how.
public struct CommandInvocation: Sendable, Hashable {
    /// How the command was invoked.
    public enum Source: Sendable, Hashable {
        /// A prefix message (`prefix` is the prefix that matched).
        case prefix(messageID: Snowflake, prefix: String)
        /// A slash command interaction.
        case slash(interactionID: Snowflake, token: String)
    }

    /// How it was invoked.
    public var source: Source
    /// The invoking user.
    public var author: CommandUser
    /// The invoking member (in guilds, when known).
    public var member: CommandMember?
    /// The guild, nil in DMs.
    public var guildID: Snowflake?
    /// The channel.
    public var channelID: Snowflake
    /// The command path, e.g. `["levels", "set"]` (filled in by the router).
    public var commandPath: [String]
    /// The member's permissions in the channel as Discord computed them (interactions only).
    public var memberPermissions: Permissions?
    /// The bot's permissions in the channel as Discord computed them (interactions only).
    public var botPermissions: Permissions?

    /// Creates an invocation.
    public init(
        source: Source, author: CommandUser, member: CommandMember? = nil, guildID: Snowflake?, channelID: Snowflake,
        commandPath: [String] = [], memberPermissions: Permissions? = nil, botPermissions: Permissions? = nil
    ) {
        self.source = source
        self.author = author
        self.member = member
        self.guildID = guildID
        self.channelID = channelID
        self.commandPath = commandPath
        self.memberPermissions = memberPermissions
        self.botPermissions = botPermissions
    }

    /// The qualified command name ("levels set").
    public var qualifiedName: String { commandPath.joined(separator: " ") }
}
