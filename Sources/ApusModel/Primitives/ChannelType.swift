/// The type of a channel. Unknown values are kept as ``unknown(_:)``.
public enum ChannelType: IntegerCodedEnum, Sendable {
    /// Wire value 0.
    case guildText
    /// Wire value 1.
    case dm
    /// Wire value 2.
    case guildVoice
    /// Wire value 3.
    case groupDM
    /// Wire value 4.
    case guildCategory
    /// Wire value 5.
    case guildAnnouncement
    /// Wire value 10.
    case announcementThread
    /// Wire value 11.
    case publicThread
    /// Wire value 12.
    case privateThread
    /// Wire value 13.
    case guildStageVoice
    /// Wire value 14.
    case guildDirectory
    /// Wire value 15.
    case guildForum
    /// Wire value 16.
    case guildMedia
    /// A value this version does not know.
    case unknown(Int)

    /// Maps a wire value.
    public init(rawValue: Int) {
        switch rawValue {
        case 0: self = .guildText
        case 1: self = .dm
        case 2: self = .guildVoice
        case 3: self = .groupDM
        case 4: self = .guildCategory
        case 5: self = .guildAnnouncement
        case 10: self = .announcementThread
        case 11: self = .publicThread
        case 12: self = .privateThread
        case 13: self = .guildStageVoice
        case 14: self = .guildDirectory
        case 15: self = .guildForum
        case 16: self = .guildMedia
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: Int {
        switch self {
        case .guildText: 0
        case .dm: 1
        case .guildVoice: 2
        case .groupDM: 3
        case .guildCategory: 4
        case .guildAnnouncement: 5
        case .announcementThread: 10
        case .publicThread: 11
        case .privateThread: 12
        case .guildStageVoice: 13
        case .guildDirectory: 14
        case .guildForum: 15
        case .guildMedia: 16
        case .unknown(let value): value
        }
    }
}
