import ApusCore
import Synchronization

/// A ``JobStore`` that keeps its jobs in memory, for tests and for bots that need no durability.
///
/// It follows every documented semantic of ``JobStore`` (and passes ``JobStoreConformance``), but "durable" here
/// only means "visible to every later call on this instance": the jobs are gone when the process ends.
///
/// `complete`, `retry` and `bury` apply only to a job that is still pending (claimed or not): a job cancelled
/// while its handler was running stays cancelled. An identifier the store never issued is an error
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

    public func complete(id: Int64, now: WallTime) async throws {
        try update(id: id) { job in
            job.state = .completed
            job.leaseUntil = nil
            job.updatedAt = now
        }
    }

    public func retry(id: Int64, error: String, retryAt: WallTime, now: WallTime) async throws {
        try update(id: id) { job in
            job.dueAt = retryAt
            job.lastError = error
            job.leaseUntil = nil
            job.updatedAt = now
        }
    }

    public func bury(id: Int64, error: String, now: WallTime) async throws {
        try update(id: id) { job in
            job.state = .dead
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

    /// Applies `change` to the job `id` if it is still pending; throws if the store never issued `id`.
    private func update(id: Int64, _ change: (inout StoredJob) -> Void) throws(InMemoryJobStoreError) {
        try state.withLock { state throws(InMemoryJobStoreError) in
            guard var job = state.jobsByID[id] else { throw .unknownJob(id: id) }
            guard job.state == .pending else { return }
            change(&job)
            state.jobsByID[id] = job
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
