import ApusCommands
import ApusInteractions

/// Answers a slash command through its interaction: the first answer is the interaction response, later ones (or
/// any answer after a deferral) are follow-ups, as discord.py's hybrid commands do.
public actor InteractionCommandContext: CommandContext {
    /// The responder that enforces Discord's once-only rules.
    public let responder: InteractionResponder
    private var acknowledged = false

    /// Creates a context over `responder`.
    public init(responder: InteractionResponder) {
        self.responder = responder
    }

    /// Replies (or follows up once the interaction is acknowledged).
    public func reply(_ content: String, ephemeral: Bool) async throws {
        if acknowledged {
            _ = try await responder.followUp(content, ephemeral: ephemeral)
        } else {
            acknowledged = true
            try await responder.reply(content, ephemeral: ephemeral)
        }
    }

    /// Replies with a full message (or follows up once the interaction is acknowledged).
    public func reply(_ message: MessageCreatePayload) async throws {
        if acknowledged {
            _ = try await responder.followUp(message)
        } else {
            acknowledged = true
            try await responder.reply(message)
        }
    }

    /// Defers the response ("thinking…"); later replies become follow-ups.
    public func deferReply(ephemeral: Bool) async throws {
        guard !acknowledged else { return }
        acknowledged = true
        if ephemeral {
            try await responder.deferEphemeral()
        } else {
            try await responder.deferReply()
        }
    }
}
