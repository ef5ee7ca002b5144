import ApusCore
import Testing

@testable import ApusScheduler

@Suite struct InMemoryJobStoreTests {
    @Test func passesTheJobStoreConformanceChecks() async throws {
        try await JobStoreConformance.run { InMemoryJobStore() }
    }

    @Test func conformanceNamesEveryCheck() {
        #expect(JobStoreConformance.checkNames.count == 19)
        #expect(JobStoreConformance.checkNames.filter { $0.hasPrefix("fencing.") }.count == 6)
        #expect(Set(JobStoreConformance.checkNames).count == JobStoreConformance.checkNames.count)
    }

    @Test func conformanceReportsTheFailingCheckOfABrokenStore() async throws {
        let failure = await #expect(throws: JobStoreConformanceFailure.self) {
            try await JobStoreConformance.run { LeaselessJobStore() }
        }
        #expect(failure?.check == "schedule.replacingClearsLease" || failure?.check.hasPrefix("claimDue") == true)
    }

    @Test func completingAnUnknownJobIsATypedError() async throws {
        let store = InMemoryJobStore()
        await #expect(throws: InMemoryJobStoreError.unknownJob(id: 42)) {
            try await store.complete(JobClaim(jobID: 42, attempt: 1), now: .epoch)
        }
        await #expect(throws: InMemoryJobStoreError.unknownJob(id: 7)) {
            try await store.retry(JobClaim(jobID: 7, attempt: 1), error: "x", retryAt: .epoch, now: .epoch)
        }
        await #expect(throws: InMemoryJobStoreError.unknownJob(id: 8)) {
            try await store.bury(JobClaim(jobID: 8, attempt: 1), error: "x", now: .epoch)
        }
    }

    @Test func aJobCancelledWhileRunningStaysCancelled() async throws {
        let store = InMemoryJobStore()
        _ = try await store.schedule(NewJob(kind: "k", key: "a", payload: "", dueAt: .epoch), now: .epoch)
        let claimed = try #require(
            try await store.claimDue(now: .epoch, leaseUntil: .epoch + .seconds(60), limit: 1).first
        )
        #expect(try await store.cancel(kind: "k", key: "a", now: .epoch))
        #expect(try await store.complete(claimed.claim, now: .epoch + .seconds(1)) == .superseded)
        #expect(try await store.jobs(kind: nil, state: nil).map(\.state) == [.cancelled])
    }

    @Test func aNonPositiveClaimLimitClaimsNothing() async throws {
        let store = InMemoryJobStore()
        _ = try await store.schedule(NewJob(kind: "k", key: "a", payload: "", dueAt: .epoch), now: .epoch)
        #expect(try await store.claimDue(now: .epoch, leaseUntil: .epoch + .seconds(1), limit: 0).isEmpty)
        #expect(try await store.claimDue(now: .epoch, leaseUntil: .epoch + .seconds(1), limit: -3).isEmpty)
        #expect(try await store.jobs(kind: nil, state: nil).first?.attempts == 0)
    }
}

/// A deliberately broken store: it ignores leases, so a claimed job can be claimed again at once.
private struct LeaselessJobStore: JobStore {
    let inner = InMemoryJobStore()

    func schedule(_ job: NewJob, now: WallTime) async throws -> StoredJob {
        try await inner.schedule(job, now: now)
    }

    func cancel(kind: String, key: String, now: WallTime) async throws -> Bool {
        try await inner.cancel(kind: kind, key: key, now: now)
    }

    func claimDue(now: WallTime, leaseUntil: WallTime, limit: Int) async throws -> [StoredJob] {
        try await inner.claimDue(now: now, leaseUntil: now, limit: limit)
    }

    func nextWakeTime() async throws -> WallTime? {
        try await inner.nextWakeTime()
    }

    func complete(_ claim: JobClaim, now: WallTime) async throws -> JobFinishResult {
        try await inner.complete(claim, now: now)
    }

    func retry(_ claim: JobClaim, error: String, retryAt: WallTime, now: WallTime) async throws -> JobFinishResult {
        try await inner.retry(claim, error: error, retryAt: retryAt, now: now)
    }

    func bury(_ claim: JobClaim, error: String, now: WallTime) async throws -> JobFinishResult {
        try await inner.bury(claim, error: error, now: now)
    }

    func jobs(kind: String?, state: JobState?) async throws -> [StoredJob] {
        try await inner.jobs(kind: kind, state: state)
    }
}
