extension ConfigSection {
    /// The core `[bot]` section.
    public static let bot = ConfigSection(
        "bot", doc: "Core settings of the bot.",
        keys: [
            ConfigKey(
                "token_env", .string(), default: .string("DISCORD_TOKEN"),
                doc: "Name of the environment variable holding the bot token (the token never goes in the file)."),
            ConfigKey(
                "prefix", .string(), default: .string("!"), guildOverridable: true,
                doc: "Prefix of text commands."),
            ConfigKey(
                "owner_ids", .array(of: .snowflake), default: .array([]),
                doc: "Users who may run owner-only commands."),
            ConfigKey(
                "intents", .integer(range: 0...BotSettings.allIntentBits), default: .integer(BotSettings.defaultIntents),
                doc: "Gateway intents bit set (default: guilds, members, messages, reactions, DMs, message content)."),
            ConfigKey(
                "shard_total", .integer(range: 1...65_536),
                doc: "Total number of shards; leave out to use Discord's recommended count."),
            ConfigKey(
                "shard_first", .integer(range: 0...65_535),
                doc: "First shard id this process runs (set together with shard_last)."),
            ConfigKey(
                "shard_last", .integer(range: 0...65_535),
                doc: "Last shard id this process runs (inclusive; set together with shard_first)."),
            ConfigKey(
                "database_url", .string(), default: .string("sqlite://apus.sqlite"), secret: true,
                doc: "Database: sqlite://path or postgres://user:password@host/db (also APUS_DATABASE_URL)."),
            ConfigKey(
                "resume_max_age", .duration, default: .duration(BotSettings.defaultResumeMaximumAge),
                doc: "A restarted bot resumes the gateway sessions it stored at its last stop if they are younger than this."),
            ConfigKey(
                "shutdown_timeout", .duration, default: .duration(BotSettings.defaultShutdownTimeout),
                doc: "How long a graceful stop (SIGTERM/SIGINT) may take before the process exits anyway, non-zero."),
            ConfigKey(
                "rest_timeout", .duration, default: .duration(BotSettings.defaultRESTTimeout),
                doc: "How long one request to Discord's REST API may take before it fails as a timeout (1s to 10m)."),
            ConfigKey(
                "job_retry_delay", .duration, default: .duration(BotSettings.defaultJobRetryDelay),
                doc: "A scheduled job (temp-ban expiry, reminder) that failed because Discord was unreachable, slow or "
                    + "answering 5xx/429 runs again after this, doubling per failure up to job_retry_max_delay; it is never given up."),
            ConfigKey(
                "job_retry_max_delay", .duration, default: .duration(BotSettings.defaultJobRetryMaximumDelay),
                doc: "The longest wait between two tries of a failing job: once Discord is back, every job runs within it."),
            ConfigKey(
                "log_level", .string(choices: ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
                default: .string("info"), doc: "Lowest log level written."),
        ])
}
