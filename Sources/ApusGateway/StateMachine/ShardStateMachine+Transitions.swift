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
        sessionLiveSince = nil
        lastReconnectPlan = nil
        closeCodeSent = nil
        let base = useResumeURL ? (session?.resumeGatewayURL ?? gatewayURL) : gatewayURL
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
        closeCodeSent = configuration.resumeCloseCode
        return [.close(code: configuration.resumeCloseCode)]
    }

    /// Plans the next connection after one ended, waiting at least `requested`:
    /// - a connection that ended before READY or RESUMED (or never opened) is a failure: the wait is at least
    ///   ``backoff(attempt:)`` of the failures in a row, and after ``GatewayTimings/connectionFailuresBeforeURLFallback``
    ///   failures on one URL the shard falls back (resume URL → configured URL → ``Action/refreshGatewayURL``);
    /// - a session that was live reconnects after `requested` (at once for a drop), unless sessions keep ending within
    ///   ``GatewayTimings/maximumBackoff`` of going live: those back off too.
    mutating func scheduleReconnect(now: MonotonicTime, delay requested: Duration) -> [Action] {
        var delay = requested
        var actions: [Action] = []
        let failed = sessionLiveSince == nil
        if let liveSince = sessionLiveSince {
            quickSessionEnds = now - liveSince < configuration.timings.maximumBackoff ? quickSessionEnds + 1 : 0
            if quickSessionEnds > 1 { delay = max(delay, backoff(attempt: quickSessionEnds - 1)) }
        } else {
            reconnectAttempts += 1
            counters.failedConnections += 1
            delay = max(delay, backoff(attempt: reconnectAttempts))
            failuresOnURL += 1
            if failuresOnURL >= max(1, configuration.timings.connectionFailuresBeforeURLFallback) {
                failuresOnURL = 0
                if session != nil && useResumeURL {
                    useResumeURL = false
                } else {
                    counters.gatewayURLRefreshes += 1
                    actions.append(.refreshGatewayURL)
                }
            }
        }
        sessionLiveSince = nil
        phase = .waitingToReconnect(at: now + delay)
        if delay <= .zero { actions += connect(now: now) }
        // After connect(), which clears the plan of the previous connection.
        lastReconnectPlan = ReconnectPlan(
            next: phase == .stopped ? .stop : session == nil ? .identify : .resume, delay: max(.zero, delay), failed: failed
        )
        return actions
    }

    /// The backoff before the `attempt`-th reconnect in a row (1-based): ``GatewayTimings/initialBackoff`` doubled per
    /// further attempt, at most ``GatewayTimings/maximumBackoff``, times a random factor in [0.5, 1).
    mutating func backoff(attempt: Int) -> Duration {
        guard attempt > 0 else { return .zero }
        let timings = configuration.timings
        let exponent = min(attempt - 1, 30)
        let initial = max(0, timings.initialBackoff.secondsDouble)
        let base = min(max(0, timings.maximumBackoff.secondsDouble), initial * Double(1 << exponent))
        return .secondsDouble(base * (0.5 + 0.5 * random.nextUnitInterval()))
    }

    /// READY or RESUMED: the session is live, so the failure counts start over and the resume URL is trusted again.
    mutating func sessionWentLive(now: MonotonicTime) {
        phase = .connected
        sessionLiveSince = now
        reconnectAttempts = 0
        failuresOnURL = 0
        useResumeURL = true
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
