/// Every call an ``InteractionResponder`` can make, as the response rules see it.
public enum InteractionResponseAction: Sendable, Hashable {
    /// Callback type 4: a message reply.
    case reply
    /// Callback type 5: "thinking…", answered later with ``editOriginal`` or a follow-up.
    case deferReply
    /// Callback type 6: acknowledges a component or modal submit without changing anything yet.
    case deferUpdate
    /// Callback type 7: edits the message the component is on.
    case updateMessage
    /// Callback type 8: autocomplete choices.
    case autocompleteResult
    /// Callback type 9: opens a modal.
    case showModal
    /// `POST /webhooks/{app}/{token}`: another message after the initial response.
    case followUp
    /// `PATCH …/messages/@original`.
    case editOriginal
    /// `DELETE …/messages/@original`.
    case deleteOriginal

    /// The callback type number for initial responses; nil for webhook calls (follow-ups and original edits).
    public var callbackType: Int? {
        switch self {
        case .reply: 4
        case .deferReply: 5
        case .deferUpdate: 6
        case .updateMessage: 7
        case .autocompleteResult: 8
        case .showModal: 9
        case .followUp, .editOriginal, .deleteOriginal: nil
        }
    }

    /// Whether the action is the initial response (the interaction callback), allowed exactly once.
    public var isInitialResponse: Bool { callbackType != nil }
}
