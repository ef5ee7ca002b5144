import ApusCore
import ApusScheduler

/// The scheduler's ``JobStore`` in SQL, on SQLite or PostgreSQL, over the `jobs` table of
/// ``CoreMigrations/jobs`` (apply ``CoreMigrations/list`` first, or use ``open(database:clock:)``).
///
/// Every method commits before it returns (durably: SQLite WAL with `synchronous=FULL`, PostgreSQL's defaults).
/// Claims are safe with several processes: on PostgreSQL the due rows are selected `FOR UPDATE SKIP LOCKED`
/// inside the claiming transaction, so two claimers never get the same job; on SQLite the claiming transaction is
/// `BEGIN IMMEDIATE`, which holds the single writer from its first statement.
///
/// `complete`, `retry` and `bury` are fenced (see "Fencing" in `JobStore`): each is one `UPDATE … WHERE id = ? AND
/// attempts = ? AND state = 'pending' AND lease_until IS NOT NULL`, so it changes the job only while the caller's
/// ``JobClaim`` is the current claim, atomically with that check, and reports ``JobFinishResult/superseded`` when no
/// row matched. A job cancelled, rescheduled or claimed again while a handler ran keeps its state. An id the store
/// never issued is a ``StoreError`` of kind `notFound`.
public struct SQLJobStore: JobStore {
    private let database: any Database

    /// A job store over `database`, whose core migrations must already be applied.
    public init(database: any Database) {
        self.database = database
    }

    /// Applies the core migrations to `database` and returns a job store over it.
    public static func open(database: any Database, clock: any WallClock = SystemWallClock()) async throws -> SQLJobStore {
        try await Migrator(database: database, clock: clock).migrate([CoreMigrations.list])
        return SQLJobStore(database: database)
    }

    private static let columns =
        "id, kind, key, payload, due_at, state, attempts, last_error, lease_until, created_at, updated_at"

    public func schedule(_ job: NewJob, now: WallTime) async throws -> StoredJob {
        try await database.transaction { tx in
            try await tx.execute(
                """
                INSERT INTO jobs (kind, key, payload, due_at, state, attempts, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)
                ON CONFLICT (kind, key) WHERE state = 'pending' DO UPDATE SET
                    payload = excluded.payload, due_at = excluded.due_at, lease_until = NULL,
                    updated_at = excluded.updated_at
                """,
                [.text(job.kind), .text(job.key), .text(job.payload), .timestamp(job.dueAt), .timestamp(now),
                 .timestamp(now)])
            let rows = try await tx.query(
                "SELECT \(Self.columns) FROM jobs WHERE kind = ? AND key = ? AND state = 'pending'",
                [.text(job.kind), .text(job.key)])
            guard let row = rows.first else {
                throw StoreError(.notFound, "scheduled job vanished inside its own transaction")
            }
            return try Self.storedJob(row)
        }
    }

    public func cancel(kind: String, key: String, now: WallTime) async throws -> Bool {
        let changed = try await database.execute(
            """
            UPDATE jobs SET state = 'cancelled', lease_until = NULL, updated_at = ?
            WHERE kind = ? AND key = ? AND state = 'pending'
            """,
            [.timestamp(now), .text(kind), .text(key)])
        return changed > 0
    }

    public func claimDue(now: WallTime, leaseUntil: WallTime, limit: Int) async throws -> [StoredJob] {
        guard limit > 0 else { return [] }
        return try await database.transaction { tx in
            let rows = try await tx.query(
                """
                SELECT \(Self.columns) FROM jobs
                WHERE state = 'pending' AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                ORDER BY due_at, id LIMIT ?\(tx.dialect.claimLockSuffix)
                """,
                [.timestamp(now), .timestamp(now), .int(limit)])
            var claimed = try rows.map { row throws(StoreError) in try Self.storedJob(row) }
            guard !claimed.isEmpty else { return [] }
            let placeholders = Array(repeating: "?", count: claimed.count).joined(separator: ", ")
            try await tx.execute(
                "UPDATE jobs SET lease_until = ?, attempts = attempts + 1, updated_at = ? WHERE id IN (\(placeholders))",
                [.timestamp(leaseUntil), .timestamp(now)] + claimed.map { .int64($0.id) })
            for index in claimed.indices {
                claimed[index].leaseUntil = leaseUntil
                claimed[index].attempts += 1
                claimed[index].updatedAt = now
            }
            claimed.sort { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
            return claimed
        }
    }

    public func nextWakeTime() async throws -> WallTime? {
        let row = try await database.queryFirst(
            """
            SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until > due_at THEN lease_until ELSE due_at END)
                AS wake
            FROM jobs WHERE state = 'pending'
            """)
        return try row?.optionalWallTime("wake")
    }

    /// The condition that makes a finishing `UPDATE` apply only to the current claim; its two parameters are the
    /// claim's job id and attempt.
    private static let currentClaim = "id = ? AND attempts = ? AND state = 'pending' AND lease_until IS NOT NULL"

    @discardableResult
    public func complete(_ claim: JobClaim, now: WallTime) async throws -> JobFinishResult {
        try await finish(
            claim,
            sql: "UPDATE jobs SET state = 'completed', lease_until = NULL, updated_at = ? WHERE \(Self.currentClaim)",
            [.timestamp(now)])
    }

    @discardableResult
    public func retry(
        _ claim: JobClaim, error: String, retryAt: WallTime, now: WallTime
    ) async throws -> JobFinishResult {
        try await finish(
            claim,
            sql: """
                UPDATE jobs SET due_at = ?, last_error = ?, lease_until = NULL, updated_at = ?
                WHERE \(Self.currentClaim)
                """,
            [.timestamp(retryAt), .text(error), .timestamp(now)])
    }

    @discardableResult
    public func bury(_ claim: JobClaim, error: String, now: WallTime) async throws -> JobFinishResult {
        try await finish(
            claim,
            sql: """
                UPDATE jobs SET state = 'dead', last_error = ?, lease_until = NULL, updated_at = ?
                WHERE \(Self.currentClaim)
                """,
            [.text(error), .timestamp(now)])
    }

    public func jobs(kind: String?, state: JobState?) async throws -> [StoredJob] {
        var conditions: [String] = []
        var parameters: [StoreValue] = []
        if let kind {
            conditions.append("kind = ?")
            parameters.append(.text(kind))
        }
        if let state {
            conditions.append("state = ?")
            parameters.append(.text(state.rawValue))
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let rows = try await database.query(
            "SELECT \(Self.columns) FROM jobs\(filter) ORDER BY due_at, id", parameters)
        return try rows.map { row throws(StoreError) in try Self.storedJob(row) }
    }

    /// Runs a fenced update of the job of `claim` (`sql` ends with ``currentClaim``, whose parameters are appended
    /// to `parameters`). When no row changed, distinguishes "claim superseded" (a result) from "job never existed"
    /// (an error).
    private func finish(_ claim: JobClaim, sql: String, _ parameters: [StoreValue]) async throws -> JobFinishResult {
        let changed = try await database.execute(sql, parameters + [.int64(claim.jobID), .int(claim.attempt)])
        guard changed == 0 else { return .applied }
        let exists = try await database.queryFirst("SELECT id FROM jobs WHERE id = ?", [.int64(claim.jobID)])
        if exists == nil {
            throw StoreError(.notFound, "no job with id \(claim.jobID)")
        }
        return .superseded
    }

    static func storedJob(_ row: StoreRow) throws(StoreError) -> StoredJob {
        let stateText = try row.text("state")
        guard let state = JobState(rawValue: stateText) else {
            throw StoreError(.typeMismatch, "unknown job state '\(stateText)'")
        }
        return StoredJob(
            id: try row.int64("id"), kind: try row.text("kind"), key: try row.text("key"),
            payload: try row.text("payload"), dueAt: try row.wallTime("due_at"), state: state,
            attempts: try row.int("attempts"), lastError: try row.optionalText("last_error"),
            leaseUntil: try row.optionalWallTime("lease_until"), createdAt: try row.wallTime("created_at"),
            updatedAt: try row.wallTime("updated_at"))
    }
}
