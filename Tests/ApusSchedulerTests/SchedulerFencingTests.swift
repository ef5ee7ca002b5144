import ApusCore
import Synchronization
import Testing

@testable import ApusScheduler

/// Two scheduler instances (two processes, as far as the store is concerned) on one store, with a handler that
/// outlives its lease: only the current claim's outcome is recorded.
@Suite(.timeLimit(.minutes(1))) struct SchedulerFencingTests {
    let fixture = SchedulerFixture()

    /// How the stale run (claim 1) and the current run (claim 2) of the test job end.
    struct LateFinish: Sendable, CustomTestStringConvertible {
        var stale: JobOutcome
        var current: JobOutcome
        /// How many runs the job takes in all (a failed current run is retried once more, successfully).
        var expectedRuns: Int

        var testDescription: String { "stale \(stale), current \(current)" }
    }

    @Test(arguments: [
        // A late success must not hide the current claim's failure.
        LateFinish(stale: .succeeded, current: .failed("HTTP 503"), expectedRuns: 3),
        // A late retry must not put the job back while the current claim runs (a third, concurrent run).
        LateFinish(stale: .failed("timeout"), current: .succeeded, expectedRuns: 2),
        // A late burial must not kill a job the current claim completes.
        LateFinish(stale: .permanentFailure("gone"), current: .succeeded, expectedRuns: 2),
    ])
    func aLateOutcomeOfAnExpiredLeaseDoesNotChangeTheFinalState(_ finish: LateFinish) async throws {
        let staleGate = Gate()
        let currentGate = Gate()
        let log = RunLog()
        let effects = IdempotentEffects()
        let runNumbers = RunNumbers()
        // One slot each: an instance cannot re-claim its own job while its handler still runs.
        let first = fixture.makeScheduler(leaseDuration: .seconds(60), maxConcurrentJobs: 1)
        let second = fixture.makeScheduler(leaseDuration: .seconds(60), maxConcurrentJobs: 1)
        for scheduler in [first, second] {
            scheduler.register(kind: "test") { job in
                let run = runNumbers.next()
                log.started("run\(run)")
                effects.apply(job.key)
                defer { log.ended() }
                switch run {
                case 1:
                    await staleGate.wait()
                    return finish.stale
                case 2:
                    await currentGate.wait()
                    return finish.current
                default:
                    return .succeeded
                }
            }
        }
        first.start()
        try await first.schedule(NewJob(kind: "test", key: "unban", payload: "p", dueAt: fixture.clock.now()))
        await log.waitForStarts(1)
        second.start()
        await second.waitUntilLoopIsQuiet()

        // The lease expires while the first handler still runs: the second instance claims the job again.
        fixture.clock.advance(by: .seconds(60))
        await log.waitForStarts(2)
        await second.waitUntilLoopIsQuiet()
        let claimedAgain = try await fixture.store.jobs(kind: nil, state: nil)
        #expect(claimedAgain.map(\.attempts) == [2])

        // The first handler returns late, while the second still runs: nothing changes, nothing else starts.
        staleGate.open()
        await first.waitUntilIdle()
        #expect(try await fixture.store.jobs(kind: nil, state: nil) == claimedAgain)
        #expect(first.counters == SchedulerCounters(fired: 1, superseded: 1))
        await fixture.advance(first, by: .seconds(30))
        await second.waitUntilLoopIsQuiet()
        #expect(log.runs == ["run1", "run2"])

        // The current claim's outcome is the one recorded.
        currentGate.open()
        await second.waitUntilIdle()
        let recorded = try #require(try await fixture.store.jobs(kind: nil, state: nil).first)
        if case .failed(let message) = finish.current {
            #expect(recorded.state == .pending && recorded.lastError == message)
        } else {
            #expect(recorded.state == .completed && recorded.lastError == nil)
        }

        // Whatever is left runs once more at most; the effect happened exactly as often as the store says.
        fixture.clock.advance(by: .seconds(3600))
        await first.waitUntilIdle()
        await second.waitUntilIdle()
        #expect(log.runs.count == finish.expectedRuns)
        #expect(try await fixture.store.jobs(kind: nil, state: nil).map(\.state) == [.completed])
        #expect(effects.count == 1)
        let counters = [first.counters, second.counters]
        #expect(counters.map(\.fired).reduce(0, +) == finish.expectedRuns)
        #expect(counters.map(\.succeeded).reduce(0, +) == 1)
        #expect(counters.map(\.superseded).reduce(0, +) == 1)
        await first.shutdown()
        await second.shutdown()
    }

    @Test func aJobRescheduledElsewhereWhileItRunsKeepsItsNewSchedule() async throws {
        let gate = Gate()
        let log = RunLog()
        let scheduler = fixture.startSchedulerHoldingFirstRun(gate: gate, log: log)
        let start = fixture.clock.now()
        try await scheduler.schedule(NewJob(kind: "test", key: "ban", payload: "first", dueAt: start))
        await log.waitForStarts(1)
        // Another instance (never started) replaces the job; this scheduler is not told.
        let other = fixture.makeScheduler()
        try await other.schedule(NewJob(kind: "test", key: "ban", payload: "second", dueAt: start + .seconds(600)))
        gate.open()
        await scheduler.waitUntilIdle()
        let pending = try await scheduler.jobs(state: .pending)
        #expect(pending.map(\.payload) == ["second"])
        #expect(scheduler.counters == SchedulerCounters(fired: 1, superseded: 1))
        await fixture.advance(scheduler, by: .seconds(600))
        #expect(log.runs == ["first", "second"])
        let finished = try await scheduler.jobs()
        #expect(finished.map(\.state) == [.completed])
        #expect(finished.map(\.payload) == ["second"])
        #expect(scheduler.counters == SchedulerCounters(fired: 2, succeeded: 1, superseded: 1))
        await scheduler.shutdown()
    }

    @Test func aJobRescheduledElsewhereAndReclaimedHereRunsItsNewPayloadAfterTheStaleRun() async throws {
        let gate = Gate()
        let secondGate = Gate()
        let log = RunLog()
        let scheduler = fixture.makeScheduler(leaseDuration: .seconds(60))
        scheduler.register(kind: "test") { job in
            log.started(job.payload)
            await (job.payload == "first" ? gate : secondGate).wait()
            log.ended()
            return .succeeded
        }
        scheduler.start()
        let start = fixture.clock.now()
        try await scheduler.schedule(NewJob(kind: "test", key: "ban", payload: "first", dueAt: start))
        await log.waitForStarts(1)
        // Replaced behind this scheduler's back, due at once; it finds out when its timer (the old lease) fires.
        _ = try await fixture.store.schedule(
            NewJob(kind: "test", key: "ban", payload: "second", dueAt: start + .seconds(1)), now: start + .seconds(1))
        fixture.clock.advance(by: .seconds(60))
        await scheduler.waitUntilLoopIsQuiet()
        #expect(log.runs == ["first"])
        #expect(try await scheduler.jobs().first?.attempts == 2)
        gate.open()
        await log.waitForStarts(2)
        await scheduler.waitUntilLoopIsQuiet()
        // The stale run's outcome was refused: while the new payload runs, the job is still pending under claim 2.
        let running = try await scheduler.jobs()
        #expect(running.map(\.state) == [.pending])
        #expect(running.map(\.attempts) == [2])
        #expect(scheduler.counters == SchedulerCounters(fired: 2, superseded: 1))
        secondGate.open()
        await scheduler.waitUntilIdle()
        #expect(log.runs == ["first", "second"])
        let finished = try await scheduler.jobs()
        #expect(finished.map(\.state) == [.completed])
        #expect(finished.map(\.payload) == ["second"])
        #expect(scheduler.counters == SchedulerCounters(fired: 2, succeeded: 1, superseded: 1))
        await scheduler.shutdown()
    }
}

/// Numbers handler runs 1, 2, 3… across scheduler instances.
final class RunNumbers: Sendable {
    private let count = Mutex(0)

    /// The number of this run.
    func next() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
