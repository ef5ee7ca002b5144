import ApusCore
import Logging

/// The I/O edge of the scheduler: one task that feeds messages to the ``SchedulerMachine`` and performs its
/// actions against the store, the clock and the handlers.
///
/// Messages are handled one at a time, and the answer of a store read is fed back before the next message, so the
/// machine never sees two reads in flight. Handlers run in their own tasks and report back through a message.
struct SchedulerLoop {
    let store: any JobStore
    let clock: any WallClock
    let classifier: any JobFailureClassifier
    let logger: Logger
    let shared: SchedulerShared
    var machine: SchedulerMachine

    private var timerTask: Task<Void, Never>?
    private var timerGeneration: UInt64 = 0
    private var handlerTasks: [Int64: Task<Void, Never>] = [:]

    init(
        store: any JobStore, clock: any WallClock, classifier: any JobFailureClassifier, logger: Logger,
        shared: SchedulerShared, machine: SchedulerMachine
    ) {
        self.store = store
        self.clock = clock
        self.classifier = classifier
        self.logger = logger
        self.shared = shared
        self.machine = machine
    }

    /// Handles messages until the machine stops or the task is cancelled (a simulated crash: nothing more is
    /// written to the store, running handlers are cancelled and their jobs stay leased).
    mutating func run(messages: AsyncStream<SchedulerLoopMessage>) async {
        var stopped = false
        for await message in messages {
            if Task.isCancelled { break }
            if let event = event(for: message) {
                stopped = await process(event)
            }
            shared.messageHandled(machine)
            if stopped || Task.isCancelled { break }
        }
        timerTask?.cancel()
        if !stopped {
            for task in handlerTasks.values { task.cancel() }
            logger.warning("scheduler loop abandoned", metadata: ["running": "\(handlerTasks.count)"])
        }
        shared.loopEnded()
    }

    /// Turns a loop message into a machine event, stamped with the current time; `nil` for a stale timer.
    private mutating func event(for message: SchedulerLoopMessage) -> SchedulerMachine.Event? {
        let now = clock.now()
        switch message {
        case .started:
            return .started
        case .scheduled(let job):
            return .jobScheduled(job, now: now)
        case .timerFired(let generation):
            guard generation == timerGeneration else { return nil }
            timerTask = nil
            return .timerFired(now: now)
        case .finished(let id, let result):
            handlerTasks[id] = nil
            return .jobFinished(id: id, result: result, now: now)
        case .shutdown:
            return .shutdownRequested(now: now)
        case .resume:
            return .resumeRequested(now: now)
        }
    }

    /// Applies `event` and every event its actions produce. Returns whether the machine stopped.
    private mutating func process(_ event: SchedulerMachine.Event) async -> Bool {
        var queue = [event]
        var stopped = false
        while !queue.isEmpty {
            let actions = machine.handle(queue.removeFirst())
            for action in actions {
                if Task.isCancelled { return false }
                if action == .stop { stopped = true }
                if let followUp = await perform(action) { queue.append(followUp) }
            }
        }
        return stopped
    }

    /// Performs one action; returns the event that answers it, if any.
    private mutating func perform(_ action: SchedulerMachine.Action) async -> SchedulerMachine.Event? {
        switch action {
        case .loadWakeTime:
            do {
                let wakeTime = try await store.nextWakeTime()
                return .wakeTimeLoaded(wakeTime, now: clock.now())
            } catch {
                logger.error("scheduler could not load its next wake time", metadata: ["error": "\(error)"])
                return .storeFailed(now: clock.now())
            }
        case .claim(let now, let leaseUntil, let limit):
            do {
                let jobs = try await store.claimDue(now: now, leaseUntil: leaseUntil, limit: limit)
                return .jobsClaimed(jobs, now: clock.now())
            } catch {
                logger.error("scheduler could not claim due jobs", metadata: ["error": "\(error)"])
                return .storeFailed(now: clock.now())
            }
        case .run(let job):
            return start(job)
        case .complete(let claim):
            return await record(.complete, claim) { try await $0.complete(claim, now: $1) }
        case .retry(let claim, let error, let at):
            // Logged at warning on attempts 1, 2, 4, 8, …: a long outage stays visible without a line per retry.
            let attempt = max(claim.attempt, 1)
            logger.log(
                level: attempt & (attempt - 1) == 0 ? .warning : .debug, "scheduled job failed; retrying",
                metadata: ["job": "\(claim.jobID)", "attempt": "\(claim.attempt)", "error": "\(error)", "at": "\(at)"]
            )
            return await record(.retry, claim) { try await $0.retry(claim, error: error, retryAt: at, now: $1) }
        case .bury(let claim, let error):
            logger.error(
                "scheduled job buried",
                metadata: ["job": "\(claim.jobID)", "attempt": "\(claim.attempt)", "error": "\(error)"]
            )
            return await record(.bury, claim) { try await $0.bury(claim, error: error, now: $1) }
        case .sleep(let deadline):
            arm(deadline)
        case .cancelSleep:
            timerTask?.cancel()
            timerTask = nil
            timerGeneration &+= 1
        case .abandonRunningJobs:
            logger.warning(
                "shutdown grace over; abandoning running jobs", metadata: ["running": "\(handlerTasks.count)"]
            )
            for task in handlerTasks.values { task.cancel() }
            handlerTasks.removeAll()
        case .paused(let reason, let probeAt):
            logger.error(
                "scheduled jobs paused: the bot's credentials were refused (check the token); no job is buried, every job waits until resume() or one job probes the token again",
                metadata: ["error": "\(reason)", "probe_at": "\(probeAt)"]
            )
        case .resumed:
            logger.notice("scheduled jobs resumed")
        case .stop:
            logger.info("scheduler stopped")
        }
        return nil
    }

    /// Starts `job`'s handler in its own task, or answers at once when its kind has no handler.
    private mutating func start(_ job: StoredJob) -> SchedulerMachine.Event? {
        let metadata: Logger.Metadata = ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempts)"]
        guard let handler = shared.state.withLock({ $0.handlers[job.kind] }) else {
            logger.warning("no handler for scheduled job kind; will retry later", metadata: metadata)
            return .jobFinished(id: job.id, result: .noHandler, now: clock.now())
        }
        logger.debug("running scheduled job", metadata: metadata)
        let shared = self.shared
        let classifier = self.classifier
        handlerTasks[job.id] = Task {
            let result: JobRunResult
            do {
                result = .outcome(try await handler(job))
            } catch {
                result = .outcome(.failure(error, classifiedBy: classifier))
            }
            shared.post(.finished(id: job.id, result: result))
        }
        return nil
    }

    /// Writes a run's outcome under its claim. A failed write is logged and left to the lease: the job runs again
    /// later. A write the store refuses because the claim is no longer current is logged as a notice and answered
    /// with ``SchedulerMachine/Event/finishSuperseded(_:_:)``: it is expected after a lease expired mid-run.
    private func record(
        _ operation: SchedulerMachine.FinishOperation, _ claim: JobClaim,
        _ write: (any JobStore, WallTime) async throws -> JobFinishResult
    ) async -> SchedulerMachine.Event? {
        do {
            switch try await write(store, clock.now()) {
            case .applied:
                return nil
            case .superseded:
                logger.notice(
                    """
                    a scheduled job's outcome was not recorded: its claim was superseded (the lease expired and the \
                    job was claimed again, or it was rescheduled or cancelled while its handler ran)
                    """,
                    metadata: ["job": "\(claim.jobID)", "attempt": "\(claim.attempt)", "operation": "\(operation)"]
                )
                return .finishSuperseded(claim, operation)
            }
        } catch {
            logger.error(
                "scheduler could not record a job's outcome; it will run again when its lease expires",
                metadata: ["job": "\(claim.jobID)", "operation": "\(operation)", "error": "\(error)"]
            )
            return nil
        }
    }

    /// Replaces the timer with one that fires at `deadline`.
    private mutating func arm(_ deadline: WallTime) {
        timerTask?.cancel()
        timerGeneration &+= 1
        let generation = timerGeneration
        let clock = self.clock
        let shared = self.shared
        timerTask = Task {
            do {
                try await clock.sleep(until: deadline)
            } catch {
                return
            }
            shared.post(.timerFired(generation: generation))
        }
    }
}
