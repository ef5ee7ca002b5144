import ApusCore

/// The transitions shared by several inputs of ``ShardStateMachine``.
extension ShardStateMachine {
    mutating func stop() -> [Action] {
        guard phase != .stopped else { return [] }
        phase = .stopped
        queued.removeAll()
        return [.stopped(nil)]
    }

    mutating func connect(now: MonotonicTime) -> [Action] {
        if stopRequested { return stop() }
        phase = .connecting
        let base = session?.resumeGatewayURL ?? configuration.gatewayURL
        return [.connect(url: Self.url(base: base, query: configuration.query))]
    }

    /// Joins a gateway base URL and the query, whatever form the base has.
    static func url(base: String, query: String) -> String {
        if query.isEmpty { return base }
        if base.contains("?") { return base + "&" + query }
        return (base.hasSuffix("/") ? base : base + "/") + "?" + query
    }

    mutating func closeThenReconnect(delay: Duration) -> [Action] {
        pendingDelayAfterClose = delay
        phase = .closing
        nextHeartbeat = nil
        return [.close(code: configuration.resumeCloseCode)]
    }

    mutating func scheduleReconnect(now: MonotonicTime, delay: Duration) -> [Action] {
        reconnectAttempts += 1
        phase = .waitingToReconnect(at: now + delay)
        return delay <= .zero ? connect(now: now) : []
    }

    /// The delay before the next reconnect: none for the first, then exponential with jitter.
    mutating func backoff() -> Duration {
        guard reconnectAttempts > 0 else { return .zero }
        let timings = configuration.timings
        let exponent = min(reconnectAttempts - 1, 30)
        let base = min(timings.maximumBackoff.secondsDouble, timings.initialBackoff.secondsDouble * Double(1 << exponent))
        return .secondsDouble(base * (0.5 + 0.5 * random.nextUnitInterval()))
    }

    mutating func sendHeartbeat(now: MonotonicTime) -> Action {
        counters.heartbeatsSent += 1
        awaitingACK = true
        lastHeartbeatSent = now
        limiter.recordSend(now: now)
        return .sendHeartbeat(sequence: sequence)
    }

    mutating func flushQueue(now: MonotonicTime) -> [Action] {
        guard phase == .connected, !queued.isEmpty else { return [] }
        var actions: [Action] = []
        var sent = 0
        while sent < queued.count, limiter.canSendUserPayload(now: now) {
            limiter.recordSend(now: now)
            actions.append(.sendPayload(queued[sent]))
            sent += 1
        }
        queued.removeFirst(sent)
        return actions
    }
}
