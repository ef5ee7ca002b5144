import ApusStore

/// The levels plugin's tables.
///
/// `levels` holds one row per member per guild. Its queries: the point read by `(guild_id, member_id)` (primary
/// key), the leaderboard by XP within a guild excluding blacklisted members (partial index), and the write-behind
/// upsert (primary key).
public enum LevelsMigrations {
    /// The migration owner name.
    public static let owner = "levels"

    /// `001_levels`: the table and its indexes.
    public static let levelsTable = Migration("001_levels") { dialect in
        let real = dialect == .postgres ? "DOUBLE PRECISION" : "REAL"
        let boolean = dialect == .postgres ? "BOOLEAN NOT NULL DEFAULT FALSE" : "INTEGER NOT NULL DEFAULT 0"
        let notBlacklisted = dialect == .postgres ? "blacklisted = FALSE" : "blacklisted = 0"
        return [
            """
            CREATE TABLE levels (
                guild_id BIGINT NOT NULL CHECK (guild_id > 0),
                member_id BIGINT NOT NULL CHECK (member_id > 0),
                xp \(real) NOT NULL CHECK (xp >= 0),
                level INTEGER NOT NULL CHECK (level >= 0),
                blacklisted \(boolean),
                last_message BIGINT NOT NULL,
                PRIMARY KEY (guild_id, member_id)
            )
            """,
            "CREATE INDEX levels_leaderboard ON levels (guild_id, xp DESC) WHERE \(notBlacklisted)",
        ]
    }

    /// Every migration of the plugin, in order.
    public static let list = MigrationList(owner: owner, migrations: [levelsTable])
}
