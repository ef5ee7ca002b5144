/// The type of an application command. Unknown values are kept as ``unknown(_:)``.
public enum ApplicationCommandType: IntegerCodedEnum, Sendable {
    /// Wire value 1.
    case chatInput
    /// Wire value 2.
    case user
    /// Wire value 3.
    case message
    /// Wire value 4.
    case primaryEntryPoint
    /// A value this version does not know.
    case unknown(Int)

    /// Maps a wire value.
    public init(rawValue: Int) {
        switch rawValue {
        case 1: self = .chatInput
        case 2: self = .user
        case 3: self = .message
        case 4: self = .primaryEntryPoint
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: Int {
        switch self {
        case .chatInput: 1
        case .user: 2
        case .message: 3
        case .primaryEntryPoint: 4
        case .unknown(let value): value
        }
    }
}
