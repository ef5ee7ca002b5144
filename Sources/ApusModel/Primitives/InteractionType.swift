/// The type of an interaction. Unknown values are kept as ``unknown(_:)``.
public enum InteractionType: IntegerCodedEnum, Sendable {
    /// Wire value 1.
    case ping
    /// Wire value 2.
    case applicationCommand
    /// Wire value 3.
    case messageComponent
    /// Wire value 4.
    case applicationCommandAutocomplete
    /// Wire value 5.
    case modalSubmit
    /// A value this version does not know.
    case unknown(Int)

    /// Maps a wire value.
    public init(rawValue: Int) {
        switch rawValue {
        case 1: self = .ping
        case 2: self = .applicationCommand
        case 3: self = .messageComponent
        case 4: self = .applicationCommandAutocomplete
        case 5: self = .modalSubmit
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: Int {
        switch self {
        case .ping: 1
        case .applicationCommand: 2
        case .messageComponent: 3
        case .applicationCommandAutocomplete: 4
        case .modalSubmit: 5
        case .unknown(let value): value
        }
    }
}
