import ApusCore
import ApusModel

/// The cooldown state machine: fixed windows per (command, bucket key), memory bounded by pruning expired windows
/// and, past ``maximumEntries``, evicting the windows that end soonest.
public struct CooldownTracker: Sendable {
    /// Identifies one bucket of one command.
    public struct Key: Sendable, Hashable {
        /// The command's qualified name.
        public var command: String
        /// The ids that select the bucket (user, channel, guild, …).
        public var scope: [Snowflake]
    }

    private struct Window: Sendable {
        var ends: MonotonicTime
        var uses: Int
    }

    /// The most buckets kept at once.
    public let maximumEntries: Int
    private var windows: [Key: Window] = [:]
    private var lastPrune = MonotonicTime.zero

    /// Creates a tracker.
    public init(maximumEntries: Int = 10_000) {
        self.maximumEntries = max(1, maximumEntries)
    }

    /// The number of buckets currently held.
    public var entryCount: Int { windows.count }

    /// The bucket key of an invocation under `policy`.
    public static func key(command: String, policy: CooldownPolicy, userID: Snowflake, channelID: Snowflake, guildID: Snowflake?) -> Key {
        let scope: [Snowflake] = switch policy.bucket {
        case .user: [userID]
        case .channel: [channelID]
        case .guild: [guildID ?? channelID]
        case .member: [guildID ?? channelID, userID]
        case .global: []
        }
        return Key(command: command, scope: scope)
    }

    /// Records one use at `now`: returns nil when allowed, or the time left until the bucket resets.
    public mutating func use(_ key: Key, policy: CooldownPolicy, now: MonotonicTime) -> Duration? {
        if now - lastPrune >= .seconds(60) || windows.count >= maximumEntries {
            prune(now: now)
        }
        if var window = windows[key], window.ends > now {
            if window.uses >= policy.rate { return window.ends - now }
            window.uses += 1
            windows[key] = window
            return nil
        }
        windows[key] = Window(ends: now + policy.period, uses: 1)
        return nil
    }

    /// Drops expired windows; if still full, drops the windows that end soonest until there is room.
    public mutating func prune(now: MonotonicTime) {
        lastPrune = now
        windows = windows.filter { $0.value.ends > now }
        if windows.count >= maximumEntries {
            let excess = windows.count - maximumEntries + 1
            let soonest = windows.sorted { $0.value.ends < $1.value.ends }.prefix(excess).map(\.key)
            for key in soonest { windows.removeValue(forKey: key) }
        }
    }
}
