import ApusCore

/// The gateway's outbound budget: at most `limit` payloads per sliding `window` on one connection (120 per 60 s on
/// Discord), with `reservedForHeartbeats` of them kept back so heartbeats are never starved by user commands.
///
/// A pure value: callers pass the time in.
public struct SendRateLimiter: Sendable {
    /// The most payloads allowed in any window.
    public let limit: Int
    /// The window's length.
    public let window: Duration
    /// How many slots only heartbeats (and identify/resume) may use.
    public private(set) var reservedForHeartbeats: Int
    private var sendTimes: [MonotonicTime] = []
    private var head = 0

    /// Creates a limiter. `reservedForHeartbeats` is clamped to leave at least one slot for other payloads.
    ///
    /// The window the limiter enforces is `window` plus a 5% margin, so that sends released exactly as the oldest
    /// one leaves the window cannot overrun a server whose clock started the window a little later.
    public init(limit: Int, window: Duration, reservedForHeartbeats: Int) {
        self.limit = max(1, limit)
        self.window = window + .secondsDouble(window.secondsDouble * 0.05)
        self.reservedForHeartbeats = 0
        setReserve(reservedForHeartbeats)
    }

    /// Changes how many slots are kept for heartbeats (clamped to leave at least one for other payloads).
    public mutating func setReserve(_ reserve: Int) {
        reservedForHeartbeats = min(max(0, reserve), max(0, limit - 1))
    }

    private mutating func expire(now: MonotonicTime) {
        while head < sendTimes.count, sendTimes[head] + window <= now { head += 1 }
        if head > 64, head * 2 > sendTimes.count {
            sendTimes.removeFirst(head)
            head = 0
        }
    }

    /// The number of payloads sent in the current window.
    public mutating func sentInWindow(now: MonotonicTime) -> Int {
        expire(now: now)
        return sendTimes.count - head
    }

    /// Whether an ordinary (user) payload may go now.
    public mutating func canSendUserPayload(now: MonotonicTime) -> Bool {
        sentInWindow(now: now) < limit - reservedForHeartbeats
    }

    /// Whether a priority payload (heartbeat, identify, resume) may go now.
    public mutating func canSendPriorityPayload(now: MonotonicTime) -> Bool {
        sentInWindow(now: now) < limit
    }

    /// Records a payload sent at `now`.
    public mutating func recordSend(now: MonotonicTime) {
        expire(now: now)
        sendTimes.append(now)
    }

    /// When the oldest payload in the window expires and frees a slot, if the window holds any.
    public mutating func nextSlotFrees(now: MonotonicTime) -> MonotonicTime? {
        expire(now: now)
        return head < sendTimes.count ? sendTimes[head] + window : nil
    }

    /// Forgets every recorded send (a new connection has a fresh budget).
    public mutating func reset() {
        sendTimes.removeAll(keepingCapacity: true)
        head = 0
    }
}
