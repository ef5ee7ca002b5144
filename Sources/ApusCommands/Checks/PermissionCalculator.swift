import ApusModel

/// Discord's documented permission algorithm as a pure function: base permissions from @everyone and the member's
/// roles, then channel overwrites in the order @everyone → roles (denies, then allows, combined) → member; the guild
/// owner and administrators get everything; a timed-out member keeps only View Channel and Read Message History.
public enum PermissionCalculator {
    /// Every permission bit Discord currently defines (0-52).
    public static let all = Permissions(rawValue: (1 << 53) - 1)

    /// One channel permission overwrite.
    public struct Overwrite: Sendable, Hashable {
        /// Whether `id` is a role or a member.
        public enum Target: Sendable, Hashable {
            /// The overwrite applies to a role (the @everyone role has the guild's id).
            case role
            /// The overwrite applies to one member.
            case member
        }

        /// The role or user id.
        public var id: Snowflake
        /// Role or member.
        public var target: Target
        /// Bits granted.
        public var allow: Permissions
        /// Bits removed.
        public var deny: Permissions

        /// Creates an overwrite.
        public init(id: Snowflake, target: Target, allow: Permissions = [], deny: Permissions = []) {
            self.id = id
            self.target = target
            self.allow = allow
            self.deny = deny
        }

        /// Converts a received overwrite; returns nil for unknown overwrite types.
        public init?(_ overwrite: PermissionOverwrite) {
            switch overwrite.type {
            case .role: target = .role
            case .member: target = .member
            case .unknown: return nil
            }
            id = overwrite.id
            allow = overwrite.allow
            deny = overwrite.deny
        }
    }

    /// The guild-level permissions of a member.
    /// - Parameters:
    ///   - memberID: the member's user id.
    ///   - ownerID: the guild owner's id.
    ///   - everyonePermissions: the @everyone role's permissions.
    ///   - rolePermissions: the permissions of each of the member's other roles.
    ///   - isTimedOut: whether the member's communication is disabled right now.
    public static func basePermissions(
        memberID: Snowflake, ownerID: Snowflake, everyonePermissions: Permissions, rolePermissions: [Permissions],
        isTimedOut: Bool = false
    ) -> Permissions {
        if memberID == ownerID { return all }
        var permissions = everyonePermissions
        for role in rolePermissions { permissions.formUnion(role) }
        if permissions.contains(.administrator) { return all }
        if isTimedOut { permissions.formIntersection([.viewChannel, .readMessageHistory]) }
        return permissions
    }

    /// The permissions of a member in a channel.
    /// - Parameters:
    ///   - guildID: the guild's id (also the @everyone role's id).
    ///   - memberRoleIDs: the member's role ids (without @everyone).
    ///   - overwrites: the channel's overwrites, in any order.
    ///   - Other parameters as in ``basePermissions(memberID:ownerID:everyonePermissions:rolePermissions:isTimedOut:)``.
    public static func channelPermissions(
        memberID: Snowflake, guildID: Snowflake, ownerID: Snowflake, everyonePermissions: Permissions,
        memberRoleIDs: [Snowflake], rolePermissions: [Permissions], overwrites: [Overwrite], isTimedOut: Bool = false
    ) -> Permissions {
        if memberID == ownerID { return all }
        var everyoneAndRoles = everyonePermissions
        for role in rolePermissions { everyoneAndRoles.formUnion(role) }
        if everyoneAndRoles.contains(.administrator) { return all }

        var permissions = everyoneAndRoles
        if let everyone = overwrites.first(where: { $0.target == .role && $0.id == guildID }) {
            permissions.subtract(everyone.deny)
            permissions.formUnion(everyone.allow)
        }
        var roleAllow: Permissions = []
        var roleDeny: Permissions = []
        let roleSet = Set(memberRoleIDs)
        for overwrite in overwrites where overwrite.target == .role && overwrite.id != guildID && roleSet.contains(overwrite.id) {
            roleAllow.formUnion(overwrite.allow)
            roleDeny.formUnion(overwrite.deny)
        }
        permissions.subtract(roleDeny)
        permissions.formUnion(roleAllow)
        if let member = overwrites.first(where: { $0.target == .member && $0.id == memberID }) {
            permissions.subtract(member.deny)
            permissions.formUnion(member.allow)
        }

        if isTimedOut { permissions.formIntersection([.viewChannel, .readMessageHistory]) }
        // Implicit permissions: no View Channel means nothing; no Send Messages removes what depends on it.
        if !permissions.contains(.viewChannel) { return [] }
        if !permissions.contains(.sendMessages) {
            permissions.subtract([.sendTTSMessages, .mentionEveryone, .embedLinks, .attachFiles])
        }
        return permissions
    }
}
