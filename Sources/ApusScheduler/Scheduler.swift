import ApusCore
import Logging

/// The persistent scheduler: runs stored jobs at their due time, at least once, across restarts and crashes.
///
/// Jobs live in a ``JobStore``. The scheduler never polls: it sleeps on the injected ``WallClock`` until the
/// store's ``JobStore/nextWakeTime()``, and ``schedule(_:)`` wakes it when a new job is due earlier. A job is
/// claimed with a lease before its handler runs and completed after, so a crash in between makes it run again once
/// the lease expires: handlers must make their effects idempotent (an unban checks the ban first; a reminder
/// records its message id). On ``start()``, jobs that fell due while the bot was down fire at once.
///
/// Failures are classified (see ``JobFailureKind``): an error a handler throws is judged by the injected
/// ``JobFailureClassifier``. A transient failure is retried with capped backoff and never buries the job, so an
/// outage of any length only delays jobs; a failure about the job buries it, and the stored job keeps its last error
/// and the state ``JobState/buried`` (``jobs(kind:state:)`` lists them); a refused token pauses the whole scheduler
/// with one error log until ``resume()`` or a probe after ``SchedulerMachine/Configuration/unauthorizedProbeInterval``
/// (see ``pause``).
///
/// Outcomes are fenced (see "Fencing" in ``JobStore``): a handler that outlives its lease, while another scheduler
/// over the same store claims the job again, has its late outcome refused and counted in
/// ``SchedulerCounters/superseded``; the current claim's outcome is the one recorded. The same holds for a job
/// rescheduled or cancelled, here or in another process, while its handler runs.
///
/// ```swift
/// let scheduler = Scheduler(store: store, clock: SystemWallClock())
/// scheduler.register(kind: "moderation.unban") { job in try await unban(job.payload) }
/// scheduler.start()
/// try await scheduler.schedule(NewJob(kind: "moderation.unban", key: "g:1:u:2", payload: "…", dueAt: until))
/// ```
public final class Scheduler: Sendable {
    /// Runs one job and says how it went. A thrown error is classified by the scheduler's
    /// ``JobFailureClassifier``.
    public typealias Handler = @Sendable (StoredJob) async throws -> JobOutcome

    private let store: any JobStore
    private let clock: any WallClock
    private let classifier: any JobFailureClassifier
    private let logger: Logger
    private let shared: SchedulerShared
    private let messages: AsyncStream<SchedulerLoopMessage>
    private let initialMachine: SchedulerMachine

    /// Creates a stopped scheduler over `store`.
    ///
    /// - Parameters:
    ///   - store: Where jobs are kept.
    ///   - clock: The wall clock to read and sleep on (``ManualWallClock`` in tests).
    ///   - configuration: Lease duration (longer than any handler runs), concurrency limit, retry policy,
    ///     shutdown grace, store back-off and the probe interval of a pause.
    ///   - classifier: What kind of failure a thrown error is (the default retries every error as transient; a
    ///     Discord bot passes the Discord classifier of the `Apus` module).
    ///   - random: The generator for retry jitter (seed it for repeatable tests).
    ///   - logger: Where the scheduler logs.
    public init(
        store: any JobStore, clock: any WallClock,
        configuration: SchedulerMachine.Configuration = SchedulerMachine.Configuration(),
        classifier: any JobFailureClassifier = TransientJobFailureClassifier(),
        random: SeededRandom = SeededRandom(), logger: Logger = Logger(label: "apus.scheduler")
    ) {
        self.store = store
        self.clock = clock
        self.classifier = classifier
        self.logger = logger
        let (stream, continuation) = AsyncStream.makeStream(of: SchedulerLoopMessage.self)
        messages = stream
        shared = SchedulerShared(continuation: continuation, clock: clock)
        initialMachine = SchedulerMachine(configuration: configuration, random: random)
    }

    deinit {
        abandon()
    }

    /// The settings this scheduler runs with.
    public var configuration: SchedulerMachine.Configuration {
        initialMachine.configuration
    }

    /// Registers (or replaces) the handler for jobs of `kind`. Jobs of a kind with no handler are not dropped:
    /// they are retried after ``JobRetryPolicy/unknownKindDelay``.
    public func register(kind: String, handler: @escaping Handler) {
        shared.state.withLock { $0.handlers[kind] = handler }
    }

    /// Removes the handler for `kind` (its plugin was disabled); its jobs wait until one is registered again.
    public func unregister(kind: String) {
        shared.state.withLock { $0.handlers[kind] = nil }
    }

    /// Starts the loop: jobs already due (missed while the bot was down) fire at once. Later calls do nothing.
    public func start() {
        let isFirstStart = shared.state.withLock { state -> Bool in
            guard !state.hasStarted, !state.hasEnded else { return false }
            state.hasStarted = true
            return true
        }
        guard isFirstStart else { return }
        shared.post(.started)
        let loop = SchedulerLoop(
            store: store, clock: clock, classifier: classifier, logger: logger, shared: shared, machine: initialMachine)
        let messages = self.messages
        let task = Task {
            var running = loop
            await running.run(messages: messages)
        }
        shared.state.withLock { $0.loopTask = task }
        logger.info("scheduler started")
    }

    /// Stores `job` (replacing the pending job with the same kind and key) and returns after the store committed
    /// it; wakes the loop if the job is due before the loop's current sleep ends.
    ///
    /// A job scheduled before ``start()`` or after ``shutdown()`` is stored all the same, and runs when a
    /// scheduler over the same store is running. Replacing a job whose handler is running here keeps the new
    /// schedule: the running handler's outcome is not recorded over it.
    @discardableResult
    public func schedule(_ job: NewJob) async throws -> StoredJob {
        let stored = try await store.schedule(job, now: clock.now())
        shared.post(.scheduled(stored))
        return stored
    }

    /// Cancels the pending job `(kind, key)`. Returns whether there was one. A run already in progress finishes,
    /// but its outcome does not revive the job.
    @discardableResult
    public func cancel(kind: String, key: String) async throws -> Bool {
        try await store.cancel(kind: kind, key: key, now: clock.now())
    }

    /// Jobs as the store lists them (for the bot's `jobs` command), ordered by due time then id.
    public func jobs(kind: String? = nil, state: JobState? = nil) async throws -> [StoredJob] {
        try await store.jobs(kind: kind, state: state)
    }

    /// What the loop has done so far.
    public var counters: SchedulerCounters {
        shared.state.withLock { $0.counters }
    }

    /// Where the loop is in its life.
    public var phase: SchedulerMachine.Phase {
        shared.state.withLock { $0.phase }
    }

    /// The pause after a refused token, while it lasts (`nil` when jobs run normally).
    public var pause: SchedulerMachine.Pause? {
        shared.state.withLock { $0.pause }
    }

    /// Ends a pause at once (call it once the token is fixed): what is due is claimed now. Does nothing when the
    /// scheduler is not paused.
    public func resume() {
        shared.post(.resume)
    }

    /// Stops claiming, waits for running handlers to finish and record their outcomes (at most the configured
    /// shutdown grace, measured on the scheduler's clock), then returns. Handlers still running when the grace
    /// ends are cancelled unrecorded; their leases make them run again later.
    public func shutdown() async {
        let task = shared.state.withLock { state -> Task<Void, Never>? in
            if !state.hasStarted {
                state.hasEnded = true
                state.phase = .stopped
            }
            return state.loopTask
        }
        guard let task else { return }
        shared.post(.shutdown)
        await task.value
    }

    /// Stops at once without writing anything more to the store, as a crash would: running handlers are
    /// cancelled and their jobs stay claimed until their leases expire, then run again. Tests use this (or drop
    /// the scheduler, which does the same) to simulate a process crash.
    public func abandon() {
        let task = shared.state.withLock { state -> Task<Void, Never>? in
            if !state.hasStarted { state.hasEnded = true }
            return state.loopTask
        }
        task?.cancel()
    }

    /// Returns once the loop has handled every message so far, no handler is running, and its timer (if any) is
    /// not yet due on the clock — or once the loop has ended. Tests call it after moving a ``ManualWallClock``.
    public func waitUntilIdle() async {
        await shared.waitUntilIdle(ignoringHandlers: false)
    }

    /// Like ``waitUntilIdle()``, but handlers may still be running (tests whose handlers block use it).
    func waitUntilLoopIsQuiet() async {
        await shared.waitUntilIdle(ignoringHandlers: true)
    }
}
