import ApusModel

/// A snapshot of what Discord's permission algorithm reads: the guild owner, the roles with their permissions and
/// positions, and one channel's overwrites. Made by ``DiscordCache/permissionView(guild:channel:)``.
public struct GuildPermissionView: Sendable, Hashable {
    /// The guild.
    public var guildID: Snowflake
    /// The guild owner (who has every permission).
    public var ownerID: Snowflake
    /// The guild's roles by id (`@everyone` has the guild's id).
    public var roles: [Snowflake: CachedRole]
    /// The channel's permission overwrites (empty without a channel).
    public var channelOverwrites: [CachedOverwrite]

    /// Creates a view.
    public init(guildID: Snowflake, ownerID: Snowflake, roles: [CachedRole], channelOverwrites: [CachedOverwrite]) {
        self.guildID = guildID
        self.ownerID = ownerID
        self.roles = Dictionary(roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.channelOverwrites = channelOverwrites
    }

    /// The member's guild-level permissions: `@everyone` plus every role; everything for the owner or an administrator.
    public func basePermissions(userID: Snowflake, roleIDs: [Snowflake]) -> Permissions {
        if userID == ownerID { return Permissions(rawValue: .max) }
        var permissions = roles[guildID]?.permissions ?? []
        for id in roleIDs { permissions.formUnion(roles[id]?.permissions ?? []) }
        if permissions.contains(.administrator) { return Permissions(rawValue: .max) }
        return permissions
    }

    /// The member's permissions in the view's channel: base permissions, then the `@everyone` overwrite, the role
    /// overwrites combined, and the member's own overwrite, in Discord's order.
    public func channelPermissions(userID: Snowflake, roleIDs: [Snowflake]) -> Permissions {
        var permissions = basePermissions(userID: userID, roleIDs: roleIDs)
        if permissions.rawValue == .max { return permissions }
        if let everyone = channelOverwrites.first(where: { !$0.isMember && $0.id == guildID }) {
            permissions.subtract(everyone.deny)
            permissions.formUnion(everyone.allow)
        }
        var allow: Permissions = []
        var deny: Permissions = []
        let memberRoles = Set(roleIDs)
        for overwrite in channelOverwrites where !overwrite.isMember && memberRoles.contains(overwrite.id) {
            allow.formUnion(overwrite.allow)
            deny.formUnion(overwrite.deny)
        }
        permissions.subtract(deny)
        permissions.formUnion(allow)
        if let own = channelOverwrites.first(where: { $0.isMember && $0.id == userID }) {
            permissions.subtract(own.deny)
            permissions.formUnion(own.allow)
        }
        return permissions
    }

    /// The member's highest role (by position, then id), or nil with only `@everyone`.
    public func highestRole(roleIDs: [Snowflake]) -> CachedRole? {
        roleIDs.compactMap { roles[$0] }.max { ($0.position, $0.id) < ($1.position, $1.id) }
    }
}
