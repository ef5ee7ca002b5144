import ApusCore
import Synchronization
import Testing

@testable import ApusScheduler

/// A refused token, through the real scheduler over a store, on a manual clock.
@Suite(.timeLimit(.minutes(1))) struct SchedulerPauseTests {
    let fixture = SchedulerFixture()

    struct Unauthorized: Error {}

    @Test("a refused token pauses the scheduler: no job is buried, a probe checks again, and resume() runs what is due")
    func aRefusedTokenPausesInsteadOfBurying() async throws {
        let log = RunLog()
        let state = TokenState()
        let scheduler = Scheduler(
            store: fixture.store, clock: fixture.clock,
            configuration: .init(leaseDuration: .seconds(60), unauthorizedProbeInterval: .seconds(120)),
            classifier: ClosureJobFailureClassifier { $0 is Unauthorized ? .unauthorized : .transient },
            random: SeededRandom(seed: 5))
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            log.ended()
            if !state.valid { throw Unauthorized() }
            return .succeeded
        }
        scheduler.start()
        for index in 1...5 {
            try await scheduler.schedule(fixture.job("job\(index)", in: .seconds(10)))
        }
        await fixture.advance(scheduler, by: .seconds(10))
        #expect(scheduler.pause != nil)
        let afterFirstWave = log.runs.count
        #expect(afterFirstWave <= 4, "at most the jobs already claimed run; then the loop waits")
        // An hour of refusals: one probe job per interval, nothing buried.
        for _ in 0..<30 {
            await fixture.advance(scheduler, by: .seconds(120))
        }
        #expect(log.runs.count == afterFirstWave + 30, "one probe per interval: \(log.runs.count)")
        #expect(try await scheduler.jobs(state: .buried).isEmpty)
        #expect(try await scheduler.jobs(state: .pending).count == 5)
        #expect(scheduler.counters.pauses == 1)

        // The token is fixed; resume() runs every due job now, and the last probe's job at the time it was put back
        // for (the next probe time).
        state.valid = true
        scheduler.resume()
        await scheduler.waitUntilIdle()
        #expect(scheduler.pause == nil)
        #expect(try await scheduler.jobs(state: .completed).count == 4)
        await fixture.advance(scheduler, by: .seconds(120))
        #expect(try await scheduler.jobs(state: .completed).count == 5)
        #expect(try await scheduler.jobs(state: .buried).isEmpty)
        await scheduler.shutdown()
    }

    @Test("after a pause, a probe that is no longer refused resumes the scheduler by itself")
    func aSuccessfulProbeResumes() async throws {
        let state = TokenState()
        let scheduler = Scheduler(
            store: fixture.store, clock: fixture.clock,
            configuration: .init(leaseDuration: .seconds(60), unauthorizedProbeInterval: .seconds(120)),
            classifier: ClosureJobFailureClassifier { $0 is Unauthorized ? .unauthorized : .transient },
            random: SeededRandom(seed: 6))
        scheduler.register(kind: "test") { _ in
            if !state.valid { throw Unauthorized() }
            return .succeeded
        }
        scheduler.start()
        try await scheduler.schedule(fixture.job("a", in: .zero))
        try await scheduler.schedule(fixture.job("b", in: .zero))
        await scheduler.waitUntilIdle()
        #expect(scheduler.pause != nil)
        state.valid = true
        await fixture.advance(scheduler, by: .seconds(120))
        #expect(scheduler.pause == nil)
        #expect(try await scheduler.jobs(state: .completed).count == 2)
        await scheduler.shutdown()
    }
}

/// Whether the fake token is valid, shared with handlers.
final class TokenState: Sendable {
    private let flag = Mutex(false)

    var valid: Bool {
        get { flag.withLock { $0 } }
        set { flag.withLock { $0 = newValue } }
    }
}
