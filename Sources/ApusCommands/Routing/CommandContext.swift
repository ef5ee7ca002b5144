import ApusHTTP

/// What a handler uses to answer: the bot implements it over REST (message reply or interaction response); tests use
/// a recording implementation.
public protocol CommandContext: Sendable {
    /// Replies to the invocation; `ephemeral` only matters for interactions.
    func reply(_ content: String, ephemeral: Bool) async throws
    /// Replies with a full message (embeds, components such as buttons, flags); the ephemeral flag
    /// (`1 << 6`) only matters for interactions.
    func reply(_ message: MessageCreatePayload) async throws
    /// Acknowledges now and answers later (interactions: deferred response; messages: typing indicator).
    func deferReply(ephemeral: Bool) async throws
}

extension CommandContext {
    /// Replies visibly.
    public func reply(_ content: String) async throws {
        try await reply(content, ephemeral: false)
    }

    /// Defers visibly.
    public func deferReply() async throws {
        try await deferReply(ephemeral: false)
    }
}
