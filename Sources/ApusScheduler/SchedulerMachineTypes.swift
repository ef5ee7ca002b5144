import ApusCore

extension SchedulerMachine {
    /// Fixed settings of the scheduling loop.
    public struct Configuration: Sendable, Equatable {
        /// How long a claimed job is hidden from other claimers. It must exceed the longest handler run: when it
        /// expires the job is claimed again (that is how a crashed run is retried).
        public let leaseDuration: Duration
        /// The most handlers running at once (at least 1).
        public let maxConcurrentJobs: Int
        /// The backoff of transiently failed jobs.
        public let retryPolicy: JobRetryPolicy
        /// How long a shutdown waits for running handlers before abandoning them to their leases.
        public let shutdownGrace: Duration
        /// How long the loop waits before trying again when the store fails to load or claim.
        public let storeRetryDelay: Duration
        /// How long a pause after a refused token lasts before one job probes whether the token works again.
        public let unauthorizedProbeInterval: Duration

        /// Creates a configuration; `maxConcurrentJobs` is clamped to at least 1, `storeRetryDelay` to at least
        /// 1 ms (so a failing store cannot make the loop spin), `unauthorizedProbeInterval` to at least 1 s, and the
        /// other durations to at least zero.
        public init(
            leaseDuration: Duration = .seconds(300), maxConcurrentJobs: Int = 4,
            retryPolicy: JobRetryPolicy = .standard, shutdownGrace: Duration = .seconds(10),
            storeRetryDelay: Duration = .seconds(5), unauthorizedProbeInterval: Duration = .seconds(300)
        ) {
            self.unauthorizedProbeInterval = max(.seconds(1), unauthorizedProbeInterval)
            self.leaseDuration = max(.zero, leaseDuration)
            self.maxConcurrentJobs = max(1, maxConcurrentJobs)
            self.retryPolicy = retryPolicy
            self.shutdownGrace = max(.zero, shutdownGrace)
            self.storeRetryDelay = max(.milliseconds(1), storeRetryDelay)
        }
    }

    /// Where the loop is in its life.
    public enum Phase: Sendable, Equatable {
        /// Created, not started.
        case notStarted
        /// Claiming and running jobs.
        case running
        /// Shutdown requested: no new claims, waiting for running handlers.
        case stopping
        /// Finished; every later event is ignored.
        case stopped
    }

    /// The pause after a refused token (see "Pause" in ``SchedulerMachine``).
    public struct Pause: Sendable, Equatable {
        /// The refused run's error, for example `HTTP 401 … 401: Unauthorized`.
        public var reason: String
        /// When the loop paused.
        public var since: WallTime
        /// When one job will probe whether the token works again.
        public var probeAt: WallTime
        /// The job running as the probe, once claimed.
        public var probeJobID: Int64?
        /// Whether the probe's claim is in flight.
        var isClaimingProbe = false

        /// Creates a pause.
        public init(reason: String, since: WallTime, probeAt: WallTime, probeJobID: Int64? = nil) {
            self.reason = reason
            self.since = since
            self.probeAt = probeAt
            self.probeJobID = probeJobID
        }
    }

    /// Something that happened, fed to ``SchedulerMachine/handle(_:)``.
    ///
    /// The driver feeds the result of a store action (``wakeTimeLoaded(_:now:)``, ``jobsClaimed(_:now:)``,
    /// ``storeFailed(now:)``) before any other event, so the machine never has two store reads in flight.
    public enum Event: Sendable, Equatable {
        /// The driver started.
        case started
        /// `job` was stored or replaced, as ``JobStore/schedule(_:now:)`` returned it (after the commit).
        case jobScheduled(StoredJob, now: WallTime)
        /// The answer to ``Action/loadWakeTime``.
        case wakeTimeLoaded(WallTime?, now: WallTime)
        /// The timer set by ``Action/sleep(until:)`` went off.
        case timerFired(now: WallTime)
        /// The answer to ``Action/claim(now:leaseUntil:limit:)``.
        case jobsClaimed([StoredJob], now: WallTime)
        /// A run started by ``Action/run(_:)`` ended.
        case jobFinished(id: Int64, result: JobRunResult, now: WallTime)
        /// The store refused to record `operation` for `claim` (it answered ``JobFinishResult/superseded``): the
        /// claim was no longer current. The run is counted under ``SchedulerCounters/superseded`` instead of its
        /// outcome.
        case finishSuperseded(JobClaim, FinishOperation)
        /// Loading the wake time or claiming failed; the loop backs off and tries again.
        case storeFailed(now: WallTime)
        /// Stop claiming, let running handlers finish (bounded by the shutdown grace), then stop.
        case shutdownRequested(now: WallTime)
        /// End a pause now (the operator fixed the token): what is due is claimed at once.
        case resumeRequested(now: WallTime)
    }

    /// Something the driver must do, returned by ``SchedulerMachine/handle(_:)`` in order.
    public enum Action: Sendable, Equatable {
        /// Ask the store for ``JobStore/nextWakeTime()`` and feed ``Event/wakeTimeLoaded(_:now:)``.
        case loadWakeTime
        /// Call ``JobStore/claimDue(now:leaseUntil:limit:)`` and feed ``Event/jobsClaimed(_:now:)``.
        case claim(now: WallTime, leaseUntil: WallTime, limit: Int)
        /// Run the job's handler concurrently; feed ``Event/jobFinished(id:result:now:)`` when it ends.
        case run(StoredJob)
        /// Record success in the store with ``JobStore/complete(_:now:)``; feed
        /// ``Event/finishSuperseded(_:_:)`` if the store answers ``JobFinishResult/superseded``.
        case complete(JobClaim)
        /// Record a failure and put the job back for `at` (``JobStore/retry(_:error:retryAt:now:)``); feed
        /// ``Event/finishSuperseded(_:_:)`` if the store answers ``JobFinishResult/superseded``.
        case retry(JobClaim, error: String, at: WallTime)
        /// Record a final failure (``JobStore/bury(_:error:now:)``); feed ``Event/finishSuperseded(_:_:)`` if the
        /// store answers ``JobFinishResult/superseded``.
        case bury(JobClaim, error: String)
        /// (Re)arm the single timer for `until`, replacing any earlier one.
        case sleep(until: WallTime)
        /// Disarm the timer.
        case cancelSleep
        /// Cancel every running handler without recording anything: their leases make them run again later.
        case abandonRunningJobs
        /// The loop paused because a run was refused for the bot's credentials: log one clear error naming
        /// `reason` and the probe time.
        case paused(reason: String, probeAt: WallTime)
        /// The pause ended (a probe ran, or a resume was requested): log it.
        case resumed
        /// The loop is over.
        case stop
    }

    /// Which store write recorded (or tried to record) a run's outcome.
    public enum FinishOperation: Sendable, Equatable {
        /// ``Action/complete(_:)``.
        case complete
        /// ``Action/retry(_:error:at:)``.
        case retry
        /// ``Action/bury(_:error:)``.
        case bury
    }
}
