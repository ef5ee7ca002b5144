import ApusCore
import Synchronization

/// A ``JobStore`` that keeps its jobs in memory, for tests and for bots that need no durability.
///
/// It follows every documented semantic of ``JobStore`` (and passes ``JobStoreConformance``), but "durable" here
/// only means "visible to every later call on this instance": the jobs are gone when the process ends.
///
/// `complete`, `retry` and `bury` apply only to the current claim of a job (see "Fencing" in ``JobStore``): a job
/// cancelled, rescheduled or claimed again while a handler ran keeps its state, and the late finish returns
/// ``JobFinishResult/superseded``. An identifier the store never issued is an error
/// (``InMemoryJobStoreError/unknownJob(id:)``).
public final class InMemoryJobStore: JobStore {
    private struct State {
        var nextID: Int64 = 1
        var jobsByID: [Int64: StoredJob] = [:]
    }

    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    public func schedule(_ job: NewJob, now: WallTime) async throws -> StoredJob {
        state.withLock { state in
            if let existing = state.jobsByID.values.first(where: {
                $0.state == .pending && $0.kind == job.kind && $0.key == job.key
            }) {
                var replaced = existing
                replaced.payload = job.payload
                replaced.dueAt = job.dueAt
                replaced.leaseUntil = nil
                replaced.updatedAt = now
                state.jobsByID[replaced.id] = replaced
                return replaced
            }
            let stored = StoredJob(
                id: state.nextID, kind: job.kind, key: job.key, payload: job.payload, dueAt: job.dueAt,
                state: .pending, attempts: 0, lastError: nil, leaseUntil: nil, createdAt: now, updatedAt: now
            )
            state.nextID += 1
            state.jobsByID[stored.id] = stored
            return stored
        }
    }

    public func cancel(kind: String, key: String, now: WallTime) async throws -> Bool {
        state.withLock { state in
            guard let existing = state.jobsByID.values.first(where: {
                $0.state == .pending && $0.kind == kind && $0.key == key
            }) else { return false }
            var cancelled = existing
            cancelled.state = .cancelled
            cancelled.leaseUntil = nil
            cancelled.updatedAt = now
            state.jobsByID[cancelled.id] = cancelled
            return true
        }
    }

    public func claimDue(now: WallTime, leaseUntil: WallTime, limit: Int) async throws -> [StoredJob] {
        guard limit > 0 else { return [] }
        return state.withLock { state in
            let due = state.jobsByID.values
                .filter { job in
                    job.state == .pending && job.dueAt <= now && (job.leaseUntil.map { $0 <= now } ?? true)
                }
                .sorted(by: Self.dueOrder)
                .prefix(limit)
            return due.map { job in
                var claimed = job
                claimed.leaseUntil = leaseUntil
                claimed.attempts += 1
                claimed.updatedAt = now
                state.jobsByID[claimed.id] = claimed
                return claimed
            }
        }
    }

    public func nextWakeTime() async throws -> WallTime? {
        state.withLock { state in
            state.jobsByID.values
                .filter { $0.state == .pending }
                .map { job in max(job.dueAt, job.leaseUntil ?? job.dueAt) }
                .min()
        }
    }

    @discardableResult
    public func complete(_ claim: JobClaim, now: WallTime) async throws -> JobFinishResult {
        try finish(claim) { job in
            job.state = .completed
            job.leaseUntil = nil
            job.updatedAt = now
        }
    }

    @discardableResult
    public func retry(
        _ claim: JobClaim, error: String, retryAt: WallTime, now: WallTime
    ) async throws -> JobFinishResult {
        try finish(claim) { job in
            job.dueAt = retryAt
            job.lastError = error
            job.leaseUntil = nil
            job.updatedAt = now
        }
    }

    @discardableResult
    public func bury(_ claim: JobClaim, error: String, now: WallTime) async throws -> JobFinishResult {
        try finish(claim) { job in
            job.state = .buried
            job.lastError = error
            job.leaseUntil = nil
            job.updatedAt = now
        }
    }

    public func jobs(kind: String?, state jobState: JobState?) async throws -> [StoredJob] {
        state.withLock { state in
            state.jobsByID.values
                .filter { job in
                    (kind.map { job.kind == $0 } ?? true) && (jobState.map { job.state == $0 } ?? true)
                }
                .sorted(by: Self.dueOrder)
        }
    }

    /// Applies `change` to the job of `claim` if that claim is still current (pending, same attempt count, still
    /// leased); throws if the store never issued the job's id.
    private func finish(
        _ claim: JobClaim, _ change: (inout StoredJob) -> Void
    ) throws(InMemoryJobStoreError) -> JobFinishResult {
        try state.withLock { state throws(InMemoryJobStoreError) -> JobFinishResult in
            guard var job = state.jobsByID[claim.jobID] else { throw .unknownJob(id: claim.jobID) }
            guard job.state == .pending, job.attempts == claim.attempt, job.leaseUntil != nil else {
                return .superseded
            }
            change(&job)
            state.jobsByID[claim.jobID] = job
            return .applied
        }
    }

    /// Earliest due first, ties broken by identifier.
    private static func dueOrder(_ lhs: StoredJob, _ rhs: StoredJob) -> Bool {
        (lhs.dueAt, lhs.id) < (rhs.dueAt, rhs.id)
    }
}

/// Errors thrown by ``InMemoryJobStore``.
public enum InMemoryJobStoreError: Error, Equatable, Sendable {
    /// `complete`, `retry` or `bury` named an identifier this store never issued.
    case unknownJob(id: Int64)
}
