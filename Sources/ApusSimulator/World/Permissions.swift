/// Discord permission bits the simulator checks, and the permission computation (roles, @everyone, overwrites).
public enum SimulatorPermission {
    /// CREATE_INSTANT_INVITE.
    public static let createInstantInvite: UInt64 = 1 << 0
    /// KICK_MEMBERS.
    public static let kickMembers: UInt64 = 1 << 1
    /// BAN_MEMBERS.
    public static let banMembers: UInt64 = 1 << 2
    /// ADMINISTRATOR.
    public static let administrator: UInt64 = 1 << 3
    /// MANAGE_CHANNELS.
    public static let manageChannels: UInt64 = 1 << 4
    /// MANAGE_GUILD.
    public static let manageGuild: UInt64 = 1 << 5
    /// ADD_REACTIONS.
    public static let addReactions: UInt64 = 1 << 6
    /// VIEW_CHANNEL.
    public static let viewChannel: UInt64 = 1 << 10
    /// SEND_MESSAGES.
    public static let sendMessages: UInt64 = 1 << 11
    /// MANAGE_MESSAGES.
    public static let manageMessages: UInt64 = 1 << 13
    /// EMBED_LINKS.
    public static let embedLinks: UInt64 = 1 << 14
    /// ATTACH_FILES.
    public static let attachFiles: UInt64 = 1 << 15
    /// READ_MESSAGE_HISTORY.
    public static let readMessageHistory: UInt64 = 1 << 16
    /// CONNECT.
    public static let connect: UInt64 = 1 << 20
    /// SPEAK.
    public static let speak: UInt64 = 1 << 21
    /// MANAGE_NICKNAMES.
    public static let manageNicknames: UInt64 = 1 << 27
    /// MANAGE_ROLES.
    public static let manageRoles: UInt64 = 1 << 28
    /// MODERATE_MEMBERS (timeouts).
    public static let moderateMembers: UInt64 = 1 << 40

    /// Everything.
    public static let all: UInt64 = (1 << 51) - 1

    /// The guild-level permissions of a member with `roleIDs` (plus @everyone, whose id is the guild's).
    static func base(guild: WorldGuild, memberUserID: UInt64, roleIDs: [UInt64]) -> UInt64 {
        if guild.ownerID == memberUserID { return all }
        var permissions = guild.role(guild.id)?.permissions ?? 0
        for roleID in roleIDs { permissions |= guild.role(roleID)?.permissions ?? 0 }
        return permissions & administrator != 0 ? all : permissions
    }

    /// The permissions of a member in `channel`: base permissions, then @everyone, role and member overwrites.
    static func inChannel(guild: WorldGuild, channel: WorldChannel, memberUserID: UInt64, roleIDs: [UInt64]) -> UInt64 {
        var permissions = base(guild: guild, memberUserID: memberUserID, roleIDs: roleIDs)
        if permissions & administrator != 0 { return all }
        if let everyone = channel.overwrites.first(where: { $0.id == guild.id }) {
            permissions = (permissions & ~everyone.deny) | everyone.allow
        }
        var allow: UInt64 = 0
        var deny: UInt64 = 0
        for overwrite in channel.overwrites where overwrite.isRole && roleIDs.contains(overwrite.id) {
            allow |= overwrite.allow
            deny |= overwrite.deny
        }
        permissions = (permissions & ~deny) | allow
        if let member = channel.overwrites.first(where: { !$0.isRole && $0.id == memberUserID }) {
            permissions = (permissions & ~member.deny) | member.allow
        }
        return permissions
    }
}
