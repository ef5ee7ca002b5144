import ApusCommands
import ApusHTTP
import ApusModel

/// Answers a prefix command over REST: a reply in the invoking channel that references the command's message, with
/// mentions of anyone but the author switched off (so a command's output never pings a crowd).
public struct MessageCommandContext: CommandContext {
    /// The REST client.
    public let rest: DiscordREST
    /// Where the command was sent.
    public let channelID: Snowflake
    /// The command's message.
    public let messageID: Snowflake

    /// Creates a context for the message `messageID` in `channelID`.
    public init(rest: DiscordREST, channelID: Snowflake, messageID: Snowflake) {
        self.rest = rest
        self.channelID = channelID
        self.messageID = messageID
    }

    /// Posts `content` as a reply (`ephemeral` cannot apply to a channel message and is ignored).
    public func reply(_ content: String, ephemeral: Bool) async throws {
        _ = try await rest.createMessage(
            channelID: channelID,
            MessageCreatePayload(
                content: content, allowedMentions: AllowedMentions(parse: [], repliedUser: false),
                messageReference: MessageReferencePayload(messageID: messageID, channelID: channelID, failIfNotExists: false)))
    }

    /// Posts `message` as a reply to the command (mentions off unless the message sets them).
    public func reply(_ message: MessageCreatePayload) async throws {
        var message = message
        message.messageReference = MessageReferencePayload(messageID: messageID, channelID: channelID, failIfNotExists: false)
        if message.allowedMentions == nil { message.allowedMentions = AllowedMentions(parse: [], repliedUser: false) }
        message.flags = message.flags.map { $0 & ~(1 << 6) }
        _ = try await rest.createMessage(channelID: channelID, message)
    }

    /// Shows the typing indicator while the command works.
    public func deferReply(ephemeral: Bool) async throws {
        try await rest.triggerTyping(channelID: channelID)
    }
}
