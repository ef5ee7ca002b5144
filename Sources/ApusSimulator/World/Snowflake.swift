import Foundation

/// Discord snowflake ids and timestamps.
enum Snowflake {
    /// Discord's epoch (2015-01-01T00:00:00Z) in Unix milliseconds.
    static let discordEpochMilliseconds: UInt64 = 1_420_070_400_000

    /// A snowflake for `unixMilliseconds` with the given worker, process and increment parts.
    static func make(unixMilliseconds: UInt64, worker: UInt64 = 1, process: UInt64 = 0, increment: UInt64) -> UInt64 {
        let since = unixMilliseconds > discordEpochMilliseconds ? unixMilliseconds - discordEpochMilliseconds : 0
        return (since << 22) | ((worker & 0x1F) << 17) | ((process & 0x1F) << 12) | (increment & 0xFFF)
    }

    /// The Unix milliseconds encoded in `id`.
    static func unixMilliseconds(of id: UInt64) -> UInt64 {
        (id >> 22) + discordEpochMilliseconds
    }

    /// An ISO 8601 timestamp the way Discord writes them: `2024-02-27T19:50:51.701000+00:00`.
    static func timestamp(unixMilliseconds: UInt64) -> String {
        let seconds = Int64(unixMilliseconds / 1000)
        let millis = Int(unixMilliseconds % 1000)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d000+00:00", year, month, day, secondOfDay / 3600,
            (secondOfDay / 60) % 60, secondOfDay % 60, millis)
    }

    /// Converts days since 1970-01-01 to a (year, month, day) in the proleptic Gregorian calendar.
    private static func civilDate(daysSinceEpoch: Int64) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// Parses an ISO 8601 timestamp (`2024-01-01T00:00:00Z`, fractional seconds and offsets allowed) into Unix
    /// milliseconds, or nil.
    static func parseTimestamp(_ text: String) -> UInt64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return UInt64(max(0, date.timeIntervalSince1970 * 1000)) }
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return UInt64(max(0, date.timeIntervalSince1970 * 1000)) }
        return nil
    }
}
