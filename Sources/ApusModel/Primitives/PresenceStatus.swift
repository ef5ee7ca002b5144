/// A user's presence status. Unknown values are kept as ``unknown(_:)``.
public enum PresenceStatus: StringCodedEnum, Sendable {
    /// Wire value `online`.
    case online
    /// Wire value `idle`.
    case idle
    /// Wire value `dnd`.
    case doNotDisturb
    /// Wire value `invisible`.
    case invisible
    /// Wire value `offline`.
    case offline
    /// A value this version does not know.
    case unknown(String)

    /// Maps a wire value.
    public init(rawValue: String) {
        switch rawValue {
        case "online": self = .online
        case "idle": self = .idle
        case "dnd": self = .doNotDisturb
        case "invisible": self = .invisible
        case "offline": self = .offline
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .online: "online"
        case .idle: "idle"
        case .doNotDisturb: "dnd"
        case .invisible: "invisible"
        case .offline: "offline"
        case .unknown(let value): value
        }
    }
}
