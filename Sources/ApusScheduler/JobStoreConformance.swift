import ApusCore

/// The behaviour every ``JobStore`` must show, as an executable check list. For implementors of ``JobStore``.
///
/// Call ``run(makeStore:)`` from your test target with a closure that returns a fresh, empty store; each check
/// gets its own store. Every time used is an explicit ``WallTime`` (no clock is read), so the checks are
/// deterministic. The first failed check throws a ``JobStoreConformanceFailure`` naming it; an error thrown by the
/// store itself is wrapped in a failure naming the check that was running.
///
/// ```swift
/// @Test func sqliteStoreConforms() async throws {
///     try await JobStoreConformance.run { try await SQLJobStore.temporary() }
/// }
/// ```
public enum JobStoreConformance {
    /// One named check against a fresh store.
    typealias Check = @Sendable (Probe) async throws -> Void

    /// The names of every check, in the order ``run(makeStore:)`` runs them.
    public static var checkNames: [String] {
        allChecks.map(\.name)
    }

    /// Runs every check, each on a store returned by `makeStore`. Throws the first ``JobStoreConformanceFailure``.
    public static func run(makeStore: () async throws -> any JobStore) async throws {
        for (name, check) in allChecks {
            let store: any JobStore
            do {
                store = try await makeStore()
            } catch {
                throw JobStoreConformanceFailure(check: name, detail: "makeStore threw \(error)")
            }
            let probe = Probe(name: name, store: store)
            do {
                try await check(probe)
            } catch let failure as JobStoreConformanceFailure {
                throw failure
            } catch {
                throw JobStoreConformanceFailure(check: name, detail: "the store threw \(error)")
            }
        }
    }

    static let allChecks: [(name: String, check: Check)] = [
        ("schedule.createsPendingJob", scheduleCreatesPendingJob),
        ("schedule.replacesByKindAndKeyKeepingID", scheduleReplacesByKindAndKey),
        ("schedule.replacingClearsLease", scheduleReplacingClearsLease),
        ("schedule.afterFinishCreatesNewJob", scheduleAfterFinishCreatesNewJob),
        ("cancel.marksPendingJobCancelled", cancelMarksPendingJobCancelled),
        ("claimDue.ordersByDueTimeThenID", claimOrdersByDueTimeThenID),
        ("claimDue.respectsLimit", claimRespectsLimit),
        ("claimDue.leaseHidesJobUntilExpiry", claimLeaseHidesJobUntilExpiry),
        ("retry.returnsJobToPendingAtRetryTime", retryReturnsJobToPending),
        ("bury.makesJobDeadForever", buryMakesJobDead),
        ("complete.makesJobCompleted", completeMakesJobCompleted),
        ("nextWakeTime.accountsForLeases", nextWakeTimeAccountsForLeases),
        ("jobs.filtersByKindAndStateInDueOrder", jobsFiltersInDueOrder),
    ] + fencingChecks

    // MARK: - Times

    /// A fixed origin for the checks' explicit times (2027-01-15T08:00:00Z).
    static let origin = WallTime(millisecondsSinceEpoch: 1_800_000_000_000)

    /// The wall time `seconds` after ``origin``.
    static func at(_ seconds: Int64) -> WallTime {
        origin + .seconds(seconds)
    }

    static func job(_ kind: String, _ key: String, due seconds: Int64, payload: String = "{}") -> NewJob {
        NewJob(kind: kind, key: key, payload: payload, dueAt: at(seconds))
    }

    // MARK: - Checks

    static func scheduleCreatesPendingJob(_ probe: Probe) async throws {
        let stored = try await probe.store.schedule(job("k", "a", due: 60, payload: "{\"x\":1}"), now: at(0))
        try probe.equal(stored.kind, "k", "kind")
        try probe.equal(stored.key, "a", "key")
        try probe.equal(stored.payload, "{\"x\":1}", "payload")
        try probe.equal(stored.dueAt, at(60), "dueAt")
        try probe.equal(stored.state, .pending, "state")
        try probe.equal(stored.attempts, 0, "attempts")
        try probe.equal(stored.lastError, nil, "lastError")
        try probe.equal(stored.leaseUntil, nil, "leaseUntil")
        try probe.equal(stored.createdAt, at(0), "createdAt")
        try probe.equal(stored.updatedAt, at(0), "updatedAt")
        try probe.equal(try await probe.store.jobs(kind: nil, state: nil), [stored], "jobs() after one schedule")
    }

    static func scheduleReplacesByKindAndKey(_ probe: Probe) async throws {
        let first = try await probe.store.schedule(job("k", "a", due: 60, payload: "one"), now: at(0))
        let replaced = try await probe.store.schedule(job("k", "a", due: 30, payload: "two"), now: at(5))
        try probe.equal(replaced.id, first.id, "id after replacing the same (kind, key)")
        try probe.equal(replaced.payload, "two", "payload after replacing")
        try probe.equal(replaced.dueAt, at(30), "dueAt after replacing")
        try probe.equal(replaced.state, .pending, "state after replacing")
        try probe.equal(replaced.createdAt, at(0), "createdAt after replacing")
        try probe.equal(replaced.updatedAt, at(5), "updatedAt after replacing")
        let otherKey = try await probe.store.schedule(job("k", "b", due: 60), now: at(5))
        let otherKind = try await probe.store.schedule(job("other", "a", due: 60), now: at(5))
        try probe.expect(
            Set([first.id, otherKey.id, otherKind.id]).count == 3,
            "a different key or kind must create a new job; ids were \(first.id), \(otherKey.id), \(otherKind.id)"
        )
        let all = try await probe.store.jobs(kind: nil, state: nil)
        try probe.equal(all.count, 3, "number of jobs after one replacement and two new pairs")
        try probe.equal(all.first, replaced, "the replaced job as listed by jobs()")
    }

    static func scheduleReplacingClearsLease(_ probe: Probe) async throws {
        let first = try await probe.store.schedule(job("k", "a", due: 10), now: at(0))
        let claimed = try await probe.store.claimDue(now: at(10), leaseUntil: at(100), limit: 10)
        try probe.equal(claimed.map(\.id), [first.id], "claimed ids")
        let replaced = try await probe.store.schedule(job("k", "a", due: 20), now: at(15))
        try probe.equal(replaced.id, first.id, "id after replacing a claimed job")
        try probe.equal(replaced.leaseUntil, nil, "leaseUntil after replacing a claimed job")
        try probe.equal(replaced.attempts, 1, "attempts after replacing a claimed job (only payload and dueAt change)")
        try probe.equal(try await probe.store.nextWakeTime(), at(20), "nextWakeTime after replacing a claimed job")
        let reclaimed = try await probe.store.claimDue(now: at(20), leaseUntil: at(120), limit: 10)
        try probe.equal(reclaimed.map(\.id), [first.id], "ids claimed at the new due time, before the old lease ends")
    }

    static func scheduleAfterFinishCreatesNewJob(_ probe: Probe) async throws {
        let store = probe.store
        let completed = try await store.schedule(job("k", "done", due: 10), now: at(0))
        let dead = try await store.schedule(job("k", "dead", due: 10), now: at(0))
        let cancelled = try await store.schedule(job("k", "gone", due: 10), now: at(0))
        let claimed = try await store.claimDue(now: at(10), leaseUntil: at(70), limit: 10)
        try probe.equal(
            try await store.complete(try probe.claim(of: completed, in: claimed), now: at(11)), .applied, "complete"
        )
        try probe.equal(
            try await store.bury(try probe.claim(of: dead, in: claimed), error: "boom", now: at(11)), .applied, "bury"
        )
        _ = try await store.cancel(kind: "k", key: "gone", now: at(11))
        for (old, key) in [(completed, "done"), (dead, "dead"), (cancelled, "gone")] {
            let again = try await store.schedule(job("k", key, due: 50), now: at(20))
            try probe.expect(again.id != old.id, "scheduling (k, \(key)) after it finished must create a new job")
            try probe.equal(again.state, .pending, "state of the new (k, \(key)) job")
            try probe.equal(again.attempts, 0, "attempts of the new (k, \(key)) job")
            try probe.equal(again.lastError, nil, "lastError of the new (k, \(key)) job")
        }
        try probe.equal(try await store.jobs(kind: "k", state: nil).count, 6, "jobs of kind k (3 finished + 3 new)")
        try probe.equal(try await store.jobs(kind: "k", state: .completed).map(\.id), [completed.id], "completed ids")
        try probe.equal(try await store.jobs(kind: "k", state: .buried).map(\.id), [dead.id], "dead ids")
        try probe.equal(try await store.jobs(kind: "k", state: .cancelled).map(\.id), [cancelled.id], "cancelled ids")
    }

    static func cancelMarksPendingJobCancelled(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10), now: at(0))
        try probe.equal(
            try await store.cancel(kind: "k", key: "missing", now: at(1)), false, "cancel of an unknown key"
        )
        try probe.equal(try await store.cancel(kind: "other", key: "a", now: at(1)), false, "cancel of another kind")
        try probe.equal(try await store.cancel(kind: "k", key: "a", now: at(2)), true, "cancel of a pending job")
        try probe.equal(try await store.cancel(kind: "k", key: "a", now: at(3)), false, "second cancel")
        let listed = try await store.jobs(kind: nil, state: nil)
        try probe.equal(listed.map(\.id), [stored.id], "jobs after cancel")
        try probe.equal(listed.first?.state, .cancelled, "state after cancel")
        try probe.equal(try await store.nextWakeTime(), nil, "nextWakeTime with only a cancelled job")
        try probe.equal(
            try await store.claimDue(now: at(1000), leaseUntil: at(1100), limit: 10), [], "claim of a cancelled job"
        )
        let completed = try await store.schedule(job("k", "b", due: 10), now: at(0))
        let claimed = try await store.claimDue(now: at(10), leaseUntil: at(70), limit: 10)
        try probe.equal(
            try await store.complete(try probe.claim(of: completed, in: claimed), now: at(11)), .applied, "complete"
        )
        try probe.equal(try await store.cancel(kind: "k", key: "b", now: at(12)), false, "cancel of a completed job")
        try probe.equal(
            try await store.jobs(kind: "k", state: .completed).map(\.id), [completed.id], "completed after cancel"
        )
    }

    static func claimOrdersByDueTimeThenID(_ probe: Probe) async throws {
        let store = probe.store
        let late = try await store.schedule(job("k", "late", due: 30), now: at(0))
        let earlyA = try await store.schedule(job("k", "earlyA", due: 10), now: at(0))
        let middle = try await store.schedule(job("other", "middle", due: 20), now: at(0))
        let earlyB = try await store.schedule(job("k", "earlyB", due: 10), now: at(0))
        let future = try await store.schedule(job("k", "future", due: 31), now: at(0))
        try probe.equal(try await store.claimDue(now: at(9), leaseUntil: at(60), limit: 10), [], "claim before due")
        let claimed = try await store.claimDue(now: at(30), leaseUntil: at(90), limit: 10)
        let tied = [earlyA.id, earlyB.id].sorted()
        try probe.equal(claimed.map(\.id), tied + [middle.id, late.id], "claim order (due time, then id)")
        try probe.expect(!claimed.contains { $0.id == future.id }, "a job due after `now` must not be claimed")
        for job in claimed {
            try probe.equal(job.attempts, 1, "attempts of a freshly claimed job")
            try probe.equal(job.leaseUntil, at(90), "leaseUntil of a claimed job")
            try probe.equal(job.state, .pending, "state of a claimed job")
        }
        let listed = try await store.jobs(kind: nil, state: .pending).filter { $0.id == late.id }
        try probe.equal(listed.first?.leaseUntil, at(90), "leaseUntil of a claimed job as listed by jobs()")
        try probe.equal(listed.first?.attempts, 1, "attempts of a claimed job as listed by jobs()")
    }

    static func claimRespectsLimit(_ probe: Probe) async throws {
        let store = probe.store
        var ids: [Int64] = []
        for (index, due) in [Int64(3), 1, 2].enumerated() {
            ids.append(try await store.schedule(job("k", "job\(index)", due: due), now: at(0)).id)
        }
        let first = try await store.claimDue(now: at(5), leaseUntil: at(65), limit: 2)
        try probe.equal(first.map(\.id), [ids[1], ids[2]], "the two earliest jobs with limit 2")
        let second = try await store.claimDue(now: at(5), leaseUntil: at(65), limit: 2)
        try probe.equal(second.map(\.id), [ids[0]], "the remaining job on the next claim")
        let third = try await store.claimDue(now: at(5), leaseUntil: at(65), limit: 2)
        try probe.equal(third, [], "a claim when every due job is leased")
    }

    static func claimLeaseHidesJobUntilExpiry(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10), now: at(0))
        _ = try await store.claimDue(now: at(10), leaseUntil: at(40), limit: 10)
        try probe.equal(
            try await store.claimDue(now: at(39), leaseUntil: at(99), limit: 10), [], "claim while the lease holds"
        )
        let reclaimed = try await store.claimDue(now: at(40), leaseUntil: at(100), limit: 10)
        try probe.equal(reclaimed.map(\.id), [stored.id], "claim when the lease has expired (leaseUntil <= now)")
        try probe.equal(reclaimed.first?.attempts, 2, "attempts after the second claim")
        try probe.equal(reclaimed.first?.leaseUntil, at(100), "leaseUntil after the second claim")
    }

    static func retryReturnsJobToPending(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10), now: at(0))
        let claimed = try await store.claimDue(now: at(10), leaseUntil: at(70), limit: 10)
        try probe.equal(
            try await store.retry(
                try probe.claim(of: stored, in: claimed), error: "HTTP 503", retryAt: at(200), now: at(12)),
            .applied, "retry by the current claim"
        )
        let listed = try await store.jobs(kind: "k", state: nil)
        try probe.equal(listed.first?.state, .pending, "state after retry")
        try probe.equal(listed.first?.dueAt, at(200), "dueAt after retry")
        try probe.equal(listed.first?.lastError, "HTTP 503", "lastError after retry")
        try probe.equal(listed.first?.leaseUntil, nil, "leaseUntil after retry")
        try probe.equal(listed.first?.attempts, 1, "attempts after retry (retry does not count a claim)")
        try probe.equal(try await store.nextWakeTime(), at(200), "nextWakeTime after retry")
        try probe.equal(
            try await store.claimDue(now: at(199), leaseUntil: at(259), limit: 10), [], "claim before retryAt"
        )
        let again = try await store.claimDue(now: at(200), leaseUntil: at(260), limit: 10)
        try probe.equal(again.map(\.id), [stored.id], "claim at retryAt")
        try probe.equal(again.first?.attempts, 2, "attempts of the retried job's second claim")
    }

    static func buryMakesJobDead(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10), now: at(0))
        let claimed = try await store.claimDue(now: at(10), leaseUntil: at(70), limit: 10)
        try probe.equal(
            try await store.bury(try probe.claim(of: stored, in: claimed), error: "Missing Permissions", now: at(11)),
            .applied, "bury by the current claim"
        )
        let listed = try await store.jobs(kind: nil, state: .buried)
        try probe.equal(listed.map(\.id), [stored.id], "dead jobs after bury")
        try probe.equal(listed.first?.lastError, "Missing Permissions", "lastError after bury")
        try probe.equal(try await store.nextWakeTime(), nil, "nextWakeTime with only a dead job")
        try probe.equal(
            try await store.claimDue(now: at(1_000_000), leaseUntil: at(1_000_060), limit: 10), [],
            "claim of a dead job, long after its lease"
        )
    }

    static func completeMakesJobCompleted(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10), now: at(0))
        let claimed = try await store.claimDue(now: at(10), leaseUntil: at(70), limit: 10)
        try probe.equal(
            try await store.complete(try probe.claim(of: stored, in: claimed), now: at(11)), .applied,
            "complete by the current claim"
        )
        let listed = try await store.jobs(kind: nil, state: nil)
        try probe.equal(listed.map(\.state), [.completed], "states after complete")
        try probe.equal(listed.first?.updatedAt, at(11), "updatedAt after complete")
        try probe.equal(try await store.nextWakeTime(), nil, "nextWakeTime with only a completed job")
        try probe.equal(
            try await store.claimDue(now: at(1_000_000), leaseUntil: at(1_000_060), limit: 10), [],
            "claim of a completed job, long after its lease"
        )
    }

    static func nextWakeTimeAccountsForLeases(_ probe: Probe) async throws {
        let store = probe.store
        try probe.equal(try await store.nextWakeTime(), nil, "nextWakeTime of an empty store")
        let early = try await store.schedule(job("k", "early", due: 10), now: at(0))
        let later = try await store.schedule(job("k", "later", due: 50), now: at(0))
        try probe.equal(try await store.nextWakeTime(), at(10), "nextWakeTime with jobs due at 10 s and 50 s")
        let earlyClaim = try await store.claimDue(now: at(10), leaseUntil: at(100), limit: 1)
        try probe.equal(
            try await store.nextWakeTime(), at(50), "nextWakeTime when the 10 s job is leased until 100 s"
        )
        let laterClaim = try await store.claimDue(now: at(50), leaseUntil: at(80), limit: 1)
        try probe.equal(try await store.nextWakeTime(), at(80), "nextWakeTime with leases ending at 100 s and 80 s")
        try await store.complete(try probe.claim(of: later, in: laterClaim), now: at(51))
        try probe.equal(try await store.nextWakeTime(), at(100), "nextWakeTime once the 80 s lease's job completed")
        try await store.retry(try probe.claim(of: early, in: earlyClaim), error: "x", retryAt: at(60), now: at(52))
        try probe.equal(try await store.nextWakeTime(), at(60), "nextWakeTime after a retry clears the lease")
    }

    static func jobsFiltersInDueOrder(_ probe: Probe) async throws {
        let store = probe.store
        let a = try await store.schedule(job("alpha", "1", due: 30), now: at(0))
        let b = try await store.schedule(job("beta", "1", due: 10), now: at(0))
        let c = try await store.schedule(job("alpha", "2", due: 10), now: at(0))
        let d = try await store.schedule(job("alpha", "3", due: 20), now: at(0))
        let claimed = try await store.claimDue(now: at(20), leaseUntil: at(80), limit: 10)
        try await store.complete(try probe.claim(of: d, in: claimed), now: at(21))
        try probe.equal(
            try await store.jobs(kind: nil, state: nil).map(\.id), [b.id, c.id].sorted() + [d.id, a.id], "all jobs"
        )
        try probe.equal(try await store.jobs(kind: "alpha", state: nil).map(\.id), [c.id, d.id, a.id], "alpha jobs")
        try probe.equal(
            try await store.jobs(kind: nil, state: .pending).map(\.id), [b.id, c.id].sorted() + [a.id], "pending jobs"
        )
        try probe.equal(try await store.jobs(kind: "alpha", state: .completed).map(\.id), [d.id], "completed alpha")
        try probe.equal(try await store.jobs(kind: "beta", state: .completed), [], "completed beta")
        try probe.equal(try await store.jobs(kind: "gamma", state: nil), [], "jobs of an unknown kind")
    }
}
