import ApusCore

/// One answer the bot gave (or tried to give) to a simulated interaction, for inspection in tests.
public struct SimulatedInteractionResponse: Sendable, Hashable {
    /// Which route the bot called.
    public enum Kind: String, Sendable, Hashable {
        /// `POST /interactions/{id}/{token}/callback`.
        case callback
        /// `POST /webhooks/{app}/{token}`.
        case followUp = "follow_up"
        /// `GET /webhooks/{app}/{token}/messages/{id or @original}`.
        case getMessage = "get_message"
        /// `PATCH /webhooks/{app}/{token}/messages/@original`.
        case editOriginal = "edit_original"
        /// `DELETE /webhooks/{app}/{token}/messages/@original`.
        case deleteOriginal = "delete_original"
        /// `PATCH /webhooks/{app}/{token}/messages/{id}` (a follow-up).
        case editMessage = "edit_message"
        /// `DELETE /webhooks/{app}/{token}/messages/{id}` (a follow-up).
        case deleteMessage = "delete_message"
    }

    /// Which route the bot called.
    public var kind: Kind
    /// The callback type (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal) for callbacks.
    public var callbackType: Int?
    /// The HTTP status the simulator answered.
    public var status: Int
    /// Discord's JSON error code when the call was refused.
    public var errorCode: Int?
    /// Whether the message was flagged ephemeral (flag 64).
    public var ephemeral: Bool
    /// The message created or touched, if any.
    public var messageID: UInt64?
    /// The request body as sent.
    public var body: String
    /// When the call arrived (simulator clock).
    public var time: MonotonicTime

    /// Whether the simulator accepted the call (2xx).
    public var accepted: Bool { (200..<300).contains(status) }
}

/// The simulated interaction time limits, on the simulator's clock.
public struct SimulatedInteractionTiming: Sendable, Hashable {
    /// How long after creation the initial response is accepted (Discord: 3 s); later → 404 code 10062.
    public var responseWindow: Duration
    /// How long the token accepts follow-ups and edits (Discord: 15 min); later → 401 code 50027.
    public var tokenLifetime: Duration

    /// Creates limits (Discord's by default).
    public init(responseWindow: Duration = .seconds(3), tokenLifetime: Duration = .seconds(15 * 60)) {
        self.responseWindow = responseWindow
        self.tokenLifetime = tokenLifetime
    }
}

extension SimulatorREST {
    /// A known interaction: where it happened, what kind it is, and how it was answered so far.
    struct InteractionRecord: Sendable {
        var id: UInt64
        var token: String
        var channelID: UInt64?
        var guildID: UInt64?
        var acknowledged = false
        var originalMessageID: UInt64?
        /// The accepted initial callback type (4-9), once answered.
        var initialCallbackType: Int?
        /// The interaction type (2 command, 3 component, 4 autocomplete, 5 modal submit); nil for interactions
        /// registered from outside, which get no per-type callback checks and no time limits.
        var type: Int?
        /// Who invoked it.
        var userID: UInt64?
        /// When it was created (simulator clock); nil: no time limits.
        var createdAt: MonotonicTime?
        var timing = SimulatedInteractionTiming()
        /// The message whose component was used (component interactions, and modal submits opened from one).
        var componentMessageID: UInt64?
        /// The custom id of the modal the bot opened in answer (callback type 9), until it is submitted.
        var openedModalCustomID: String?
        /// Every call the bot made with this interaction's id or token, in order.
        var responses: [SimulatedInteractionResponse] = []
    }

    /// The callback types Discord accepts for interaction `type` (nil type: any known callback type).
    static func allowedCallbackTypes(forInteractionType type: Int?) -> Set<Int> {
        switch type {
        case 2: [4, 5, 9, 12]
        case 3: [4, 5, 6, 7, 9, 12]
        case 4: [8]
        case 5: [4, 5, 6, 7, 12]
        default: [1, 4, 5, 6, 7, 8, 9, 10, 12]
        }
    }

    /// Every call the bot made for interaction `id`, in order (empty for an unknown id).
    public func interactionResponses(id: UInt64) -> [SimulatedInteractionResponse] {
        state.withLock { $0.interactions[id]?.responses ?? [] }
    }

    /// Whether interaction `id` has had its initial response.
    public func isInteractionAcknowledged(id: UInt64) -> Bool {
        state.withLock { $0.interactions[id]?.acknowledged ?? false }
    }

    /// Appends a response to interaction `id`'s record.
    func recordInteractionResponse(
        id: UInt64, kind: SimulatedInteractionResponse.Kind, callbackType: Int? = nil, response: SimulatorHTTPResponse,
        body: RESTBody, messageID: UInt64?, now: MonotonicTime
    ) {
        let flags = body["flags"]?.integerValue ?? body["data"]?["flags"]?.integerValue ?? 0
        let code = response.status >= 400 ? JSONValue.parse(response.body)?["code"]?.integerValue.map { Int($0) } : nil
        let entry = SimulatedInteractionResponse(
            kind: kind, callbackType: callbackType, status: response.status, errorCode: code, ephemeral: flags & 64 != 0,
            messageID: messageID, body: body.json?.text ?? "", time: now)
        state.withLock { $0.interactions[id]?.responses.append(entry) }
    }
}
