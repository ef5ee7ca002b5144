import ApusCore
import ApusStore
import Testing

/// Engine-independent checks of the store interface and migrations, run by both engine suites.
enum DatabaseScenarios {
    static let clock = ManualWallClock()

    static let notesTable = Migration("001_notes") { dialect in
        [
            """
            CREATE TABLE notes (
                id BIGINT PRIMARY KEY,
                title TEXT NOT NULL UNIQUE,
                score DOUBLE PRECISION,
                pinned \(dialect.boolType) NOT NULL,
                body \(dialect.blobType),
                created_at BIGINT NOT NULL,
                CHECK (score IS NULL OR score >= 0)
            )
            """,
            "CREATE TABLE tags (note_id BIGINT NOT NULL REFERENCES notes (id), tag TEXT NOT NULL)",
        ]
    }

    static func createNotes(_ database: any Database) async throws {
        try await Migrator(database: database, clock: clock).migrate([
            MigrationList(owner: "notes", migrations: [notesTable])
        ])
    }

    static func migrationsFreshThenNoOp(_ test: TestDatabase) async throws {
        let migrator = Migrator(database: test.database, clock: clock)
        let plugin = MigrationList(owner: "levels", migrations: [
            Migration("001_levels", ["CREATE TABLE levels (member_id BIGINT PRIMARY KEY, xp BIGINT NOT NULL)"]),
            Migration("002_levels_index", ["CREATE INDEX levels_by_xp ON levels (xp)"]),
        ])
        let first = try await migrator.migrate([CoreMigrations.list, plugin])
        #expect(first.map { "\($0.owner)/\($0.name)" } == [
            "core/001_jobs", "levels/001_levels", "levels/002_levels_index",
        ])
        let second = try await migrator.migrate([CoreMigrations.list, plugin])
        #expect(second.isEmpty)
        let recorded = try await migrator.applied()
        #expect(recorded.count == 3)
        #expect(Set(recorded.map(\.owner)) == ["core", "levels"])
        // Both owners' tables exist and work.
        try await test.database.execute("INSERT INTO levels (member_id, xp) VALUES (?, ?)", [.int64(1), .int64(10)])
        #expect(try await test.database.query("SELECT xp FROM levels").first?.int64("xp") == 10)
        #expect(try await test.database.query("SELECT COUNT(*) AS n FROM jobs").first?.int64("n") == 0)
    }

    static func migrationAddedLaterIsApplied(_ test: TestDatabase) async throws {
        let migrator = Migrator(database: test.database, clock: clock)
        let v1 = MigrationList(owner: "p", migrations: [Migration("001", ["CREATE TABLE p_a (id BIGINT)"])])
        var v2 = v1
        v2.migrations.append(Migration("002", ["CREATE TABLE p_b (id BIGINT)"]))
        try await migrator.migrate([v1])
        let applied = try await migrator.migrate([v2])
        #expect(applied.map(\.name) == ["002"])
    }

    static func changedChecksumIsAnError(_ test: TestDatabase) async throws {
        let migrator = Migrator(database: test.database, clock: clock)
        let original = MigrationList(owner: "p", migrations: [Migration("001", ["CREATE TABLE p_a (id BIGINT)"])])
        try await migrator.migrate([original])
        let edited = MigrationList(owner: "p", migrations: [Migration("001", ["CREATE TABLE p_a (id TEXT)"])])
        let error = await expectStoreError(.migrationChecksumMismatch) { try await migrator.migrate([edited]) }
        #expect(error?.message.contains("p/001") == true)
    }

    static func failedMigrationRollsBack(_ test: TestDatabase) async throws {
        let migrator = Migrator(database: test.database, clock: clock)
        let broken = MigrationList(owner: "p", migrations: [
            Migration("001", ["CREATE TABLE p_a (id BIGINT)", "CREATE TABLE oops ("])
        ])
        await expectStoreError(.syntax) { try await migrator.migrate([broken]) }
        #expect(try await migrator.applied().isEmpty)
        // The first statement was rolled back with the second: the fixed migration applies cleanly.
        let fixed = MigrationList(owner: "p", migrations: [Migration("001", ["CREATE TABLE p_a (id BIGINT)"])])
        #expect(try await migrator.migrate([fixed]).count == 1)
    }

    static func concurrentMigratorsApplyOnce(_ test: TestDatabase) async throws {
        let second = try await test.openSecond()
        let list = MigrationList(owner: "p", migrations: (1...5).map { index in
            Migration("00\(index)", ["CREATE TABLE p_\(index) (id BIGINT)"])
        })
        let databases: [any Database] = [test.database, second]
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for database in databases {
                group.addTask { try await Migrator(database: database, clock: clock).migrate([list]).count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        await second.close()
        #expect(results.reduce(0, +) == 5)
        #expect(try await Migrator(database: test.database).applied().count == 5)
    }

    static func crudWithEveryValueType(_ test: TestDatabase) async throws {
        let database = test.database
        try await createNotes(database)
        let created = WallTime(millisecondsSinceEpoch: 1_767_225_600_123)
        let inserted = try await database.execute(
            "INSERT INTO notes (id, title, score, pinned, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [.int64(1), .text("héllo 'quoted' ?"), .double(2.5), .bool(true), .blob([0, 1, 255]), .timestamp(created)])
        #expect(inserted == 1)
        try await database.execute(
            "INSERT INTO notes (id, title, score, pinned, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [.int64(2), .text("second"), .null, .bool(false), .null, .timestamp(created)])

        let rows = try await database.query(
            "SELECT id, title, score, pinned, body, created_at FROM notes WHERE id = ?", [.int64(1)])
        let row = try #require(rows.first)
        #expect(try row.int64("id") == 1)
        #expect(try row.text("title") == "héllo 'quoted' ?")
        #expect(try row.double("score") == 2.5)
        #expect(try row.bool("pinned") == true)
        #expect(try row.blob("body") == [0, 1, 255])
        #expect(try row.wallTime("created_at") == created)

        let other = try #require(try await database.queryFirst("SELECT * FROM notes WHERE id = ?", [.int64(2)]))
        #expect(try other.optionalDouble("score") == nil)
        #expect(try other.bool("pinned") == false)
        #expect(try other.optionalText("body") == nil)

        // A string literal containing '?' is not a placeholder.
        let literal = try await database.query("SELECT id FROM notes WHERE title <> 'what?' AND id = ?", [.int64(2)])
        #expect(literal.count == 1)

        let updated = try await database.execute("UPDATE notes SET score = score + ? WHERE score IS NOT NULL", [.double(1)])
        #expect(updated == 1)
        #expect(try await database.queryFirst("SELECT score FROM notes WHERE id = 1")?.double("score") == 3.5)
        let deleted = try await database.execute("DELETE FROM notes WHERE id IN (?, ?)", [.int64(1), .int64(2)])
        #expect(deleted == 2)
        #expect(try await database.query("SELECT id FROM notes").isEmpty)
    }

    static func typedAccessMismatchIsAnError(_ test: TestDatabase) async throws {
        let database = test.database
        try await createNotes(database)
        try await database.execute(
            "INSERT INTO notes (id, title, pinned, created_at) VALUES (?, ?, ?, ?)",
            [.int64(1), .text("t"), .bool(false), .int64(0)])
        let row = try #require(try await database.queryFirst("SELECT id, title, score FROM notes"))
        await expectStoreError(.typeMismatch) { _ = try row.int64("title") }
        await expectStoreError(.typeMismatch) { _ = try row.text("missing_column") }
        await expectStoreError(.typeMismatch) { _ = try row.double("score") }
    }

    static func transactionCommitsOrRollsBack(_ test: TestDatabase) async throws {
        let database = test.database
        try await createNotes(database)
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await database.transaction { tx in
                try await tx.execute(
                    "INSERT INTO notes (id, title, pinned, created_at) VALUES (?, ?, ?, ?)",
                    [.int64(1), .text("rolled back"), .bool(false), .int64(0)])
                #expect(try await tx.query("SELECT id FROM notes").count == 1)
                throw Boom()
            }
        }
        #expect(try await database.query("SELECT id FROM notes").isEmpty)

        let count = try await database.transaction { tx in
            try await tx.execute(
                "INSERT INTO notes (id, title, pinned, created_at) VALUES (?, ?, ?, ?)",
                [.int64(2), .text("kept"), .bool(false), .int64(0)])
            return try await tx.query("SELECT id FROM notes").count
        }
        #expect(count == 1)
        #expect(try await database.query("SELECT title FROM notes").first?.text("title") == "kept")

        // A failing statement inside the transaction rolls back the earlier ones too.
        await expectStoreError(.uniqueViolation) {
            try await database.transaction { tx in
                try await tx.execute(
                    "INSERT INTO notes (id, title, pinned, created_at) VALUES (?, ?, ?, ?)",
                    [.int64(3), .text("third"), .bool(false), .int64(0)])
                try await tx.execute(
                    "INSERT INTO notes (id, title, pinned, created_at) VALUES (?, ?, ?, ?)",
                    [.int64(4), .text("kept"), .bool(false), .int64(0)])
            }
        }
        #expect(try await database.query("SELECT id FROM notes").count == 1)
    }

    static func constraintAndSyntaxErrorsAreTyped(_ test: TestDatabase) async throws {
        let database = test.database
        try await createNotes(database)
        let insert = "INSERT INTO notes (id, title, score, pinned, created_at) VALUES (?, ?, ?, ?, ?)"
        try await database.execute(insert, [.int64(1), .text("a"), .null, .bool(false), .int64(0)])
        let unique = await expectStoreError(.uniqueViolation) {
            try await database.execute(insert, [.int64(2), .text("a"), .null, .bool(false), .int64(0)])
        }
        #expect(unique?.statement?.hasPrefix("INSERT INTO notes") == true)
        #expect(unique?.isConstraintViolation == true)
        await expectStoreError(.uniqueViolation) {
            try await database.execute(insert, [.int64(1), .text("b"), .null, .bool(false), .int64(0)])
        }
        await expectStoreError(.notNullViolation) {
            try await database.execute(insert, [.int64(3), .null, .null, .bool(false), .int64(0)])
        }
        await expectStoreError(.checkViolation) {
            try await database.execute(insert, [.int64(4), .text("c"), .double(-1), .bool(false), .int64(0)])
        }
        await expectStoreError(.foreignKeyViolation) {
            try await database.execute("INSERT INTO tags (note_id, tag) VALUES (?, ?)", [.int64(99), .text("x")])
        }
        await expectStoreError(.syntax) { try await database.execute("SELEC id FROM notes") }
        await expectStoreError(.undefinedObject) { _ = try await database.query("SELECT id FROM no_such_table") }
        // Secrets bound as parameters never appear in the error.
        let secret = "hunter2-secret-token"
        let error = await expectStoreError(.uniqueViolation) {
            try await database.execute(insert, [.int64(1), .text(secret), .null, .bool(false), .int64(0)])
        }
        #expect(error.map { !String(describing: $0).contains(secret) } == true)
    }

    static func closedDatabaseRejectsUse(_ test: TestDatabase) async throws {
        let second = try await test.openSecond()
        await second.close()
        await expectStoreError(.closed) { _ = try await second.query("SELECT 1 AS one") }
    }
}
