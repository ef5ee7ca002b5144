import ApusConfig
import ApusCore
import ApusStore

/// Per-guild configuration overrides in the bot's database (`guild_settings`, one JSON text per guild), so that
/// `config set` survives restarts and every shard process sees the same settings.
public struct SQLGuildSettingsStore: GuildSettingsStore {
    /// The migration owner of the table.
    public static let owner = "core.guild_settings"

    /// `001_guild_settings`: one row per guild with overrides; the primary key serves the only query.
    public static let migrations = MigrationList(owner: owner, migrations: [
        Migration("001_guild_settings", [
            """
            CREATE TABLE guild_settings (
                guild_id BIGINT PRIMARY KEY,
                overrides TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
        ]),
    ])

    private let database: any Database
    private let clock: any WallClock

    /// Creates a store over `database`, which must have ``migrations`` applied.
    public init(database: any Database, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// The stored overrides of a guild, or `nil` when it has none.
    public func loadOverrides(guildID: UInt64) async throws -> String? {
        let row = try await database.queryFirst(
            "SELECT overrides FROM guild_settings WHERE guild_id = ?", [.int64(Int64(bitPattern: guildID))])
        return try row?.text("overrides")
    }

    /// Stores a guild's overrides (durably, before returning); `nil` deletes them.
    public func saveOverrides(_ json: String?, guildID: UInt64) async throws {
        let id = StoreValue.int64(Int64(bitPattern: guildID))
        guard let json else {
            try await database.execute("DELETE FROM guild_settings WHERE guild_id = ?", [id])
            return
        }
        try await database.execute(
            "INSERT INTO guild_settings (guild_id, overrides, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (guild_id) DO UPDATE SET overrides = excluded.overrides, updated_at = excluded.updated_at",
            [id, .text(json), .timestamp(clock.now())])
    }
}
