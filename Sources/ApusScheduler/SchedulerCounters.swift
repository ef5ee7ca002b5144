/// What the scheduler has done since it started, for metrics and the bot's `jobs` command.
///
/// A run whose job was replaced while it ran (see ``Scheduler/schedule(_:)``) counts only in ``fired``.
public struct SchedulerCounters: Sendable, Equatable {
    /// Jobs handed to a handler (or found to have none), one per claim that ran.
    public var fired: Int = 0
    /// Runs that ended in ``JobOutcome/succeeded``.
    public var succeeded: Int = 0
    /// Runs put back for a later attempt (handler failures and jobs whose kind had no handler).
    public var retried: Int = 0
    /// Runs that made the job dead (permanent failures and exhausted retry policies).
    public var buried: Int = 0
    /// Runs still in progress when a bounded shutdown gave up on them; their leases make them run again.
    public var abandoned: Int = 0

    /// Creates counters, all zero by default.
    public init(fired: Int = 0, succeeded: Int = 0, retried: Int = 0, buried: Int = 0, abandoned: Int = 0) {
        self.fired = fired
        self.succeeded = succeeded
        self.retried = retried
        self.buried = buried
        self.abandoned = abandoned
    }
}
