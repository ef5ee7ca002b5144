/// What a shard needs to RESUME a session: exported before a restart and imported after, so a new process can pick
/// up where the old one stopped (events in between are replayed by Discord).
public struct GatewaySession: Codable, Equatable, Sendable {
    /// The session id from READY.
    public var sessionID: String
    /// The URL to reconnect to for RESUME (`resume_gateway_url` from READY).
    public var resumeGatewayURL: String
    /// The last dispatch sequence number received.
    public var sequence: Int?
    /// The shard this session belongs to.
    public var shardID: Int
    /// The total shard count the session was identified with.
    public var shardCount: Int

    /// Creates a session record.
    public init(sessionID: String, resumeGatewayURL: String, sequence: Int?, shardID: Int, shardCount: Int) {
        self.sessionID = sessionID
        self.resumeGatewayURL = resumeGatewayURL
        self.sequence = sequence
        self.shardID = shardID
        self.shardCount = shardCount
    }
}
