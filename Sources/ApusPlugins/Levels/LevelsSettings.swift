import ApusConfig
import ApusStore

/// The `[levels]` section of `apus.toml` and how it becomes ``XPRules``.
public enum LevelsSettings {
    /// The section: every key but the `write_*` keys (how XP is committed, file-wide) can be overridden per guild.
    public static let section = ConfigSection.plugin("levels", doc: "XP and levels for chat activity.", keys: [
        ConfigKey("blacklist_channels", .array(of: .snowflake), default: .array([]), guildOverridable: true,
                  doc: "Channels where no XP is earned."),
        ConfigKey("cooldown", .integer(range: 0...86_400), default: .integer(1), guildOverridable: true,
                  doc: "Seconds between two messages that earn XP."),
        ConfigKey("exponent", .integer(range: 1...10), default: .integer(2), guildOverridable: true,
                  doc: "Level curve exponent: level = int((xp / 500) ** (1 / exponent) * 5)."),
        ConfigKey("show_progress", .bool, default: .bool(true), guildOverridable: true,
                  doc: "Show the progress bar in the level command."),
        ConfigKey("enable_xp_cap", .bool, default: .bool(false), guildOverridable: true,
                  doc: "Show XP as capped at the highest reward level (display only)."),
        ConfigKey("first_message_earns", .bool, default: .bool(false), guildOverridable: true,
                  doc: "Whether a member's first message earns XP (the original bot's does not)."),
        ConfigKey("multipliers", .tableArray(fields: [
            ConfigKey("role_id", .snowflake, required: true, doc: "The role."),
            ConfigKey("multiplier", .double(range: 0...1_000), required: true, doc: "XP per message for holders."),
        ]), default: .array([]), guildOverridable: true, doc: "XP multipliers by role; the largest applies."),
        ConfigKey("roles", .tableArray(fields: [
            ConfigKey("level", .integer(range: 0...10_000), required: true, doc: "The level."),
            ConfigKey("role_id", .snowflake, required: true, doc: "The role granted at that level."),
        ]), default: .array([]), guildOverridable: true, doc: "Roles given at a level; a member keeps only the highest."),
        ConfigKey("write_delay", .duration, default: .duration(.milliseconds(50)),
                  doc: "Longest time XP waits in memory before its batch is committed (1ms to 1h)."),
        ConfigKey("write_batch_rows", .integer(range: 1...100_000), default: .integer(1_000),
                  doc: "Members with pending XP that trigger a commit at once."),
        ConfigKey("write_max_pending", .integer(range: 1...1_000_000), default: .integer(2_000),
                  doc: "Most members with pending XP (raised to write_batch_rows); a crash loses at most twice this many members' latest XP."),
    ])

    /// The longest accepted `write_delay`: an hour (a longer delay only widens what a crash loses).
    public static let maximumWriteDelay: Duration = .seconds(3_600)

    /// The write-behind limits of the XP ledger under `config` (file-wide keys, never per guild): `write_delay`
    /// clamped to 1 ms…1 h, the row counts as validated by the schema.
    ///
    /// ```toml
    /// [levels]
    /// write_delay = "50ms"
    /// write_batch_rows = 1000
    /// write_max_pending = 2000
    /// ```
    public static func writeLimits(from config: ResolvedConfig) -> WriteBehindBuffer<MemberKey, XPLedgerRow>.Limits {
        let delay = min(max(config.duration(at: "levels.write_delay") ?? .milliseconds(50), .milliseconds(1)), maximumWriteDelay)
        return .init(
            maxDelay: delay, maxRows: config.integer(at: "levels.write_batch_rows") ?? 1_000,
            maxPending: config.integer(at: "levels.write_max_pending") ?? 2_000)
    }

    /// The rules in force under `config` (the file's values, or a guild's resolved values).
    public static func rules(from config: ResolvedConfig) -> XPRules {
        var multipliers: [UInt64: Double] = [:]
        for entry in config.tables(at: "levels.multipliers") {
            if case .snowflake(let role)? = entry["role_id"] { multipliers[role] = number(entry["multiplier"]) ?? 1 }
        }
        var rewards: [LevelRoleRewards.Reward] = []
        for entry in config.tables(at: "levels.roles") {
            if case .integer(let level)? = entry["level"], case .snowflake(let role)? = entry["role_id"] {
                rewards.append(.init(level: level, roleID: role))
            }
        }
        return XPRules(
            blacklistedChannels: Set(config.snowflakes(at: "levels.blacklist_channels")),
            multipliers: multipliers,
            cooldown: .seconds(config.integer(at: "levels.cooldown") ?? 1),
            curve: LevelCurve(exponent: Double(config.integer(at: "levels.exponent") ?? 2)),
            rewards: LevelRoleRewards(rewards),
            firstMessageEarnsXP: config.bool(at: "levels.first_message_earns") ?? false)
    }

    private static func number(_ value: ConfigValue?) -> Double? {
        switch value {
        case .double(let number)?: number
        case .integer(let number)?: Double(number)
        default: nil
        }
    }
}
