import ApusModel

/// The parts of a message the router needs.
public struct CommandMessage: Sendable, Hashable {
    /// The message id.
    public var id: Snowflake
    /// The text.
    public var content: String
    /// The author.
    public var author: CommandUser
    /// The author as a member (guild messages).
    public var member: CommandMember?
    /// The guild, nil in DMs.
    public var guildID: Snowflake?
    /// The channel.
    public var channelID: Snowflake
    /// The attachments, for attachment parameters.
    public var attachments: [CommandAttachment]

    /// Creates a message.
    public init(
        id: Snowflake, content: String, author: CommandUser, member: CommandMember? = nil, guildID: Snowflake? = nil,
        channelID: Snowflake, attachments: [CommandAttachment] = []
    ) {
        self.id = id
        self.content = content
        self.author = author
        self.member = member
        self.guildID = guildID
        self.channelID = channelID
        self.attachments = attachments
    }

    /// Converts a received MESSAGE_CREATE.
    /// - Parameter nowMicroseconds: the current wall time, to tell whether the author is timed out.
    public init(_ message: Message, nowMicroseconds: Int64) {
        let author = CommandUser(message.author)
        self.init(
            id: message.id, content: message.content, author: author,
            member: message.member.flatMap { CommandMember($0, user: message.author, nowMicroseconds: nowMicroseconds) },
            guildID: message.guildID, channelID: message.channelID, attachments: message.attachments.map(CommandAttachment.init)
        )
    }
}

/// What happened to a message or interaction offered to the router.
public enum CommandOutcome: Sendable {
    /// Not addressed to a command (no prefix, unknown name, a bot author): nothing to reply.
    case notACommand
    /// The command ran.
    case ran(command: String)
    /// The command did not run or failed; reply with `error.userMessage`. `underlying` is the handler's own error,
    /// for the log only.
    case failed(command: String, error: CommandError, underlying: (any Error)?)

    /// The message to show the user, if any.
    public var userMessage: String? {
        if case .failed(_, let error, _) = self { return error.userMessage }
        return nil
    }
}
