import ApusCore
import ApusModel

/// Compact time encodings used inside stored records.
enum CacheClock {
    /// Whole seconds of monotonic time, saturated to `UInt32` (136 years of uptime).
    static func seconds(_ time: MonotonicTime) -> UInt32 {
        let value = time.nanoseconds / 1_000_000_000
        return UInt32(clamping: max(0, value))
    }

    /// Entries whose write second is below this value are expired at `now` under `maximumAge`; 0 (nothing expires)
    /// without an age limit. With one-second resolution an entry expires at most one second late, never early.
    static func freshnessThreshold(now: MonotonicTime, maximumAge: Duration?) -> UInt32 {
        guard let maximumAge else { return 0 }
        let limit = now - maximumAge
        guard limit.nanoseconds > 0 else { return 0 }
        return seconds(limit)
    }

    /// Seconds since the Discord epoch (2015-01-01) of a timestamp; 0 for nil or earlier instants.
    static func discordSeconds(_ timestamp: DiscordTimestamp?) -> UInt32 {
        guard let timestamp else { return 0 }
        let unixSeconds = timestamp.microsecondsSinceEpoch / 1_000_000
        let sinceDiscordEpoch = unixSeconds - Int64(Snowflake.discordEpochMilliseconds / 1000)
        return UInt32(clamping: max(0, sinceDiscordEpoch))
    }

    /// The timestamp for seconds since the Discord epoch; nil for 0.
    static func timestamp(discordSeconds: UInt32) -> DiscordTimestamp? {
        guard discordSeconds != 0 else { return nil }
        let unixSeconds = Int64(discordSeconds) + Int64(Snowflake.discordEpochMilliseconds / 1000)
        return DiscordTimestamp(microsecondsSinceEpoch: unixSeconds * 1_000_000)
    }
}
