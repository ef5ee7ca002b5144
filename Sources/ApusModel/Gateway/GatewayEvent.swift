/// A decoded gateway dispatch. Unknown event names arrive as ``unknown(name:data:)`` with their raw JSON.
/// Payloads are boxed (`indirect`) so that moving an event copies a pointer, not kilobytes of model; ``Message`` is
/// already a copy-on-write box, so `messageCreate` holds it directly.
public enum GatewayEvent: Sendable {
    /// The `ready` dispatch.
    indirect case ready(Ready)
    /// The `RESUMED` dispatch.
    case resumed
    /// The `guildCreate` dispatch.
    indirect case guildCreate(Guild)
    /// The `guildUpdate` dispatch.
    indirect case guildUpdate(Guild)
    /// The `guildDelete` dispatch.
    indirect case guildDelete(UnavailableGuild)
    /// The `channelCreate` dispatch.
    indirect case channelCreate(Channel)
    /// The `channelUpdate` dispatch.
    indirect case channelUpdate(Channel)
    /// The `channelDelete` dispatch.
    indirect case channelDelete(Channel)
    /// The `threadCreate` dispatch.
    indirect case threadCreate(Channel)
    /// The `threadUpdate` dispatch.
    indirect case threadUpdate(Channel)
    /// The `threadDelete` dispatch.
    indirect case threadDelete(Channel)
    /// The `guildRoleCreate` dispatch.
    indirect case guildRoleCreate(GuildRoleEvent)
    /// The `guildRoleUpdate` dispatch.
    indirect case guildRoleUpdate(GuildRoleEvent)
    /// The `guildRoleDelete` dispatch.
    indirect case guildRoleDelete(GuildRoleDelete)
    /// The `guildMemberAdd` dispatch.
    indirect case guildMemberAdd(GuildMemberAdd)
    /// The `guildMemberUpdate` dispatch.
    indirect case guildMemberUpdate(GuildMemberUpdate)
    /// The `guildMemberRemove` dispatch.
    indirect case guildMemberRemove(GuildMemberRemove)
    /// The `guildMembersChunk` dispatch.
    indirect case guildMembersChunk(GuildMembersChunk)
    /// The `guildBanAdd` dispatch.
    indirect case guildBanAdd(GuildBanEvent)
    /// The `guildBanRemove` dispatch.
    indirect case guildBanRemove(GuildBanEvent)
    /// The `messageCreate` dispatch.
    case messageCreate(Message)
    /// The `messageUpdate` dispatch.
    indirect case messageUpdate(MessageUpdate)
    /// The `messageDelete` dispatch.
    indirect case messageDelete(MessageDelete)
    /// The `messageDeleteBulk` dispatch.
    indirect case messageDeleteBulk(MessageDeleteBulk)
    /// The `messageReactionAdd` dispatch.
    indirect case messageReactionAdd(MessageReactionAdd)
    /// The `messageReactionRemove` dispatch.
    indirect case messageReactionRemove(MessageReactionRemove)
    /// The `messageReactionRemoveAll` dispatch.
    indirect case messageReactionRemoveAll(MessageReactionRemoveAll)
    /// The `messageReactionRemoveEmoji` dispatch.
    indirect case messageReactionRemoveEmoji(MessageReactionRemoveEmoji)
    /// The `typingStart` dispatch.
    indirect case typingStart(TypingStart)
    /// The `presenceUpdate` dispatch.
    indirect case presenceUpdate(Presence)
    /// The `voiceStateUpdate` dispatch.
    indirect case voiceStateUpdate(VoiceState)
    /// The `voiceServerUpdate` dispatch.
    indirect case voiceServerUpdate(VoiceServerUpdate)
    /// The `interactionCreate` dispatch.
    indirect case interactionCreate(Interaction)
    /// The `rateLimited` dispatch.
    indirect case rateLimited(RateLimitedEvent)
    /// The `userUpdate` dispatch.
    indirect case userUpdate(User)
    /// The `guildEmojisUpdate` dispatch.
    indirect case guildEmojisUpdate(GuildEmojisUpdate)
    /// A dispatch this version does not model, kept verbatim.
    indirect case unknown(name: String, data: RawJSON)

    /// The kind of this event.
    public var kind: EventKind {
        switch self {
        case .ready: .ready
        case .resumed: .resumed
        case .guildCreate: .guildCreate
        case .guildUpdate: .guildUpdate
        case .guildDelete: .guildDelete
        case .channelCreate: .channelCreate
        case .channelUpdate: .channelUpdate
        case .channelDelete: .channelDelete
        case .threadCreate: .threadCreate
        case .threadUpdate: .threadUpdate
        case .threadDelete: .threadDelete
        case .guildRoleCreate: .guildRoleCreate
        case .guildRoleUpdate: .guildRoleUpdate
        case .guildRoleDelete: .guildRoleDelete
        case .guildMemberAdd: .guildMemberAdd
        case .guildMemberUpdate: .guildMemberUpdate
        case .guildMemberRemove: .guildMemberRemove
        case .guildMembersChunk: .guildMembersChunk
        case .guildBanAdd: .guildBanAdd
        case .guildBanRemove: .guildBanRemove
        case .messageCreate: .messageCreate
        case .messageUpdate: .messageUpdate
        case .messageDelete: .messageDelete
        case .messageDeleteBulk: .messageDeleteBulk
        case .messageReactionAdd: .messageReactionAdd
        case .messageReactionRemove: .messageReactionRemove
        case .messageReactionRemoveAll: .messageReactionRemoveAll
        case .messageReactionRemoveEmoji: .messageReactionRemoveEmoji
        case .typingStart: .typingStart
        case .presenceUpdate: .presenceUpdate
        case .voiceStateUpdate: .voiceStateUpdate
        case .voiceServerUpdate: .voiceServerUpdate
        case .interactionCreate: .interactionCreate
        case .rateLimited: .rateLimited
        case .userUpdate: .userUpdate
        case .guildEmojisUpdate: .guildEmojisUpdate
        case .unknown(let name, _): .unknown(name)
        }
    }

    /// Decodes the `d` bytes of a dispatch of the given kind. Trailing bytes after the value are rejected.
    public static func decode(kind: EventKind, data: UnsafeRawBufferPointer) throws(JSONDecodingError) -> GatewayEvent {
        var reader = JSONReader(bytes: data)
        let event: GatewayEvent
        do {
            event = try decodeValue(kind: kind, reader: &reader)
            try reader.expectEnd()
        } catch {
            throw error.prefixingPath(kind.name)
        }
        return event
    }

    @inline(__always)
    static func decodeValue(kind: EventKind, reader: inout JSONReader) throws(JSONDecodingError) -> GatewayEvent {
        switch kind {
        case .ready: return .ready(try reader.decode())
        case .resumed:
            try reader.skipValue()
            return .resumed
        case .guildCreate: return .guildCreate(try reader.decode())
        case .guildUpdate: return .guildUpdate(try reader.decode())
        case .guildDelete: return .guildDelete(try reader.decode())
        case .channelCreate: return .channelCreate(try reader.decode())
        case .channelUpdate: return .channelUpdate(try reader.decode())
        case .channelDelete: return .channelDelete(try reader.decode())
        case .threadCreate: return .threadCreate(try reader.decode())
        case .threadUpdate: return .threadUpdate(try reader.decode())
        case .threadDelete: return .threadDelete(try reader.decode())
        case .guildRoleCreate: return .guildRoleCreate(try reader.decode())
        case .guildRoleUpdate: return .guildRoleUpdate(try reader.decode())
        case .guildRoleDelete: return .guildRoleDelete(try reader.decode())
        case .guildMemberAdd: return .guildMemberAdd(try reader.decode())
        case .guildMemberUpdate: return .guildMemberUpdate(try reader.decode())
        case .guildMemberRemove: return .guildMemberRemove(try reader.decode())
        case .guildMembersChunk: return .guildMembersChunk(try reader.decode())
        case .guildBanAdd: return .guildBanAdd(try reader.decode())
        case .guildBanRemove: return .guildBanRemove(try reader.decode())
        case .messageCreate: return .messageCreate(try reader.decode())
        case .messageUpdate: return .messageUpdate(try reader.decode())
        case .messageDelete: return .messageDelete(try reader.decode())
        case .messageDeleteBulk: return .messageDeleteBulk(try reader.decode())
        case .messageReactionAdd: return .messageReactionAdd(try reader.decode())
        case .messageReactionRemove: return .messageReactionRemove(try reader.decode())
        case .messageReactionRemoveAll: return .messageReactionRemoveAll(try reader.decode())
        case .messageReactionRemoveEmoji: return .messageReactionRemoveEmoji(try reader.decode())
        case .typingStart: return .typingStart(try reader.decode())
        case .presenceUpdate: return .presenceUpdate(try reader.decode())
        case .voiceStateUpdate: return .voiceStateUpdate(try reader.decode())
        case .voiceServerUpdate: return .voiceServerUpdate(try reader.decode())
        case .interactionCreate: return .interactionCreate(try reader.decode())
        case .rateLimited: return .rateLimited(try reader.decode())
        case .userUpdate: return .userUpdate(try reader.decode())
        case .guildEmojisUpdate: return .guildEmojisUpdate(try reader.decode())
        case .unknown(let name): return .unknown(name: name, data: try reader.readRawJSON())
        }
    }
}
