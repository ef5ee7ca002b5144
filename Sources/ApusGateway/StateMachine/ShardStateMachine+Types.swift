import ApusCore

extension ShardStateMachine {
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
        /// Connections keep failing on the configured gateway URL: ask for a fresh one (`GET /gateway/bot`) and
        /// report it with ``gatewayURLRefreshed(_:)``. The reconnect does not wait for the answer.
        case refreshGatewayURL
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
        /// Connections that ended before READY or RESUMED (including ones that failed to open).
        public var failedConnections = 0
        /// HELLOs whose `heartbeat_interval` was outside the configured bounds.
        public var rejectedHellos = 0
        /// Fresh gateway URLs asked for after repeated failures.
        public var gatewayURLRefreshes = 0
    }

    /// What the shard does after a connection ended, for logs and tests.
    public struct ReconnectPlan: Equatable, Sendable {
        /// What the next connection will do.
        public enum Next: Equatable, Sendable {
            /// RESUME the session.
            case resume
            /// IDENTIFY a new session.
            case identify
            /// Nothing: the shard stopped.
            case stop
        }

        /// What the next connection will do.
        public var next: Next
        /// How long until the next connection opens (zero when it opens at once or the shard stopped).
        public var delay: Duration
        /// Whether the connection ended before READY or RESUMED.
        public var failed: Bool
    }
}
