import ApusCore
import Synchronization
import Testing

@testable import ApusScheduler

/// Records what handlers did, in order, and lets a test wait for a number of handler starts.
final class RunLog: Sendable {
    private struct State {
        var runs: [String] = []
        var running = 0
        var maxRunning = 0
        var startWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    /// The keys of every run started, in order.
    var runs: [String] { state.withLock { $0.runs } }
    /// The most runs that were in progress at once.
    var maxRunning: Int { state.withLock { $0.maxRunning } }

    /// Records the start of a run of `key`.
    func started(_ key: String) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.runs.append(key)
            state.running += 1
            state.maxRunning = max(state.maxRunning, state.running)
            let count = state.runs.count
            let ready = state.startWaiters.filter { $0.count <= count }.map(\.continuation)
            state.startWaiters.removeAll { $0.count <= count }
            return ready
        }
        for waiter in ready { waiter.resume() }
    }

    /// Records the end of a run.
    func ended() {
        state.withLock { $0.running -= 1 }
    }

    /// Suspends until at least `count` runs have started.
    func waitForStarts(_ count: Int) async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.runs.count >= count { return true }
                state.startWaiters.append((count, waiter))
                return false
            }
            if ready { waiter.resume() }
        }
    }
}

/// A gate that handlers wait on until the test opens it.
final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Suspends until the gate is open.
    func wait() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let open = state.withLock { state -> Bool in
                if state.isOpen { return true }
                state.waiters.append(waiter)
                return false
            }
            if open { waiter.resume() }
        }
    }

    /// Opens the gate for every present and future waiter.
    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// A stand-in for Discord: effects keyed by an idempotency key, counted once each.
final class IdempotentEffects: Sendable {
    private let applied = Mutex<[String: Int]>([:])

    /// Applies the effect for `key` unless it was already applied; returns whether it was applied now.
    @discardableResult
    func apply(_ key: String) -> Bool {
        applied.withLock { applied in
            if applied[key] != nil { return false }
            applied[key] = 1
            return true
        }
    }

    /// How many distinct effects exist.
    var count: Int { applied.withLock { $0.count } }
}

/// A failure thrown by test handlers.
struct HandlerFailure: Error, CustomStringConvertible {
    var description: String
}

/// Common fixtures: a manual clock, an in-memory store and a scheduler factory.
struct SchedulerFixture {
    let clock = ManualWallClock()
    let store = InMemoryJobStore()

    func makeScheduler(
        leaseDuration: Duration = .seconds(60), maxConcurrentJobs: Int = 4,
        retryPolicy: JobRetryPolicy = JobRetryPolicy(baseDelay: .seconds(10), jitterFraction: 0),
        shutdownGrace: Duration = .seconds(30)
    ) -> Scheduler {
        Scheduler(
            store: store, clock: clock,
            configuration: .init(
                leaseDuration: leaseDuration, maxConcurrentJobs: maxConcurrentJobs, retryPolicy: retryPolicy,
                shutdownGrace: shutdownGrace
            ),
            random: SeededRandom(seed: 3)
        )
    }

    /// A started scheduler whose `test` handler logs each run and holds the run whose payload is `first` until
    /// `gate` opens (a handler still working when its job is replaced).
    func startSchedulerHoldingFirstRun(gate: Gate, log: RunLog) -> Scheduler {
        let scheduler = makeScheduler()
        scheduler.register(kind: "test") { job in
            log.started(job.payload)
            if job.payload == "first" { await gate.wait() }
            log.ended()
            return .succeeded
        }
        scheduler.start()
        return scheduler
    }

    func job(_ key: String, in delay: Duration, kind: String = "test") -> NewJob {
        NewJob(kind: kind, key: key, payload: "{}", dueAt: clock.now() + delay)
    }

    /// Advances the clock and waits until the scheduler has caught up.
    func advance(_ scheduler: Scheduler, by duration: Duration) async {
        clock.advance(by: duration)
        await scheduler.waitUntilIdle()
    }
}

/// Yields until `condition` holds (for states with no continuation to wait on); the test's time limit bounds it.
func eventually(_ condition: () -> Bool) async {
    while !condition() {
        await Task.yield()
    }
}
