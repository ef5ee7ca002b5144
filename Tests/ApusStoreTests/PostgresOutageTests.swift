import ApusStore
import Foundation
import Synchronization
import Testing

/// A PostgreSQL store behind a ``PostgresOutageProxy``, with a private schema that ``cleanUp()`` drops.
struct OutageFixture: Sendable {
    let proxy: PostgresOutageProxy
    /// Settings that reach the real server directly (same schema).
    let direct: PostgresSettings

    static func make() throws -> OutageFixture {
        guard let url = PostgresTestEnvironment.url else {
            throw TestEnvironmentError(
                message: "APUS_TEST_POSTGRES_URL is not set but CI=true: PostgreSQL tests cannot be skipped in CI")
        }
        var direct = try PostgresSettings(url: url)
        direct.schema = "apus_outage_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        direct.maximumConnections = 2
        let proxy = try PostgresOutageProxy(upstreamHost: direct.host, upstreamPort: direct.port)
        return OutageFixture(proxy: proxy, direct: direct)
    }

    /// Settings that go through the proxy, with short statement deadlines. The connect deadline leaves room for a
    /// loaded machine (the whole suite runs in parallel): a refused connection fails at once whatever it is.
    func proxied(statementTimeout: Duration? = .seconds(1), pool: Int = 2) -> PostgresSettings {
        var settings = direct
        settings.host = "127.0.0.1"
        settings.port = proxy.port
        settings.connectTimeout = .seconds(5)
        settings.statementTimeout = statementTimeout
        settings.maximumConnections = pool
        return settings
    }

    /// The server as seen through the proxy, as error messages name it.
    var proxiedServer: String { "127.0.0.1:\(proxy.port)" }

    func cleanUp() async {
        proxy.stop()
        if let database = try? await PostgresDatabase(settings: direct) {
            _ = try? await database.execute("DROP SCHEMA IF EXISTS \"\(direct.schema ?? "")\" CASCADE")
            await database.close()
        }
    }

    /// Retries `attempt` (100 ms apart, at most `attempts` times) until it returns `true`: the pool reconnects
    /// with a back-off, so the first statements after an outage may still fail.
    static func eventually(attempts: Int = 30, _ attempt: () async -> Bool) async -> Bool {
        for _ in 0..<attempts {
            if await attempt() { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// The result of `task`, or `nil` if it has not finished within `limit` (so a test never waits for ever on
    /// a task that ignores cancellation).
    static func outcome<Success: Sendable>(
        of task: Task<Success, any Error>, within limit: Duration
    ) async -> Result<Success, any Error>? {
        let box = Mutex<Result<Success, any Error>?>(nil)
        let watcher = Task {
            let result = await task.result
            box.withLock { $0 = result }
        }
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let result = box.withLock({ $0 }) { return result }
            try? await Task.sleep(for: .milliseconds(20))
        }
        _ = watcher
        return box.withLock { $0 }
    }

    /// Runs `body` with a fresh fixture and always cleans up.
    static func with(_ body: (OutageFixture) async throws -> Void) async throws {
        let fixture = try make()
        do {
            try await body(fixture)
        } catch {
            await fixture.cleanUp()
            throw error
        }
        await fixture.cleanUp()
    }
}

/// A dead or unreachable PostgreSQL server gives typed errors within ``PostgresSettings/statementTimeout``,
/// never hangs, and the store works again when the server is back. The outage is staged by a proxy in front of
/// the shared test server.
@Suite(
    "PostgreSQL outages", .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason),
    .timeLimit(.minutes(1)))
struct PostgresOutageTests {
    @Test("a dead server makes the next statement fail, close returns, and the store recovers when it is back")
    func deadServer() async throws {
        try await OutageFixture.with { fixture in
            let database = try await PostgresDatabase(settings: fixture.proxied())
            try await database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
            try await database.execute("INSERT INTO notes (id) VALUES (?)", [.int64(1)])

            fixture.proxy.set(.down)
            // The pool may not have seen its idle connection close yet: then the first statement fails at once
            // with a connection error; either way it is a typed error that names the server.
            do {
                try await database.execute("INSERT INTO notes (id) VALUES (?)", [.int64(2)])
                Issue.record("a statement succeeded while the server was down")
            } catch let error as StoreError {
                #expect(error.kind == .timeout || error.kind == .connection, "got \(error)")
                #expect(error.message.contains(fixture.proxiedServer), "names the server: \(error)")
            }
            // Now no connection can be made: the statement waits for one until its deadline.
            let error = await expectStoreError(.timeout) {
                try await database.execute("INSERT INTO notes (id) VALUES (?)", [.int64(2)])
            }
            #expect(error?.message.contains(fixture.proxiedServer) == true, "names the server: \(String(describing: error))")
            #expect(error?.message.contains("1s") == true, "names the deadline: \(String(describing: error))")
            #expect(error?.statement == "INSERT INTO notes (id) VALUES (?)")
            // Still down: transactions time out as well.
            await expectStoreError(.timeout) {
                try await database.transaction { tx in _ = try await tx.execute("DELETE FROM notes") }
            }

            fixture.proxy.set(.forwarding)
            // The pool reconnects by itself: the same store works again (its first attempts may still time out
            // while the pool's reconnection back-off runs).
            let recovered = await OutageFixture.eventually {
                (try? await database.execute("INSERT INTO notes (id) VALUES (?)", [.int64(3)])) == 1
            }
            #expect(recovered, "the same store recovers once the server is back")
            let ids = try await database.query("SELECT id FROM notes ORDER BY id").map { try $0.int64("id") }
            #expect(ids == [1, 3], "the statements that timed out changed nothing")
            await database.close()

            let fresh = try await PostgresDatabase(settings: fixture.proxied())
            #expect(try await fresh.query("SELECT count(*) AS n FROM notes").first?.int64("n") == 2)
            await fresh.close()
        }
    }

    @Test("a network partition inside a transaction times out, rolls back and leaves no broken connection")
    func partitionInTransaction() async throws {
        try await OutageFixture.with { fixture in
            // One pooled connection, so the next statement would get the same connection if it were kept.
            let database = try await PostgresDatabase(settings: fixture.proxied(pool: 1))
            try await database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")

            let proxy = fixture.proxy
            let error = await expectStoreError(.timeout) {
                try await database.transaction { tx in
                    try await tx.execute("INSERT INTO notes (id) VALUES (?)", [.int64(1)])
                    proxy.set(.blackhole)
                    try await tx.execute("INSERT INTO notes (id) VALUES (?)", [.int64(2)])
                }
            }
            #expect(error?.message.contains(fixture.proxiedServer) == true, "names the server: \(String(describing: error))")
            #expect(error?.message.contains("transaction") == true)
            // While partitioned, single statements time out too (new connections are never answered).
            await expectStoreError(.timeout) { _ = try await database.query("SELECT 1 AS one") }

            proxy.set(.forwarding)
            let recovered = await OutageFixture.eventually {
                (try? await database.execute("INSERT INTO notes (id) VALUES (?)", [.int64(10)])) == 1
            }
            #expect(recovered, "the same store recovers once the partition heals")
            // The row is committed (visible to another session), so the connection that ran it was not left
            // inside the interrupted transaction (an aborted one would have refused the insert, an open one would
            // have hidden it); and the interrupted transaction's row is gone.
            let other = try await PostgresDatabase(settings: fixture.direct)
            let ids = try await other.query("SELECT id FROM notes ORDER BY id").map { try $0.int64("id") }
            #expect(ids == [10])
            await other.close()
            await database.close()
        }
    }

    @Test("close returns while a statement waits on a silent server, and that statement fails")
    func closeDuringPartition() async throws {
        try await OutageFixture.with { fixture in
            let database = try await PostgresDatabase(settings: fixture.proxied(statementTimeout: .seconds(50)))
            try await database.execute("SELECT 1")
            fixture.proxy.set(.blackhole)
            let started = Flag()
            let hanging = Task {
                started.raise()
                _ = try await database.query("SELECT 1 AS one")
            }
            #expect(await OutageFixture.eventually { started.isRaised })
            try await Task.sleep(for: .milliseconds(200))
            await database.close()
            let outcome = await OutageFixture.outcome(of: hanging, within: .seconds(20))
            #expect(throws: StoreError.self, "the statement in flight fails when the store closes") {
                try outcome?.get()
            }
            await expectStoreError(.closed) { try await database.execute("SELECT 1") }
        }
    }

    @Test("cancelling a transaction that waits on a silent server ends it, and the store recovers")
    func cancelDuringPartition() async throws {
        try await OutageFixture.with { fixture in
            let database = try await PostgresDatabase(
                settings: fixture.proxied(statementTimeout: .seconds(50), pool: 1))
            try await database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
            let proxy = fixture.proxy
            let stuck = Flag()
            let hanging = Task {
                try await database.transaction { tx in
                    try await tx.execute("INSERT INTO notes (id) VALUES (?)", [.int64(1)])
                    proxy.set(.blackhole)
                    stuck.raise()
                    try await tx.execute("INSERT INTO notes (id) VALUES (?)", [.int64(2)])
                }
            }
            #expect(await OutageFixture.eventually { stuck.isRaised })
            try await Task.sleep(for: .milliseconds(200))
            hanging.cancel()
            let outcome = await OutageFixture.outcome(of: hanging, within: .seconds(20))
            #expect(outcome != nil, "the cancelled transaction ended")
            #expect(throws: (any Error).self) { try outcome?.get() }

            proxy.set(.forwarding)
            let recovered = await OutageFixture.eventually {
                (try? await database.execute("INSERT INTO notes (id) VALUES (?)", [.int64(3)])) == 1
            }
            #expect(recovered)
            let ids = try await database.query("SELECT id FROM notes ORDER BY id").map { try $0.int64("id") }
            #expect(ids == [3], "the cancelled transaction was rolled back")
            await database.close()
        }
    }

    @Test("the server enforces statement_timeout too, and a slow statement is a timeout error")
    func serverSideStatementTimeout() async throws {
        try await OutageFixture.with { fixture in
            var settings = fixture.direct
            // Long enough that a trivial statement on a loaded machine never reaches it; pg_sleep(5) always does.
            settings.statementTimeout = .seconds(2)
            let database = try await PostgresDatabase(settings: settings)
            let shown = try await database.query("SHOW statement_timeout").first?.text("statement_timeout")
            #expect(shown == "2s")
            await expectStoreError(.timeout) { _ = try await database.query("SELECT pg_sleep(5)") }
            #expect(try await database.query("SELECT 1 AS one").first?.int64("one") == 1)
            await database.close()

            settings.statementTimeout = nil
            let unbounded = try await PostgresDatabase(settings: settings)
            #expect(try await unbounded.query("SHOW statement_timeout").first?.text("statement_timeout") == "0")
            await unbounded.close()
        }
    }
}

/// `statement_timeout` in database URLs.
@Suite("PostgreSQL statement_timeout setting")
struct PostgresTimeoutSettingTests {
    @Test(
        "statement_timeout URL values",
        arguments: [
            ("5s", Duration.seconds(5)), ("250ms", .milliseconds(250)), ("2min", .seconds(120)),
            ("1h", .seconds(3_600)), ("1500", .milliseconds(1_500)), ("24h", .seconds(86_400)),
        ])
    func parses(text: String, expected: Duration) throws {
        let settings = try PostgresSettings(url: "postgres://u@h/db?statement_timeout=\(text)")
        #expect(settings.statementTimeout == expected)
    }

    @Test("the default is 30 s and 0 turns the deadline off")
    func defaultAndOff() throws {
        #expect(try PostgresSettings(url: "postgres://u@h/db").statementTimeout == .seconds(30))
        #expect(try PostgresSettings(url: "postgres://u@h/db?statement_timeout=0").statementTimeout == nil)
        let configuration = try StoreConfiguration.from(
            environment: ["APUS_DATABASE_URL": "postgres://u@h/db?schema=s&statement_timeout=5s&pool=3"])
        guard case .postgres(let settings) = configuration else {
            Issue.record("expected PostgreSQL, got \(configuration)")
            return
        }
        #expect(settings.statementTimeout == .seconds(5) && settings.schema == "s" && settings.maximumConnections == 3)
    }

    @Test(
        "bad statement_timeout values are configuration errors that name the parameter",
        arguments: ["", "abc", "-1s", "5%20s", "5sec", "1.5s", "25h", "99999999999999s", "s"])
    func rejects(text: String) async {
        let error = await expectStoreError(.invalidConfiguration) {
            _ = try StoreConfiguration.from(
                environment: ["APUS_DATABASE_URL": "postgres://u:secret@h/db?statement_timeout=\(text)"])
        }
        #expect(error?.message.contains("statement_timeout") == true)
        #expect(error?.message.contains("secret") == false)
    }
}

/// A flag a task raises and a test polls (never an unbounded wait).
final class Flag: Sendable {
    private let raised = Mutex(false)

    var isRaised: Bool { raised.withLock { $0 } }

    func raise() { raised.withLock { $0 = true } }
}
