import ApusModel

/// A guild role as the cache keeps it. Stored as is (a guild has at most 250 roles): about 64 bytes plus the name's
/// heap storage when longer than 15 UTF-8 bytes.
public struct CachedRole: Sendable, Hashable {
    /// The role id (equal to the guild id for `@everyone`).
    public var id: Snowflake
    /// The role name.
    public var name: String
    /// The permissions the role grants.
    public var permissions: Permissions
    /// The position in the hierarchy (higher is more powerful; ties broken by id).
    public var position: Int32
    /// The colour as `0xRRGGBB` (0 = none).
    public var color: UInt32
    /// Shown separately in the member list.
    public var isHoisted: Bool
    /// Managed by an integration.
    public var isManaged: Bool
    /// Mentionable by everyone.
    public var isMentionable: Bool

    /// Creates a cached role.
    public init(
        id: Snowflake, name: String, permissions: Permissions, position: Int32, color: UInt32 = 0, isHoisted: Bool = false,
        isManaged: Bool = false, isMentionable: Bool = false
    ) {
        self.id = id
        self.name = name
        self.permissions = permissions
        self.position = position
        self.color = color
        self.isHoisted = isHoisted
        self.isManaged = isManaged
        self.isMentionable = isMentionable
    }

    /// The slim copy of a decoded role.
    public init(_ role: Role) {
        self.init(
            id: role.id, name: role.name, permissions: role.permissions, position: Int32(clamping: role.position),
            color: UInt32(truncatingIfNeeded: role.color), isHoisted: role.hoist, isManaged: role.managed,
            isMentionable: role.mentionable
        )
    }
}

extension CachedRole: IDKeyedRecord {
    var key: UInt64 { id.rawValue }
}
