import ApusCore

/// Thresholds of the invalid-request counter. Discord's Cloudflare layer bans an IP for about an hour after
/// 10,000 invalid requests (401, 403, 429 except `shared` scope) in 10 minutes; the client warns well before and
/// stops sending before it gets there.
public struct InvalidRequestLimits: Sendable, Hashable {
    /// The sliding window (Discord: 10 minutes).
    public var window: Duration
    /// A warning is logged when the count reaches this (default 5,000).
    public var warningThreshold: Int
    /// From this count on (default 9,000), every request except interaction responses fails at once with
    /// ``RateLimitFailure/tooManyInvalidRequests(count:threshold:window:)``.
    public var refusalThreshold: Int

    /// Creates limits; tests lower them. Thresholds below 1 are raised to 1, and the warning threshold never
    /// exceeds the refusal threshold.
    public init(window: Duration = .seconds(600), warningThreshold: Int = 5_000, refusalThreshold: Int = 9_000) {
        self.window = max(.nanoseconds(1), window)
        self.refusalThreshold = max(1, refusalThreshold)
        self.warningThreshold = min(max(1, warningThreshold), self.refusalThreshold)
    }
}

/// A sliding-window count of events on a monotonic time line, in constant memory.
///
/// The window is cut into 600 slots (one second each for 10 minutes); an event counts from its slot until the
/// whole window has passed after that slot ends, so the count covers at least the last `window` (at most one slot
/// more: the counter errs towards refusing early, never late).
public struct SlidingWindowCounter: Sendable {
    /// The length of the window.
    public let window: Duration
    private let slotNanoseconds: Int64
    private let slotsPerWindow: Int64
    /// Non-empty slots, oldest first (`slots[head...]` are live).
    private var slots: [(index: Int64, count: Int)] = []
    private var head = 0
    private var total = 0

    /// Creates an empty counter over `window` (at least one nanosecond).
    public init(window: Duration) {
        let windowNanoseconds = max(1, window.nanosecondsClamped)
        self.window = .nanoseconds(windowNanoseconds)
        slotNanoseconds = max(1, windowNanoseconds / 600)
        slotsPerWindow = (windowNanoseconds / slotNanoseconds) + (windowNanoseconds % slotNanoseconds == 0 ? 0 : 1)
    }

    private func slotIndex(_ time: MonotonicTime) -> Int64 {
        let (quotient, remainder) = time.nanoseconds.quotientAndRemainder(dividingBy: slotNanoseconds)
        return remainder < 0 ? quotient - 1 : quotient
    }

    private mutating func forget(before now: MonotonicTime) {
        let oldestKept = slotIndex(now).saturatingSubtract(slotsPerWindow)
        while head < slots.count, slots[head].index < oldestKept {
            total -= slots[head].count
            head += 1
        }
        if head == slots.count {
            slots.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 64, head * 2 > slots.count {
            slots.removeFirst(head)
            head = 0
        }
    }

    /// Records one event at `now` and returns the count in the window.
    @discardableResult
    public mutating func record(at now: MonotonicTime) -> Int {
        forget(before: now)
        let index = slotIndex(now)
        if head < slots.count, let last = slots.last, last.index >= index {
            // Same slot (or a time that went backwards): add to the newest slot.
            slots[slots.count - 1].count = last.count.saturatingAdd(1)
        } else {
            slots.append((index: index, count: 1))
        }
        total = total.saturatingAdd(1)
        return total
    }

    /// The number of events in the window ending at `now`.
    public mutating func count(at now: MonotonicTime) -> Int {
        forget(before: now)
        return total
    }
}

/// The invalid-request counter of the REST client: the sliding count plus the warning and refusal states, as a
/// pure structure (times in, notices out).
struct InvalidRequestGuard: Sendable {
    let limits: InvalidRequestLimits
    private var counter: SlidingWindowCounter
    private var warned = false
    /// Whether requests other than interaction responses are refused.
    private(set) var refusing = false

    init(limits: InvalidRequestLimits) {
        self.limits = limits
        counter = SlidingWindowCounter(window: limits.window)
    }

    /// Records an invalid response at `now`; returns the notices of thresholds it crossed.
    mutating func record(at now: MonotonicTime) -> [RateLimitNotice] {
        counter.record(at: now)
        return update(at: now)
    }

    /// Lets time pass: the count falls as old events leave the window. Returns the notices of thresholds crossed.
    mutating func update(at now: MonotonicTime) -> [RateLimitNotice] {
        let count = counter.count(at: now)
        var notices: [RateLimitNotice] = []
        if count >= limits.warningThreshold {
            if !warned {
                warned = true
                notices.append(.invalidRequestsWarning(count: count, threshold: limits.warningThreshold))
            }
        } else {
            warned = false
        }
        if count >= limits.refusalThreshold {
            if !refusing {
                refusing = true
                notices.append(.invalidRequestsRefusing(count: count, threshold: limits.refusalThreshold))
            }
        } else if refusing {
            refusing = false
            notices.append(.invalidRequestsRefusalEnded(count: count))
        }
        return notices
    }

    /// The current count.
    mutating func count(at now: MonotonicTime) -> Int {
        counter.count(at: now)
    }
}
