extension EventKind {
    /// The position of a modelled kind in ``allKnown`` (below 64), nil for ``unknown(_:)``: lets the gateway keep
    /// sets of kinds as bit masks and test membership without hashing.
    public var knownIndex: Int? {
        switch self {
        case .ready: 0
        case .resumed: 1
        case .guildCreate: 2
        case .guildUpdate: 3
        case .guildDelete: 4
        case .channelCreate: 5
        case .channelUpdate: 6
        case .channelDelete: 7
        case .threadCreate: 8
        case .threadUpdate: 9
        case .threadDelete: 10
        case .guildRoleCreate: 11
        case .guildRoleUpdate: 12
        case .guildRoleDelete: 13
        case .guildMemberAdd: 14
        case .guildMemberUpdate: 15
        case .guildMemberRemove: 16
        case .guildMembersChunk: 17
        case .guildBanAdd: 18
        case .guildBanRemove: 19
        case .messageCreate: 20
        case .messageUpdate: 21
        case .messageDelete: 22
        case .messageDeleteBulk: 23
        case .messageReactionAdd: 24
        case .messageReactionRemove: 25
        case .messageReactionRemoveAll: 26
        case .messageReactionRemoveEmoji: 27
        case .typingStart: 28
        case .presenceUpdate: 29
        case .voiceStateUpdate: 30
        case .voiceServerUpdate: 31
        case .interactionCreate: 32
        case .rateLimited: 33
        case .userUpdate: 34
        case .guildEmojisUpdate: 35
        case .unknown: nil
        }
    }

    /// The bit of a modelled kind in a mask built from ``knownIndex``; 0 for ``unknown(_:)``.
    public var knownBit: UInt64 {
        guard let index = knownIndex else { return 0 }
        return 1 << UInt64(index)
    }
}
