import ApusConfig

/// The `[moderation]` section of `apus.toml`.
public enum ModerationSettings {
    /// The section: every key can be overridden per guild (`config set moderation.log_channel 123…`).
    public static let section = ConfigSection.plugin("moderation", doc: "Moderation cases, bans, temp-bans, kicks, timeouts and warnings.", keys: [
        ConfigKey("log_channel", .snowflake, guildOverridable: true,
                  doc: "Channel that receives a line for every case (none by default)."),
        ConfigKey("dm_members", .bool, default: .bool(true), guildOverridable: true,
                  doc: "Tell members by direct message when they are acted on (unless the moderator adds -silent)."),
    ])
}
