import ApusCore

/// Discord's response rules for one interaction, as a pure state machine: feed it each call with the time, and it
/// either accepts (and moves on) or throws the error Discord would have answered, before any request is made.
///
/// Rules:
/// - exactly one initial response (callback); a second is ``InteractionResponseError/alreadyAcknowledged(previous:attempted:)``;
/// - allowed callbacks per kind: commands reply, defer or open a modal; components also defer-update and update
///   the message; autocomplete only returns choices; a modal submit cannot open another modal;
/// - the initial response must come within ``InteractionTimingLimits/responseWindow`` of receipt;
/// - follow-ups and original-message edits need an initial response that has a message (not choices, not a modal),
///   within ``InteractionTimingLimits/tokenLifetime``.
public struct InteractionResponseState: Sendable, Hashable {
    /// What started the interaction.
    public let kind: InteractionKind
    /// When the interaction was received (the response window and token lifetime count from here).
    public let receivedAt: MonotonicTime
    /// The time limits in force.
    public let limits: InteractionTimingLimits
    /// The initial response made so far, if any.
    public private(set) var initialResponse: InteractionResponseAction?
    /// Whether the original response message was deleted.
    public private(set) var originalDeleted = false

    /// A fresh state for an interaction of `kind` received at `receivedAt`.
    public init(kind: InteractionKind, receivedAt: MonotonicTime, limits: InteractionTimingLimits = .discord) {
        self.kind = kind
        self.receivedAt = receivedAt
        self.limits = limits
    }

    /// Whether an initial response was made.
    public var isAcknowledged: Bool { initialResponse != nil }

    /// The initial-response actions allowed for `kind`.
    public static func allowedInitialResponses(for kind: InteractionKind) -> Set<InteractionResponseAction> {
        switch kind {
        case .command: [.reply, .deferReply, .showModal]
        case .component: [.reply, .deferReply, .deferUpdate, .updateMessage, .showModal]
        case .autocomplete: [.autocompleteResult]
        case .modalSubmit: [.reply, .deferReply, .deferUpdate, .updateMessage]
        }
    }

    /// Checks `action` at `now` and records it; throws without changing anything when Discord would refuse it.
    public mutating func apply(_ action: InteractionResponseAction, now: MonotonicTime) throws(InteractionResponseError) {
        if action.isInitialResponse {
            if let previous = initialResponse { throw .alreadyAcknowledged(previous: previous, attempted: action) }
            guard Self.allowedInitialResponses(for: kind).contains(action) else {
                throw .notAllowed(action: action, kind: kind)
            }
            guard now - receivedAt <= limits.responseWindow else { throw .responseWindowExpired }
            initialResponse = action
            return
        }
        guard let initial = initialResponse, initial != .autocompleteResult, initial != .showModal else {
            throw .notAcknowledged(attempted: action)
        }
        guard now - receivedAt <= limits.tokenLifetime else { throw .tokenExpired }
        switch action {
        case .editOriginal:
            if originalDeleted { throw .originalDeleted }
        case .deleteOriginal:
            if originalDeleted { throw .originalDeleted }
            originalDeleted = true
        default:
            break
        }
    }
}

/// The time limits of an interaction.
public struct InteractionTimingLimits: Sendable, Hashable {
    /// How long after receipt the initial response may come (Discord: 3 seconds).
    public var responseWindow: Duration
    /// How long the token accepts follow-ups and edits (Discord: 15 minutes).
    public var tokenLifetime: Duration

    /// Creates limits.
    public init(responseWindow: Duration, tokenLifetime: Duration) {
        self.responseWindow = responseWindow
        self.tokenLifetime = tokenLifetime
    }

    /// Discord's limits: 3 seconds and 15 minutes.
    public static let discord = InteractionTimingLimits(responseWindow: .seconds(3), tokenLifetime: .seconds(15 * 60))
}
