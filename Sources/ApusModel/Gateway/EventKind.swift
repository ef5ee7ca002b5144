/// The name (`t`) of a gateway dispatch. Known names are matched from the frame's bytes without allocating.
public enum EventKind: Hashable, Sendable, CustomStringConvertible {
    /// `READY`
    case ready
    /// `RESUMED`
    case resumed
    /// `GUILD_CREATE`
    case guildCreate
    /// `GUILD_UPDATE`
    case guildUpdate
    /// `GUILD_DELETE`
    case guildDelete
    /// `CHANNEL_CREATE`
    case channelCreate
    /// `CHANNEL_UPDATE`
    case channelUpdate
    /// `CHANNEL_DELETE`
    case channelDelete
    /// `THREAD_CREATE`
    case threadCreate
    /// `THREAD_UPDATE`
    case threadUpdate
    /// `THREAD_DELETE`
    case threadDelete
    /// `GUILD_ROLE_CREATE`
    case guildRoleCreate
    /// `GUILD_ROLE_UPDATE`
    case guildRoleUpdate
    /// `GUILD_ROLE_DELETE`
    case guildRoleDelete
    /// `GUILD_MEMBER_ADD`
    case guildMemberAdd
    /// `GUILD_MEMBER_UPDATE`
    case guildMemberUpdate
    /// `GUILD_MEMBER_REMOVE`
    case guildMemberRemove
    /// `GUILD_MEMBERS_CHUNK`
    case guildMembersChunk
    /// `GUILD_BAN_ADD`
    case guildBanAdd
    /// `GUILD_BAN_REMOVE`
    case guildBanRemove
    /// `MESSAGE_CREATE`
    case messageCreate
    /// `MESSAGE_UPDATE`
    case messageUpdate
    /// `MESSAGE_DELETE`
    case messageDelete
    /// `MESSAGE_DELETE_BULK`
    case messageDeleteBulk
    /// `MESSAGE_REACTION_ADD`
    case messageReactionAdd
    /// `MESSAGE_REACTION_REMOVE`
    case messageReactionRemove
    /// `MESSAGE_REACTION_REMOVE_ALL`
    case messageReactionRemoveAll
    /// `MESSAGE_REACTION_REMOVE_EMOJI`
    case messageReactionRemoveEmoji
    /// `TYPING_START`
    case typingStart
    /// `PRESENCE_UPDATE`
    case presenceUpdate
    /// `VOICE_STATE_UPDATE`
    case voiceStateUpdate
    /// `VOICE_SERVER_UPDATE`
    case voiceServerUpdate
    /// `INTERACTION_CREATE`
    case interactionCreate
    /// `RATE_LIMITED`
    case rateLimited
    /// `USER_UPDATE`
    case userUpdate
    /// `GUILD_EMOJIS_UPDATE`
    case guildEmojisUpdate
    /// A dispatch name this version does not model.
    case unknown(String)

    /// Every modelled kind (excluding ``unknown(_:)``).
    public static let allKnown: [EventKind] = [
        .ready, .resumed, .guildCreate, .guildUpdate, .guildDelete, .channelCreate, .channelUpdate, .channelDelete, .threadCreate, .threadUpdate, .threadDelete, .guildRoleCreate, .guildRoleUpdate, .guildRoleDelete, .guildMemberAdd, .guildMemberUpdate, .guildMemberRemove, .guildMembersChunk, .guildBanAdd, .guildBanRemove, .messageCreate, .messageUpdate, .messageDelete, .messageDeleteBulk, .messageReactionAdd, .messageReactionRemove, .messageReactionRemoveAll, .messageReactionRemoveEmoji, .typingStart, .presenceUpdate, .voiceStateUpdate, .voiceServerUpdate, .interactionCreate, .rateLimited, .userUpdate, .guildEmojisUpdate,
    ]

    /// The wire name, e.g. `MESSAGE_CREATE`.
    public var name: String {
        switch self {
        case .ready: "READY"
        case .resumed: "RESUMED"
        case .guildCreate: "GUILD_CREATE"
        case .guildUpdate: "GUILD_UPDATE"
        case .guildDelete: "GUILD_DELETE"
        case .channelCreate: "CHANNEL_CREATE"
        case .channelUpdate: "CHANNEL_UPDATE"
        case .channelDelete: "CHANNEL_DELETE"
        case .threadCreate: "THREAD_CREATE"
        case .threadUpdate: "THREAD_UPDATE"
        case .threadDelete: "THREAD_DELETE"
        case .guildRoleCreate: "GUILD_ROLE_CREATE"
        case .guildRoleUpdate: "GUILD_ROLE_UPDATE"
        case .guildRoleDelete: "GUILD_ROLE_DELETE"
        case .guildMemberAdd: "GUILD_MEMBER_ADD"
        case .guildMemberUpdate: "GUILD_MEMBER_UPDATE"
        case .guildMemberRemove: "GUILD_MEMBER_REMOVE"
        case .guildMembersChunk: "GUILD_MEMBERS_CHUNK"
        case .guildBanAdd: "GUILD_BAN_ADD"
        case .guildBanRemove: "GUILD_BAN_REMOVE"
        case .messageCreate: "MESSAGE_CREATE"
        case .messageUpdate: "MESSAGE_UPDATE"
        case .messageDelete: "MESSAGE_DELETE"
        case .messageDeleteBulk: "MESSAGE_DELETE_BULK"
        case .messageReactionAdd: "MESSAGE_REACTION_ADD"
        case .messageReactionRemove: "MESSAGE_REACTION_REMOVE"
        case .messageReactionRemoveAll: "MESSAGE_REACTION_REMOVE_ALL"
        case .messageReactionRemoveEmoji: "MESSAGE_REACTION_REMOVE_EMOJI"
        case .typingStart: "TYPING_START"
        case .presenceUpdate: "PRESENCE_UPDATE"
        case .voiceStateUpdate: "VOICE_STATE_UPDATE"
        case .voiceServerUpdate: "VOICE_SERVER_UPDATE"
        case .interactionCreate: "INTERACTION_CREATE"
        case .rateLimited: "RATE_LIMITED"
        case .userUpdate: "USER_UPDATE"
        case .guildEmojisUpdate: "GUILD_EMOJIS_UPDATE"
        case .unknown(let name): name
        }
    }

    /// The wire name.
    public var description: String { name }

    /// Maps a wire name to its kind (unknown names are kept).
    public init(name: String) {
        var copy = name
        self = copy.withUTF8 { EventKind(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Maps the UTF-8 bytes of a wire name to its kind; allocates only for unknown names.
    public init(bytes: UnsafeRawBufferPointer) {
        let key = JSONKey(raw: bytes, isEscaped: false)
        switch bytes.count {
        case 5:
            if key == "READY" { self = .ready; return }
        case 7:
            if key == "RESUMED" { self = .resumed; return }
        case 11:
            if key == "USER_UPDATE" { self = .userUpdate; return }
        case 12:
            if key == "GUILD_CREATE" { self = .guildCreate; return }
            if key == "GUILD_UPDATE" { self = .guildUpdate; return }
            if key == "GUILD_DELETE" { self = .guildDelete; return }
            if key == "TYPING_START" { self = .typingStart; return }
            if key == "RATE_LIMITED" { self = .rateLimited; return }
        case 13:
            if key == "THREAD_CREATE" { self = .threadCreate; return }
            if key == "THREAD_UPDATE" { self = .threadUpdate; return }
            if key == "THREAD_DELETE" { self = .threadDelete; return }
            if key == "GUILD_BAN_ADD" { self = .guildBanAdd; return }
        case 14:
            if key == "CHANNEL_CREATE" { self = .channelCreate; return }
            if key == "CHANNEL_UPDATE" { self = .channelUpdate; return }
            if key == "CHANNEL_DELETE" { self = .channelDelete; return }
            if key == "MESSAGE_CREATE" { self = .messageCreate; return }
            if key == "MESSAGE_UPDATE" { self = .messageUpdate; return }
            if key == "MESSAGE_DELETE" { self = .messageDelete; return }
        case 15:
            if key == "PRESENCE_UPDATE" { self = .presenceUpdate; return }
        case 16:
            if key == "GUILD_MEMBER_ADD" { self = .guildMemberAdd; return }
            if key == "GUILD_BAN_REMOVE" { self = .guildBanRemove; return }
        case 17:
            if key == "GUILD_ROLE_CREATE" { self = .guildRoleCreate; return }
            if key == "GUILD_ROLE_UPDATE" { self = .guildRoleUpdate; return }
            if key == "GUILD_ROLE_DELETE" { self = .guildRoleDelete; return }
        case 18:
            if key == "VOICE_STATE_UPDATE" { self = .voiceStateUpdate; return }
            if key == "INTERACTION_CREATE" { self = .interactionCreate; return }
        case 19:
            if key == "GUILD_MEMBER_UPDATE" { self = .guildMemberUpdate; return }
            if key == "GUILD_MEMBER_REMOVE" { self = .guildMemberRemove; return }
            if key == "GUILD_MEMBERS_CHUNK" { self = .guildMembersChunk; return }
            if key == "MESSAGE_DELETE_BULK" { self = .messageDeleteBulk; return }
            if key == "VOICE_SERVER_UPDATE" { self = .voiceServerUpdate; return }
            if key == "GUILD_EMOJIS_UPDATE" { self = .guildEmojisUpdate; return }
        case 20:
            if key == "MESSAGE_REACTION_ADD" { self = .messageReactionAdd; return }
        case 23:
            if key == "MESSAGE_REACTION_REMOVE" { self = .messageReactionRemove; return }
        case 27:
            if key == "MESSAGE_REACTION_REMOVE_ALL" { self = .messageReactionRemoveAll; return }
        case 29:
            if key == "MESSAGE_REACTION_REMOVE_EMOJI" { self = .messageReactionRemoveEmoji; return }
        default: break
        }
        self = .unknown(String(decoding: bytes, as: UTF8.self))
    }
}
