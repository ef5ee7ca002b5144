import ApusCore

/// The proactive global limit: at most `limit` requests in any sliding `window` (Discord: 50 per second).
struct GlobalRateLimit: Sendable {
    let limit: Int
    let window: Duration
    /// Send times inside the current window, oldest first.
    private var sends: [MonotonicTime] = []

    init(limit: Int, window: Duration) {
        self.limit = max(1, limit)
        self.window = window
    }

    private mutating func forgetOld(at now: MonotonicTime) {
        let horizon = now - window
        if let firstKept = sends.firstIndex(where: { $0 > horizon }) {
            if firstKept > 0 { sends.removeFirst(firstKept) }
        } else {
            sends.removeAll(keepingCapacity: true)
        }
    }

    /// Whether a request may go out now; if not, when the oldest send leaves the window.
    mutating func availability(at now: MonotonicTime) -> (allowed: Bool, retryAt: MonotonicTime?) {
        forgetOld(at: now)
        if sends.count < limit { return (true, nil) }
        return (false, sends[sends.count - limit] + window)
    }

    /// Records a send at `now`.
    mutating func record(at now: MonotonicTime) {
        sends.append(now)
    }
}
