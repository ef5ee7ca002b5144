import ApusCore

/// One entry of the simulator's ordered wire log: a payload, close or connection event on one gateway connection.
public struct WireRecord: Sendable, Equatable {
    /// Which way the bytes went.
    public enum Direction: String, Sendable, Equatable {
        /// Sent by the simulator.
        case serverToClient = "out"
        /// Received from the client.
        case clientToServer = "in"
    }

    /// What the record describes.
    public enum Kind: String, Sendable, Equatable {
        /// The WebSocket connection opened.
        case connected
        /// A gateway payload (JSON text, before transport compression).
        case payload
        /// Raw bytes sent by a fault (not necessarily JSON).
        case raw
        /// A close frame (``closeCode`` set).
        case close
        /// TCP went away (``closeCode`` is nil when no close frame was seen).
        case disconnected
    }

    /// The position in the log (0-based, never reused).
    public var index: Int
    /// The connection.
    public var connectionID: Int
    /// The shard the connection identified as, if known.
    public var shardID: Int?
    /// Which way.
    public var direction: Direction
    /// What.
    public var kind: Kind
    /// The payload's `op`.
    public var opcode: Int?
    /// The dispatch's `t`.
    public var eventName: String?
    /// The dispatch's `s`.
    public var sequence: Int?
    /// The close code of a close frame.
    public var closeCode: Int?
    /// The session the connection belongs to, or the one a RESUME named.
    public var sessionID: String?
    /// The `seq` of a RESUME, or `d` of a client heartbeat.
    public var clientSequence: Int?
    /// The parsed IDENTIFY, for IDENTIFY payloads.
    public var identify: IdentifyRequest?
    /// The JSON text (or a description of raw bytes).
    public var text: String
    /// The simulator's time.
    public var time: MonotonicTime
}

/// A gateway connection as the simulator sees it.
public struct ConnectionInfo: Sendable, Equatable {
    /// The connection id (1-based, in accept order).
    public var id: Int
    /// The request path (`/` normally; the resume path when the client used `resume_gateway_url`).
    public var path: String
    /// Whether the client connected through the `resume_gateway_url`.
    public var usedResumeURL: Bool
    /// The transport compression in use.
    public var compression: String
    /// The `v` the client asked for.
    public var version: Int
    /// The shard, after IDENTIFY or RESUME.
    public var shardID: Int?
    /// The shard count, after IDENTIFY or RESUME.
    public var shardCount: Int?
    /// The session, after IDENTIFY or RESUME.
    public var sessionID: String?
    /// Whether the socket is still open.
    public var isOpen: Bool
    /// The close code, once closed with a close frame.
    public var closeCode: Int?
    /// Who closed: "server", "client", or "tcp" (no close frame).
    public var closedBy: String?
    /// Whether heartbeat ACKs are being withheld from this connection.
    public var droppingHeartbeatACKs: Bool
}

/// Counters over every gateway connection.
public struct GatewayCounters: Sendable, Equatable {
    /// Connections accepted.
    public var connections = 0
    /// IDENTIFYs accepted (sessions started).
    public var identifies = 0
    /// IDENTIFYs refused with op 9 because of identify concurrency.
    public var identifyRateLimited = 0
    /// IDENTIFYs refused because the session start limit was used up.
    public var sessionStartLimitExhausted = 0
    /// RESUMEs that succeeded.
    public var resumes = 0
    /// RESUMEs refused (op 9 or 4007).
    public var failedResumes = 0
    /// Client heartbeats.
    public var heartbeats = 0
    /// Heartbeat ACKs sent.
    public var heartbeatACKs = 0
    /// Heartbeat ACKs withheld by the fault.
    public var droppedHeartbeatACKs = 0
    /// Dispatches sent (live and replayed).
    public var dispatches = 0
    /// Dispatches replayed on RESUME.
    public var replayedDispatches = 0
    /// REQUEST_GUILD_MEMBERS received.
    public var memberRequests = 0
    /// GUILD_MEMBERS_CHUNK dispatches sent.
    public var memberChunks = 0
    /// RATE_LIMITED dispatches sent for all-members requests.
    public var memberRequestsRateLimited = 0
    /// Server closes, by close code.
    public var serverCloses: [Int: Int] = [:]
    /// Client closes, by close code.
    public var clientCloses: [Int: Int] = [:]
    /// Connections that ended without any close frame.
    public var abruptDisconnects = 0
    /// Faults performed.
    public var faults = 0
}

/// The daily session start limit as `/gateway/bot` reports it.
public struct SessionStartLimitSnapshot: Sendable, Equatable {
    /// `total`.
    public var total: Int
    /// `remaining`.
    public var remaining: Int
    /// `reset_after`, in milliseconds.
    public var resetAfterMilliseconds: Int
    /// `max_concurrency`.
    public var maxConcurrency: Int
}
