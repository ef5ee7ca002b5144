import ApusCore

/// The scheduling loop as a pure state machine: events in, actions out, no I/O and no clock.
///
/// The loop never polls. It asks the store when the next job can be claimed (``Action/loadWakeTime``), sleeps
/// until exactly then, claims what is due (as many as free handler slots allow), and asks again. A job stored with
/// an earlier due time than the current sleep re-arms the timer at once (``Event/jobScheduled(_:now:)``). A
/// finished run becomes `complete`, `retry` (with backoff and jitter from the ``JobRetryPolicy``) or `bury`,
/// as its outcome's kind says (see ``JobFailureKind``): a transient failure is retried however often it recurs, only
/// a failure about the job buries it.
///
/// **Pause.** A run that ends ``JobOutcome/unauthorized(_:)`` (the bot's token was refused) pauses the whole
/// loop instead of burying jobs one after the other: the job is put back, ``Action/paused(reason:probeAt:)`` asks
/// the driver for one clear error, and no job is claimed until ``Event/resumeRequested(now:)`` or the probe: after
/// ``Configuration/unauthorizedProbeInterval`` a single job is claimed; if it runs without being refused the loop
/// resumes, otherwise the pause lasts one more interval. Runs already in progress finish and are recorded.
///
/// Every finish carries the run's ``JobClaim`` (fencing token): the store records it only while that claim is
/// current, and a refused finish (``Event/finishSuperseded(_:_:)``) counts as ``SchedulerCounters/superseded``.
///
/// A claimed job whose id is already running here (its lease expired mid-run) is not started twice. If the job is
/// unchanged (same payload and due time), the running copy adopts the new claim and records the outcome with it;
/// if it changed (rescheduled, or retried by another worker), the new claim waits in ``claimsWaitingForRun`` and
/// starts as soon as the stale run ends, whose outcome the store then refuses. A job rescheduled through this
/// machine while its handler runs keeps its new schedule: the old run's outcome is not written over it.
public struct SchedulerMachine: Sendable {
    /// The fixed settings.
    public let configuration: Configuration
    /// Where the loop is in its life.
    public private(set) var phase: Phase = .notStarted
    /// What has happened so far.
    public private(set) var counters = SchedulerCounters()
    /// The jobs whose handlers are running, by id.
    public private(set) var running: [Int64: StoredJob] = [:]
    /// Claims of jobs that were still running here under an older claim, by id: each starts when that run ends.
    public private(set) var claimsWaitingForRun: [Int64: StoredJob] = [:]
    /// The deadline of the armed timer, if any.
    public private(set) var timerDeadline: WallTime?
    /// Whether a claim is owed as soon as a handler slot frees up.
    public private(set) var isWaitingForSlot = false
    /// The pause after a refused token, while it lasts.
    public private(set) var pause: Pause?

    private var random: SeededRandom
    private var lastClaimWasEmpty = false
    private var supersededWhileRunning: Set<Int64> = []

    /// Creates a machine in the ``Phase/notStarted`` phase; `random` draws the retry jitter.
    public init(configuration: Configuration, random: SeededRandom) {
        self.configuration = configuration
        self.random = random
    }

    /// Applies `event` and returns what the driver must do, in order.
    public mutating func handle(_ event: Event) -> [Action] {
        switch event {
        case .started:
            guard phase == .notStarted else { return [] }
            phase = .running
            return [.loadWakeTime]
        case .jobScheduled(let job, let now):
            return jobScheduled(job, now: now)
        case .wakeTimeLoaded(let wakeTime, let now):
            return wakeTimeLoaded(wakeTime, now: now)
        case .timerFired(let now):
            return timerFired(now: now)
        case .jobsClaimed(let jobs, let now):
            return jobsClaimed(jobs, now: now)
        case .jobFinished(let id, let result, let now):
            return jobFinished(id: id, result: result, now: now)
        case .finishSuperseded(let claim, let operation):
            finishSuperseded(claim, operation)
            return []
        case .storeFailed(let now):
            guard phase == .running else { return [] }
            pause?.isClaimingProbe = false
            return arm(now + configuration.storeRetryDelay)
        case .resumeRequested(let now):
            return resume(now: now)
        case .shutdownRequested(let now):
            return shutdownRequested(now: now)
        }
    }

    // MARK: - Transitions

    private mutating func jobScheduled(_ job: StoredJob, now: WallTime) -> [Action] {
        if let runningCopy = running[job.id] {
            // A schedule stored before this run's claim has fewer attempts: a late notice, already acted on.
            guard job.attempts >= runningCopy.attempts else { return [] }
            // Replaced after the claim (a replacement keeps the attempt count): the store holds the new schedule,
            // which the run's outcome must not overwrite.
            supersededWhileRunning.insert(job.id)
        }
        if let waiting = claimsWaitingForRun[job.id], job.attempts >= waiting.attempts {
            // The waiting claim was superseded by this replacement: the new schedule is claimed afresh.
            claimsWaitingForRun[job.id] = nil
        }
        let dueAt = job.dueAt
        guard phase == .running, !isWaitingForSlot, pause == nil else { return [] }
        if let deadline = timerDeadline, deadline <= dueAt { return [] }
        if dueAt <= now {
            lastClaimWasEmpty = false
            return disarm() + claimOrWait(now: now)
        }
        return arm(dueAt)
    }

    private mutating func wakeTimeLoaded(_ wakeTime: WallTime?, now: WallTime) -> [Action] {
        guard phase == .running else { return [] }
        if pause != nil { return probeOrWait(now: now) }
        guard let wakeTime else { return disarm() }
        if wakeTime > now {
            lastClaimWasEmpty = false
            return arm(wakeTime)
        }
        if lastClaimWasEmpty {
            // The store says something is due, but a claim just now found nothing (clock skew between the store's
            // comparison and ours, or a job running here whose lease expired). Back off instead of spinning.
            lastClaimWasEmpty = false
            return arm(now + configuration.storeRetryDelay)
        }
        return disarm() + claimOrWait(now: now)
    }

    private mutating func timerFired(now: WallTime) -> [Action] {
        timerDeadline = nil
        switch phase {
        case .running:
            return claimOrWait(now: now)
        case .stopping:
            counters.abandoned += running.count
            running.removeAll()
            claimsWaitingForRun.removeAll()
            supersededWhileRunning.removeAll()
            phase = .stopped
            return [.abandonRunningJobs, .stop]
        case .notStarted, .stopped:
            return []
        }
    }

    private mutating func jobsClaimed(_ jobs: [StoredJob], now: WallTime) -> [Action] {
        var actions: [Action] = []
        var started = 0
        for job in jobs {
            guard let runningCopy = running[job.id] else {
                running[job.id] = job
                counters.fired += 1
                started += 1
                actions.append(.run(job))
                continue
            }
            if !supersededWhileRunning.contains(job.id), job.payload == runningCopy.payload,
                job.dueAt == runningCopy.dueAt
            {
                // The same work, claimed again because its lease expired: the run here holds the new claim.
                running[job.id] = job
            } else {
                claimsWaitingForRun[job.id] = job
            }
        }
        lastClaimWasEmpty = started == 0
        guard phase == .running else { return actions }
        if var current = pause, current.isClaimingProbe {
            current.isClaimingProbe = false
            guard started > 0, let probe = jobs.first(where: { running[$0.id] == $0 }) else {
                // Nothing is due to probe with: the next job that runs finds out whether the token works.
                pause = nil
                return actions + [.resumed, .loadWakeTime]
            }
            current.probeJobID = probe.id
            pause = current
            return actions
        }
        return actions + [.loadWakeTime]
    }

    private mutating func jobFinished(id: Int64, result: JobRunResult, now: WallTime) -> [Action] {
        guard let job = running.removeValue(forKey: id) else { return [] }
        let wasProbe = pause?.probeJobID == id
        if wasProbe { pause?.probeJobID = nil }
        if supersededWhileRunning.remove(id) != nil {
            counters.superseded += 1
            return afterFinishing(actions: startWaitingClaim(of: id), retryAt: nil, now: now)
        }
        var actions: [Action] = []
        var retryAt: WallTime?
        let policy = configuration.retryPolicy
        switch result {
        case .outcome(.succeeded):
            counters.succeeded += 1
            actions.append(.complete(job.claim))
        case .outcome(.permanentFailure(let message)):
            counters.buried += 1
            actions.append(.bury(job.claim, error: message))
        case .outcome(.failed(let message)):
            counters.retried += 1
            let at = now + policy.delay(afterAttempt: job.attempts, using: &random)
            retryAt = at
            actions.append(.retry(job.claim, error: message, at: at))
        case .outcome(.unauthorized(let message)):
            counters.retried += 1
            return afterFinishing(
                actions: refused(job, message: message, wasProbe: wasProbe, now: now) + startWaitingClaim(of: id),
                retryAt: nil, now: now)
        case .noHandler:
            counters.retried += 1
            let at = now + policy.unknownKindDelay
            retryAt = at
            actions.append(.retry(job.claim, error: "no handler is registered for job kind '\(job.kind)'", at: at))
        }
        if wasProbe, pause != nil {
            // The probe ran without being refused: the token works again.
            pause = nil
            actions += [.resumed, .loadWakeTime]
        }
        return afterFinishing(actions: actions + startWaitingClaim(of: id), retryAt: retryAt, now: now)
    }

    /// A run refused for the bot's credentials: the job goes back for the probe time, and the loop pauses (or, when
    /// the refused run was the probe, stays paused for one more interval).
    private mutating func refused(_ job: StoredJob, message: String, wasProbe: Bool, now: WallTime) -> [Action] {
        let nextProbe = now + configuration.unauthorizedProbeInterval
        guard var current = pause else {
            pause = Pause(reason: message, since: now, probeAt: nextProbe)
            counters.pauses += 1
            isWaitingForSlot = false
            return [.paused(reason: message, probeAt: nextProbe), .retry(job.claim, error: message, at: nextProbe)]
        }
        if wasProbe {
            current.probeAt = nextProbe
            current.reason = message
            pause = current
        }
        return [.retry(job.claim, error: message, at: max(current.probeAt, now))]
    }

    /// Ends a pause at the caller's request: the loop claims what is due at once.
    private mutating func resume(now: WallTime) -> [Action] {
        guard phase == .running, pause != nil else { return [] }
        pause = nil
        lastClaimWasEmpty = false
        return [.resumed] + disarm() + [.loadWakeTime]
    }

    /// While paused: claims one job as the probe once its time has come and a slot is free, or sleeps until then.
    private mutating func probeOrWait(now: WallTime) -> [Action] {
        guard var current = pause, current.probeJobID == nil, !current.isClaimingProbe else { return [] }
        if now < current.probeAt {
            return timerDeadline == current.probeAt ? [] : arm(current.probeAt)
        }
        guard running.count < configuration.maxConcurrentJobs else { return [] }
        current.isClaimingProbe = true
        pause = current
        return disarm() + [.claim(now: now, leaseUntil: now + configuration.leaseDuration, limit: 1)]
    }

    /// Starts the claim of job `id` that waited for the stale run to end (only while running; during a shutdown
    /// its lease makes it run again later).
    private mutating func startWaitingClaim(of id: Int64) -> [Action] {
        guard let waiting = claimsWaitingForRun.removeValue(forKey: id), phase == .running else { return [] }
        running[id] = waiting
        counters.fired += 1
        return [.run(waiting)]
    }

    /// Moves a run whose outcome the store refused from its outcome's counter to ``SchedulerCounters/superseded``.
    private mutating func finishSuperseded(_ claim: JobClaim, _ operation: FinishOperation) {
        switch operation {
        case .complete: counters.succeeded = max(0, counters.succeeded - 1)
        case .retry: counters.retried = max(0, counters.retried - 1)
        case .bury: counters.buried = max(0, counters.buried - 1)
        }
        counters.superseded += 1
    }

    /// What follows a finished run: stop when a shutdown waited for it, claim when a slot was owed, or re-arm the
    /// timer for an earlier retry.
    private mutating func afterFinishing(actions: [Action], retryAt: WallTime?, now: WallTime) -> [Action] {
        switch phase {
        case .stopping where running.isEmpty:
            phase = .stopped
            return actions + disarm() + [.stop]
        case .running:
            if pause != nil {
                isWaitingForSlot = false
                return actions + probeOrWait(now: now)
            }
            if isWaitingForSlot {
                isWaitingForSlot = false
                return actions + claimOrWait(now: now)
            }
            if let retryAt, timerDeadline.map({ retryAt < $0 }) ?? true {
                return actions + arm(retryAt)
            }
            return actions
        case .notStarted, .stopping, .stopped:
            return actions
        }
    }

    private mutating func shutdownRequested(now: WallTime) -> [Action] {
        switch phase {
        case .notStarted:
            phase = .stopped
            return [.stop]
        case .running:
            isWaitingForSlot = false
            if running.isEmpty {
                phase = .stopped
                return disarm() + [.stop]
            }
            phase = .stopping
            return arm(now + configuration.shutdownGrace)
        case .stopping, .stopped:
            return []
        }
    }

    // MARK: - Helpers

    private mutating func claimOrWait(now: WallTime) -> [Action] {
        if pause != nil { return probeOrWait(now: now) }
        let freeSlots = configuration.maxConcurrentJobs - running.count
        guard freeSlots > 0 else {
            isWaitingForSlot = true
            return []
        }
        return [.claim(now: now, leaseUntil: now + configuration.leaseDuration, limit: freeSlots)]
    }

    private mutating func arm(_ deadline: WallTime) -> [Action] {
        timerDeadline = deadline
        return [.sleep(until: deadline)]
    }

    private mutating func disarm() -> [Action] {
        guard timerDeadline != nil else { return [] }
        timerDeadline = nil
        return [.cancelSleep]
    }
}
