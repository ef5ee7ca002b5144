import ApusCore

/// One gateway connection's protocol state, as a pure state machine: client payloads and the answers of the shared
/// gateway state (identify, resume) go in, actions come out. It performs no I/O and reads no clock, so it is tested
/// table-driven without sockets.
///
/// Dispatches (READY, GUILD_CREATE, replays…) carry session sequence numbers and are produced by ``SimulatorGateway``,
/// which owns the sessions; this machine decides what the client is allowed to do and when to close.
struct GatewayConnectionStateMachine {
    /// The limits the machine enforces.
    struct Limits: Sendable {
        var token: String
        var maxPayloadBytes: Int
        var sendLimit: Int
        var sendLimitWindow: Duration
        var privilegedIntentsAllowed: Bool

        init(configuration: SimulatorConfiguration) {
            token = configuration.token
            maxPayloadBytes = configuration.gateway.maxPayloadBytes
            sendLimit = configuration.gateway.sendLimit
            sendLimitWindow = configuration.gateway.sendLimitWindow
            privilegedIntentsAllowed = configuration.gateway.privilegedIntentsAllowed
        }
    }

    /// Where the connection is in its life.
    enum Phase: Equatable {
        /// HELLO sent; waiting for IDENTIFY or RESUME.
        case awaitingIdentify
        /// IDENTIFY or RESUME handed to the shared state; waiting for its answer.
        case authenticating
        /// Identified or resumed into `sessionID`.
        case established(sessionID: String)
        /// The server closed (or is closing) the connection.
        case closed
    }

    /// What the driver must do.
    enum Action: Equatable {
        /// Send HEARTBEAT_ACK (op 11) for a heartbeat carrying `sequence`.
        case acknowledgeHeartbeat(sequence: Int?)
        /// Ask the shared state to start a session.
        case identify(IdentifyRequest)
        /// Ask the shared state to resume a session.
        case resume(ResumeRequest)
        /// Ask the shared state for member chunks.
        case requestGuildMembers(GuildMembersRequest, sessionID: String)
        /// Send op 9 with `resumable`.
        case sendInvalidSession(resumable: Bool)
        /// A valid payload the simulator only records (presence, voice state…).
        case ignore(opcode: Int)
        /// Close the connection with `code`.
        case close(code: Int, reason: String)
    }

    /// The answer of the shared state to an IDENTIFY or RESUME.
    enum AuthenticationOutcome: Equatable {
        /// A session was started or resumed.
        case established(sessionID: String)
        /// Refused with op 9 (`resumable` false for an identify rate limit or an unknown session).
        case invalidSession(resumable: Bool)
        /// Refused with a close.
        case close(code: Int, reason: String)
    }

    let limits: Limits
    private(set) var phase: Phase = .awaitingIdentify
    /// Client payloads counted in the current send window.
    private(set) var sentInWindow = 0
    private var windowStart: MonotonicTime?

    init(limits: Limits) {
        self.limits = limits
    }

    /// The session this connection is attached to, if any.
    var sessionID: String? {
        if case .established(let id) = phase { return id }
        return nil
    }

    /// Handles one client payload (a WebSocket text or binary message) received at `now`.
    mutating func receive(_ bytes: [UInt8], at now: MonotonicTime) -> [Action] {
        guard phase != .closed else { return [] }
        if let start = windowStart, now - start < limits.sendLimitWindow {
            sentInWindow += 1
        } else {
            windowStart = now
            sentInWindow = 1
        }
        if sentInWindow > limits.sendLimit {
            return close(GatewayCloseCode.rateLimited, "You are being rate limited.")
        }
        if bytes.count > limits.maxPayloadBytes {
            return close(GatewayCloseCode.decodeError, "Payload over \(limits.maxPayloadBytes) bytes.")
        }
        let payload: GatewayClientPayload
        switch GatewayClientPayload.decode(bytes) {
        case .success(let decoded): payload = decoded
        case .failure: return close(GatewayCloseCode.decodeError, "Error while decoding payload.")
        }
        guard GatewayOpcode.clientOpcodes.contains(payload.opcode) else {
            return close(GatewayCloseCode.unknownOpcode, "Unknown opcode.")
        }
        switch payload.opcode {
        case GatewayOpcode.heartbeat.rawValue:
            return [.acknowledgeHeartbeat(sequence: GatewayClientPayload.integer(payload.data))]
        case GatewayOpcode.identify.rawValue:
            return identify(payload)
        case GatewayOpcode.resume.rawValue:
            return resume(payload)
        default:
            guard case .established(let sessionID) = phase else {
                return close(GatewayCloseCode.notAuthenticated, "Not authenticated.")
            }
            if payload.opcode == GatewayOpcode.requestGuildMembers.rawValue {
                switch payload.guildMembers() {
                case .success(let request): return [.requestGuildMembers(request, sessionID: sessionID)]
                case .failure(let failure): return close(failure.code, failure.reason)
                }
            }
            return [.ignore(opcode: payload.opcode)]
        }
    }

    /// Handles the shared state's answer to the IDENTIFY or RESUME this machine asked for.
    mutating func authenticated(_ outcome: AuthenticationOutcome) -> [Action] {
        guard phase == .authenticating else { return [] }
        switch outcome {
        case .established(let sessionID):
            phase = .established(sessionID: sessionID)
            return []
        case .invalidSession(let resumable):
            phase = .awaitingIdentify
            return [.sendInvalidSession(resumable: resumable)]
        case .close(let code, let reason):
            return close(code, reason)
        }
    }

    /// Marks the connection closed (by the server or the client); later input is ignored.
    mutating func markClosed() {
        phase = .closed
    }

    /// Detaches from the session after a server-sent op 9 (the session no longer exists).
    mutating func sessionInvalidated() {
        if case .established = phase { phase = .awaitingIdentify }
    }

    private mutating func identify(_ payload: GatewayClientPayload) -> [Action] {
        guard phase == .awaitingIdentify else {
            return close(GatewayCloseCode.alreadyAuthenticated, "You sent more than one identify payload.")
        }
        let request: IdentifyRequest
        switch payload.identify() {
        case .success(let parsed): request = parsed
        case .failure(let failure): return close(failure.code, failure.reason)
        }
        guard request.token == limits.token else {
            return close(GatewayCloseCode.authenticationFailed, "Authentication failed.")
        }
        guard request.intents & ~GatewayIntents.known == 0 else {
            return close(GatewayCloseCode.invalidIntents, "Invalid intent(s).")
        }
        if !limits.privilegedIntentsAllowed && request.intents & GatewayIntents.privileged != 0 {
            return close(GatewayCloseCode.disallowedIntents, "Disallowed intent(s).")
        }
        phase = .authenticating
        return [.identify(request)]
    }

    private mutating func resume(_ payload: GatewayClientPayload) -> [Action] {
        guard phase == .awaitingIdentify else {
            return close(GatewayCloseCode.alreadyAuthenticated, "Already authenticated.")
        }
        let request: ResumeRequest
        switch payload.resume() {
        case .success(let parsed): request = parsed
        case .failure(let failure): return close(failure.code, failure.reason)
        }
        guard request.token == limits.token else {
            return close(GatewayCloseCode.authenticationFailed, "Authentication failed.")
        }
        phase = .authenticating
        return [.resume(request)]
    }

    private mutating func close(_ code: Int, _ reason: String) -> [Action] {
        phase = .closed
        return [.close(code: code, reason: reason)]
    }
}
