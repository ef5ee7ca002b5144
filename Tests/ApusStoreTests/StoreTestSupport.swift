import ApusCore
import ApusStore
import Foundation
import Synchronization
import Testing

/// The engines the shared scenarios run on.
enum TestEngine: String, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }
}

/// Whether the PostgreSQL suite runs: when `APUS_TEST_POSTGRES_URL` is set, or when `CI=true` (then a missing URL
/// makes every PostgreSQL test fail instead of being skipped).
enum PostgresTestEnvironment {
    static let url: String? = {
        let value = ProcessInfo.processInfo.environment["APUS_TEST_POSTGRES_URL"]
        return value?.isEmpty == false ? value : nil
    }()

    static let isCI = ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"

    static let shouldRun = url != nil || isCI

    static let skipReason: Comment =
        "PostgreSQL skipped: APUS_TEST_POSTGRES_URL is not set (run scripts/start-test-postgres.sh and export its URL)"
}

/// A database opened for one test, with the clean-up that removes what the test created.
struct TestDatabase: Sendable {
    let database: any Database
    let engine: TestEngine
    /// Opens another, independent connection (pool) to the same data: a second process, as far as the data is
    /// concerned.
    let openSecond: @Sendable () async throws -> any Database
    let cleanUp: @Sendable () async -> Void
}

enum TestDatabases {
    /// Opens a fresh, empty database on `engine`: a temporary WAL file for SQLite, a unique schema for PostgreSQL.
    static func make(_ engine: TestEngine) async throws -> TestDatabase {
        switch engine {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("apus-store-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("test.sqlite").path
            let database = try SQLiteDatabase(location: .file(path))
            return TestDatabase(
                database: database, engine: engine,
                openSecond: { try SQLiteDatabase(location: .file(path)) },
                cleanUp: {
                    await database.close()
                    try? FileManager.default.removeItem(at: directory)
                })
        case .postgres:
            guard let url = PostgresTestEnvironment.url else {
                throw TestEnvironmentError(
                    message: "APUS_TEST_POSTGRES_URL is not set but CI=true: PostgreSQL tests cannot be skipped in CI")
            }
            var settings = try PostgresSettings(url: url)
            settings.schema = "apus_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            settings.maximumConnections = 4
            let database = try await PostgresDatabase(settings: settings)
            let schema = settings.schema ?? ""
            let frozen = settings
            return TestDatabase(
                database: database, engine: engine,
                openSecond: { try await PostgresDatabase(settings: frozen) },
                cleanUp: {
                    _ = try? await database.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
                    await database.close()
                })
        }
    }

    /// Runs `body` with a fresh database and always cleans up.
    static func with(
        _ engine: TestEngine, _ body: (TestDatabase) async throws -> Void
    ) async throws {
        let test = try await make(engine)
        do {
            try await body(test)
        } catch {
            await test.cleanUp()
            throw error
        }
        await test.cleanUp()
    }
}

struct TestEnvironmentError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Collects databases opened by a factory so they can all be closed and dropped afterwards.
final class OpenedDatabases: Sendable {
    private let opened = Mutex<[TestDatabase]>([])

    func add(_ database: TestDatabase) {
        opened.withLock { $0.append(database) }
    }

    func cleanUpAll() async {
        let all = opened.withLock { list -> [TestDatabase] in
            defer { list = [] }
            return list
        }
        for database in all { await database.cleanUp() }
    }
}

/// Expects `body` to throw a ``StoreError`` of `kind`, and returns it.
@discardableResult
func expectStoreError(
    _ kind: StoreError.Kind, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> StoreError? {
    do {
        try await body()
        Issue.record("expected StoreError.\(kind), nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as StoreError {
        #expect(error.kind == kind, "got \(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected StoreError.\(kind), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A one-shot gate a test opens to let a paused task continue.
final class Gate: Sendable {
    private struct State {
        var open = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var arrivals = 0
    }

    private let state = Mutex(State())

    /// How many tasks have reached ``wait()``.
    var arrivals: Int { state.withLock { $0.arrivals } }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                state.arrivals += 1
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Polls (yielding) until `condition` holds; gives up after about two seconds of real time.
    static func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
        for _ in 0..<400 {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return await condition()
    }
}
