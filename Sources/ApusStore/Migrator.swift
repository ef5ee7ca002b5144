import ApusCore

/// Applies migration lists to a database and records them in the `apus_migrations` table.
///
/// Lists are applied in the order given (pass `core` first, then each plugin's list); within a list, in order.
/// Each migration runs in its own transaction together with its record, so a failure leaves it unapplied. An
/// applied migration whose checksum changed is an error of kind `migrationChecksumMismatch`. On PostgreSQL a
/// transaction-scoped advisory lock serialises concurrent starts, and the applied set is re-read under the lock,
/// so two processes starting together never apply a migration twice; on SQLite `BEGIN IMMEDIATE` does the same.
public struct Migrator: Sendable {
    /// The advisory lock key used on PostgreSQL (the ASCII bytes of "APUSMIGR").
    public static let advisoryLockKey: Int64 = 0x4150_5553_4D49_4752

    private let database: any Database
    private let clock: any WallClock

    /// Creates a migrator for `database`; `clock` stamps `applied_at`.
    public init(database: any Database, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// Applies every migration not yet applied and returns those it applied now (empty when up to date).
    @discardableResult
    public func migrate(_ lists: [MigrationList]) async throws -> [AppliedMigration] {
        try Self.validate(lists)
        try await database.transaction { tx in
            try await lock(tx)
            try await tx.execute(
                """
                CREATE TABLE IF NOT EXISTS apus_migrations (
                    owner TEXT NOT NULL,
                    name TEXT NOT NULL,
                    position BIGINT NOT NULL,
                    checksum TEXT NOT NULL,
                    applied_at BIGINT NOT NULL,
                    PRIMARY KEY (owner, name)
                )
                """, [])
        }
        var known = try await appliedChecksums(database)
        var appliedNow: [AppliedMigration] = []
        let dialect = database.dialect
        for list in lists {
            for (position, migration) in list.migrations.enumerated() {
                let checksum = migration.checksum(for: dialect)
                if let recorded = known[Key(owner: list.owner, name: migration.name)] {
                    try Self.verify(recorded, checksum, owner: list.owner, name: migration.name)
                    continue
                }
                let applied = try await apply(migration, owner: list.owner, position: position, checksum: checksum)
                known[Key(owner: list.owner, name: migration.name)] = checksum
                if applied { appliedNow.append(AppliedMigration(owner: list.owner, name: migration.name, checksum: checksum)) }
            }
        }
        return appliedNow
    }

    /// The migrations recorded as applied, by owner then position.
    public func applied() async throws -> [AppliedMigration] {
        let rows = try await database.query(
            "SELECT owner, name, checksum FROM apus_migrations ORDER BY owner, position", [])
        return try rows.map { row throws(StoreError) in
            AppliedMigration(owner: try row.text("owner"), name: try row.text("name"), checksum: try row.text("checksum"))
        }
    }

    /// Applies one migration under the lock unless another process did meanwhile; returns whether it ran here.
    private func apply(_ migration: Migration, owner: String, position: Int, checksum: String) async throws -> Bool {
        let now = clock.now()
        let dialect = database.dialect
        return try await database.transaction { tx in
            try await lock(tx)
            let existing = try await tx.query(
                "SELECT checksum FROM apus_migrations WHERE owner = ? AND name = ?",
                [.text(owner), .text(migration.name)])
            if let row = existing.first {
                try Self.verify(try row.text("checksum"), checksum, owner: owner, name: migration.name)
                return false
            }
            for statement in migration.statements(for: dialect) {
                do {
                    try await tx.execute(statement, [])
                } catch let error as StoreError {
                    var described = error
                    described.message = "migration \(owner)/\(migration.name) failed: \(error.message)"
                    throw described
                }
            }
            try await tx.execute(
                "INSERT INTO apus_migrations (owner, name, position, checksum, applied_at) VALUES (?, ?, ?, ?, ?)",
                [.text(owner), .text(migration.name), .int(position), .text(checksum), .timestamp(now)])
            return true
        }
    }

    private func lock(_ tx: any SQLExecutor) async throws(StoreError) {
        if tx.dialect == .postgres {
            try await tx.execute("SELECT pg_advisory_xact_lock(?)", [.int64(Self.advisoryLockKey)])
        }
    }

    private func appliedChecksums(_ executor: any SQLExecutor) async throws(StoreError) -> [Key: String] {
        var result: [Key: String] = [:]
        for row in try await executor.query("SELECT owner, name, checksum FROM apus_migrations", []) {
            result[Key(owner: try row.text("owner"), name: try row.text("name"))] = try row.text("checksum")
        }
        return result
    }

    private static func verify(_ recorded: String, _ current: String, owner: String, name: String) throws(StoreError) {
        guard recorded == current else {
            throw StoreError(
                .migrationChecksumMismatch,
                "migration \(owner)/\(name) was applied with checksum \(recorded) but its SQL now has checksum "
                    + "\(current); add a new migration instead of editing an applied one")
        }
    }

    private static func validate(_ lists: [MigrationList]) throws(StoreError) {
        var owners = Set<String>()
        for list in lists {
            guard !list.owner.isEmpty else { throw StoreError(.invalidMigration, "a migration list has an empty owner") }
            guard owners.insert(list.owner).inserted else {
                throw StoreError(.invalidMigration, "migration owner '\(list.owner)' is listed twice")
            }
            var names = Set<String>()
            for migration in list.migrations {
                guard !migration.name.isEmpty, names.insert(migration.name).inserted else {
                    throw StoreError(
                        .invalidMigration, "migration name '\(migration.name)' of \(list.owner) is empty or repeated")
                }
                guard !migration.statements(for: .sqlite).isEmpty || !migration.statements(for: .postgres).isEmpty else {
                    throw StoreError(.invalidMigration, "migration \(list.owner)/\(migration.name) has no statements")
                }
            }
        }
    }

    private struct Key: Hashable {
        var owner: String
        var name: String
    }
}
