import ApusModel

/// A guild as the cache keeps it. Role and channel ids are read from the cached roles and channels.
public struct CachedGuild: Sendable, Hashable {
    /// The guild id.
    public var id: Snowflake
    /// The guild name (empty while unavailable and never seen).
    public var name: String
    /// The owner's user id (0 while unavailable and never seen).
    public var ownerID: Snowflake
    /// The member count Discord reported, kept current by member add/remove.
    public var memberCount: Int
    /// The guild's feature names.
    public var features: [String]
    /// True while Discord reports the guild unavailable (READY, outage).
    public var isUnavailable: Bool
    /// The cached role ids (empty when roles are not cached).
    public var roleIDs: [Snowflake]
    /// The cached channel ids (empty when channels are not cached).
    public var channelIDs: [Snowflake]

    /// Creates a cached guild.
    public init(
        id: Snowflake, name: String, ownerID: Snowflake, memberCount: Int = 0, features: [String] = [],
        isUnavailable: Bool = false, roleIDs: [Snowflake] = [], channelIDs: [Snowflake] = []
    ) {
        self.id = id
        self.name = name
        self.ownerID = ownerID
        self.memberCount = memberCount
        self.features = features
        self.isUnavailable = isUnavailable
        self.roleIDs = roleIDs
        self.channelIDs = channelIDs
    }
}

/// Stored guild fields (one per guild; role and channel ids come from the tables).
struct GuildInfo: Sendable {
    var name: String
    var ownerID: UInt64
    var memberCount: Int
    var features: [String]
    var isUnavailable: Bool

    init(_ guild: Guild) {
        name = guild.name
        ownerID = guild.ownerID.rawValue
        memberCount = guild.memberCount ?? guild.approximateMemberCount ?? guild.members?.count ?? 0
        features = guild.features
        isUnavailable = guild.unavailable ?? false
    }

    init(unavailable: Void) {
        name = ""
        ownerID = 0
        memberCount = 0
        features = []
        isUnavailable = true
    }
}
