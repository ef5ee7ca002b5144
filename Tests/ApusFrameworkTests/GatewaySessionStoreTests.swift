import Apus
import ApusCore
import ApusGateway
import ApusStore
import Testing

@Suite("Stored gateway sessions: taken once at start, only while young enough")
struct GatewaySessionStoreTests {
    private func makeStore() async throws -> (GatewaySessionStore, any Database, ManualWallClock) {
        let database = try SQLiteDatabase(location: .inMemory)
        _ = try await Migrator(database: database).migrate([CoreMigrations.list, GatewaySessionStore.migrations])
        let clock = ManualWallClock(start: WallTime(secondsSinceEpoch: 1_800_000_000))
        return (GatewaySessionStore(database: database, clock: clock), database, clock)
    }

    private func session(_ shard: Int, of count: Int = 2, sequence: Int? = 41) -> GatewaySession {
        GatewaySession(sessionID: "session-\(shard)", resumeGatewayURL: "wss://resume.example/\(shard)",
                       sequence: sequence, shardID: shard, shardCount: count)
    }

    @Test("sessions saved at a stop are returned once at the next start, then gone")
    func savedThenTakenOnce() async throws {
        let (store, database, clock) = try await makeStore()
        try await store.save([session(0), session(1, sequence: nil)])
        clock.advance(by: .seconds(10))
        let taken = try await store.takeRecent(maximumAge: .seconds(180))
        #expect(taken == [session(0), session(1, sequence: nil)])
        #expect(try await store.takeRecent(maximumAge: .seconds(180)).isEmpty)
        await database.close()
    }

    @Test("a save replaces every stored session")
    func saveReplaces() async throws {
        let (store, database, _) = try await makeStore()
        try await store.save([session(0), session(1)])
        try await store.save([session(1, sequence: 99)])
        #expect(try await store.takeRecent(maximumAge: .seconds(180)) == [session(1, sequence: 99)])
        await database.close()
    }

    @Test("sessions older than the maximum age are not offered (and are deleted)",
          arguments: [(age: 179, offered: true), (age: 180, offered: true), (age: 181, offered: false)])
    func maximumAge(age: Int, offered: Bool) async throws {
        let (store, database, clock) = try await makeStore()
        try await store.save([session(0)])
        clock.advance(by: .seconds(Int64(age)))
        #expect(try await store.takeRecent(maximumAge: .seconds(180)) == (offered ? [session(0)] : []))
        #expect(try await database.queryFirst("SELECT COUNT(*) AS n FROM gateway_sessions")?.int("n") == 0)
        await database.close()
    }

    @Test("implausible sessions are neither stored nor offered",
          arguments: [
            GatewaySession(sessionID: "", resumeGatewayURL: "wss://x", sequence: 1, shardID: 0, shardCount: 1),
            GatewaySession(sessionID: "s", resumeGatewayURL: "", sequence: 1, shardID: 0, shardCount: 1),
            GatewaySession(sessionID: "s", resumeGatewayURL: "wss://x", sequence: 1, shardID: 3, shardCount: 2),
            GatewaySession(sessionID: "s", resumeGatewayURL: "wss://x", sequence: -1, shardID: 0, shardCount: 1),
            GatewaySession(sessionID: "s", resumeGatewayURL: "wss://x", sequence: 1, shardID: 0, shardCount: 0),
            GatewaySession(sessionID: "s", resumeGatewayURL: "wss://" + String(repeating: "x", count: 2_100), sequence: 1,
                           shardID: 0, shardCount: 1),
          ])
    func implausibleSessions(bad: GatewaySession) async throws {
        let (store, database, _) = try await makeStore()
        try await store.save([bad, session(0)])
        #expect(try await store.takeRecent(maximumAge: .seconds(180)) == [session(0)])
        // A row damaged in the table itself is skipped too.
        try await database.execute(
            "INSERT INTO gateway_sessions (shard_id, shard_count, session_id, resume_gateway_url, sequence, saved_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)",
            [.int64(Int64(bad.shardID)), .int64(Int64(bad.shardCount)), .text(bad.sessionID), .text(bad.resumeGatewayURL),
             .int64(Int64(bad.sequence ?? 0)), .int64(1_800_000_000_000)])
        #expect(try await store.takeRecent(maximumAge: .seconds(180)).isEmpty)
        await database.close()
    }
}
