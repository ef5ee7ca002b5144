import ApusModel

/// What started an interaction, as far as the response rules care.
public enum InteractionKind: Sendable, Hashable {
    /// A slash, user or message command (interaction type 2).
    case command
    /// A button click or a select choice on a message (type 3).
    case component
    /// An autocomplete request while the user types an option (type 4).
    case autocomplete
    /// A submitted modal (type 5).
    case modalSubmit

    /// The kind of a received interaction type; nil for pings and unknown types (they get no responder).
    public init?(_ type: InteractionType) {
        switch type {
        case .applicationCommand: self = .command
        case .messageComponent: self = .component
        case .applicationCommandAutocomplete: self = .autocomplete
        case .modalSubmit: self = .modalSubmit
        case .ping, .unknown: return nil
        }
    }
}
