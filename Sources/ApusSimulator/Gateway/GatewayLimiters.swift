import ApusCore

/// Identify concurrency: each `rate_limit_key = shard_id % max_concurrency` accepts a fixed number of IDENTIFYs per
/// window (Discord: one per 5 s).
struct IdentifyRateLimiter {
    var window: Duration
    var maxConcurrency: Int
    var perKey: Int
    private var recent: [Int: [MonotonicTime]] = [:]

    init(window: Duration, maxConcurrency: Int, perKey: Int) {
        self.window = window
        self.maxConcurrency = max(1, maxConcurrency)
        self.perKey = max(1, perKey)
    }

    /// The bucket of `shardID`.
    func rateLimitKey(shardID: Int) -> Int { shardID % maxConcurrency }

    /// Records an IDENTIFY of `shardID` at `now` and returns true when it is within the limit.
    mutating func admit(shardID: Int, at now: MonotonicTime) -> Bool {
        let key = rateLimitKey(shardID: shardID)
        var starts = (recent[key] ?? []).filter { now - $0 < window }
        guard starts.count < perKey else {
            recent[key] = starts
            return false
        }
        starts.append(now)
        recent[key] = starts
        return true
    }
}

/// The daily session start limit: `total` IDENTIFYs per reset interval, counted across shards.
struct SessionStartCounter {
    var total: Int
    var resetInterval: Duration
    private(set) var remaining: Int
    private var periodStart: MonotonicTime

    init(total: Int, resetInterval: Duration, now: MonotonicTime) {
        self.total = total
        self.resetInterval = resetInterval
        remaining = total
        periodStart = now
    }

    private mutating func roll(_ now: MonotonicTime) {
        if now - periodStart >= resetInterval {
            periodStart = now
            remaining = total
        }
    }

    /// Takes one session start; false when none remain.
    mutating func take(at now: MonotonicTime) -> Bool {
        roll(now)
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }

    /// Sets how many starts remain (to simulate an exhausted limit).
    mutating func setRemaining(_ value: Int, at now: MonotonicTime) {
        roll(now)
        remaining = max(0, min(value, total))
    }

    /// The values `/gateway/bot` reports.
    mutating func snapshot(at now: MonotonicTime, maxConcurrency: Int) -> SessionStartLimitSnapshot {
        roll(now)
        let resetAfter = resetInterval - (now - periodStart)
        return SessionStartLimitSnapshot(
            total: total, remaining: remaining,
            resetAfterMilliseconds: Int(resetAfter.nanosecondsClamped / 1_000_000), maxConcurrency: maxConcurrency
        )
    }
}

/// A session as the server keeps it: its sequence counter and the dispatches it can replay on RESUME.
struct SimulatedSession {
    let id: String
    let shardID: Int
    let shardCount: Int
    let replayLimit: Int
    /// The last sequence number sent.
    var sequence = 0
    /// Sent dispatches, oldest first (at most `replayLimit`).
    var replay: [OutboundGatewayFrame] = []
    /// The connection currently attached, if any.
    var connectionID: Int?
    /// When the connection went away (the resume window runs from here).
    var detachedAt: MonotonicTime?

    /// Assigns the next sequence number to a dispatch and keeps it for replay.
    /// `vary` rewrites the final text (key shuffling, whitespace) before it is kept.
    mutating func nextDispatch(
        eventName: String, json: String, vary: (String) -> String = { $0 }
    ) -> OutboundGatewayFrame {
        sequence += 1
        var frame = GatewayFrames.dispatch(eventName: eventName, sequence: sequence, json: json)
        frame.text = vary(frame.text)
        replay.append(frame)
        if replay.count > replayLimit { replay.removeFirst(replay.count - replayLimit) }
        return frame
    }

    /// The dispatches after `sequence`, or nil when some of them are no longer kept.
    func replay(after sequence: Int) -> [OutboundGatewayFrame]? {
        guard sequence < self.sequence else { return [] }
        guard let first = replay.first?.sequence, first <= sequence + 1 else { return nil }
        return replay.filter { ($0.sequence ?? 0) > sequence }
    }
}
