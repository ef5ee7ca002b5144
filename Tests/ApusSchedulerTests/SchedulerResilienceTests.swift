import ApusCore
import Synchronization
import Testing

@testable import ApusScheduler

/// Store failures, long handlers and dropped schedulers.
@Suite(.timeLimit(.minutes(1))) struct SchedulerResilienceTests {
    let fixture = SchedulerFixture()

    @Test func aFailingStoreIsRetriedAfterTheBackOff() async throws {
        let store = FlakyJobStore(failures: 2)
        let scheduler = Scheduler(
            store: store, clock: fixture.clock, configuration: .init(storeRetryDelay: .seconds(5)),
            random: SeededRandom(seed: 1)
        )
        let log = RunLog()
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            log.ended()
            return .succeeded
        }
        _ = try await store.inner.schedule(fixture.job("a", in: .zero), now: fixture.clock.now())
        scheduler.start()
        await scheduler.waitUntilIdle()
        #expect(log.runs.isEmpty)
        await fixture.advance(scheduler, by: .seconds(5))
        #expect(log.runs.isEmpty)
        await fixture.advance(scheduler, by: .seconds(5))
        #expect(log.runs == ["a"])
        #expect(try await store.inner.jobs(kind: nil, state: .completed).count == 1)
        await scheduler.shutdown()
    }

    @Test func aHandlerOutlivingItsLeaseIsNotStartedTwiceHere() async throws {
        let gate = Gate()
        let log = RunLog()
        let scheduler = fixture.makeScheduler(leaseDuration: .seconds(60))
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            await gate.wait()
            log.ended()
            return .succeeded
        }
        scheduler.start()
        try await scheduler.schedule(fixture.job("long", in: .zero))
        await log.waitForStarts(1)
        fixture.clock.advance(by: .seconds(60))
        await scheduler.waitUntilLoopIsQuiet()
        #expect(log.runs == ["long"])
        #expect(scheduler.counters.fired == 1)
        #expect(try await scheduler.jobs().first?.attempts == 2)
        gate.open()
        await scheduler.waitUntilIdle()
        #expect(try await scheduler.jobs().map(\.state) == [.completed])
        #expect(log.runs == ["long"])
        await scheduler.shutdown()
    }

    @Test func aJobReplacedWhileItsHandlerRunsRunsAgainAtItsNewTime() async throws {
        let gate = Gate()
        let log = RunLog()
        let scheduler = fixture.startSchedulerHoldingFirstRun(gate: gate, log: log)
        let start = fixture.clock.now()
        try await scheduler.schedule(NewJob(kind: "test", key: "ban", payload: "first", dueAt: start))
        await log.waitForStarts(1)
        try await scheduler.schedule(NewJob(kind: "test", key: "ban", payload: "second", dueAt: start + .seconds(600)))
        gate.open()
        await scheduler.waitUntilIdle()
        let pending = try await scheduler.jobs(state: .pending)
        #expect(pending.map(\.payload) == ["second"])
        #expect(pending.first?.dueAt == start + .seconds(600))
        await fixture.advance(scheduler, by: .seconds(600))
        #expect(log.runs == ["first", "second"])
        #expect(try await scheduler.jobs().map(\.state) == [.completed])
        await scheduler.shutdown()
    }

    @Test func droppingASchedulerStopsItsLoopWithoutWriting() async throws {
        var scheduler: Scheduler? = fixture.makeScheduler()
        scheduler?.start()
        try await scheduler?.schedule(fixture.job("a", in: .seconds(3600)))
        await scheduler?.waitUntilIdle()
        await eventually { fixture.clock.sleeperCount == 1 }
        scheduler = nil
        await eventually { fixture.clock.sleeperCount == 0 }
        #expect(fixture.clock.sleeperCount == 0)
        #expect(try await fixture.store.jobs(kind: nil, state: .pending).first?.attempts == 0)
    }

    @Test func twoSchedulersOnOneStoreRunEachJobOnce() async throws {
        let log = RunLog()
        let effects = IdempotentEffects()
        let schedulers = [fixture.makeScheduler(maxConcurrentJobs: 2), fixture.makeScheduler(maxConcurrentJobs: 3)]
        for scheduler in schedulers {
            scheduler.register(kind: "test") { job in
                log.started(job.key)
                effects.apply(job.key)
                log.ended()
                return .succeeded
            }
            scheduler.start()
        }
        for index in 0..<30 {
            try await schedulers[index % 2].schedule(fixture.job("j\(index)", in: .seconds(Int64(index % 7))))
        }
        fixture.clock.advance(by: .seconds(10))
        for scheduler in schedulers { await scheduler.waitUntilIdle() }
        #expect(log.runs.count == 30)
        #expect(Set(log.runs).count == 30)
        #expect(effects.count == 30)
        #expect(schedulers.map(\.counters.fired).reduce(0, +) == 30)
        #expect(try await fixture.store.jobs(kind: nil, state: .completed).count == 30)
        for scheduler in schedulers { await scheduler.shutdown() }
    }

    @Test func shutdownBeforeStartAndSecondStartsAreHarmless() async throws {
        let scheduler = fixture.makeScheduler()
        await scheduler.shutdown()
        #expect(scheduler.phase == .stopped)
        scheduler.start()
        await scheduler.waitUntilIdle()
        #expect(scheduler.phase == .stopped)
        let stored = try await scheduler.schedule(fixture.job("kept", in: .zero))
        #expect(try await fixture.store.jobs(kind: nil, state: .pending) == [stored])

        let other = fixture.makeScheduler()
        other.start()
        other.start()
        await other.waitUntilIdle()
        #expect(other.counters.fired == 1)
        await other.shutdown()
        await other.shutdown()
        #expect(other.phase == .stopped)
    }
}

/// A store whose `nextWakeTime` and `claimDue` fail the first `failures` times each.
final class FlakyJobStore: JobStore {
    struct Outage: Error {}

    let inner = InMemoryJobStore()
    private let remainingFailures: Mutex<Int>

    init(failures: Int) {
        remainingFailures = Mutex(failures)
    }

    private func maybeFail() throws {
        let fail = remainingFailures.withLock { remaining -> Bool in
            guard remaining > 0 else { return false }
            remaining -= 1
            return true
        }
        if fail { throw Outage() }
    }

    func schedule(_ job: NewJob, now: WallTime) async throws -> StoredJob {
        try await inner.schedule(job, now: now)
    }

    func cancel(kind: String, key: String, now: WallTime) async throws -> Bool {
        try await inner.cancel(kind: kind, key: key, now: now)
    }

    func claimDue(now: WallTime, leaseUntil: WallTime, limit: Int) async throws -> [StoredJob] {
        try maybeFail()
        return try await inner.claimDue(now: now, leaseUntil: leaseUntil, limit: limit)
    }

    func nextWakeTime() async throws -> WallTime? {
        try maybeFail()
        return try await inner.nextWakeTime()
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
