import Logging
import PostgresNIO
import Synchronization

/// The PostgreSQL engine: a postgres-nio `PostgresClient` (a connection pool) whose `run()` loop lives in a task
/// this store owns and stops on ``close()``.
///
/// Commits are durable by PostgreSQL's defaults (`fsync` and `synchronous_commit` on). Transactions run on one
/// pooled connection at `READ COMMITTED`; claims use `FOR UPDATE SKIP LOCKED` (``SQLDialect/claimLockSuffix``)
/// so that two processes never claim the same row.
///
/// Every statement and every transaction has a deadline, ``PostgresSettings/statementTimeout``: when the server
/// dies or the network is cut, work fails with a ``StoreError`` of kind `timeout` instead of waiting for ever.
/// The store then closes the connection that work held (the pool opens a new one when the server answers again,
/// so the same store recovers by itself). Cancelling the calling task does the same. The pool's idle keep-alive
/// queries are off, because postgres-nio gives them no deadline: idle connections are closed after 60 s instead.
public final class PostgresDatabase: Database {
    public var dialect: SQLDialect { .postgres }

    /// The settings the store was opened with (their description hides the password).
    public let settings: PostgresSettings

    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let logger: Logger
    private let closed = Mutex(false)

    /// How long ``close()`` waits for the pool to shut down before it returns anyway.
    static let closeGracePeriod: Duration = .seconds(5)

    /// Connects to the server described by `settings`: starts the pool, checks that a connection can be made
    /// (so a wrong host or password fails here, as a ``StoreError`` of kind `connection`), and creates
    /// ``PostgresSettings/schema`` if it is set and missing.
    public init(settings: PostgresSettings, logger: Logger = PostgresDatabase.defaultLogger) async throws(StoreError) {
        self.settings = settings
        self.logger = logger
        let client = PostgresClient(configuration: Self.clientConfiguration(settings), backgroundLogger: logger)
        self.client = client
        runTask = Task { await client.run() }
        do {
            try await firstContact()
        } catch {
            await close()
            throw error
        }
    }

    /// The logger used when none is given: `apus.store.postgres` at `warning`, because the pool logs every failed
    /// connection attempt at `info`.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "apus.store.postgres")
        logger.logLevel = .warning
        return logger
    }

    /// The pool configuration for `settings`: TLS, pool size, connect time-out, no keep-alive queries, and the
    /// startup parameters `search_path` (the schema) and `statement_timeout` (the deadline, in milliseconds).
    static func clientConfiguration(_ settings: PostgresSettings) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username, password: settings.password,
            database: settings.database, tls: .disable)
        if settings.requireTLS {
            configuration.tls = .require(.makeClientConfiguration())
        }
        configuration.options.connectTimeout = settings.connectTimeout
        configuration.options.maximumConnections = settings.maximumConnections
        configuration.options.keepAliveBehavior = nil
        var startup: [(String, String)] = []
        if let schema = settings.schema {
            startup.append(("search_path", schema))
        }
        if let timeout = settings.statementTimeout {
            startup.append(("statement_timeout", String(PostgresTimeoutParameter.milliseconds(timeout))))
        }
        configuration.options.additionalStartupParameters = startup
        return configuration
    }

    /// Runs the first statement (creating the schema if one is set), failing with a `connection` error when no
    /// connection is made within ``PostgresSettings/connectTimeout`` (the pool itself retries for ever).
    private func firstContact() async throws(StoreError) {
        let statement = settings.schema.map { "CREATE SCHEMA IF NOT EXISTS \(PostgresSettings.quoteIdentifier($0))" }
            ?? "SELECT 1"
        let timeout = settings.connectTimeout
        let failure = StoreError(
            .connection, "could not connect to PostgreSQL at \(settings.host):\(settings.port) within \(timeout)",
            statement: statement)
        do {
            _ = try await withLease(deadline: timeout, timeoutError: failure) { executor in
                try await executor.execute(statement, [])
            }
        } catch {
            throw PostgresValueCoding.storeError(error, sql: statement)
        }
    }

    @discardableResult
    public func execute(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> Int {
        try checkOpen()
        do {
            return try await withLease(deadline: settings.statementTimeout, timeoutError: timeoutError(sql: sql)) {
                executor in
                try await executor.execute(sql, parameters)
            }
        } catch {
            throw storeError(error, sql: sql)
        }
    }

    public func query(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> [StoreRow] {
        try checkOpen()
        do {
            return try await withLease(deadline: settings.statementTimeout, timeoutError: timeoutError(sql: sql)) {
                executor in
                try await executor.query(sql, parameters)
            }
        } catch {
            throw storeError(error, sql: sql)
        }
    }

    public func executeBatch(_ sql: String, _ parameterRows: [[StoreValue]]) async throws(StoreError) {
        do {
            try await transaction { executor in try await executor.executeBatch(sql, parameterRows) }
        } catch {
            throw PostgresValueCoding.storeError(error, sql: sql)
        }
    }

    /// Runs `body` in one transaction on one pooled connection, within ``PostgresSettings/statementTimeout``
    /// for the whole transaction (leasing, `BEGIN`, the body and `COMMIT`).
    ///
    /// Errors of the store (including a time-out, which replaces whatever the body threw once the deadline has
    /// passed) are ``StoreError``s; errors the body throws itself are rethrown unchanged after `ROLLBACK`.
    public func transaction<Result: Sendable>(
        _ body: (any SQLExecutor) async throws -> Result
    ) async throws -> Result {
        try checkOpen()
        do {
            return try await withLease(deadline: settings.statementTimeout, timeoutError: timeoutError(sql: nil)) {
                executor in
                try await executor.execute("BEGIN", [])
                do {
                    let result = try await body(executor)
                    try await executor.execute("COMMIT", [])
                    return result
                } catch {
                    do {
                        try await executor.execute("ROLLBACK", [])
                    } catch {
                        // The connection's transaction state is unknown: never lend it again.
                        _ = try? await executor.connection.close().get()
                    }
                    throw error
                }
            }
        } catch let error as PSQLError {
            throw storeError(error, sql: nil)
        } catch let error as StoreError {
            throw storeError(error, sql: nil)
        }
    }

    /// Closes the store: further use throws a `closed` error, the pool closes its connections (a statement still
    /// running fails), and this returns when the pool has stopped, or after ``closeGracePeriod`` if it has not
    /// (the pool then finishes stopping in the background).
    public func close() async {
        let wasClosed = closed.withLock { closed -> Bool in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        runTask.cancel()
        let runTask = self.runTask
        await PostgresDeadline.waitForEither(
            { await runTask.value },
            orAfter: Self.closeGracePeriod)
    }

    /// Leases a pool connection and runs `body` with an executor on it, within `deadline` (`nil`: none). When
    /// the deadline passes, `body`'s connection is closed (or the wait for one is abandoned) and this throws `timeoutError`; when the calling
    /// task is cancelled, the same happens with a cancellation error.
    private func withLease<T: Sendable>(
        deadline: Duration?, timeoutError: StoreError, _ body: (PostgresConnectionExecutor) async throws -> T
    ) async throws -> T {
        let handoff = PostgresLeaseHandoff(timeoutError: timeoutError)
        let client = self.client
        let logger = self.logger
        let server = "\(settings.host):\(settings.port)"
        do {
            return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
                group.addTask {
                    do {
                        try await client.withConnection { (connection: PostgresConnection) async -> Void in
                            guard handoff.deliver(connection) else { return }
                            await handoff.waitUntilReturned()
                            if handoff.closedConnection || connection.isClosed {
                                // Let the pool see the close before the lease ends, or it lends the dead
                                // connection again (its close callback runs before this one).
                                _ = try? await connection.closeFuture.get()
                            }
                        }
                    } catch is CancellationError {
                        handoff.failLease(CancellationError())
                    } catch {
                        // The pool gave up (its circuit breaker tripped after failed connection attempts, or it
                        // is shutting down).
                        handoff.failLease(StoreError(.connection, "no connection to PostgreSQL at \(server): \(error)"))
                    }
                }
                if let deadline {
                    group.addTask {
                        do {
                            try await Task.sleep(for: deadline)
                            handoff.expire()
                        } catch {
                            // Cancelled: the work finished first.
                        }
                    }
                }
                defer {
                    handoff.giveBack()
                    group.cancelAll()
                }
                return try await withTaskCancellationHandler {
                    let connection = try await handoff.connection()
                    return try await body(
                        PostgresConnectionExecutor(connection: connection, logger: logger, handoff: handoff))
                } onCancel: {
                    handoff.abandon()
                }
            }
        } catch {
            if handoff.didExpire { throw timeoutError }
            throw error
        }
    }

    /// Maps `error` to a ``StoreError`` whose message, for a `connection` error, names the server.
    private func storeError(_ error: any Error, sql: String?) -> StoreError {
        var mapped = PostgresValueCoding.storeError(error, sql: sql)
        let server = "\(settings.host):\(settings.port)"
        if mapped.kind == .connection, !mapped.message.contains(server) {
            mapped.message += " (PostgreSQL at \(server))"
        }
        return mapped
    }

    /// The error of a statement (`sql`) or transaction (`nil`) that missed ``PostgresSettings/statementTimeout``.
    private func timeoutError(sql: String?) -> StoreError {
        let limit = settings.statementTimeout.map(PostgresTimeoutParameter.describe) ?? "its deadline"
        let what = sql == nil ? "transaction" : "statement"
        return StoreError(
            .timeout,
            "PostgreSQL at \(settings.host):\(settings.port) did not complete the \(what) within \(limit) "
                + "(statement_timeout); its connection was closed",
            statement: sql)
    }

    private func checkOpen() throws(StoreError) {
        if closed.withLock({ $0 }) { throw StoreError(.closed, "the PostgreSQL database is closed") }
    }
}
