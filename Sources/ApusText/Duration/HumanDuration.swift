/// Human-readable durations, as the original's `seconds_to_human_readable` writes them.
public enum HumanDuration {
    /// The units, largest first: a month is 30 days (2,592,000 s), then week, day, hour, minute, second.
    private static let units: [(name: String, seconds: Int)] = [
        ("month", 2_592_000), ("week", 604_800), ("day", 86_400), ("hour", 3_600), ("minute", 60), ("second", 1),
    ]

    /// Describes `seconds` as its non-zero parts joined with `", "`, each with a plural `s` when it is not 1:
    /// `61` → `"1 minute, 1 second"`, `2678405` → `"1 month, 1 day, 5 seconds"`, `0` → `"zero seconds"`.
    ///
    /// A negative count is described by its magnitude with a leading `"minus "` (the original never receives one).
    public static func describe(seconds: Int) -> String {
        if seconds == 0 { return "zero seconds" }
        var remaining = seconds.magnitude
        var parts: [String] = []
        for unit in units {
            let size = UInt(unit.seconds)
            let count = remaining / size
            remaining %= size
            if count > 0 { parts.append("\(count) \(unit.name)\(count == 1 ? "" : "s")") }
        }
        let text = parts.joined(separator: ", ")
        return seconds < 0 ? "minus " + text : text
    }
}
