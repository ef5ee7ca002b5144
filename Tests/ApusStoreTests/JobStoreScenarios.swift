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

        try await store.complete(id: other.id, now: at(101))
        try await store.retry(id: first.id, error: "HTTP 503", retryAt: at(300), now: at(101))
        let retried = try #require(try await store.jobs(kind: "moderation.unban", state: .pending).first)
        #expect(retried.dueAt == at(300) && retried.leaseUntil == nil && retried.lastError == "HTTP 503")
        #expect(try await store.nextWakeTime() == at(300))
        let again = try await store.claimDue(now: at(300), leaseUntil: at(360), limit: 5)
        #expect(again.map(\.id) == [first.id])
        try await store.bury(id: first.id, error: "gave up", now: at(301))
        #expect(try await store.nextWakeTime() == nil)
        #expect(try await store.claimDue(now: at(10_000), leaseUntil: at(10_060), limit: 5).isEmpty)
        #expect(try await store.jobs(kind: nil, state: .dead).map(\.lastError) == ["gave up"])
        #expect(try await store.jobs(kind: nil, state: .completed).map(\.id) == [other.id])

        // Cancel: only a pending job, once; a finished (kind, key) can be scheduled afresh with a new id.
        let third = try await store.schedule(NewJob(kind: "afk", key: "u9", payload: "", dueAt: at(500)), now: at(400))
        #expect(try await store.cancel(kind: "afk", key: "u9", now: at(401)))
        #expect(try await store.cancel(kind: "afk", key: "u9", now: at(402)) == false)
        let fourth = try await store.schedule(NewJob(kind: "afk", key: "u9", payload: "", dueAt: at(500)), now: at(403))
        #expect(fourth.id != third.id)
        #expect(try await store.jobs(kind: "afk", state: nil).map(\.state) == [.cancelled, .pending])

        // Completing a cancelled job leaves it cancelled; an unknown id is a typed error.
        try await store.complete(id: third.id, now: at(404))
        #expect(try await store.jobs(kind: "afk", state: .cancelled).map(\.id) == [third.id])
        await expectStoreError(.notFound) { try await store.complete(id: 987_654, now: at(405)) }
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
