import Logging
import PostgresNIO
import Synchronization

/// The PostgreSQL engine: a postgres-nio `PostgresClient` (a connection pool) whose `run()` loop lives in a task
/// this store owns and stops on ``close()``.
///
/// Commits are durable by PostgreSQL's defaults (`fsync` and `synchronous_commit` on). Transactions run on one
/// pooled connection at `READ COMMITTED`; claims use `FOR UPDATE SKIP LOCKED` (``SQLDialect/claimLockSuffix``)
/// so that two processes never claim the same row.
public final class PostgresDatabase: Database {
    public var dialect: SQLDialect { .postgres }

    /// The settings the store was opened with (their description hides the password).
    public let settings: PostgresSettings

    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let logger: Logger
    private let closed = Mutex(false)

    /// Connects to the server described by `settings`: starts the pool, checks that a connection can be made
    /// (so a wrong host or password fails here, as a ``StoreError`` of kind `connection`), and creates
    /// ``PostgresSettings/schema`` if it is set and missing.
    public init(settings: PostgresSettings, logger: Logger = PostgresDatabase.defaultLogger) async throws(StoreError) {
        self.settings = settings
        self.logger = logger
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username, password: settings.password,
            database: settings.database, tls: .disable)
        if settings.requireTLS {
            configuration.tls = .require(.makeClientConfiguration())
        }
        configuration.options.connectTimeout = settings.connectTimeout
        configuration.options.maximumConnections = settings.maximumConnections
        if let schema = settings.schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runTask = Task { await client.run() }
        do {
            try await firstContact(timeout: settings.connectTimeout)
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

    /// Runs the first statement (creating the schema if one is set), failing with a `connection` error when no
    /// connection is made within `timeout` (the pool itself retries forever).
    private func firstContact(timeout: Duration) async throws(StoreError) {
        let statement = settings.schema.map { "CREATE SCHEMA IF NOT EXISTS \(PostgresSettings.quoteIdentifier($0))" }
            ?? "SELECT 1"
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.execute(statement) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw StoreError(
                        .connection, "could not connect to PostgreSQL at \(self.settings.host):\(self.settings.port) "
                            + "within \(timeout)")
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch {
            throw PostgresValueCoding.storeError(error, sql: statement)
        }
    }

    @discardableResult
    public func execute(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> Int {
        try checkOpen()
        return try await withConnection(sql: sql) { connection in
            try await PostgresConnectionExecutor(connection: connection, logger: self.logger).execute(sql, parameters)
        }
    }

    public func query(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> [StoreRow] {
        try checkOpen()
        return try await withConnection(sql: sql) { connection in
            try await PostgresConnectionExecutor(connection: connection, logger: self.logger).query(sql, parameters)
        }
    }

    public func executeBatch(_ sql: String, _ parameterRows: [[StoreValue]]) async throws(StoreError) {
        do {
            try await transaction { executor in try await executor.executeBatch(sql, parameterRows) }
        } catch {
            throw PostgresValueCoding.storeError(error, sql: sql)
        }
    }

    public func transaction<Result: Sendable>(
        _ body: (any SQLExecutor) async throws -> Result
    ) async throws -> Result {
        try checkOpen()
        let logger = self.logger
        let lease: Result
        do {
            lease = try await client.withConnection { (connection: PostgresConnection) async throws -> Result in
                let executor = PostgresConnectionExecutor(connection: connection, logger: logger)
                try await executor.execute("BEGIN", [])
                do {
                    let result = try await body(executor)
                    try await executor.execute("COMMIT", [])
                    return result
                } catch {
                    _ = try? await executor.execute("ROLLBACK", [])
                    throw error
                }
            }
        } catch let error as PSQLError {
            throw PostgresValueCoding.storeError(error, sql: nil)
        }
        return lease
    }

    public func close() async {
        let wasClosed = closed.withLock { closed -> Bool in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        runTask.cancel()
        await runTask.value
    }

    private func withConnection<T: Sendable>(
        sql: String, _ body: (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { (connection: PostgresConnection) async throws -> T in
                try await body(connection)
            }
        } catch {
            throw PostgresValueCoding.storeError(error, sql: sql)
        }
    }

    private func checkOpen() throws(StoreError) {
        if closed.withLock({ $0 }) { throw StoreError(.closed, "the PostgreSQL database is closed") }
    }
}

/// Runs statements on one leased PostgreSQL connection (a transaction's, or a single statement's).
struct PostgresConnectionExecutor: SQLExecutor {
    let connection: PostgresConnection
    let logger: Logger

    var dialect: SQLDialect { .postgres }

    @discardableResult
    func execute(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> Int {
        let result = try await run(sql, parameters)
        return result.metadata.rows ?? 0
    }

    func query(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> [StoreRow] {
        let result = try await run(sql, parameters)
        var columns: [String]? = nil
        var rows: [StoreRow] = []
        rows.reserveCapacity(result.rows.count)
        for row in result.rows {
            rows.append(try PostgresValueCoding.row(row, columns: &columns))
        }
        return rows
    }

    /// Runs the rows as multi-row statements when `sql` is a plain `INSERT … VALUES (?, …)` (see
    /// ``MultiRowInsert``), else one statement per row.
    func executeBatch(_ sql: String, _ parameterRows: [[StoreValue]]) async throws(StoreError) {
        if parameterRows.count > 1, let shape = MultiRowInsert(sql),
            let statements = shape.statements(for: parameterRows)
        {
            for statement in statements {
                _ = try await run(statement.sql, statement.parameters)
            }
            return
        }
        for parameters in parameterRows {
            _ = try await run(sql, parameters)
        }
    }

    private func run(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> PostgresQueryResult {
        let query = PostgresQuery(
            unsafeSQL: SQLDialect.postgres.rewritePlaceholders(sql),
            binds: PostgresValueCoding.bindings(parameters))
        do {
            return try await connection.query(query, logger: logger).get()
        } catch {
            throw PostgresValueCoding.storeError(error, sql: sql)
        }
    }
}
