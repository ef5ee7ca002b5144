import ApusCore

/// A job to be stored: "run `kind` with `payload` at `dueAt`".
///
/// `(kind, key)` is unique among jobs that are not finished: scheduling the same pair again replaces the due time
/// and payload of the pending job instead of adding a second one (a re-issued temp-ban moves its unban).
public struct NewJob: Sendable, Equatable {
    /// The handler's name, for example `"moderation.unban"`.
    public var kind: String
    /// What makes this job unique within its kind, for example `"guild:123:user:456"`.
    public var key: String
    /// Handler-owned data, usually JSON text.
    public var payload: String
    /// When the job should run.
    public var dueAt: WallTime

    /// Creates a job description.
    public init(kind: String, key: String, payload: String, dueAt: WallTime) {
        self.kind = kind
        self.key = key
        self.payload = payload
        self.dueAt = dueAt
    }
}

/// Where a stored job is in its life.
public enum JobState: String, Sendable, Equatable, CaseIterable {
    /// Waiting for its due time (or for a retry).
    case pending
    /// Ran successfully.
    case completed
    /// Buried: a failure about the job itself (see ``JobFailureKind/job``) ended it; it never runs again by itself
    /// and keeps its ``StoredJob/lastError`` for inspection. Stored as `dead` (the column's value since the first
    /// schema).
    case buried = "dead"
    /// Cancelled before it ran.
    case cancelled
}

/// A job as the store holds it.
public struct StoredJob: Sendable, Equatable, Identifiable {
    /// The store-assigned identifier.
    public var id: Int64
    /// The handler's name.
    public var kind: String
    /// The job's unique key within its kind.
    public var key: String
    /// Handler-owned data.
    public var payload: String
    /// When the job is (next) due.
    public var dueAt: WallTime
    /// Where the job is in its life.
    public var state: JobState
    /// How many times the job has been claimed to run (a claim counts even if the process then crashed).
    public var attempts: Int
    /// The last failure's message, if any.
    public var lastError: String?
    /// Until when the current claim holds; another claimer skips the job before this time.
    public var leaseUntil: WallTime?
    /// When the job was first stored.
    public var createdAt: WallTime
    /// When the job last changed state or time.
    public var updatedAt: WallTime

    /// Creates a stored job value (stores and tests build these).
    public init(
        id: Int64, kind: String, key: String, payload: String, dueAt: WallTime, state: JobState, attempts: Int,
        lastError: String?, leaseUntil: WallTime?, createdAt: WallTime, updatedAt: WallTime
    ) {
        self.id = id
        self.kind = kind
        self.key = key
        self.payload = payload
        self.dueAt = dueAt
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.leaseUntil = leaseUntil
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Durable storage for the persistent scheduler.
///
/// Delivery is at least once: a job is claimed (with a lease) before it runs and completed after, so a crash
/// between the two makes the job run again after the lease expires. Handlers make their effects idempotent.
/// Every method commits durably before it returns.
///
/// ## Fencing
///
/// A lease can expire while its handler still runs (a slow REST call, a paused process); the job is then claimed
/// again by another worker. So that the first worker's late result cannot overwrite the state the second one owns,
/// every claim carries a fencing token, ``JobClaim`` (the job's id and its ``StoredJob/attempts`` after the claim,
/// see ``StoredJob/claim``). ``complete(_:now:)``, ``retry(_:error:retryAt:now:)`` and ``bury(_:error:now:)`` take
/// that token and change the job only if it is still *the current claim*: the job is pending, still carries that
/// attempt count, and is still leased. Any later event supersedes a claim:
///
/// - a new claim (after the lease expired) increments `attempts`;
/// - ``schedule(_:now:)`` replacing the job clears its lease (and a later claim increments `attempts`);
/// - ``retry(_:error:retryAt:now:)`` clears the lease; ``complete(_:now:)``, ``bury(_:error:now:)`` and
///   ``cancel(kind:key:now:)`` end the pending state.
///
/// A superseded finish changes nothing and returns ``JobFinishResult/superseded``; it is not an error. An id the
/// store never issued is an error (each store documents its type).
///
/// Implementations: `InMemoryJobStore` (tests, ephemeral bots) and the SQL store in `ApusStore` (SQLite and
/// PostgreSQL), which must pass the same conformance tests (``JobStoreConformance``).
public protocol JobStore: Sendable {
    /// Stores `job` as pending, or, if a pending job with the same `(kind, key)` exists, replaces its payload and
    /// due time, clears its lease and keeps its id and attempt count. Returns the stored job. Replacing a claimed
    /// job supersedes its claim.
    func schedule(_ job: NewJob, now: WallTime) async throws -> StoredJob

    /// Marks the pending job `(kind, key)` cancelled. Returns whether such a pending job existed. Cancelling a
    /// claimed job supersedes its claim.
    func cancel(kind: String, key: String, now: WallTime) async throws -> Bool

    /// Claims up to `limit` pending jobs whose due time is at or before `now` and whose lease is absent or
    /// expired (`leaseUntil <= now`), earliest due first (ties by id). Each claimed job gets
    /// `leaseUntil = leaseUntil`, `attempts + 1`, and is returned with those values; its ``StoredJob/claim`` is the
    /// token that finishes it. Claiming a job whose lease expired supersedes the previous claim.
    func claimDue(now: WallTime, leaseUntil: WallTime, limit: Int) async throws -> [StoredJob]

    /// The earliest time at which `claimDue` could return a job: over pending jobs, the later of `dueAt` and
    /// `leaseUntil`, minimum taken. `nil` when there are no pending jobs.
    func nextWakeTime() async throws -> WallTime?

    /// Marks the job of `claim` completed, if `claim` is still current (see "Fencing" above); otherwise changes
    /// nothing and returns ``JobFinishResult/superseded``.
    @discardableResult
    func complete(_ claim: JobClaim, now: WallTime) async throws -> JobFinishResult

    /// Records a failure of the job of `claim` and puts it back to pending at `retryAt` with its lease cleared, if
    /// `claim` is still current; otherwise changes nothing and returns ``JobFinishResult/superseded``.
    @discardableResult
    func retry(_ claim: JobClaim, error: String, retryAt: WallTime, now: WallTime) async throws -> JobFinishResult

    /// Records a final failure of the job of `claim`: the job becomes buried and never runs again by itself. Only if
    /// `claim` is still current; otherwise changes nothing and returns ``JobFinishResult/superseded``.
    @discardableResult
    func bury(_ claim: JobClaim, error: String, now: WallTime) async throws -> JobFinishResult

    /// Jobs for inspection (the `jobs` command, tests), optionally filtered by kind and state, ordered by due time
    /// then id.
    func jobs(kind: String?, state: JobState?) async throws -> [StoredJob]
}
