/// The migrations Apus itself owns (owner `core`): apply them before any plugin's list.
public enum CoreMigrations {
    /// The owner name of Apus's own migrations.
    public static let owner = "core"

    /// The `jobs` table behind ``SQLJobStore`` and the indexes its queries use:
    /// - `jobs_pending_kind_key`: unique `(kind, key)` among pending jobs (schedule-or-replace, cancel);
    /// - `jobs_pending_due`: pending jobs by `(due_at, id)` (claims, `nextWakeTime`);
    /// - `jobs_kind_state_due`: inspection by kind and state.
    public static let jobs = Migration("001_jobs") { dialect in
        [
            """
            CREATE TABLE jobs (
                id \(dialect.autoIncrementPrimaryKey),
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                payload TEXT NOT NULL,
                due_at BIGINT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'completed', 'dead', 'cancelled')),
                attempts BIGINT NOT NULL DEFAULT 0,
                last_error TEXT,
                lease_until BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX jobs_pending_kind_key ON jobs (kind, key) WHERE state = 'pending'",
            "CREATE INDEX jobs_pending_due ON jobs (due_at, id) WHERE state = 'pending'",
            "CREATE INDEX jobs_kind_state_due ON jobs (kind, state, due_at, id)",
        ]
    }

    /// Every core migration, in order.
    public static let list = MigrationList(owner: owner, migrations: [jobs])
}
