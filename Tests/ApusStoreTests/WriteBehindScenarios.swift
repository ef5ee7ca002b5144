import ApusCore
import ApusStore
import Testing

struct MemberKey: Hashable, Sendable {
    var guild: Int64
    var member: Int64
}

struct XPRow: Sendable, Equatable {
    var xp: Int64
    var level: Int
}

/// A sink that commits through a transaction but pauses, after writing and before committing, until its gate
/// opens.
struct PausingSink: WriteBehindSink {
    let database: any Database
    let gate: Gate

    func commit(_ changes: [WriteBehindChange<MemberKey, XPRow>]) async throws {
        try await database.transaction { tx in
            try await tx.executeBatch(WriteBehindScenarios.upsert, changes.map(WriteBehindScenarios.parameters))
            await gate.wait()
        }
    }
}

/// The write-behind buffer over a real table on both engines.
enum WriteBehindScenarios {
    static let upsert = """
        INSERT INTO xp (guild_id, member_id, xp, level) VALUES (?, ?, ?, ?)
        ON CONFLICT (guild_id, member_id) DO UPDATE SET xp = excluded.xp, level = excluded.level
        """

    @Sendable static func parameters(_ change: WriteBehindChange<MemberKey, XPRow>) -> [StoreValue] {
        [.int64(change.key.guild), .int64(change.key.member), .int64(change.value.xp), .int(change.value.level)]
    }

    static func prepare(_ database: any Database) async throws -> DatabaseUpsertSink<MemberKey, XPRow> {
        try await Migrator(database: database, clock: ManualWallClock()).migrate([
            MigrationList(owner: "levels", migrations: [
                Migration("001_xp", [
                    """
                    CREATE TABLE xp (guild_id BIGINT NOT NULL, member_id BIGINT NOT NULL, xp BIGINT NOT NULL,
                        level BIGINT NOT NULL, PRIMARY KEY (guild_id, member_id))
                    """
                ])
            ])
        ])
        return DatabaseUpsertSink(database: database, sql: upsert) { key, row in
            parameters(WriteBehindChange(key: key, value: row))
        }
    }

    static func rows(_ database: any Database) async throws -> [MemberKey: XPRow] {
        var result: [MemberKey: XPRow] = [:]
        for row in try await database.query("SELECT guild_id, member_id, xp, level FROM xp") {
            result[MemberKey(guild: try row.int64("guild_id"), member: try row.int64("member_id"))] =
                XPRow(xp: try row.int64("xp"), level: try row.int("level"))
        }
        return result
    }

    static func coalescesAndReadsOwnWrites(_ test: TestDatabase) async throws {
        let sink = try await prepare(test.database)
        let clock = ManualTimeSource()
        let buffer = WriteBehindBuffer(sink: sink, limits: .init(maxDelay: .milliseconds(50), maxRows: 100), clock: clock)
        let alice = MemberKey(guild: 1, member: 10)
        let bob = MemberKey(guild: 1, member: 20)
        try await buffer.submit(XPRow(xp: 5, level: 0), for: alice)
        try await buffer.submit(XPRow(xp: 12, level: 0), for: alice)
        try await buffer.submit(XPRow(xp: 7, level: 0), for: bob)
        let last = try await buffer.submit(XPRow(xp: 120, level: 1), for: alice)
        #expect(await buffer.pendingCount == 2)
        #expect(await buffer.pendingValue(for: alice) == XPRow(xp: 120, level: 1))
        #expect(await buffer.durableThrough == 0)
        #expect(try await rows(test.database).isEmpty)

        try await buffer.flush()
        #expect(await buffer.durableThrough == last)
        #expect(await buffer.commitCount == 1)
        #expect(await buffer.committedRows == 2)
        #expect(await buffer.pendingValue(for: alice) == nil)
        #expect(try await rows(test.database) == [alice: XPRow(xp: 120, level: 1), bob: XPRow(xp: 7, level: 0)])

        // A later change to the same key updates the row in place.
        try await buffer.submit(XPRow(xp: 130, level: 1), for: bob)
        #expect(await buffer.close().isComplete)
        #expect(try await rows(test.database)[bob] == XPRow(xp: 130, level: 1))
    }

    static func flushesWhenMaxRowsReached(_ test: TestDatabase) async throws {
        let sink = try await prepare(test.database)
        let clock = ManualTimeSource()  // never advanced: only the row count can trigger the commit
        let buffer = WriteBehindBuffer(sink: sink, limits: .init(maxDelay: .seconds(3600), maxRows: 3), clock: clock)
        try await buffer.submit(XPRow(xp: 1, level: 0), for: MemberKey(guild: 1, member: 1))
        try await buffer.submit(XPRow(xp: 2, level: 0), for: MemberKey(guild: 1, member: 2))
        #expect(await buffer.durableThrough == 0)
        let third = try await buffer.submit(XPRow(xp: 3, level: 0), for: MemberKey(guild: 1, member: 3))
        try await buffer.waitUntilDurable(third)
        #expect(await buffer.commitCount == 1)
        #expect(try await rows(test.database).count == 3)
        #expect(await buffer.close().isComplete)
    }

    static func flushesAfterMaxDelay(_ test: TestDatabase) async throws {
        let sink = try await prepare(test.database)
        let clock = ManualTimeSource()
        let buffer = WriteBehindBuffer(sink: sink, limits: .init(maxDelay: .milliseconds(50), maxRows: 1000), clock: clock)
        let sequence = try await buffer.submit(XPRow(xp: 9, level: 0), for: MemberKey(guild: 2, member: 1))
        // The timer sleeps on the manual clock; short of the delay nothing is committed.
        #expect(await Gate.eventually { clock.sleeperCount == 1 })
        clock.advance(by: .milliseconds(49))
        #expect(clock.sleeperCount == 1)
        #expect(await buffer.durableThrough == 0)
        #expect(try await rows(test.database).isEmpty)
        clock.advance(by: .milliseconds(1))
        try await buffer.waitUntilDurable(sequence)
        #expect(try await rows(test.database).count == 1)
        #expect(await buffer.commitCount == 1)
        #expect(await buffer.close().isComplete)
    }

    static func closeFlushesAndRejectsLaterSubmits(_ test: TestDatabase) async throws {
        let sink = try await prepare(test.database)
        let buffer = WriteBehindBuffer(
            sink: sink, limits: .init(maxDelay: .seconds(3600), maxRows: 1000), clock: ManualTimeSource())
        for member in 1...25 {
            try await buffer.submit(XPRow(xp: Int64(member), level: 0), for: MemberKey(guild: 3, member: Int64(member)))
        }
        #expect(await buffer.close().isComplete)
        #expect(try await rows(test.database).count == 25)
        #expect(await buffer.durableThrough == 25)
        await expectStoreError(.closed) {
            try await buffer.submit(XPRow(xp: 1, level: 0), for: MemberKey(guild: 3, member: 1))
        }
    }

    static func nothingDurableBeforeCommit(_ test: TestDatabase) async throws {
        _ = try await prepare(test.database)
        let gate = Gate()
        let buffer = WriteBehindBuffer(
            sink: PausingSink(database: test.database, gate: gate),
            limits: .init(maxDelay: .seconds(3600), maxRows: 1000), clock: ManualTimeSource())
        let observer = try await test.openSecond()
        let key = MemberKey(guild: 4, member: 1)
        let sequence = try await buffer.submit(XPRow(xp: 50, level: 0), for: key)
        let flushing = Task { try await buffer.flush() }
        // The rows are written inside the open transaction, which waits at the gate.
        #expect(await Gate.eventually { gate.arrivals == 1 })
        #expect(await buffer.durableThrough == 0)
        #expect(await buffer.pendingValue(for: key) == XPRow(xp: 50, level: 0), "in-flight values stay readable")
        #expect(try await rows(observer).isEmpty, "another connection sees nothing before the commit")
        gate.open()
        try await flushing.value
        #expect(await buffer.durableThrough == sequence)
        #expect(try await rows(observer)[key] == XPRow(xp: 50, level: 0))
        await observer.close()
        #expect(await buffer.close().isComplete)
    }

    static func fullBufferMakesSubmitWait(_ test: TestDatabase) async throws {
        _ = try await prepare(test.database)
        let gate = Gate()
        let buffer = WriteBehindBuffer(
            sink: PausingSink(database: test.database, gate: gate),
            limits: .init(maxDelay: .seconds(3600), maxRows: 2, maxPending: 2), clock: ManualTimeSource())
        try await buffer.submit(XPRow(xp: 1, level: 0), for: MemberKey(guild: 5, member: 1))
        try await buffer.submit(XPRow(xp: 2, level: 0), for: MemberKey(guild: 5, member: 2))
        #expect(await Gate.eventually { gate.arrivals == 1 })  // first batch is committing, held at the gate
        try await buffer.submit(XPRow(xp: 3, level: 0), for: MemberKey(guild: 5, member: 3))
        // Coalescing into an already pending key never waits.
        try await buffer.submit(XPRow(xp: 4, level: 0), for: MemberKey(guild: 5, member: 3))
        try await buffer.submit(XPRow(xp: 5, level: 0), for: MemberKey(guild: 5, member: 4))
        #expect(await buffer.pendingCount == 2)
        let blocked = Task { try await buffer.submit(XPRow(xp: 6, level: 0), for: MemberKey(guild: 5, member: 5)) }
        try await Task.sleep(for: .milliseconds(20))
        #expect(await buffer.pendingCount == 2, "the fifth key waits for room")
        gate.open()
        let sequence = try await blocked.value
        #expect(await buffer.close().isComplete)
        #expect(await buffer.durableThrough >= sequence)
        #expect(try await rows(test.database).count == 5)
    }
}
