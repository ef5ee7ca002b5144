/// Reading and writing the time-out values of a PostgreSQL store: the `statement_timeout` URL parameter and the
/// value sent to the server as a startup parameter.
///
/// The grammar follows PostgreSQL's own for `statement_timeout`: a whole number with an optional unit `ms`, `s`,
/// `min` or `h`; a number without a unit is milliseconds; `0` turns the deadline off.
enum PostgresTimeoutParameter {
    /// The longest time-out accepted (one day); PostgreSQL itself stops at about 24.8 days.
    static let maximum: Duration = .seconds(86_400)

    /// Parses `text` (for example `5s`, `250ms`, `2min`, `1500`); returns `nil` for `0` (no deadline). Throws a
    /// ``StoreError`` of kind `invalidConfiguration` that names `parameter` and the bad value.
    static func parse(_ text: String, parameter: String) throws(StoreError) -> Duration? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).lowercased()
        let problem = StoreError(
            .invalidConfiguration,
            "database URL \(parameter) must be a whole number with an optional unit ms, s, min or h "
                + "(for example 5s; 0 turns it off), got '\(text)'")
        guard !digits.isEmpty, digits.count <= 12, let amount = Int64(digits) else { throw problem }
        let duration: Duration
        switch unit {
        case "", "ms": duration = .milliseconds(amount)
        case "s": duration = .seconds(amount)
        case "min": duration = .seconds(amount * 60)
        case "h": duration = .seconds(amount * 3_600)
        default: throw problem
        }
        if amount == 0 { return nil }
        guard duration <= maximum else {
            throw StoreError(
                .invalidConfiguration, "database URL \(parameter) must be at most 24h, got '\(text)'")
        }
        return duration
    }

    /// The whole milliseconds in `duration`, at least 1 for any positive duration (PostgreSQL reads `0` as
    /// "no time-out").
    static func milliseconds(_ duration: Duration) -> Int64 {
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        let capped = min(seconds, maximum.components.seconds * 30)
        return max(capped * 1_000 + attoseconds / 1_000_000_000_000_000, 1)
    }

    /// A short human form of `duration` for error messages: `1s`, `250ms`, `1.5s`.
    static func describe(_ duration: Duration) -> String {
        let milliseconds = milliseconds(duration)
        if milliseconds % 1_000 == 0 { return "\(milliseconds / 1_000)s" }
        if milliseconds < 1_000 { return "\(milliseconds)ms" }
        return "\(Double(milliseconds) / 1_000)s"
    }
}
