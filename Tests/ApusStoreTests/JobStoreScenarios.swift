import ApusCore
import ApusScheduler
import ApusStore
import Testing

/// The SQL job store on both engines: the scheduler's conformance checks plus the store-specific ones.
enum JobStoreScenarios {
    static let start = WallTime(millisecondsSinceEpoch: 1_767_225_600_000)

    static func at(_ seconds: Int64) -> WallTime {
        WallTime(millisecondsSinceEpoch: start.millisecondsSinceEpoch + seconds * 1000)
    }

    static func conformance(_ engine: TestEngine) async throws {
        let opened = OpenedDatabases()
        do {
            try await JobStoreConformance.run {
                let test = try await TestDatabases.make(engine)
                opened.add(test)
                return try await SQLJobStore.open(database: test.database, clock: ManualWallClock())
            }
        } catch {
            await opened.cleanUpAll()
            throw error
        }
        await opened.cleanUpAll()
    }

    static func lifecycle(_ test: TestDatabase) async throws {
        let store = try await SQLJobStore.open(database: test.database, clock: ManualWallClock())
        // Schedule, then replace by (kind, key): same id, new due time and payload.
        let first = try await store.schedule(
            NewJob(kind: "moderation.unban", key: "g1:u1", payload: "{\"v\":1}", dueAt: at(60)), now: at(0))
        let replaced = try await store.schedule(
            NewJob(kind: "moderation.unban", key: "g1:u1", payload: "{\"v\":2}", dueAt: at(30)), now: at(1))
        #expect(replaced.id == first.id)
        #expect(replaced.payload == "{\"v\":2}")
        #expect(replaced.dueAt == at(30))
        #expect(replaced.createdAt == at(0) && replaced.updatedAt == at(1))
        let other = try await store.schedule(NewJob(kind: "remind", key: "r1", payload: "", dueAt: at(10)), now: at(1))
        #expect(try await store.nextWakeTime() == at(10))

        // Nothing due yet; then the earliest first.
        #expect(try await store.claimDue(now: at(5), leaseUntil: at(65), limit: 10).isEmpty)
        let claimed = try await store.claimDue(now: at(40), leaseUntil: at(100), limit: 10)
        #expect(claimed.map(\.id) == [other.id, first.id])
        #expect(claimed.allSatisfy { $0.attempts == 1 && $0.leaseUntil == at(100) })
        // Leased jobs are hidden until the lease expires, and nextWakeTime says when.
        #expect(try await store.claimDue(now: at(99), leaseUntil: at(200), limit: 10).isEmpty)
        #expect(try await store.nextWakeTime() == at(100))
        // Lease expiry (a crash before completion): claimed again, attempts counts both claims.
        let reclaimed = try await store.claimDue(now: at(100), leaseUntil: at(160), limit: 1)
        #expect(reclaimed.map(\.id) == [other.id])
        #expect(reclaimed.first?.attempts == 2)

        // Fencing: the first claim of `other` was superseded by the re-claim; an expired lease alone supersedes
        // nothing (`first` was not claimed again, so its first claim still records its outcome).
        let staleOther = try #require(claimed.first { $0.id == other.id }).claim
        let firstClaim = try #require(claimed.first { $0.id == first.id }).claim
        #expect(try await store.complete(staleOther, now: at(101)) == .superseded)
        #expect(try await store.complete(try #require(reclaimed.first).claim, now: at(101)) == .applied)
        #expect(try await store.retry(staleOther, error: "late", retryAt: at(900), now: at(101)) == .superseded)
        #expect(try await store.retry(firstClaim, error: "HTTP 503", retryAt: at(300), now: at(101)) == .applied)
        let retried = try #require(try await store.jobs(kind: "moderation.unban", state: .pending).first)
        #expect(retried.dueAt == at(300) && retried.leaseUntil == nil && retried.lastError == "HTTP 503")
        #expect(try await store.nextWakeTime() == at(300))
        let again = try await store.claimDue(now: at(300), leaseUntil: at(360), limit: 5)
        #expect(again.map(\.id) == [first.id])
        #expect(try await store.complete(firstClaim, now: at(301)) == .superseded)
        #expect(try await store.bury(try #require(again.first).claim, error: "gave up", now: at(301)) == .applied)
        #expect(try await store.nextWakeTime() == nil)
        #expect(try await store.claimDue(now: at(10_000), leaseUntil: at(10_060), limit: 5).isEmpty)
        #expect(try await store.jobs(kind: nil, state: .buried).map(\.lastError) == ["gave up"])
        #expect(try await store.jobs(kind: nil, state: .completed).map(\.id) == [other.id])

        // Cancel: only a pending job, once; a finished (kind, key) can be scheduled afresh with a new id.
        let third = try await store.schedule(NewJob(kind: "afk", key: "u9", payload: "", dueAt: at(500)), now: at(400))
        #expect(try await store.cancel(kind: "afk", key: "u9", now: at(401)))
        #expect(try await store.cancel(kind: "afk", key: "u9", now: at(402)) == false)
        let fourth = try await store.schedule(NewJob(kind: "afk", key: "u9", payload: "", dueAt: at(500)), now: at(403))
        #expect(fourth.id != third.id)
        #expect(try await store.jobs(kind: "afk", state: nil).map(\.state) == [.cancelled, .pending])

        // Completing a cancelled job leaves it cancelled; an unknown id is a typed error.
        #expect(try await store.complete(JobClaim(jobID: third.id, attempt: 0), now: at(404)) == .superseded)
        #expect(try await store.jobs(kind: "afk", state: .cancelled).map(\.id) == [third.id])
        let unknown = JobClaim(jobID: 987_654, attempt: 1)
        await expectStoreError(.notFound) { try await store.complete(unknown, now: at(405)) }
        await expectStoreError(.notFound) { try await store.retry(unknown, error: "x", retryAt: at(406), now: at(405)) }
        await expectStoreError(.notFound) { try await store.bury(unknown, error: "x", now: at(405)) }

        try await staleFinishersInAnotherProcessAreRefused(test, store: store)
    }

    /// Two processes (two connection pools): every job is claimed by the first, its lease expires, and the second
    /// claims it again; then both finish every job at the same time. Only the current claims' finishes apply.
    static func staleFinishersInAnotherProcessAreRefused(_ test: TestDatabase, store: SQLJobStore) async throws {
        let jobCount = 40
        for index in 0..<jobCount {
            _ = try await store.schedule(
                NewJob(kind: "fence", key: "job-\(index)", payload: "", dueAt: at(20_000)), now: at(20_000))
        }
        let staleClaims = try await store.claimDue(now: at(20_000), leaseUntil: at(20_060), limit: 1000)
            .filter { $0.kind == "fence" }.map(\.claim)
        #expect(staleClaims.count == jobCount)
        let secondDatabase = try await test.openSecond()
        let second = SQLJobStore(database: secondDatabase)
        let currentClaims = try await second.claimDue(now: at(20_060), leaseUntil: at(20_120), limit: 1000)
            .filter { $0.kind == "fence" }.map(\.claim)
        #expect(currentClaims.count == jobCount)
        #expect(Set(currentClaims).isDisjoint(with: staleClaims))
        // The first process's late handlers all succeed; the second's fail and ask for a retry.
        let results = try await withThrowingTaskGroup(of: (current: Bool, result: JobFinishResult).self) { group in
            for claim in staleClaims {
                group.addTask { (false, try await store.complete(claim, now: at(20_061))) }
            }
            for claim in currentClaims {
                group.addTask {
                    (true, try await second.retry(claim, error: "HTTP 503", retryAt: at(30_000), now: at(20_061)))
                }
            }
            return try await group.reduce(into: [(current: Bool, result: JobFinishResult)]()) { $0.append($1) }
        }
        await secondDatabase.close()
        #expect(results.filter { !$0.current }.allSatisfy { $0.result == .superseded })
        #expect(results.filter { $0.current }.allSatisfy { $0.result == .applied })
        let fenced = try await store.jobs(kind: "fence", state: nil)
        #expect(fenced.count == jobCount)
        #expect(fenced.allSatisfy { $0.state == .pending && $0.dueAt == at(30_000) && $0.lastError == "HTTP 503" })
        #expect(fenced.allSatisfy { $0.attempts == 2 && $0.leaseUntil == nil })
    }

    static func concurrentClaimersNeverShareAJob(_ test: TestDatabase) async throws {
        let store = try await SQLJobStore.open(database: test.database, clock: ManualWallClock())
        let jobCount = 120
        for index in 0..<jobCount {
            _ = try await store.schedule(
                NewJob(kind: "k", key: "job-\(index)", payload: "", dueAt: at(Int64(index % 7))), now: at(0))
        }
        // Two independent connection pools: as far as the rows are concerned, two processes.
        let secondDatabase = try await test.openSecond()
        let stores = [store, SQLJobStore(database: secondDatabase)]
        let claimedLists = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for (worker, claimer) in stores.enumerated() {
                for lane in 0..<2 {
                    group.addTask {
                        var mine: [Int64] = []
                        while true {
                            let batch = try await claimer.claimDue(
                                now: at(10), leaseUntil: at(3600), limit: 1 + (worker + lane) % 3)
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
            }
            return try await group.reduce(into: [[Int64]]()) { $0.append($1) }
        }
        await secondDatabase.close()
        let all = claimedLists.flatMap { $0 }
        #expect(all.count == jobCount, "every job claimed exactly once")
        #expect(Set(all).count == all.count, "no job claimed twice")
        let attempts = try await store.jobs(kind: "k", state: .pending).map(\.attempts)
        #expect(attempts.allSatisfy { $0 == 1 })
    }
}
