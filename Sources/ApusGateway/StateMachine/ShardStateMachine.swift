import ApusCore

/// The protocol logic of one gateway shard as a pure state machine: frames, closes and timer ticks go in, actions
/// (connect, send, close, stop) come out. It does no I/O and reads no clock; ``ShardConnectionDriver`` performs its
/// actions, and tests drive it directly with a manual time line.
///
/// It implements: the first heartbeat after `interval × random[0,1)`, immediate answers to server heartbeat requests,
/// zombie detection (no ACK between two beats → close with a non-1000/1001 code and resume), op 7 and op 9 handling,
/// the close-code table (``CloseCodePolicy``), hello/ready/resume timeouts, HELLO validation (an interval outside
/// ``GatewayTimings/minimumHeartbeatInterval``...``GatewayTimings/maximumHeartbeatInterval`` is a broken HELLO),
/// exponential backoff with jitter after every connection that ended before READY or RESUMED, the gateway URL
/// fallback (resume URL → configured URL → a fresh URL), the send budget with heartbeat priority
/// (``SendRateLimiter``), and session export/import.
public struct ShardStateMachine: Sendable {
    /// The shard's settings.
    public let configuration: Configuration
    /// The current phase.
    public internal(set) var phase: Phase = .idle
    /// The live or resumable session, if any.
    public internal(set) var session: GatewaySession?
    /// The last dispatch sequence number seen on the current session.
    public internal(set) var sequence: Int?
    /// Counters for observability and tests.
    public internal(set) var counters = Counters()
    /// The interval from the last HELLO.
    public internal(set) var heartbeatInterval: Duration?
    /// The round trip of the last acknowledged heartbeat.
    public internal(set) var latency: Duration?

    var nextHeartbeat: MonotonicTime?
    var awaitingACK = false
    var lastHeartbeatSent: MonotonicTime?
    var readerStalled = false
    var stalledSinceLastBeat = false
    /// Connections in a row that ended before READY or RESUMED.
    var reconnectAttempts = 0
    /// Sessions in a row that ended within ``GatewayTimings/maximumBackoff`` of going live.
    var quickSessionEnds = 0
    /// When the current connection's session went live (READY or RESUMED), nil before.
    var sessionLiveSince: MonotonicTime?
    /// Failed connections in a row on the URL in use.
    var failuresOnURL = 0
    /// Whether a session resumes on its resume URL (false after repeated failures there).
    var useResumeURL = true
    /// The gateway URL to IDENTIFY on: the configured one, or a fresh one from ``gatewayURLRefreshed(_:)``.
    public internal(set) var gatewayURL: String
    /// What the shard planned after the last connection ended.
    public internal(set) var lastReconnectPlan: ReconnectPlan?
    /// The close code the shard itself sent on the current connection, if it closed it.
    public internal(set) var closeCodeSent: UInt16?
    var stopRequested = false
    var pendingDelayAfterClose: Duration = .zero
    var limiter: SendRateLimiter
    var queued: [[UInt8]] = []
    var random: SeededRandom

    /// Creates a shard state machine, optionally with a session to resume (imported after a restart).
    public init(configuration: Configuration, session: GatewaySession? = nil, random: SeededRandom = SeededRandom()) {
        self.configuration = configuration
        self.gatewayURL = configuration.gatewayURL
        self.session = session
        self.sequence = session?.sequence
        self.random = random
        let reserve = Self.heartbeatReserve(timings: configuration.timings)
        self.limiter = SendRateLimiter(
            limit: configuration.timings.sendLimit, window: configuration.timings.sendWindow,
            reservedForHeartbeats: reserve
        )
    }

    /// Slots kept for heartbeats and identify/resume before HELLO tells the interval.
    static func heartbeatReserve(timings: GatewayTimings) -> Int {
        max(3, timings.sendLimit / 20)
    }

    /// Slots kept for heartbeats once the interval is known: every beat of one window, plus two for op 1 answers
    /// and IDENTIFY/RESUME, at most half the budget.
    static func heartbeatReserve(timings: GatewayTimings, interval: Duration) -> Int {
        let window = timings.sendWindow.secondsDouble * 1.05
        let beats = interval > .zero ? Int(saturating: (window / interval.secondsDouble).rounded(.up)) : timings.sendLimit
        return min(timings.sendLimit / 2, beats + 2)
    }

    /// The session with the latest sequence number, for saving before a restart.
    public func exportSession() -> GatewaySession? {
        guard var session else { return nil }
        session.sequence = sequence
        return session
    }

    /// Whether a connection is open (from the socket opening until it closes).
    var connectionIsOpen: Bool {
        switch phase {
        case .awaitingHello, .awaitingIdentifyPermit, .identifying, .resuming, .connected: true
        default: false
        }
    }

    // MARK: Inputs

    /// Starts the shard: the first connection opens at once.
    public mutating func start(now: MonotonicTime) -> [Action] {
        guard phase == .idle else { return [] }
        return connect(now: now)
    }

    /// The socket opened.
    public mutating func connectionOpened(now: MonotonicTime) -> [Action] {
        guard phase == .connecting else { return [] }
        counters.connections += 1
        if stopRequested {
            phase = .closing
            return [.close(code: 1000)]
        }
        limiter.reset()
        heartbeatInterval = nil
        nextHeartbeat = nil
        awaitingACK = false
        phase = .awaitingHello(deadline: now + configuration.timings.helloTimeout)
        return []
    }

    /// Whether a HELLO's interval is inside the configured bounds.
    public func acceptsHeartbeatInterval(_ interval: Duration) -> Bool {
        interval >= configuration.timings.minimumHeartbeatInterval
            && interval <= configuration.timings.maximumHeartbeatInterval
    }

    /// HELLO arrived with the heartbeat interval. An interval outside the configured bounds makes the HELLO broken:
    /// the shard closes with ``Configuration/resumeCloseCode`` and reconnects after a backoff.
    public mutating func receivedHello(heartbeatInterval interval: Duration, now: MonotonicTime) -> [Action] {
        guard case .awaitingHello = phase else { return [] }
        guard acceptsHeartbeatInterval(interval) else {
            counters.rejectedHellos += 1
            return closeThenReconnect(delay: .zero)
        }
        heartbeatInterval = interval
        limiter.setReserve(Self.heartbeatReserve(timings: configuration.timings, interval: interval))
        let jitter = random.nextUnitInterval()
        nextHeartbeat = now + .secondsDouble(interval.secondsDouble * jitter)
        awaitingACK = false
        if let session {
            phase = .resuming(deadline: now + configuration.timings.resumeTimeout)
            counters.resumes += 1
            limiter.recordSend(now: now)
            var resumable = session
            resumable.sequence = sequence
            return [.sendResume(resumable)]
        }
        phase = .awaitingIdentifyPermit
        return [.requestIdentifyPermit]
    }

    /// The identify queue granted this shard's turn.
    public mutating func identifyPermitted(now: MonotonicTime) -> [Action] {
        guard phase == .awaitingIdentifyPermit else { return [] }
        phase = .identifying(deadline: now + configuration.timings.readyTimeout)
        counters.identifies += 1
        limiter.recordSend(now: now)
        return [.sendIdentify]
    }

    /// Any dispatch (op 0) arrived; called on the hot path, so it returns nothing and allocates nothing.
    public mutating func receivedDispatch(sequence newSequence: Int?) {
        if let newSequence, newSequence > (sequence ?? 0) { sequence = newSequence }
    }

    /// READY arrived: a new session is live.
    public mutating func receivedReady(sessionID: String, resumeGatewayURL: String, sequence readySequence: Int?, now: MonotonicTime) -> [Action] {
        sequence = readySequence
        session = GatewaySession(
            sessionID: sessionID, resumeGatewayURL: resumeGatewayURL, sequence: readySequence,
            shardID: configuration.shardID, shardCount: configuration.shardCount
        )
        sessionWentLive(now: now)
        return flushQueue(now: now)
    }

    /// RESUMED arrived: the old session is live again.
    public mutating func receivedResumed(now: MonotonicTime) -> [Action] {
        guard case .resuming = phase else { return [] }
        sessionWentLive(now: now)
        return flushQueue(now: now)
    }

    /// The server asked for a heartbeat now (op 1): answer at once, whatever else is queued.
    public mutating func receivedHeartbeatRequest(now: MonotonicTime) -> [Action] {
        guard connectionIsOpen else { return [] }
        return [sendHeartbeat(now: now)]
    }

    /// A heartbeat ACK (op 11) arrived.
    public mutating func receivedHeartbeatACK(now: MonotonicTime) -> [Action] {
        counters.heartbeatACKs += 1
        awaitingACK = false
        if let sent = lastHeartbeatSent { latency = now - sent }
        return []
    }

    /// Op 7: close actively and resume.
    public mutating func receivedReconnect(now: MonotonicTime) -> [Action] {
        guard connectionIsOpen else { return [] }
        return closeThenReconnect(delay: .zero)
    }

    /// Op 9: resume if `resumable`, otherwise drop the session and identify after a short random delay.
    public mutating func receivedInvalidSession(resumable: Bool, now: MonotonicTime) -> [Action] {
        guard connectionIsOpen else { return [] }
        if resumable { return closeThenReconnect(delay: .zero) }
        session = nil
        sequence = nil
        let range = configuration.timings.invalidSessionDelay
        let seconds = range.lowerBound + (range.upperBound - range.lowerBound) * random.nextUnitInterval()
        return closeThenReconnect(delay: .secondsDouble(seconds))
    }

    /// A frame could not be decompressed or scanned: the stream is unusable, so close and resume.
    public mutating func receivedUndecodableFrame(now: MonotonicTime) -> [Action] {
        guard connectionIsOpen else { return [] }
        return closeThenReconnect(delay: .zero)
    }

    /// A fresh gateway URL arrived after ``Action/refreshGatewayURL``: later IDENTIFYs (and RESUMEs, until a session
    /// is live again) connect there. Returns false, changing nothing, for a URL that is not `ws://` or `wss://`.
    @discardableResult
    public mutating func gatewayURLRefreshed(_ url: String) -> Bool {
        guard Self.isUsableGatewayURL(url) else { return false }
        gatewayURL = url
        return true
    }

    /// Whether `url` is a plausible gateway URL: `ws://` or `wss://`, a host, at most 2,048 bytes, no spaces or
    /// control characters.
    public static func isUsableGatewayURL(_ url: String) -> Bool {
        let bytes = url.utf8
        guard bytes.count <= 2_048, bytes.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return false }
        for scheme in ["wss://", "ws://"] where url.hasPrefix(scheme) {
            return url.utf8.count > scheme.utf8.count
        }
        return false
    }

    /// The event reader is (or is no longer) blocked on a full event queue. While it is, and for the heartbeat
    /// period in which it was, unread ACKs may be waiting in the socket, so zombie detection is suspended rather
    /// than fired falsely.
    public mutating func readerStalled(_ stalled: Bool) {
        readerStalled = stalled
        if stalled { stalledSinceLastBeat = true }
    }

    /// The socket closed: `code` is the server's close code, nil for a drop without a close frame (or a failed
    /// connection attempt).
    public mutating func connectionClosed(code: UInt16?, now: MonotonicTime) -> [Action] {
        nextHeartbeat = nil
        awaitingACK = false
        switch phase {
        case .idle, .stopped, .waitingToReconnect:
            return []
        case .closing:
            if stopRequested { return stop() }
            return scheduleReconnect(now: now, delay: pendingDelayAfterClose)
        default:
            break
        }
        if stopRequested { return stop() }
        switch CloseCodePolicy.action(forServerClose: code) {
        case .resume:
            return scheduleReconnect(now: now, delay: .zero)
        case .resumeAfterBackoff:
            return scheduleReconnect(now: now, delay: configuration.timings.rateLimitBackoff)
        case .reidentify:
            session = nil
            sequence = nil
            return scheduleReconnect(now: now, delay: .zero)
        case .fatal:
            let closeCode = code ?? 0
            phase = .stopped
            lastReconnectPlan = ReconnectPlan(next: .stop, delay: .zero, failed: sessionLiveSince == nil)
            return [.stopped(.fatalClose(code: closeCode, reason: CloseCodePolicy.explanation(for: closeCode)))]
        }
    }

    /// Time passed: fire whatever is due (reconnects, timeouts, heartbeats, queued payloads).
    public mutating func tick(now: MonotonicTime) -> [Action] {
        switch phase {
        case .waitingToReconnect(let at) where now >= at:
            return connect(now: now)
        case .awaitingHello(let deadline) where now >= deadline,
             .identifying(let deadline) where now >= deadline,
             .resuming(let deadline) where now >= deadline:
            return closeThenReconnect(delay: .zero)
        default:
            break
        }
        var actions: [Action] = []
        if connectionIsOpen, let due = nextHeartbeat, now >= due, let interval = heartbeatInterval {
            if awaitingACK && !readerStalled && !stalledSinceLastBeat {
                counters.zombieCloses += 1
                return closeThenReconnect(delay: .zero)
            }
            if awaitingACK { counters.zombieChecksSkippedWhileStalled += 1 }
            stalledSinceLastBeat = readerStalled
            actions.append(sendHeartbeat(now: now))
            nextHeartbeat = now + interval
        }
        actions.append(contentsOf: flushQueue(now: now))
        return actions
    }

    /// The earliest time at which ``tick(now:)`` has something to do, if any.
    public mutating func nextDeadline(now: MonotonicTime) -> MonotonicTime? {
        var deadline: MonotonicTime?
        func consider(_ time: MonotonicTime?) {
            guard let time else { return }
            if deadline.map({ time < $0 }) ?? true { deadline = time }
        }
        switch phase {
        case .waitingToReconnect(let at): consider(at)
        case .awaitingHello(let d), .identifying(let d), .resuming(let d): consider(d)
        default: break
        }
        if connectionIsOpen { consider(nextHeartbeat) }
        if phase == .connected, !queued.isEmpty { consider(limiter.nextSlotFrees(now: now)) }
        return deadline
    }

    /// Queues a user payload (presence update, member request, …) behind the send budget.
    public mutating func enqueue(payload: [UInt8], now: MonotonicTime) throws(GatewayError) -> [Action] {
        if phase == .stopped || stopRequested { throw .shardStopped }
        guard queued.count < configuration.maximumQueuedPayloads else {
            throw .sendQueueFull(limit: configuration.maximumQueuedPayloads)
        }
        queued.append(payload)
        return flushQueue(now: now)
    }

    /// Stops the shard. With `keepSessionResumable` the socket closes with a non-1000 code so that a restarted
    /// process can RESUME the exported session; otherwise it closes with 1000 and Discord ends the session.
    public mutating func stop(keepSessionResumable: Bool, now: MonotonicTime) -> [Action] {
        stopRequested = true
        if connectionIsOpen {
            phase = .closing
            closeCodeSent = keepSessionResumable ? configuration.resumeCloseCode : 1000
            return [.close(code: keepSessionResumable ? configuration.resumeCloseCode : 1000)]
        }
        if phase == .connecting || phase == .closing { return [] }
        return stop()
    }
}
