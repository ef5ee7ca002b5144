import ApusModel

/// A permission overwrite in compact form.
public struct CachedOverwrite: Sendable, Hashable {
    /// The role or member the overwrite targets.
    public var id: Snowflake
    /// True for a member overwrite, false for a role overwrite.
    public var isMember: Bool
    /// Permissions granted.
    public var allow: Permissions
    /// Permissions denied.
    public var deny: Permissions

    /// Creates an overwrite.
    public init(id: Snowflake, isMember: Bool, allow: Permissions, deny: Permissions) {
        self.id = id
        self.isMember = isMember
        self.allow = allow
        self.deny = deny
    }
}

/// A guild channel or thread as the cache keeps it: about 90 bytes plus the name's and overwrites' heap storage.
public struct CachedChannel: Sendable, Hashable {
    /// The channel id.
    public var id: Snowflake
    /// The channel type.
    public var type: ChannelType
    /// The guild.
    public var guildID: Snowflake
    /// The channel name.
    public var name: String?
    /// The sorting position.
    public var position: Int32
    /// The category (or, for a thread, the parent channel).
    public var parentID: Snowflake?
    /// The permission overwrites (empty for threads, which use their parent's).
    public var overwrites: [CachedOverwrite]
    /// Slow-mode delay in seconds.
    public var rateLimitPerUser: Int32

    /// Creates a cached channel.
    public init(
        id: Snowflake, type: ChannelType, guildID: Snowflake, name: String? = nil, position: Int32 = 0,
        parentID: Snowflake? = nil, overwrites: [CachedOverwrite] = [], rateLimitPerUser: Int32 = 0
    ) {
        self.id = id
        self.type = type
        self.guildID = guildID
        self.name = name
        self.position = position
        self.parentID = parentID
        self.overwrites = overwrites
        self.rateLimitPerUser = rateLimitPerUser
    }

    /// The slim copy of a decoded channel in `guildID`.
    public init(_ channel: Channel, guildID: Snowflake) {
        self.init(
            id: channel.id, type: channel.type, guildID: guildID, name: channel.name,
            position: Int32(clamping: channel.position ?? 0), parentID: channel.parentID,
            overwrites: (channel.permissionOverwrites ?? []).map {
                CachedOverwrite(id: $0.id, isMember: $0.type == .member, allow: $0.allow, deny: $0.deny)
            },
            rateLimitPerUser: Int32(clamping: channel.rateLimitPerUser ?? 0)
        )
    }

    /// Whether this is a thread (its permissions come from ``parentID``).
    public var isThread: Bool {
        switch type {
        case .announcementThread, .publicThread, .privateThread: true
        default: false
        }
    }
}

extension CachedChannel: IDKeyedRecord {
    var key: UInt64 { id.rawValue }
}
