import ApusCore

/// The fencing checks of ``JobStoreConformance``: only the current claim of a job may finish it (see "Fencing" in
/// ``JobStore``).
extension JobStoreConformance {
    static let fencingChecks: [(name: String, check: Check)] = [
        ("fencing.staleClaimIsRefusedAfterReclaim", staleClaimIsRefusedAfterReclaim),
        ("fencing.staleClaimIsRefusedAfterReschedule", staleClaimIsRefusedAfterReschedule),
        ("fencing.retryEndsTheClaim", retryEndsTheClaim),
        ("fencing.finishedOrCancelledJobRefusesEveryClaim", finishedOrCancelledJobRefusesEveryClaim),
        ("fencing.unclaimedJobCannotBeFinished", unclaimedJobCannotBeFinished),
        ("fencing.unknownJobIsAnError", unknownJobIsAnError),
    ]

    /// The single job of kind `k`, as `jobs()` lists it.
    private static func onlyJob(_ probe: Probe) async throws -> StoredJob {
        let listed = try await probe.store.jobs(kind: "k", state: nil)
        try probe.equal(listed.count, 1, "number of jobs of kind k")
        guard let job = listed.first else {
            throw JobStoreConformanceFailure(check: probe.name, detail: "no job of kind k")
        }
        return job
    }

    static func staleClaimIsRefusedAfterReclaim(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10), now: at(0))
        let stale = try probe.claim(of: stored, in: try await store.claimDue(now: at(10), leaseUntil: at(40), limit: 1))
        // The handler outlives its lease; another worker claims the job again.
        let current = try probe.claim(
            of: stored, in: try await store.claimDue(now: at(40), leaseUntil: at(100), limit: 1))
        try probe.expect(stale != current, "two claims of one job must carry different tokens, both were \(stale)")
        let before = try await onlyJob(probe)
        try probe.equal(try await store.complete(stale, now: at(41)), .superseded, "complete by the stale claim")
        try probe.equal(
            try await store.retry(stale, error: "late", retryAt: at(500), now: at(42)), .superseded,
            "retry by the stale claim")
        try probe.equal(
            try await store.bury(stale, error: "late", now: at(43)), .superseded, "bury by the stale claim")
        try probe.equal(try await onlyJob(probe), before, "the job after the stale claim's refused finishes")
        try probe.equal(try await store.complete(current, now: at(44)), .applied, "complete by the current claim")
        let finished = try await onlyJob(probe)
        try probe.equal(finished.state, .completed, "state after the current claim completed")
        try probe.equal(finished.lastError, nil, "lastError after the current claim completed")
        try probe.equal(
            try await store.retry(stale, error: "late", retryAt: at(500), now: at(45)), .superseded,
            "retry by the stale claim after the current one completed")
        try probe.equal(try await onlyJob(probe), finished, "the completed job after a late retry")
    }

    static func staleClaimIsRefusedAfterReschedule(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10, payload: "old"), now: at(0))
        let stale = try probe.claim(of: stored, in: try await store.claimDue(now: at(10), leaseUntil: at(70), limit: 1))
        _ = try await store.schedule(job("k", "a", due: 20, payload: "new"), now: at(15))
        let rescheduled = try await onlyJob(probe)
        try probe.equal(try await store.complete(stale, now: at(16)), .superseded, "complete after a reschedule")
        try probe.equal(
            try await store.retry(stale, error: "x", retryAt: at(900), now: at(16)), .superseded,
            "retry after a reschedule")
        try probe.equal(try await store.bury(stale, error: "x", now: at(16)), .superseded, "bury after a reschedule")
        try probe.equal(try await onlyJob(probe), rescheduled, "the rescheduled job after the old claim's finishes")
        // The new schedule is claimed (before the old lease would have ended): the old claim stays refused.
        let current = try probe.claim(
            of: stored, in: try await store.claimDue(now: at(20), leaseUntil: at(80), limit: 1))
        try probe.equal(
            try await store.complete(stale, now: at(21)), .superseded, "complete by the pre-reschedule claim")
        try probe.equal(try await onlyJob(probe).state, .pending, "state after the pre-reschedule claim's complete")
        try probe.equal(try await store.complete(current, now: at(22)), .applied, "complete by the current claim")
        let finished = try await onlyJob(probe)
        try probe.equal(finished.state, .completed, "state after the current claim completed")
        try probe.equal(finished.payload, "new", "payload of the completed job")
    }

    static func retryEndsTheClaim(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10), now: at(0))
        let first = try probe.claim(of: stored, in: try await store.claimDue(now: at(10), leaseUntil: at(70), limit: 1))
        try probe.equal(
            try await store.retry(first, error: "HTTP 503", retryAt: at(100), now: at(11)), .applied, "first retry")
        let retried = try await onlyJob(probe)
        try probe.equal(try await store.complete(first, now: at(12)), .superseded, "complete after the claim retried")
        try probe.equal(
            try await store.retry(first, error: "again", retryAt: at(5000), now: at(12)), .superseded,
            "second retry by the same claim")
        try probe.equal(try await onlyJob(probe), retried, "the retried job after its claim's later finishes")
        let second = try probe.claim(
            of: stored, in: try await store.claimDue(now: at(100), leaseUntil: at(160), limit: 1))
        try probe.equal(try await store.bury(second, error: "gone", now: at(101)), .applied, "bury by the new claim")
        try probe.equal(try await onlyJob(probe).state, .buried, "state after the new claim buried the job")
    }

    static func finishedOrCancelledJobRefusesEveryClaim(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10), now: at(0))
        let claim = try probe.claim(of: stored, in: try await store.claimDue(now: at(10), leaseUntil: at(70), limit: 1))
        try probe.equal(try await store.cancel(kind: "k", key: "a", now: at(11)), true, "cancel of a claimed job")
        let cancelled = try await onlyJob(probe)
        try probe.equal(try await store.complete(claim, now: at(12)), .superseded, "complete after cancel")
        try probe.equal(
            try await store.retry(claim, error: "x", retryAt: at(20), now: at(12)), .superseded, "retry after cancel")
        try probe.equal(try await store.bury(claim, error: "x", now: at(12)), .superseded, "bury after cancel")
        try probe.equal(try await onlyJob(probe), cancelled, "the cancelled job after its claim's finishes")

        let other = try await store.schedule(job("other", "b", due: 10), now: at(0))
        let otherClaim = try probe.claim(
            of: other, in: try await store.claimDue(now: at(10), leaseUntil: at(70), limit: 1))
        try probe.equal(try await store.bury(otherClaim, error: "boom", now: at(11)), .applied, "bury")
        try probe.equal(try await store.complete(otherClaim, now: at(12)), .superseded, "complete after bury")
        try probe.equal(
            try await store.jobs(kind: "other", state: nil).map(\.state), [.buried],
            "state after a complete of a dead job")
    }

    static func unclaimedJobCannotBeFinished(_ probe: Probe) async throws {
        let store = probe.store
        let stored = try await store.schedule(job("k", "a", due: 10), now: at(0))
        try probe.equal(
            try await store.complete(stored.claim, now: at(11)), .superseded, "complete of an unclaimed job")
        try probe.equal(
            try await store.complete(JobClaim(jobID: stored.id, attempt: 1), now: at(11)), .superseded,
            "complete by a claim that was never made")
        try probe.equal(try await onlyJob(probe), stored, "the unclaimed job after refused finishes")
    }

    static func unknownJobIsAnError(_ probe: Probe) async throws {
        let unknown = JobClaim(jobID: 987_654_321, attempt: 1)
        for (operation, finish) in [
            ("complete", { (store: any JobStore) in try await store.complete(unknown, now: at(1)) }),
            ("retry", { (store: any JobStore) in
                try await store.retry(unknown, error: "x", retryAt: at(2), now: at(1))
            }),
            ("bury", { (store: any JobStore) in try await store.bury(unknown, error: "x", now: at(1)) }),
        ] {
            var threw = false
            do {
                _ = try await finish(probe.store)
            } catch {
                threw = true
            }
            try probe.expect(threw, "\(operation) of a job id the store never issued must throw")
        }
    }
}
