import ApusCore
import Synchronization

/// Where the shared gateway state sends frames for one connection; implemented by the connection's NIO driver.
/// Calls arrive in order and must be performed in that order.
protocol GatewayConnectionSink: Sendable {
    /// Sends these frames (already varied) in order.
    func deliver(_ frames: [OutboundGatewayFrame])
    /// Performs a fault on the connection.
    func perform(_ fault: GatewayFault)
}

/// The gateway's shared state: sessions (sequence numbers, replay buffers, the resume window), identify
/// concurrency, the session start limit, the all-members cooldown, the connections, the wire log and counters.
///
/// Thread-safe (one `Mutex`). Frames for a session are numbered and handed to its connection while the lock is
/// held, so every connection sees its dispatches in sequence order.
public final class SimulatorGateway: Sendable {
    struct ConnectionEntry {
        var sink: any GatewayConnectionSink
        var info: ConnectionInfo
    }

    struct State {
        var gatewayURL = "ws://127.0.0.1:0"
        var nextConnectionID = 0
        var connections: [Int: ConnectionEntry] = [:]
        var sessions: [String: SimulatedSession] = [:]
        var identifyLimiter: IdentifyRateLimiter
        var sessionStarts: SessionStartCounter
        var lastAllMembersRequest: [UInt64: MonotonicTime] = [:]
        var wireLog: [WireRecord] = []
        var nextWireIndex = 0
        var counters = GatewayCounters()
        var random: SeededRandom
        var variation: JSONVariation
        var dropHeartbeatACKsEverywhere = false
        var helloIntervalOverride: String?

        mutating func vary(_ text: String) -> String {
            variation.isActive ? variation.apply(to: text) : text
        }
    }

    let configuration: SimulatorConfiguration
    let world: SimulatorWorld
    let timeSource: any TimeSource
    let state: Mutex<State>

    /// Creates the gateway state for `world`.
    public init(configuration: SimulatorConfiguration, world: SimulatorWorld, timeSource: any TimeSource) {
        self.configuration = configuration
        self.world = world
        self.timeSource = timeSource
        let settings = configuration.gateway
        state = Mutex(State(
            identifyLimiter: IdentifyRateLimiter(
                window: settings.identifyWindow, maxConcurrency: settings.maxConcurrency,
                perKey: settings.identifiesPerRateLimitKey
            ),
            sessionStarts: SessionStartCounter(
                total: settings.sessionStartLimit, resetInterval: settings.sessionStartResetInterval,
                now: timeSource.now()
            ),
            random: SeededRandom(seed: configuration.seed &+ 0x5E55_1011),
            variation: JSONVariation(
                shuffleKeys: settings.shuffleKeys, addWhitespace: settings.addWhitespace,
                random: SeededRandom(seed: configuration.seed &+ 0x0DE5_0DE5)
            )
        ))
    }

    /// The gateway URL clients connect to (`ws://host:port`), set when the server binds.
    public var gatewayURL: String {
        state.withLock { $0.gatewayURL }
    }

    /// The `resume_gateway_url` sent in READY: the gateway URL with the `/resume` path, so tests can see it was used.
    public var resumeGatewayURL: String {
        gatewayURL + Self.resumePath
    }

    /// The path of ``resumeGatewayURL``.
    static let resumePath = "/resume"

    func setGatewayURL(_ url: String) {
        state.withLock { $0.gatewayURL = url }
    }

    /// The daily session start limit, as `/gateway/bot` reports it.
    public func sessionStartLimit() -> SessionStartLimitSnapshot {
        let now = timeSource.now()
        let maxConcurrency = configuration.gateway.maxConcurrency
        return state.withLock { $0.sessionStarts.snapshot(at: now, maxConcurrency: maxConcurrency) }
    }

    /// Sets how many session starts remain today (to simulate `remaining: 0`).
    public func setSessionStartRemaining(_ remaining: Int) {
        let now = timeSource.now()
        state.withLock { $0.sessionStarts.setRemaining(remaining, at: now) }
    }

    /// Sends event `name` with data `json` to the sessions of the guild's shard (shard 0 without a guild).
    /// Disconnected sessions within their resume window keep it for replay.
    public func dispatch(event name: String, guildID: UInt64?, json: String) {
        let now = timeSource.now()
        let window = configuration.gateway.resumeWindow
        state.withLock { state in
            Self.expireSessions(&state, now: now, window: window)
            for sessionID in state.sessions.keys.sorted() {
                guard let session = state.sessions[sessionID] else { continue }
                let shard = guildID.map { Int(($0 >> 22) % UInt64(max(1, session.shardCount))) } ?? 0
                guard shard == session.shardID else { continue }
                Self.send(&state, sessionID: sessionID, eventName: name, json: json)
            }
        }
    }

    /// Sends a dispatch to the session of one connection (for faults and tests). Returns false without a session.
    @discardableResult
    func dispatch(toConnection connectionID: Int, event name: String, json: String) -> Bool {
        state.withLock { state in
            guard let sessionID = state.connections[connectionID]?.info.sessionID,
                  state.sessions[sessionID] != nil else { return false }
            Self.send(&state, sessionID: sessionID, eventName: name, json: json)
            return true
        }
    }

    /// Numbers a dispatch for a session, keeps it for replay, and hands it to the attached connection.
    static func send(_ state: inout State, sessionID: String, eventName: String, json: String) {
        guard var session = state.sessions[sessionID] else { return }
        let frame = session.nextDispatch(eventName: eventName, json: json) { state.vary($0) }
        state.sessions[sessionID] = session
        state.counters.dispatches += 1
        if let connectionID = session.connectionID, let entry = state.connections[connectionID], entry.info.isOpen {
            entry.sink.deliver([frame])
        }
    }

    static func expireSessions(_ state: inout State, now: MonotonicTime, window: Duration) {
        let expired = state.sessions.values.filter { session in
            guard let detachedAt = session.detachedAt else { return false }
            return now - detachedAt > window
        }
        for session in expired { state.sessions[session.id] = nil }
    }

    // MARK: - Connections

    /// Registers a new WebSocket connection and returns its id.
    func register(
        sink: any GatewayConnectionSink, path: String, compression: String, version: Int
    ) -> Int {
        let now = timeSource.now()
        return state.withLock { state in
            state.nextConnectionID += 1
            let id = state.nextConnectionID
            let info = ConnectionInfo(
                id: id, path: path, usedResumeURL: path.hasPrefix(Self.resumePath), compression: compression,
                version: version, shardID: nil, shardCount: nil, sessionID: nil, isOpen: true, closeCode: nil,
                closedBy: nil, droppingHeartbeatACKs: state.dropHeartbeatACKsEverywhere
            )
            state.connections[id] = ConnectionEntry(sink: sink, info: info)
            state.counters.connections += 1
            Self.appendRecord(&state, connectionID: id, direction: .clientToServer, kind: .connected,
                              text: path, now: now, limit: configuration.gateway.wireLogLimit)
            return id
        }
    }

    /// Records that a connection ended. `closeCode` is the close frame's code (nil for a bare TCP drop);
    /// `closedBy` is "server", "client" or "tcp". A client close with 1000/1001 invalidates the session.
    func connectionEnded(_ connectionID: Int, closeCode: Int?, closedBy: String) {
        let now = timeSource.now()
        state.withLock { state in
            guard var entry = state.connections[connectionID], entry.info.isOpen else { return }
            entry.info.isOpen = false
            entry.info.closeCode = closeCode
            entry.info.closedBy = closedBy
            state.connections[connectionID] = entry
            if closeCode == nil { state.counters.abruptDisconnects += 1 }
            Self.appendRecord(&state, connectionID: connectionID, direction: .clientToServer, kind: .disconnected,
                              closeCode: closeCode, text: closedBy, now: now,
                              limit: configuration.gateway.wireLogLimit)
            guard let sessionID = entry.info.sessionID, var session = state.sessions[sessionID],
                  session.connectionID == connectionID else { return }
            if closedBy == "client", let code = closeCode, code == 1000 || code == 1001 {
                state.sessions[sessionID] = nil
            } else {
                session.connectionID = nil
                session.detachedAt = now
                state.sessions[sessionID] = session
            }
        }
    }

    /// Whether heartbeat ACKs are withheld from this connection; counts the heartbeat and the ACK or drop.
    func heartbeatReceived(_ connectionID: Int) -> Bool {
        state.withLock { state in
            state.counters.heartbeats += 1
            let drop = state.connections[connectionID]?.info.droppingHeartbeatACKs ?? false
            if drop { state.counters.droppedHeartbeatACKs += 1 } else { state.counters.heartbeatACKs += 1 }
            return !drop
        }
    }

    /// Counts a server or client close frame.
    func countClose(code: Int, byServer: Bool) {
        state.withLock { state in
            if byServer { state.counters.serverCloses[code, default: 0] += 1 }
            else { state.counters.clientCloses[code, default: 0] += 1 }
        }
    }

    /// The HELLO for a new connection: the configured interval, or the raw text of a
    /// ``GatewayFault/helloHeartbeatInterval(_:)`` fault.
    func helloFrame() -> OutboundGatewayFrame {
        guard let raw = state.withLock({ $0.helloIntervalOverride }) else {
            return vary(GatewayFrames.hello(heartbeatInterval: configuration.gateway.heartbeatInterval))
        }
        return GatewayFrames.hello(rawInterval: raw)
    }

    /// Applies the configured key shuffling and whitespace to a non-dispatch frame.
    func vary(_ frame: OutboundGatewayFrame) -> OutboundGatewayFrame {
        guard configuration.gateway.shuffleKeys || configuration.gateway.addWhitespace else { return frame }
        var varied = frame
        varied.text = state.withLock { $0.vary(frame.text) }
        return varied
    }
}
