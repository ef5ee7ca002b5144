/// A gateway opcode; unknown values are kept.
public enum GatewayOpcode: RawRepresentable, Sendable, Hashable {
    /// 0: an event was dispatched.
    case dispatch
    /// 1: heartbeat (either direction).
    case heartbeat
    /// 2: start a new session.
    case identify
    /// 3: update the client's presence.
    case presenceUpdate
    /// 4: join, move or leave a voice channel.
    case voiceStateUpdate
    /// 6: resume a previous session.
    case resume
    /// 7: the server asks the client to reconnect and resume.
    case reconnect
    /// 8: request guild members.
    case requestGuildMembers
    /// 9: the session was invalidated.
    case invalidSession
    /// 10: sent on connect, with the heartbeat interval.
    case hello
    /// 11: heartbeat acknowledged.
    case heartbeatACK
    /// 31: request soundboard sounds.
    case requestSoundboardSounds
    /// An opcode this version does not know.
    case unknown(Int)

    /// Maps a raw opcode.
    public init(rawValue: Int) {
        switch rawValue {
        case 0: self = .dispatch
        case 1: self = .heartbeat
        case 2: self = .identify
        case 3: self = .presenceUpdate
        case 4: self = .voiceStateUpdate
        case 6: self = .resume
        case 7: self = .reconnect
        case 8: self = .requestGuildMembers
        case 9: self = .invalidSession
        case 10: self = .hello
        case 11: self = .heartbeatACK
        case 31: self = .requestSoundboardSounds
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: Int {
        switch self {
        case .dispatch: 0
        case .heartbeat: 1
        case .identify: 2
        case .presenceUpdate: 3
        case .voiceStateUpdate: 4
        case .resume: 6
        case .reconnect: 7
        case .requestGuildMembers: 8
        case .invalidSession: 9
        case .hello: 10
        case .heartbeatACK: 11
        case .requestSoundboardSounds: 31
        case .unknown(let value): value
        }
    }
}
