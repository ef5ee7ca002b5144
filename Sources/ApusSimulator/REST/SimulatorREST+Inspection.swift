import ApusCore

/// Faults and inspection: forced responses, delays, the request log, counters and stored messages.
extension SimulatorREST {
    /// Makes the next `count` responses (only of `route` when given: `METHOD /template` or a bare template such as
    /// `/channels/{channel_id}/messages`) be `fault` instead of the real answer.
    public func force(_ fault: RESTForcedFault, count: Int = 1, route: String? = nil) {
        guard count > 0 else { return }
        state.withLock { $0.faults.append(PendingFault(fault: fault, remaining: count, route: route)) }
    }

    /// Drops every pending forced fault.
    public func clearForcedFaults() {
        state.withLock { $0.faults.removeAll() }
    }

    /// Delays every response by `delay` on the time source (`.zero` turns it off).
    public func setResponseDelay(_ delay: Duration) {
        state.withLock { $0.delay = max(.zero, delay) }
    }

    /// Every request answered so far, in order.
    public func requestLog() -> [RESTLogEntry] {
        state.withLock { $0.log }
    }

    /// Counts of requests, statuses, 429s by scope and dispatches.
    public func counters() -> RESTCounters {
        state.withLock { $0.counters }
    }

    /// Forgets every bucket, the global window, the invalid-request counter and any Cloudflare ban.
    public func resetRateLimits() {
        state.withLock { $0.limiter.reset() }
    }

    /// Invalid requests (401, 403, non-shared 429) counted in the current window.
    public func invalidRequestCount() -> Int {
        let now = timeSource.now()
        return state.withLock { $0.limiter.invalidCount(now: now, window: settings.invalidRequestWindow) }
    }

    /// The messages stored in `channelID`, oldest first, as REST message JSON texts.
    public func messages(channelID: UInt64) -> [String] {
        world.withState { state in
            guard let stored = state.messages[channelID] else { return [] }
            return stored.order.compactMap { stored.byID[$0] }.map { JSONText.string(render(state, $0, forGateway: false)) }
        }
    }

    /// How many messages each channel holds (channels without messages are left out).
    public func messageCounts() -> [UInt64: Int] {
        world.withState { state in state.messages.compactMapValues { $0.order.isEmpty ? nil : $0.order.count } }
    }

    /// The least time the bucket table and the global limit allow for `workload` when every request is ready at
    /// time zero (see ``RESTWorkload``).
    public func minimumWallTime(for workload: [RESTWorkload]) -> Duration {
        RESTWorkload.minimumWallTime(for: workload, settings: settings)
    }
}
