/// A user of the simulated Discord.
struct WorldUser: Sendable {
    var id: UInt64
    var username: String
    var globalName: String?
    var bot: Bool = false
}

/// A role of a simulated guild.
struct WorldRole: Sendable {
    var id: UInt64
    var name: String
    var permissions: UInt64
    var position: Int
    var color: Int = 0
    var hoist: Bool = false
    var managed: Bool = false
}

/// A permission overwrite on a channel.
struct WorldOverwrite: Sendable {
    var id: UInt64
    var isRole: Bool
    var allow: UInt64
    var deny: UInt64
}

/// A channel of a simulated guild, or a DM channel (guildID nil).
struct WorldChannel: Sendable {
    /// Channel types the world creates.
    enum Kind: Int, Sendable {
        case text = 0, dm = 1, voice = 2, category = 4
    }

    var id: UInt64
    var kind: Kind
    var guildID: UInt64?
    var name: String
    var position: Int
    var parentID: UInt64?
    var topic: String?
    var overwrites: [WorldOverwrite] = []
    var recipientIDs: [UInt64] = []
    var lastMessageID: UInt64?
}

/// A member of a simulated guild.
struct WorldMember: Sendable {
    var userID: UInt64
    var nick: String?
    var roleIDs: [UInt64]
    var joinedAtMilliseconds: UInt64
    var communicationDisabledUntil: String?
    var status: String
}

/// A ban in a simulated guild.
struct WorldBan: Sendable {
    var userID: UInt64
    var reason: String?
}

/// A simulated guild.
struct WorldGuild: Sendable {
    var id: UInt64
    var name: String
    var ownerID: UInt64
    var roles: [WorldRole]
    var channels: [WorldChannel]
    var members: [WorldMember]
    var bans: [UInt64: WorldBan] = [:]

    func role(_ id: UInt64) -> WorldRole? { roles.first { $0.id == id } }
    func member(_ userID: UInt64) -> WorldMember? { members.first { $0.userID == userID } }
    func memberIndex(_ userID: UInt64) -> Int? { members.firstIndex { $0.userID == userID } }

    /// The highest position among `roleIDs` (0 = only @everyone).
    func topPosition(of roleIDs: [UInt64]) -> Int {
        roleIDs.compactMap { role($0)?.position }.max() ?? 0
    }
}

/// An attachment of a stored message.
struct WorldAttachment: Sendable {
    var id: UInt64
    var filename: String
    var size: Int
    var contentType: String
}

/// A stored message.
struct WorldMessage: Sendable {
    var id: UInt64
    var channelID: UInt64
    var guildID: UInt64?
    var authorID: UInt64
    var content: String
    var timestampMilliseconds: UInt64
    var editedMilliseconds: UInt64?
    var tts: Bool = false
    var flags: Int = 0
    /// The rest of what the client sent (embeds, components…), as JSON text, echoed back.
    var embedsJSON: String = "[]"
    var componentsJSON: String = "[]"
    var attachments: [WorldAttachment] = []
    /// Emoji → user ids who reacted.
    var reactions: [(emoji: String, userIDs: [UInt64])] = []
    var webhookID: UInt64?
    var applicationID: UInt64?
    var nonce: String?
}

/// An author's message nonce, as Discord's `enforce_nonce` deduplicates it.
struct WorldNonceKey: Hashable, Sendable {
    var authorID: UInt64
    var nonce: String
}

/// One channel's messages, in id order.
struct WorldChannelMessages: Sendable {
    var order: [UInt64] = []
    var byID: [UInt64: WorldMessage] = [:]
}

/// A registered application command (global when guildID is nil).
struct WorldCommand: Sendable {
    var id: UInt64
    var guildID: UInt64?
    var name: String
    /// The command as the client sent it, as JSON text, so it is echoed back with the server-owned fields set.
    var json: String
}
