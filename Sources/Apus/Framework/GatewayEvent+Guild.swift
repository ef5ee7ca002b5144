import ApusModel

extension GatewayEvent {
    /// The guild the event belongs to, when it has one (plugins are switched on and off per guild by this).
    public var guildID: Snowflake? {
        switch self {
        case .guildCreate(let guild), .guildUpdate(let guild): guild.id
        case .guildDelete(let guild): guild.id
        case .channelCreate(let channel), .channelUpdate(let channel), .channelDelete(let channel),
             .threadCreate(let channel), .threadUpdate(let channel), .threadDelete(let channel): channel.guildID
        case .guildRoleCreate(let event), .guildRoleUpdate(let event): event.guildID
        case .guildRoleDelete(let event): event.guildID
        case .guildMemberAdd(let event): event.guildID
        case .guildMemberUpdate(let event): event.guildID
        case .guildMemberRemove(let event): event.guildID
        case .guildMembersChunk(let event): event.guildID
        case .guildBanAdd(let event), .guildBanRemove(let event): event.guildID
        case .messageCreate(let message): message.guildID
        case .messageUpdate(let update): update.guildID
        case .messageDelete(let event): event.guildID
        case .messageDeleteBulk(let event): event.guildID
        case .messageReactionAdd(let event): event.guildID
        case .messageReactionRemove(let event): event.guildID
        case .messageReactionRemoveAll(let event): event.guildID
        case .messageReactionRemoveEmoji(let event): event.guildID
        case .typingStart(let event): event.guildID
        case .presenceUpdate(let presence): presence.guildID
        case .voiceStateUpdate(let state): state.guildID
        case .voiceServerUpdate(let event): event.guildID
        case .interactionCreate(let interaction): interaction.guildID
        case .guildEmojisUpdate(let event): event.guildID
        case .ready, .resumed, .rateLimited, .userUpdate, .unknown: nil
        }
    }
}
