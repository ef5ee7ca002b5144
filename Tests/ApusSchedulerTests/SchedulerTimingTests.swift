import ApusCore
import Testing

@testable import ApusScheduler

/// When jobs fire: on time, in order, after restarts. Every wait is on a ManualWallClock.
@Suite(.timeLimit(.minutes(1))) struct SchedulerTimingTests {
    let fixture = SchedulerFixture()

    func recordingScheduler(_ log: RunLog, maxConcurrentJobs: Int = 4) -> Scheduler {
        let scheduler = fixture.makeScheduler(maxConcurrentJobs: maxConcurrentJobs)
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            log.ended()
            return .succeeded
        }
        return scheduler
    }

    @Test func firesOnTimeAndNotBefore() async throws {
        let log = RunLog()
        let scheduler = recordingScheduler(log)
        scheduler.start()
        try await scheduler.schedule(fixture.job("a", in: .seconds(60)))
        await scheduler.waitUntilIdle()
        #expect(log.runs.isEmpty)

        await fixture.advance(scheduler, by: .seconds(60) - .milliseconds(1))
        #expect(log.runs.isEmpty)
        #expect(scheduler.counters.fired == 0)

        await fixture.advance(scheduler, by: .milliseconds(1))
        #expect(log.runs == ["a"])
        #expect(scheduler.counters == SchedulerCounters(fired: 1, succeeded: 1))
        let stored = try await scheduler.jobs()
        #expect(stored.map(\.state) == [.completed])
        #expect(stored.first?.attempts == 1)

        await fixture.advance(scheduler, by: .seconds(86_400))
        #expect(log.runs == ["a"])
        await scheduler.shutdown()
    }

    @Test func theLoopSleepsOnOneTimerInsteadOfPolling() async throws {
        let log = RunLog()
        let scheduler = recordingScheduler(log)
        scheduler.start()
        await scheduler.waitUntilIdle()
        #expect(fixture.clock.sleeperCount == 0)
        try await scheduler.schedule(fixture.job("a", in: .seconds(3600)))
        await scheduler.waitUntilIdle()
        await eventually { fixture.clock.sleeperCount == 1 }
        #expect(fixture.clock.sleeperCount == 1)
        await scheduler.shutdown()
    }

    @Test func manyJobsFireInDueOrder() async throws {
        let log = RunLog()
        let scheduler = recordingScheduler(log, maxConcurrentJobs: 1)
        var random = SeededRandom(seed: 99)
        var dueSeconds: [String: Int64] = [:]
        for index in 0..<40 {
            let seconds = Int64(random.next() % 10_000) + 1
            dueSeconds["job\(index)"] = seconds
            try await scheduler.schedule(fixture.job("job\(index)", in: .seconds(seconds)))
        }
        scheduler.start()
        await scheduler.waitUntilIdle()
        #expect(log.runs.isEmpty)
        await fixture.advance(scheduler, by: .seconds(5_000))
        let firstHalf = log.runs
        #expect(firstHalf.allSatisfy { (dueSeconds[$0] ?? .max) <= 5_000 })
        await fixture.advance(scheduler, by: .seconds(5_000))
        let expected = dueSeconds.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        #expect(log.runs.count == 40)
        #expect(log.runs.map { dueSeconds[$0] ?? 0 } == expected.map { dueSeconds[$0] ?? 0 })
        #expect(scheduler.counters.succeeded == 40)
        await scheduler.shutdown()
    }

    @Test func stepByStepEachJobFiresAtItsOwnTime() async throws {
        let log = RunLog()
        let scheduler = recordingScheduler(log)
        scheduler.start()
        for (key, minutes) in [("c", 30), ("a", 10), ("b", 20)] {
            try await scheduler.schedule(fixture.job(key, in: .seconds(Int64(minutes) * 60)))
        }
        await fixture.advance(scheduler, by: .seconds(600))
        #expect(log.runs == ["a"])
        await fixture.advance(scheduler, by: .seconds(600))
        #expect(log.runs == ["a", "b"])
        await fixture.advance(scheduler, by: .seconds(599))
        #expect(log.runs == ["a", "b"])
        await fixture.advance(scheduler, by: .seconds(1))
        #expect(log.runs == ["a", "b", "c"])
        await scheduler.shutdown()
    }

    @Test func anEarlierJobWakesTheSleepingLoop() async throws {
        let log = RunLog()
        let scheduler = recordingScheduler(log)
        scheduler.start()
        try await scheduler.schedule(fixture.job("later", in: .seconds(3600)))
        await scheduler.waitUntilIdle()
        try await scheduler.schedule(fixture.job("sooner", in: .seconds(60)))
        await scheduler.waitUntilIdle()
        await fixture.advance(scheduler, by: .seconds(60))
        #expect(log.runs == ["sooner"])
        await fixture.advance(scheduler, by: .seconds(3540))
        #expect(log.runs == ["sooner", "later"])
        await scheduler.shutdown()
    }

    @Test func reschedulingTheSameKeyMovesTheJob() async throws {
        let log = RunLog()
        let scheduler = recordingScheduler(log)
        scheduler.start()
        let first = try await scheduler.schedule(fixture.job("ban", in: .seconds(600)))
        let moved = try await scheduler.schedule(fixture.job("ban", in: .seconds(1200)))
        #expect(moved.id == first.id)
        await fixture.advance(scheduler, by: .seconds(600))
        #expect(log.runs.isEmpty)
        await fixture.advance(scheduler, by: .seconds(600))
        #expect(log.runs == ["ban"])
        await scheduler.shutdown()
    }

    @Test func missedJobsFireOnStart() async throws {
        let log = RunLog()
        _ = try await fixture.store.schedule(fixture.job("old", in: .seconds(10)), now: fixture.clock.now())
        _ = try await fixture.store.schedule(fixture.job("older", in: .seconds(5)), now: fixture.clock.now())
        _ = try await fixture.store.schedule(fixture.job("future", in: .seconds(7200)), now: fixture.clock.now())
        fixture.clock.advance(by: .seconds(3600))
        let scheduler = recordingScheduler(log, maxConcurrentJobs: 1)
        scheduler.start()
        await scheduler.waitUntilIdle()
        #expect(log.runs == ["older", "old"])
        await scheduler.shutdown()
    }

    @Test func aRestartBetweenSchedulingAndFiringFiresOnce() async throws {
        let log = RunLog()
        let first = recordingScheduler(log)
        first.start()
        try await first.schedule(fixture.job("remind", in: .seconds(600)))
        await fixture.advance(first, by: .seconds(300))
        await first.shutdown()
        #expect(first.phase == .stopped)
        #expect(log.runs.isEmpty)

        fixture.clock.advance(by: .seconds(60))
        let second = recordingScheduler(log)
        second.start()
        await second.waitUntilIdle()
        #expect(log.runs.isEmpty)
        await fixture.advance(second, by: .seconds(240))
        #expect(log.runs == ["remind"])
        await fixture.advance(second, by: .seconds(3600))
        #expect(log.runs == ["remind"])
        #expect(try await second.jobs(state: .completed).map(\.key) == ["remind"])
        await second.shutdown()
    }

    @Test func cancelledJobsDoNotFire() async throws {
        let log = RunLog()
        let scheduler = recordingScheduler(log)
        scheduler.start()
        try await scheduler.schedule(fixture.job("a", in: .seconds(60)))
        try await scheduler.schedule(fixture.job("b", in: .seconds(60)))
        #expect(try await scheduler.cancel(kind: "test", key: "a"))
        #expect(try await !scheduler.cancel(kind: "test", key: "a"))
        await fixture.advance(scheduler, by: .seconds(120))
        #expect(log.runs == ["b"])
        #expect(try await scheduler.jobs(kind: "test", state: .cancelled).map(\.key) == ["a"])
        await scheduler.shutdown()
    }
}
