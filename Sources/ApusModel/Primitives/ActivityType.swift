/// The type of a presence activity. Unknown values are kept as ``unknown(_:)``.
public enum ActivityType: IntegerCodedEnum, Sendable {
    /// Wire value 0.
    case playing
    /// Wire value 1.
    case streaming
    /// Wire value 2.
    case listening
    /// Wire value 3.
    case watching
    /// Wire value 4.
    case custom
    /// Wire value 5.
    case competing
    /// A value this version does not know.
    case unknown(Int)

    /// Maps a wire value.
    public init(rawValue: Int) {
        switch rawValue {
        case 0: self = .playing
        case 1: self = .streaming
        case 2: self = .listening
        case 3: self = .watching
        case 4: self = .custom
        case 5: self = .competing
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: Int {
        switch self {
        case .playing: 0
        case .streaming: 1
        case .listening: 2
        case .watching: 3
        case .custom: 4
        case .competing: 5
        case .unknown(let value): value
        }
    }
}
