/// Why an ``InteractionResponder`` refused a call before sending anything (Discord would have refused it too).
public enum InteractionResponseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A second initial response (Discord: 400, code 40060 "Interaction has already been acknowledged").
    case alreadyAcknowledged(previous: InteractionResponseAction, attempted: InteractionResponseAction)
    /// The callback type is not allowed for this kind of interaction (e.g. a modal in answer to a modal submit).
    case notAllowed(action: InteractionResponseAction, kind: InteractionKind)
    /// A follow-up or original-message edit before any initial response, or after a response that has no message
    /// (an autocomplete result or a modal).
    case notAcknowledged(attempted: InteractionResponseAction)
    /// The 3-second window for the initial response has passed (Discord: 404, code 10062 "Unknown interaction").
    case responseWindowExpired
    /// The 15-minute interaction token has expired; no follow-up or edit can be made.
    case tokenExpired
    /// The original response was already deleted.
    case originalDeleted
    /// More than 25 autocomplete choices.
    case tooManyChoices(Int)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .alreadyAcknowledged(let previous, let attempted):
            "The interaction was already acknowledged with \(previous); \(attempted) is a second initial response"
        case .notAllowed(let action, let kind):
            "\(action) is not a valid response to a \(kind) interaction"
        case .notAcknowledged(let attempted):
            "\(attempted) needs an initial reply or deferral first"
        case .responseWindowExpired:
            "The 3-second window for the initial response has passed"
        case .tokenExpired:
            "The interaction token has expired (15 minutes)"
        case .originalDeleted:
            "The original response was deleted"
        case .tooManyChoices(let count):
            "Autocomplete allows at most 25 choices, got \(count)"
        }
    }
}
