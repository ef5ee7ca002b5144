import ApusCore
import ApusStore
import Foundation
import Testing

@Suite("Store configuration, dialects and SQLite durability")
struct StoreUnitTests {
    @Test("no URL selects SQLite at the default or APUS_DATABASE_PATH")
    func sqliteSelection() throws {
        #expect(try StoreConfiguration.from(environment: [:], defaultPath: "apus.sqlite") == .sqlite(path: "apus.sqlite"))
        #expect(try StoreConfiguration.from(environment: ["APUS_DATABASE_URL": ""]) == .sqlite(path: "apus.sqlite"))
        #expect(try StoreConfiguration.from(environment: ["APUS_DATABASE_PATH": "/data/bot.db"]) == .sqlite(path: "/data/bot.db"))
    }

    @Test("a postgres URL selects PostgreSQL and is parsed")
    func postgresSelection() throws {
        let configuration = try StoreConfiguration.from(
            environment: ["APUS_DATABASE_URL": "postgres://bot:s%40cret@db.local:6543/apus?schema=bot1&pool=4"],
            defaultPath: "x")
        guard case .postgres(let settings) = configuration else {
            Issue.record("expected PostgreSQL, got \(configuration)")
            return
        }
        #expect(settings.host == "db.local" && settings.port == 6543)
        #expect(settings.username == "bot" && settings.password == "s@cret")
        #expect(settings.database == "apus" && settings.schema == "bot1" && settings.maximumConnections == 4)
        #expect(!settings.description.contains("cret"), "the description hides the password")
        let defaults = try PostgresSettings(url: "postgresql://me@localhost")
        #expect(defaults.port == 5432 && defaults.database == "me" && defaults.password == nil)
    }

    @Test(
        "bad database URLs are typed configuration errors",
        arguments: [
            "mysql://u:p@h/db", "postgres://", "postgres://h:5432/db", "postgres://u@h/db?schema=x;drop",
            "postgres://u@h/db?sslmode=sometimes", "postgres://u@h/db?pool=0", "postgres://u@h/db?colour=red",
        ])
    func badURLs(url: String) async {
        let error = await expectStoreError(.invalidConfiguration) {
            _ = try StoreConfiguration.from(environment: ["APUS_DATABASE_URL": url])
        }
        #expect(error.map { !$0.message.contains("p@") } ?? true)
    }

    @Test("placeholders are numbered for PostgreSQL, skipping quotes and comments")
    func placeholders() {
        let sql = "SELECT '?', \"a?\" FROM t -- what?\nWHERE a = ? /* ? */ AND b = ? AND c = 'it''s?'"
        #expect(SQLDialect.sqlite.rewritePlaceholders(sql) == sql)
        #expect(SQLDialect.postgres.rewritePlaceholders(sql)
            == "SELECT '?', \"a?\" FROM t -- what?\nWHERE a = $1 /* ? */ AND b = $2 AND c = 'it''s?'")
        #expect(SQLDialect.placeholderCount(sql) == 2)
    }

    @Test("migration checksums are stable and follow the dialect's text")
    func checksums() {
        let migration = Migration("001", sqlite: ["CREATE TABLE a (id INTEGER)"], postgres: ["CREATE TABLE a (id BIGINT)"])
        #expect(migration.checksum(for: .sqlite) == Migration("001", ["CREATE TABLE a (id INTEGER)"]).checksum(for: .sqlite))
        #expect(migration.checksum(for: .sqlite) != migration.checksum(for: .postgres))
        #expect(migration.checksum(for: .sqlite).count == 16)
    }

    @Test("duplicate owners or names are rejected before anything runs")
    func invalidMigrationLists() async throws {
        let database = try SQLiteDatabase(location: .inMemory)
        let migrator = Migrator(database: database)
        let one = Migration("001", ["CREATE TABLE a (id BIGINT)"])
        await expectStoreError(.invalidMigration) {
            try await migrator.migrate([MigrationList(owner: "p", migrations: [one, one])])
        }
        await expectStoreError(.invalidMigration) {
            try await migrator.migrate([MigrationList(owner: "p", migrations: [one]), MigrationList(owner: "p", migrations: [])])
        }
        await database.close()
    }

    @Test("SQLite runs in WAL mode with synchronous=FULL and foreign keys on")
    func sqliteDurabilitySettings() async throws {
        let test = try await TestDatabases.make(.sqlite)
        let journal = try await test.database.queryFirst("PRAGMA journal_mode")?.text("journal_mode")
        let synchronous = try await test.database.queryFirst("PRAGMA synchronous")?.int64("synchronous")
        let foreignKeys = try await test.database.queryFirst("PRAGMA foreign_keys")?.int64("foreign_keys")
        await test.cleanUp()
        #expect(journal == "wal")
        #expect(synchronous == 2, "2 is FULL")
        #expect(foreignKeys == 1)
    }

    @Test("in-memory SQLite works for unit tests and its job store conforms")
    func inMemory() async throws {
        let database = try SQLiteDatabase(location: .inMemory)
        try await Migrator(database: database).migrate([CoreMigrations.list])
        #expect(try await database.queryFirst("PRAGMA synchronous")?.int64("synchronous") == 2)
        await database.close()
    }

    @Test("using a SQLite database inside its own transaction is an error, not a deadlock", .timeLimit(.minutes(1)))
    func sqliteReentrantUse() async throws {
        let database = try SQLiteDatabase(location: .inMemory)
        await expectStoreError(.other) {
            try await database.transaction { _ in
                _ = try await database.query("SELECT 1 AS one")
            }
        }
        // The transaction was rolled back and the database is usable again.
        #expect(try await database.query("SELECT 1 AS one").first?.int64("one") == 1)
        await database.close()
    }

    @Test("an unreachable PostgreSQL server is a typed connection error", .timeLimit(.minutes(1)))
    func unreachablePostgres() async throws {
        var settings = try PostgresSettings(url: "postgres://nobody:pw@127.0.0.1:1/none")
        settings.connectTimeout = .seconds(2)
        await expectStoreError(.connection) { _ = try await PostgresDatabase(settings: settings) }
    }
}
