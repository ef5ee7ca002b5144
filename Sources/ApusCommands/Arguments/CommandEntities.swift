import ApusModel

/// The slim user shape commands work with.
public struct CommandUser: Sendable, Hashable {
    /// The user id.
    public var id: Snowflake
    /// The unique username.
    public var username: String
    /// The legacy discriminator ("0" for migrated users).
    public var discriminator: String
    /// The display name chosen by the user.
    public var globalName: String?
    /// Whether the account is a bot.
    public var isBot: Bool

    /// Creates a user.
    public init(id: Snowflake, username: String, discriminator: String = "0", globalName: String? = nil, isBot: Bool = false) {
        self.id = id
        self.username = username
        self.discriminator = discriminator
        self.globalName = globalName
        self.isBot = isBot
    }

    /// Converts a received user.
    public init(_ user: User) {
        self.init(
            id: user.id, username: user.username, discriminator: user.discriminator, globalName: user.globalName,
            isBot: user.bot ?? false
        )
    }

    /// The name to show: the global name, else the username.
    public var displayName: String { globalName ?? username }
}

/// The slim guild-member shape commands work with.
public struct CommandMember: Sendable, Hashable {
    /// The member's user.
    public var user: CommandUser
    /// The guild nickname.
    public var nick: String?
    /// The member's role ids (without @everyone).
    public var roleIDs: [Snowflake]
    /// Whether the member is timed out at the time of the command.
    public var isTimedOut: Bool

    /// Creates a member.
    public init(user: CommandUser, nick: String? = nil, roleIDs: [Snowflake] = [], isTimedOut: Bool = false) {
        self.user = user
        self.nick = nick
        self.roleIDs = roleIDs
        self.isTimedOut = isTimedOut
    }

    /// Converts a received member; `user` supplies the user when the member object has none (interaction data).
    /// - Parameter nowMicroseconds: the current wall time, to decide whether a timeout is still running.
    public init?(_ member: GuildMember, user: User? = nil, nowMicroseconds: Int64) {
        guard let user = member.user ?? user else { return nil }
        let timedOut = member.communicationDisabledUntil.map { $0.microsecondsSinceEpoch > nowMicroseconds } ?? false
        self.init(user: CommandUser(user), nick: member.nick, roleIDs: member.roles, isTimedOut: timedOut)
    }

    /// The member's id.
    public var id: Snowflake { user.id }
    /// The name to show: nickname, else global name, else username.
    public var displayName: String { nick ?? user.displayName }
}

/// The slim role shape commands work with.
public struct CommandRole: Sendable, Hashable {
    /// The role id (the @everyone role has the guild's id).
    public var id: Snowflake
    /// The role name.
    public var name: String
    /// The position in the hierarchy (higher is more powerful).
    public var position: Int
    /// The role's permissions.
    public var permissions: Permissions

    /// Creates a role.
    public init(id: Snowflake, name: String, position: Int, permissions: Permissions = []) {
        self.id = id
        self.name = name
        self.position = position
        self.permissions = permissions
    }

    /// Converts a received role.
    public init(_ role: Role) {
        self.init(id: role.id, name: role.name, position: role.position, permissions: role.permissions)
    }
}

/// The slim channel shape commands work with.
public struct CommandChannel: Sendable, Hashable {
    /// The channel id.
    public var id: Snowflake
    /// The channel name (nil for DMs).
    public var name: String?
    /// The channel type.
    public var type: ChannelType
    /// The guild, if any.
    public var guildID: Snowflake?
    /// The channel's permission overwrites.
    public var overwrites: [PermissionCalculator.Overwrite]

    /// Creates a channel.
    public init(
        id: Snowflake, name: String?, type: ChannelType = .guildText, guildID: Snowflake? = nil,
        overwrites: [PermissionCalculator.Overwrite] = []
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.guildID = guildID
        self.overwrites = overwrites
    }

    /// Converts a received channel.
    public init(_ channel: Channel) {
        self.init(
            id: channel.id, name: channel.name, type: channel.type, guildID: channel.guildID,
            overwrites: (channel.permissionOverwrites ?? []).compactMap(PermissionCalculator.Overwrite.init)
        )
    }
}

/// The slim guild shape commands work with: owner and roles (the @everyone role included).
public struct CommandGuild: Sendable, Hashable {
    /// The guild id.
    public var id: Snowflake
    /// The owner's user id.
    public var ownerID: Snowflake
    /// Every role, @everyone included.
    public var roles: [CommandRole]

    /// Creates a guild.
    public init(id: Snowflake, ownerID: Snowflake, roles: [CommandRole]) {
        self.id = id
        self.ownerID = ownerID
        self.roles = roles
    }

    /// The role with this id.
    public func role(_ id: Snowflake) -> CommandRole? { roles.first { $0.id == id } }

    /// The @everyone role's permissions.
    public var everyonePermissions: Permissions { role(id)?.permissions ?? [] }

    /// The highest position among a member's roles (0, the @everyone position, when they have none).
    public func topPosition(of member: CommandMember) -> Int {
        member.roleIDs.compactMap { role($0)?.position }.max() ?? 0
    }

    /// A member's permissions in a channel (or guild-wide when `channel` is nil).
    public func permissions(of member: CommandMember, in channel: CommandChannel?) -> Permissions {
        let rolePermissions = member.roleIDs.compactMap { role($0)?.permissions }
        guard let channel else {
            return PermissionCalculator.basePermissions(
                memberID: member.id, ownerID: ownerID, everyonePermissions: everyonePermissions,
                rolePermissions: rolePermissions, isTimedOut: member.isTimedOut
            )
        }
        return PermissionCalculator.channelPermissions(
            memberID: member.id, guildID: id, ownerID: ownerID, everyonePermissions: everyonePermissions,
            memberRoleIDs: member.roleIDs, rolePermissions: rolePermissions, overwrites: channel.overwrites,
            isTimedOut: member.isTimedOut
        )
    }
}

/// An attachment given as an argument.
public struct CommandAttachment: Sendable, Hashable {
    /// The attachment id.
    public var id: Snowflake
    /// The file name.
    public var filename: String
    /// Size in bytes.
    public var size: Int
    /// The CDN URL.
    public var url: String
    /// The MIME type, when Discord knows it.
    public var contentType: String?

    /// Creates an attachment.
    public init(id: Snowflake, filename: String, size: Int, url: String, contentType: String? = nil) {
        self.id = id
        self.filename = filename
        self.size = size
        self.url = url
        self.contentType = contentType
    }

    /// Converts a received attachment.
    public init(_ attachment: Attachment) {
        self.init(
            id: attachment.id, filename: attachment.filename, size: attachment.size, url: attachment.url,
            contentType: attachment.contentType
        )
    }
}
