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
                "log_level", .string(choices: ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
                default: .string("info"), doc: "Lowest log level written."),
        ])
}
