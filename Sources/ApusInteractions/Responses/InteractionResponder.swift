import ApusCore
import ApusHTTP
import ApusModel

/// Answers one interaction over ``DiscordREST``, checking Discord's rules locally first (one initial response,
/// the callback types each interaction kind allows, the 3-second window and the 15-minute token) so that a wrong
/// call fails with a clear ``InteractionFailure/rule(_:)`` before any request is made.
///
/// ```swift
/// let responder = InteractionResponder(interaction: interaction, applicationID: appID, rest: rest)
/// try await responder.deferReply()
/// try await responder.editOriginal(MessageEditPayload(content: "done"))
/// try await responder.followUp(MessageCreatePayload(content: "and one more thing"))
/// ```
public actor InteractionResponder {
    /// The interaction's id.
    public nonisolated let interactionID: Snowflake
    /// The interaction's token (for the callback and the webhook routes).
    public nonisolated let token: String
    /// The application the webhook routes belong to.
    public nonisolated let applicationID: Snowflake
    private let rest: DiscordREST
    private let timeSource: any TimeSource
    private var state: InteractionResponseState

    /// Ephemeral message flag.
    public static let ephemeralFlag = 1 << 6

    /// A responder for an interaction of `kind`; `receivedAt` defaults to now.
    public init(
        interactionID: Snowflake, token: String, kind: InteractionKind, applicationID: Snowflake, rest: DiscordREST,
        timeSource: any TimeSource = SystemTimeSource(), receivedAt: MonotonicTime? = nil,
        limits: InteractionTimingLimits = .discord
    ) {
        self.interactionID = interactionID
        self.token = token
        self.applicationID = applicationID
        self.rest = rest
        self.timeSource = timeSource
        state = InteractionResponseState(kind: kind, receivedAt: receivedAt ?? timeSource.now(), limits: limits)
    }

    /// A responder for a received interaction; nil for pings and unknown interaction types. The interaction's own
    /// `application_id` wins over `applicationID` when present.
    public init?(
        interaction: Interaction, applicationID: Snowflake, rest: DiscordREST,
        timeSource: any TimeSource = SystemTimeSource(), receivedAt: MonotonicTime? = nil,
        limits: InteractionTimingLimits = .discord
    ) {
        guard let kind = InteractionKind(interaction.type) else { return nil }
        self.init(
            interactionID: interaction.id, token: interaction.token, kind: kind,
            applicationID: interaction.applicationID ?? applicationID, rest: rest, timeSource: timeSource,
            receivedAt: receivedAt, limits: limits)
    }

    /// The rules' current state (what was answered so far).
    public var responseState: InteractionResponseState { state }

    // MARK: - Initial responses

    /// Replies with a message (callback type 4).
    public func reply(_ message: MessageCreatePayload) async throws(InteractionFailure) {
        try await callback(.reply, .reply(message))
    }

    /// Replies with text, optionally visible only to the user, optionally with components.
    public func reply(
        _ content: String, ephemeral: Bool = false, components: MessageComponents? = nil
    ) async throws(InteractionFailure) {
        let rows = try Self.render(components)
        try await reply(MessageCreatePayload(content: content, components: rows, flags: ephemeral ? Self.ephemeralFlag : nil))
    }

    /// Acknowledges now and answers later (callback type 5, "thinking…").
    public func deferReply() async throws(InteractionFailure) {
        try await callback(.deferReply, .deferReply(ephemeral: false))
    }

    /// Acknowledges now; the later answer is visible only to the user.
    public func deferEphemeral() async throws(InteractionFailure) {
        try await callback(.deferReply, .deferReply(ephemeral: true))
    }

    /// Acknowledges a component click or modal submit without a visible change (callback type 6).
    public func deferUpdate() async throws(InteractionFailure) {
        try await callback(.deferUpdate, .deferUpdate)
    }

    /// Edits the message the component is on (callback type 7).
    public func updateMessage(_ edit: MessageEditPayload) async throws(InteractionFailure) {
        try await callback(.updateMessage, .update(edit))
    }

    /// Opens a modal (callback type 9).
    public func showModal(_ modal: Modal) async throws(InteractionFailure) {
        let response: InteractionResponse
        do { response = try modal.response() } catch { throw .component(error) }
        try await callback(.showModal, response)
    }

    /// Answers an autocomplete request with up to 25 choices (callback type 8).
    public func autocomplete(_ choices: [AutocompleteChoice]) async throws(InteractionFailure) {
        guard choices.count <= AutocompleteChoice.limit else { throw .rule(.tooManyChoices(choices.count)) }
        try await callback(.autocompleteResult, .autocompleteResult(choices: choices.map(\.json)))
    }

    // MARK: - After the initial response

    /// Sends another message on the interaction's webhook.
    @discardableResult
    public func followUp(_ message: MessageCreatePayload) async throws(InteractionFailure) -> Message {
        let snapshot = try check(.followUp)
        do {
            return try await rest.createFollowupMessage(applicationID: applicationID, token: token, message)
        } catch {
            state = snapshot
            throw .http(error)
        }
    }

    /// Sends a follow-up with text, optionally ephemeral.
    @discardableResult
    public func followUp(_ content: String, ephemeral: Bool = false) async throws(InteractionFailure) -> Message {
        try await followUp(MessageCreatePayload(content: content, flags: ephemeral ? Self.ephemeralFlag : nil))
    }

    /// Edits the original response (after a deferral this replaces "thinking…").
    @discardableResult
    public func editOriginal(_ edit: MessageEditPayload) async throws(InteractionFailure) -> Message {
        let snapshot = try check(.editOriginal)
        do {
            return try await rest.editOriginalInteractionResponse(applicationID: applicationID, token: token, edit)
        } catch {
            state = snapshot
            throw .http(error)
        }
    }

    /// Deletes the original response.
    public func deleteOriginal() async throws(InteractionFailure) {
        let snapshot = try check(.deleteOriginal)
        do {
            try await rest.deleteOriginalInteractionResponse(applicationID: applicationID, token: token)
        } catch {
            state = snapshot
            throw .http(error)
        }
    }

    // MARK: - Plumbing

    /// Applies `action` to the rules; returns the state before, to restore if the request fails.
    private func check(_ action: InteractionResponseAction) throws(InteractionFailure) -> InteractionResponseState {
        let snapshot = state
        do { try state.apply(action, now: timeSource.now()) } catch { throw .rule(error) }
        return snapshot
    }

    /// Reserves the initial response (so a concurrent second call fails locally), sends it, and releases the
    /// reservation if the request failed for any reason other than "already acknowledged".
    private func callback(_ action: InteractionResponseAction, _ response: InteractionResponse) async throws(InteractionFailure) {
        let snapshot = try check(action)
        do {
            try await rest.createInteractionResponse(interactionID: interactionID, token: token, response)
        } catch {
            if error.discordCode != 40060 { state = snapshot }
            throw .http(error)
        }
    }

    private static func render(_ components: MessageComponents?) throws(InteractionFailure) -> [JSONValue]? {
        guard let components else { return nil }
        do { return try components.json() } catch { throw .component(error) }
    }
}

/// One autocomplete suggestion.
public struct AutocompleteChoice: Sendable, Hashable {
    /// The most choices one answer may carry.
    public static let limit = 25
    /// What the user sees.
    public var name: String
    /// What the option's value becomes (string, integer or number, like the option).
    public var value: JSONValue

    /// A choice with a string value.
    public init(name: String, value: String) {
        self.name = name
        self.value = .string(value)
    }

    /// A choice with a numeric value.
    public init(name: String, number: Double) {
        self.name = name
        self.value = .number(number)
    }

    /// The choice object.
    public var json: JSONValue { ["name": .string(name), "value": value] }
}
