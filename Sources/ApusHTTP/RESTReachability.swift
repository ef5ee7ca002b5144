import ApusCore

/// Whether Discord's REST API answers, as a pure structure: attempt outcomes and times in, notices out.
///
/// The first connection error or timeout after a response makes the API unreachable (one notice); while it stays
/// unreachable a reminder is due at most once per ``reminderInterval``; the next response of any status makes it
/// reachable again (one notice, with the outage's length and its failed attempts).
public struct RESTReachability: Sendable {
    /// What to tell the operator.
    public enum Notice: Sendable, Hashable {
        /// The first failure after the API was reachable.
        case unreachable(error: String)
        /// A reminder: still unreachable after `failures` failed attempts over `duration`.
        case stillUnreachable(failures: Int, duration: Duration, error: String)
        /// A response arrived after `failures` failed attempts over `duration`.
        case reachableAgain(failures: Int, duration: Duration)
    }

    /// The shortest time between two ``Notice/stillUnreachable(failures:duration:error:)`` reminders.
    public let reminderInterval: Duration
    /// Connection errors and timeouts so far.
    public private(set) var connectionFailures = 0
    /// Outages so far (transitions from reachable to unreachable).
    public private(set) var outages = 0
    private var downSince: MonotonicTime?
    private var failuresInOutage = 0
    private var reminders: LogThrottle

    /// Creates a tracker that assumes the API is reachable.
    public init(reminderInterval: Duration = .seconds(60)) {
        self.reminderInterval = reminderInterval
        reminders = LogThrottle(interval: reminderInterval)
    }

    /// Whether the last attempt reached the API.
    public var isReachable: Bool { downSince == nil }

    /// Records a connection error or timeout at `now`.
    public mutating func recordFailure(_ error: String, at now: MonotonicTime) -> Notice? {
        connectionFailures = connectionFailures.saturatingAdd(1)
        failuresInOutage = failuresInOutage.saturatingAdd(1)
        guard let downSince else {
            downSince = now
            outages = outages.saturatingAdd(1)
            _ = reminders.admit(at: now)
            return .unreachable(error: error)
        }
        guard reminders.admit(at: now) != nil else { return nil }
        return .stillUnreachable(failures: failuresInOutage, duration: now - downSince, error: error)
    }

    /// Records a response (of any status) at `now`.
    public mutating func recordResponse(at now: MonotonicTime) -> Notice? {
        guard let downSince else { return nil }
        let notice = Notice.reachableAgain(failures: failuresInOutage, duration: now - downSince)
        self.downSince = nil
        failuresInOutage = 0
        reminders = LogThrottle(interval: reminderInterval)
        return notice
    }
}
