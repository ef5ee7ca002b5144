/// The typed `[bot]` section of a resolved configuration.
public struct BotSettings: Sendable, Hashable, CustomStringConvertible {
    /// Every gateway intent bit Discord defines today (bits 0 to 25).
    public static let allIntentBits = (1 << 26) - 1
    /// GUILDS, GUILD_MEMBERS, GUILD_MESSAGES, GUILD_MESSAGE_REACTIONS, DIRECT_MESSAGES, MESSAGE_CONTENT.
    public static let defaultIntents = (1 << 0) | (1 << 1) | (1 << 9) | (1 << 10) | (1 << 12) | (1 << 15)

    /// The default of ``resumeMaximumAge``: 3 minutes (Discord keeps a session resumable for a few minutes).
    public static let defaultResumeMaximumAge = Duration.seconds(180)
    /// The default of ``shutdownTimeout``: 30 seconds.
    public static let defaultShutdownTimeout = Duration.seconds(30)
    /// The default of ``restTimeout``: 30 seconds.
    public static let defaultRESTTimeout = Duration.seconds(30)
    /// The default of ``jobRetryDelay``: 5 seconds.
    public static let defaultJobRetryDelay = Duration.seconds(5)
    /// The default of ``jobRetryMaximumDelay``: 5 minutes.
    public static let defaultJobRetryMaximumDelay = Duration.seconds(300)

    /// Name of the environment variable that holds the token.
    public var tokenEnvironmentVariable: String
    /// The bot token read from that variable, if it was set and not empty.
    public var token: SecretText?
    /// Prefix of text commands (guilds may override it).
    public var prefix: String
    /// Users who may run owner-only commands.
    public var ownerIDs: [UInt64]
    /// Gateway intents bit set.
    public var intents: Int
    /// Total shard count, or `nil` for Discord's recommendation.
    public var shardTotal: Int?
    /// The shard ids this process runs, or `nil` for all of them.
    public var shardRange: ClosedRange<Int>?
    /// The database URL (may hold a password).
    public var databaseURL: SecretText
    /// Lowest log level written.
    public var logLevel: String
    /// Stored gateway sessions older than this are not resumed at start.
    public var resumeMaximumAge: Duration
    /// How long a graceful stop may take.
    public var shutdownTimeout: Duration
    /// How long one REST request may take, clamped to 1 s…10 min.
    public var restTimeout: Duration
    /// The wait before a transiently failed job runs again, clamped to 10 ms…1 h.
    public var jobRetryDelay: Duration
    /// The cap on that wait as it doubles, clamped to `jobRetryDelay`…1 day.
    public var jobRetryMaximumDelay: Duration

    /// Reads the typed `[bot]` table (already validated) and the token from `environment`.
    init(table: [String: ConfigValue], environment: [String: String]) {
        func string(_ key: String, _ fallback: String) -> String {
            if case .string(let text) = table[key] { return text }
            return fallback
        }
        func integer(_ key: String) -> Int? {
            if case .integer(let number) = table[key] { return number }
            return nil
        }
        func duration(_ key: String, _ fallback: Duration) -> Duration {
            if case .duration(let value) = table[key] { return value }
            return fallback
        }
        tokenEnvironmentVariable = string("token_env", "DISCORD_TOKEN")
        if let token = environment[tokenEnvironmentVariable], !token.isEmpty {
            self.token = SecretText(token)
        } else {
            self.token = nil
        }
        prefix = string("prefix", "!")
        ownerIDs = (table["owner_ids"]?.arrayElements ?? []).compactMap { element in
            if case .snowflake(let id) = element { return id }
            return nil
        }
        intents = integer("intents") ?? BotSettings.defaultIntents
        shardTotal = integer("shard_total")
        if let first = integer("shard_first"), let last = integer("shard_last"), first <= last {
            shardRange = first...last
        } else {
            shardRange = nil
        }
        databaseURL = SecretText(string("database_url", "sqlite://apus.sqlite"))
        logLevel = string("log_level", "info")
        resumeMaximumAge = duration("resume_max_age", BotSettings.defaultResumeMaximumAge)
        shutdownTimeout = duration("shutdown_timeout", BotSettings.defaultShutdownTimeout)
        restTimeout = min(max(duration("rest_timeout", BotSettings.defaultRESTTimeout), .seconds(1)), .seconds(600))
        jobRetryDelay = min(max(duration("job_retry_delay", BotSettings.defaultJobRetryDelay), .milliseconds(10)), .seconds(3_600))
        jobRetryMaximumDelay = min(
            max(duration("job_retry_max_delay", BotSettings.defaultJobRetryMaximumDelay), jobRetryDelay), .seconds(86_400))
    }

    /// The settings with the token and database URL redacted.
    public var description: String {
        let shards = shardRange.map { "\($0.lowerBound)...\($0.upperBound)" } ?? "all"
        return "BotSettings(tokenEnvironmentVariable: \(tokenEnvironmentVariable), token: \(token == nil ? "unset" : SecretText.placeholder), "
            + "prefix: \(ConfigValue.string(prefix)), ownerIDs: \(ownerIDs), intents: \(intents), "
            + "shardTotal: \(shardTotal.map(String.init) ?? "auto"), shards: \(shards), databaseURL: \(databaseURL), logLevel: \(logLevel), "
            + "resumeMaximumAge: \(resumeMaximumAge), shutdownTimeout: \(shutdownTimeout), restTimeout: \(restTimeout), "
            + "jobRetryDelay: \(jobRetryDelay), jobRetryMaximumDelay: \(jobRetryMaximumDelay))"
    }

    /// Cross-key checks of the `[bot]` table: shard_first and shard_last go together, in order, below
    /// shard_total. Returns the path and problem of each violation.
    static func crossCheck(_ table: [String: ConfigValue]) -> [(key: String, kind: ConfigIssue.Kind)] {
        func integer(_ key: String) -> Int? {
            if case .integer(let number) = table[key] { return number }
            return nil
        }
        var problems: [(key: String, kind: ConfigIssue.Kind)] = []
        let first = integer("shard_first")
        let last = integer("shard_last")
        switch (first, last) {
        case (nil, nil): break
        case (.some, nil):
            problems.append(("shard_last", .missingRequired(expected: "integer, because shard_first is set")))
        case (nil, .some):
            problems.append(("shard_first", .missingRequired(expected: "integer, because shard_last is set")))
        case (.some(let first), .some(let last)):
            if first > last {
                problems.append(("shard_last", .outOfRange(expected: "at least shard_first (\(first))", found: String(last))))
            }
            if let total = integer("shard_total"), last >= total {
                problems.append(("shard_last", .outOfRange(expected: "below shard_total (\(total))", found: String(last))))
            }
        }
        return problems
    }
}
