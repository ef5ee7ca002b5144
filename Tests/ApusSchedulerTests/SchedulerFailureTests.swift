import ApusCore
import Testing

@testable import ApusScheduler

/// Failures, crashes, shutdown and concurrency. Every wait is on a ManualWallClock or a continuation.
@Suite(.timeLimit(.minutes(1))) struct SchedulerFailureTests {
    let fixture = SchedulerFixture()

    @Test func aCrashMidRunRunsTheJobAgainAfterTheLeaseWithOneEffect() async throws {
        let effects = IdempotentEffects()
        let log = RunLog()
        let neverCommits = Gate()
        var crashing: Scheduler? = fixture.makeScheduler(leaseDuration: .seconds(60))
        crashing?.register(kind: "test") { job in
            log.started("first:\(job.key)")
            effects.apply(job.key)  // Discord answered…
            await neverCommits.wait()  // …and the process dies before the store commits.
            return .succeeded
        }
        crashing?.start()
        try await crashing?.schedule(fixture.job("unban:1", in: .zero))
        await log.waitForStarts(1)
        crashing?.abandon()
        await crashing?.waitUntilIdle()
        crashing = nil

        let restarted = fixture.makeScheduler(leaseDuration: .seconds(60))
        restarted.register(kind: "test") { job in
            log.started("second:\(job.key)")
            effects.apply(job.key)  // idempotent: the effect is already there
            return .succeeded
        }
        restarted.start()
        await restarted.waitUntilIdle()
        #expect(log.runs == ["first:unban:1"])
        await fixture.advance(restarted, by: .seconds(59))
        #expect(log.runs == ["first:unban:1"])
        await fixture.advance(restarted, by: .seconds(1))
        #expect(log.runs == ["first:unban:1", "second:unban:1"])
        #expect(effects.count == 1)
        let stored = try await restarted.jobs()
        #expect(stored.map(\.state) == [.completed])
        #expect(stored.first?.attempts == 2)
        await restarted.shutdown()
        neverCommits.open()
    }

    @Test func aFailingJobRetriesWithBackoffThenSucceeds() async throws {
        let log = RunLog()
        let scheduler = fixture.makeScheduler(
            retryPolicy: JobRetryPolicy(baseDelay: .seconds(10), jitterFraction: 0)
        )
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            log.ended()
            if job.attempts < 3 { throw HandlerFailure(description: "HTTP 503 on attempt \(job.attempts)") }
            return .succeeded
        }
        let start = fixture.clock.now()
        try await scheduler.schedule(fixture.job("x", in: .zero))
        scheduler.start()
        await scheduler.waitUntilIdle()
        #expect(log.runs.count == 1)
        var stored = try await scheduler.jobs()
        #expect(stored.first?.state == .pending)
        #expect(stored.first?.lastError == "HTTP 503 on attempt 1")
        #expect(stored.first?.dueAt == start + .seconds(10))

        await fixture.advance(scheduler, by: .seconds(10) - .milliseconds(1))
        #expect(log.runs.count == 1)
        await fixture.advance(scheduler, by: .milliseconds(1))
        #expect(log.runs.count == 2)
        stored = try await scheduler.jobs()
        #expect(stored.first?.dueAt == start + .seconds(30))
        #expect(stored.first?.lastError == "HTTP 503 on attempt 2")

        await fixture.advance(scheduler, by: .seconds(20))
        #expect(log.runs.count == 3)
        #expect(try await scheduler.jobs().map(\.state) == [.completed])
        #expect(scheduler.counters == SchedulerCounters(fired: 3, succeeded: 1, retried: 2))
        await scheduler.shutdown()
    }

    @Test func aFailureAboutTheJobIsBuriedAtOnceAndVisibleWithItsLastError() async throws {
        let log = RunLog()
        let scheduler = Scheduler(
            store: fixture.store, clock: fixture.clock,
            classifier: ClosureJobFailureClassifier { error in
                (error as? HandlerFailure)?.description.hasPrefix("HTTP 404") == true ? .job : .transient
            },
            random: SeededRandom(seed: 3))
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            log.ended()
            throw HandlerFailure(description: "HTTP 404 Unknown Member")
        }
        scheduler.start()
        try await scheduler.schedule(fixture.job("doomed", in: .zero))
        await scheduler.waitUntilIdle()
        await fixture.advance(scheduler, by: .seconds(86_400))
        #expect(log.runs.count == 1)
        let buried = try await scheduler.jobs(kind: "test", state: .buried)
        #expect(buried.map(\.key) == ["doomed"])
        #expect(buried.first?.lastError == "HTTP 404 Unknown Member")
        #expect(scheduler.counters == SchedulerCounters(fired: 1, buried: 1))
        await scheduler.shutdown()
    }

    @Test func aPermanentFailureIsBuriedAtOnce() async throws {
        let scheduler = fixture.makeScheduler()
        scheduler.register(kind: "test") { _ in .permanentFailure("Unknown Guild") }
        scheduler.start()
        try await scheduler.schedule(fixture.job("g", in: .zero))
        await scheduler.waitUntilIdle()
        #expect(try await scheduler.jobs(state: .buried).first?.lastError == "Unknown Guild")
        #expect(scheduler.counters.buried == 1)
        await scheduler.shutdown()
    }

    @Test func aJobWithoutAHandlerWaitsForOne() async throws {
        let log = RunLog()
        let scheduler = fixture.makeScheduler(
            retryPolicy: JobRetryPolicy(unknownKindDelay: .seconds(300))
        )
        scheduler.start()
        try await scheduler.schedule(fixture.job("r", in: .zero, kind: "plugin.disabled"))
        await scheduler.waitUntilIdle()
        let waiting = try await scheduler.jobs()
        #expect(waiting.first?.state == .pending)
        #expect(waiting.first?.lastError?.contains("plugin.disabled") == true)
        scheduler.register(kind: "plugin.disabled") { job in
            log.started(job.key)
            log.ended()
            return .succeeded
        }
        await fixture.advance(scheduler, by: .seconds(299))
        #expect(log.runs.isEmpty)
        await fixture.advance(scheduler, by: .seconds(1))
        #expect(log.runs == ["r"])
        #expect(try await scheduler.jobs().map(\.state) == [.completed])
        await scheduler.shutdown()
    }

    @Test func shutdownWaitsForTheRunningHandler() async throws {
        let log = RunLog()
        let gate = Gate()
        let scheduler = fixture.makeScheduler()
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            await gate.wait()
            log.ended()
            return .succeeded
        }
        scheduler.start()
        try await scheduler.schedule(fixture.job("slow", in: .zero))
        await log.waitForStarts(1)
        let shutdown = Task { await scheduler.shutdown() }
        await eventually { scheduler.phase == .stopping }
        gate.open()
        await shutdown.value
        #expect(scheduler.phase == .stopped)
        #expect(try await scheduler.jobs().map(\.state) == [.completed])
        #expect(scheduler.counters.succeeded == 1)
    }

    @Test func shutdownGivesUpAfterItsGraceAndTheLeaseBringsTheJobBack() async throws {
        let gate = Gate()
        let scheduler = fixture.makeScheduler(leaseDuration: .seconds(60), shutdownGrace: .seconds(5))
        let log = RunLog()
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            await gate.wait()
            return .succeeded
        }
        scheduler.start()
        try await scheduler.schedule(fixture.job("stuck", in: .zero))
        await log.waitForStarts(1)
        let shutdown = Task { await scheduler.shutdown() }
        await eventually { scheduler.phase == .stopping }
        fixture.clock.advance(by: .seconds(5))
        await shutdown.value
        #expect(scheduler.counters.abandoned == 1)
        let stored = try await fixture.store.jobs(kind: nil, state: nil)
        #expect(stored.first?.state == .pending)
        #expect(stored.first?.leaseUntil == stored.first?.createdAt.advanced(by: 60))
        gate.open()
    }

    @Test func theConcurrencyLimitHolds() async throws {
        let log = RunLog()
        let gate = Gate()
        let scheduler = fixture.makeScheduler(maxConcurrentJobs: 2)
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            await gate.wait()
            log.ended()
            return .succeeded
        }
        for index in 0..<5 {
            try await scheduler.schedule(fixture.job("j\(index)", in: .seconds(Int64(index))))
        }
        fixture.clock.advance(by: .seconds(10))
        scheduler.start()
        await log.waitForStarts(2)
        await scheduler.waitUntilLoopIsQuiet()
        #expect(Set(log.runs) == ["j0", "j1"])  // the two earliest, started concurrently
        #expect(scheduler.counters.fired == 2)
        gate.open()
        await scheduler.waitUntilIdle()
        #expect(log.runs.count == 5)
        #expect(Set(log.runs) == ["j0", "j1", "j2", "j3", "j4"])  // j2…j4 run concurrently, in any order
        #expect(log.maxRunning == 2)
        #expect(scheduler.counters.succeeded == 5)
        await scheduler.shutdown()
    }
}

extension WallTime {
    /// This time plus `seconds` whole seconds.
    fileprivate func advanced(by seconds: Int64) -> WallTime {
        self + .seconds(seconds)
    }
}
