import ApusModel

/// Which uses share a cooldown.
public enum CooldownBucket: Sendable, Hashable {
    /// One bucket per user, everywhere.
    case user
    /// One bucket per channel.
    case channel
    /// One bucket per guild (per DM channel outside guilds).
    case guild
    /// One bucket per user per guild.
    case member
    /// One bucket for everyone.
    case global
}

/// `rate` uses per `period` per bucket.
public struct CooldownPolicy: Sendable, Hashable {
    /// Uses allowed in a window.
    public var rate: Int
    /// The window length.
    public var period: Duration
    /// The bucket kind.
    public var bucket: CooldownBucket

    /// Creates a policy.
    public init(rate: Int, per period: Duration, bucket: CooldownBucket) {
        self.rate = max(1, rate)
        self.period = period
        self.bucket = bucket
    }
}
