import ApusCore

/// The protocol logic of one gateway shard as a pure state machine: frames, closes and timer ticks go in, actions
/// (connect, send, close, stop) come out. It does no I/O and reads no clock; ``ShardConnectionDriver`` performs its
/// actions, and tests drive it directly with a manual time line.
///
/// It implements: the first heartbeat after `interval × random[0,1)`, immediate answers to server heartbeat requests,
/// zombie detection (no ACK between two beats → close with a non-1000/1001 code and resume), op 7 and op 9 handling,
/// the close-code table (``CloseCodePolicy``), hello/ready/resume timeouts, exponential backoff with jitter, the
/// send budget with heartbeat priority (``SendRateLimiter``), and session export/import.
public struct ShardStateMachine: Sendable {
    /// The static settings of one shard.
    public struct Configuration: Sendable {
        /// This shard's id.
        public var shardID: Int
        /// The total number of shards.
        public var shardCount: Int
        /// The gateway URL to IDENTIFY on (from `GET /gateway/bot`), without query.
        public var gatewayURL: String
        /// The query appended to every connection URL, e.g. `v=10&encoding=json&compress=zstd-stream`.
        public var query: String
        /// The protocol's time constants.
        public var timings: GatewayTimings
        /// The close code the shard uses when it closes to resume (zombie, op 7, op 9, corrupt data): any code but
        /// 1000/1001 keeps the session alive on Discord's side.
        public var resumeCloseCode: UInt16 = 4000
        /// How many user payloads may wait for the send budget.
        public var maximumQueuedPayloads: Int = 1_000

        /// Creates a configuration.
        public init(shardID: Int, shardCount: Int, gatewayURL: String, query: String, timings: GatewayTimings = .init()) {
            self.shardID = shardID
            self.shardCount = shardCount
            self.gatewayURL = gatewayURL
            self.query = query
            self.timings = timings
        }
    }

    /// Where the shard is in its connection life cycle.
    public enum Phase: Equatable, Sendable {
        /// Not started.
        case idle
        /// Waiting until `at` to open the next connection.
        case waitingToReconnect(at: MonotonicTime)
        /// A connection is being opened.
        case connecting
        /// Open, waiting for HELLO until `deadline`.
        case awaitingHello(deadline: MonotonicTime)
        /// HELLO received; waiting for the identify queue's permit.
        case awaitingIdentifyPermit
        /// IDENTIFY sent; waiting for READY until `deadline`.
        case identifying(deadline: MonotonicTime)
        /// RESUME sent; waiting for RESUMED until `deadline`.
        case resuming(deadline: MonotonicTime)
        /// READY or RESUMED received: the session is live.
        case connected
        /// The shard closed the socket and waits for it to finish closing.
        case closing
        /// Stopped for good.
        case stopped
    }

    /// What the driver must do.
    public enum Action: Equatable, Sendable {
        /// Open a WebSocket to `url` and report ``connectionOpened(now:)`` or ``connectionClosed(code:now:)``.
        case connect(url: String)
        /// Ask the identify queue for a permit and report ``identifyPermitted(now:)``.
        case requestIdentifyPermit
        /// Send IDENTIFY.
        case sendIdentify
        /// Send RESUME for `session`.
        case sendResume(GatewaySession)
        /// Send a heartbeat carrying `sequence`.
        case sendHeartbeat(sequence: Int?)
        /// Send a user payload (already encoded).
        case sendPayload([UInt8])
        /// Close the current socket with `code`, then report ``connectionClosed(code:now:)``.
        case close(code: UInt16)
        /// The shard stopped: with an error if it cannot continue, nil if asked to stop.
        case stopped(GatewayError?)
    }

    /// Counters kept by the state machine.
    public struct Counters: Equatable, Sendable {
        /// Heartbeats sent (scheduled and requested).
        public var heartbeatsSent = 0
        /// Heartbeat ACKs received.
        public var heartbeatACKs = 0
        /// Connections closed because the server stopped ACKing.
        public var zombieCloses = 0
        /// IDENTIFYs sent.
        public var identifies = 0
        /// RESUMEs sent.
        public var resumes = 0
        /// Connections opened.
        public var connections = 0
        /// Zombie checks skipped because the reader was stalled by a full event queue.
        public var zombieChecksSkippedWhileStalled = 0
    }

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
    var reconnectAttempts = 0
    var stopRequested = false
    var pendingDelayAfterClose: Duration = .zero
    var limiter: SendRateLimiter
    var queued: [[UInt8]] = []
    var random: SeededRandom

    /// Creates a shard state machine, optionally with a session to resume (imported after a restart).
    public init(configuration: Configuration, session: GatewaySession? = nil, random: SeededRandom = SeededRandom()) {
        self.configuration = configuration
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
        let beats = interval > .zero ? Int((window / interval.secondsDouble).rounded(.up)) : timings.sendLimit
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

    /// HELLO arrived with the heartbeat interval.
    public mutating func receivedHello(heartbeatInterval interval: Duration, now: MonotonicTime) -> [Action] {
        guard case .awaitingHello = phase else { return [] }
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
        phase = .connected
        reconnectAttempts = 0
        return flushQueue(now: now)
    }

    /// RESUMED arrived: the old session is live again.
    public mutating func receivedResumed(now: MonotonicTime) -> [Action] {
        guard case .resuming = phase else { return [] }
        phase = .connected
        reconnectAttempts = 0
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
            return scheduleReconnect(now: now, delay: backoff())
        case .resumeAfterBackoff:
            return scheduleReconnect(now: now, delay: configuration.timings.rateLimitBackoff)
        case .reidentify:
            session = nil
            sequence = nil
            return scheduleReconnect(now: now, delay: backoff())
        case .fatal:
            let closeCode = code ?? 0
            phase = .stopped
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
            return closeThenReconnect(delay: backoff())
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
            return [.close(code: keepSessionResumable ? configuration.resumeCloseCode : 1000)]
        }
        if phase == .connecting || phase == .closing { return [] }
        return stop()
    }
}
