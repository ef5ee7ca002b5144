import Logging
import PostgresNIO

/// Runs statements on one leased PostgreSQL connection (a transaction's, or a single statement's).
struct PostgresConnectionExecutor: SQLExecutor {
    let connection: PostgresConnection
    let logger: Logger
    /// The loan of `connection`, whose early end fails a statement still waiting for its answer.
    let handoff: PostgresLeaseHandoff

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
        // A statement written to a channel that has closed may never be answered (once the channel's handlers are
        // gone the write is dropped), so a closed connection fails here; a close racing with the write is covered
        // by the handoff, which fails the wait when the store closes the connection (deadline or cancellation).
        guard !connection.isClosed else {
            throw StoreError(.connection, "the PostgreSQL connection is closed", statement: sql)
        }
        let query = PostgresQuery(
            unsafeSQL: SQLDialect.postgres.rewritePlaceholders(sql),
            binds: PostgresValueCoding.bindings(parameters))
        do {
            return try await handoff.answer(to: connection.query(query, logger: logger))
        } catch {
            throw PostgresValueCoding.storeError(error, sql: sql)
        }
    }
}
