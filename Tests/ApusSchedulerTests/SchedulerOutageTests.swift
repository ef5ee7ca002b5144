import ApusCore
import Testing

@testable import ApusScheduler

/// A REST outage longer than the retry schedule: transient failures never bury a job.
@Suite(.timeLimit(.minutes(1))) struct SchedulerOutageTests {
    let fixture = SchedulerFixture()

    @Test("a job that fails transiently through a four-minute outage runs once the outage ends, and is not buried")
    func aFourMinuteOutageBuriesNothing() async throws {
        let log = RunLog()
        let outageEnds = fixture.clock.now() + .seconds(240)
        let clock = fixture.clock
        // The scheduler's defaults, as `apus run` uses them.
        let scheduler = Scheduler(store: fixture.store, clock: fixture.clock, random: SeededRandom(seed: 7))
        scheduler.register(kind: "test") { job in
            log.started(job.key)
            log.ended()
            if clock.now() < outageEnds { throw HandlerFailure(description: "HTTP 503 Service Unavailable") }
            return .succeeded
        }
        scheduler.start()
        try await scheduler.schedule(fixture.job("unban:1", in: .zero))
        await scheduler.waitUntilIdle()
        // Ten minutes on the manual clock, one second at a time.
        for _ in 0..<600 {
            await fixture.advance(scheduler, by: .seconds(1))
        }
        let stored = try await scheduler.jobs(kind: "test")
        #expect(stored.map(\.state) == [.completed], "the job ran after the outage: \(stored)")
        #expect(scheduler.counters.buried == 0)
        #expect(scheduler.counters.succeeded == 1)
        await scheduler.shutdown()
    }
}
