/// How one resource is cached: on or off, and its count and age bounds.
///
/// A disabled resource stores nothing. Age is measured from the moment an entry was last written, with the cache's
/// injected ``ApusCore/TimeSource``, at one-second resolution; expired entries are treated as misses when read and
/// removed by ``DiscordCache/sweep(now:)``.
public struct ResourcePolicy: Sendable, Hashable {
    /// Whether the resource is cached at all.
    public var isEnabled: Bool
    /// The largest number of entries kept per container (per guild for members and presences, per channel for
    /// messages); nil for no limit. When exceeded, the entries written longest ago are evicted first.
    public var maximumPerContainer: Int?
    /// The largest number of entries kept in total; nil for no limit. Messages only: the bound is split into equal
    /// shares, one per message shard (shards keyed by channel id; totals under 64 × shard count use fewer shards),
    /// and each share evicts its oldest message first, so the total never exceeds the bound.
    public var maximumTotal: Int?
    /// Entries not written for longer than this are expired; nil for no age limit.
    public var maximumAge: Duration?

    /// Creates a policy.
    public init(isEnabled: Bool = true, maximumPerContainer: Int? = nil, maximumTotal: Int? = nil, maximumAge: Duration? = nil) {
        self.isEnabled = isEnabled
        self.maximumPerContainer = maximumPerContainer
        self.maximumTotal = maximumTotal
        self.maximumAge = maximumAge
    }

    /// A resource that is cached without bounds.
    public static let unbounded = ResourcePolicy()
    /// A resource that is not cached.
    public static let disabled = ResourcePolicy(isEnabled: false)
}

/// The whole cache's configuration: one ``ResourcePolicy`` per ``CacheResource`` and the shard count.
public struct CacheConfiguration: Sendable, Hashable {
    /// Guild records.
    public var guilds: ResourcePolicy = .unbounded
    /// Channels and threads.
    public var channels: ResourcePolicy = .unbounded
    /// Roles.
    public var roles: ResourcePolicy = .unbounded
    /// Members; `maximumPerContainer` bounds members per guild.
    public var members: ResourcePolicy = .unbounded
    /// Users (kept while at least one cached member or the bot itself refers to them).
    public var users: ResourcePolicy = .unbounded
    /// Presences; off by default like the privileged intent they need.
    public var presences: ResourcePolicy = .disabled
    /// Messages; by default at most 1,000 per channel and 10,000 in total.
    public var messages = ResourcePolicy(maximumPerContainer: 1_000, maximumTotal: 10_000)
    /// Voice states.
    public var voiceStates: ResourcePolicy = .unbounded
    /// Number of lock shards for guild data (keyed by guild id) and for messages (keyed by channel id), at least 1.
    public var shardCount: Int = 16
    /// Whether cached message content is kept compressed with a fixed chat-text Huffman code (about 55-65 % of the
    /// UTF-8 size for English chat; content the code does not shorten is kept as is). Costs a few microseconds per
    /// long message when it is cached and when it is read back; off keeps the plain UTF-8 bytes.
    public var compressesMessageContent = true

    /// The default configuration: everything on except presences; messages bounded.
    public init() {}

    /// The policy of one resource.
    public subscript(resource: CacheResource) -> ResourcePolicy {
        get {
            switch resource {
            case .guilds: guilds
            case .channels: channels
            case .roles: roles
            case .members: members
            case .users: users
            case .presences: presences
            case .messages: messages
            case .voiceStates: voiceStates
            }
        }
        set {
            switch resource {
            case .guilds: guilds = newValue
            case .channels: channels = newValue
            case .roles: roles = newValue
            case .members: members = newValue
            case .users: users = newValue
            case .presences: presences = newValue
            case .messages: messages = newValue
            case .voiceStates: voiceStates = newValue
            }
        }
    }

    /// A configuration with every resource switched off.
    public static var nothing: CacheConfiguration {
        var configuration = CacheConfiguration()
        for resource in CacheResource.allCases { configuration[resource] = .disabled }
        return configuration
    }
}
