import ApusStore

/// The moderation plugin's tables.
///
/// `moderation_cases` holds every case; `moderation_case_counters` the last case number per guild, bumped in the
/// same transaction as the insert so numbers never repeat or skip under concurrent commands. Queries and their
/// indexes: a case by `(guild_id, number)` (unique), a guild's recent cases (same index, descending scan), cases of
/// a user in a guild (`moderation_cases_user`), cases by a moderator (`moderation_cases_moderator`), and a case by id
/// (primary key) from the temp-ban job. Expiries are scheduled jobs, so no table is polled.
public enum ModerationMigrations {
    /// The migration owner name.
    public static let owner = "moderation"

    /// `001_cases`: the case table, the counters and their indexes.
    public static let casesTable = Migration("001_cases") { dialect in
        let boolean = { (value: Bool) in
            dialect == .postgres ? "BOOLEAN NOT NULL DEFAULT \(value ? "TRUE" : "FALSE")" : "INTEGER NOT NULL DEFAULT \(value ? 1 : 0)"
        }
        return [
            """
            CREATE TABLE moderation_case_counters (
                guild_id BIGINT PRIMARY KEY CHECK (guild_id > 0),
                case_count INTEGER NOT NULL CHECK (case_count >= 0)
            )
            """,
            """
            CREATE TABLE moderation_cases (
                id \(dialect.autoIncrementPrimaryKey),
                guild_id BIGINT NOT NULL CHECK (guild_id > 0),
                number INTEGER NOT NULL CHECK (number >= 1),
                type TEXT NOT NULL CHECK (type IN ('BAN', 'UNBAN', 'TEMPBAN', 'KICK', 'TIMEOUT', 'UNTIMEOUT', 'WARN')),
                user_id BIGINT NOT NULL,
                moderator_id BIGINT NOT NULL,
                reason TEXT NOT NULL CHECK (length(reason) <= 2000),
                valid \(boolean(true)),
                processed \(boolean(false)),
                expires_at BIGINT,
                created_at BIGINT NOT NULL,
                UNIQUE (guild_id, number)
            )
            """,
            "CREATE INDEX moderation_cases_user ON moderation_cases (guild_id, user_id, number)",
            "CREATE INDEX moderation_cases_moderator ON moderation_cases (guild_id, moderator_id, number)",
        ]
    }

    /// Every migration of the plugin, in order.
    public static let list = MigrationList(owner: owner, migrations: [casesTable])
}
