/// What the scheduler has done since it started, for metrics and the bot's `jobs` command.
///
/// Once no run is in progress, `fired == succeeded + retried + buried + superseded + abandoned`: a run counts under
/// its outcome, or under ``superseded`` when the store refused that outcome because the run's claim was no longer
/// current. (A run whose outcome could not be written because the store failed stays counted under its outcome;
/// its lease makes the job run again.)
public struct SchedulerCounters: Sendable, Equatable {
    /// Jobs handed to a handler (or found to have none), one per claim that ran.
    public var fired: Int = 0
    /// Runs that ended in ``JobOutcome/succeeded``.
    public var succeeded: Int = 0
    /// Runs put back for a later attempt (transient failures, runs refused for the bot's credentials, and jobs whose
    /// kind had no handler).
    public var retried: Int = 0
    /// Runs that buried their job (failures about the job itself).
    public var buried: Int = 0
    /// Runs still in progress when a bounded shutdown gave up on them; their leases make them run again.
    public var abandoned: Int = 0
    /// Runs whose outcome was not recorded because their claim was no longer current: the job was rescheduled or
    /// cancelled while the handler ran, or its lease expired and another worker claimed it (see "Fencing" in
    /// ``JobStore``). The current claim's holder records the job's outcome instead.
    public var superseded: Int = 0
    /// How many times the loop paused because a run was refused for the bot's credentials (not a run count).
    public var pauses: Int = 0

    /// Creates counters, all zero by default.
    public init(
        fired: Int = 0, succeeded: Int = 0, retried: Int = 0, buried: Int = 0, abandoned: Int = 0,
        superseded: Int = 0, pauses: Int = 0
    ) {
        self.pauses = pauses
        self.fired = fired
        self.succeeded = succeeded
        self.retried = retried
        self.buried = buried
        self.abandoned = abandoned
        self.superseded = superseded
    }
}
