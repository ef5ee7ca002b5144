/// What a shard does after its connection closed with a given code.
public enum CloseCodeAction: Equatable, Sendable {
    /// Reconnect and RESUME the session (or IDENTIFY if there is none).
    case resume
    /// Reconnect and RESUME after the rate-limit backoff (4008).
    case resumeAfterBackoff
    /// Drop the session, reconnect and IDENTIFY.
    case reidentify
    /// Stop the shard: reconnecting cannot help (4004, 4010-4014).
    case fatal
}

/// The gateway's close-code table: which codes resume, which start a new session, which are fatal.
///
/// | code | meaning | action |
/// |---|---|---|
/// | none (TCP drop), 1000-1015, 4000, 4001, 4002, unknown codes | transient | resume |
/// | 4008 | rate limited | resume after backoff |
/// | 4003, 4005 | not / already authenticated | re-identify |
/// | 4007, 4009 | invalid seq / session timed out | new session (re-identify) |
/// | 4004, 4010, 4011, 4012, 4013, 4014 | authentication, shard, version or intents | fatal |
public enum CloseCodePolicy {
    /// The action for a close the server (or the network) initiated; `code` is nil for a drop without a close frame.
    public static func action(forServerClose code: UInt16?) -> CloseCodeAction {
        guard let code else { return .resume }
        switch code {
        case 4008: return .resumeAfterBackoff
        case 4003, 4005, 4007, 4009: return .reidentify
        case 4004, 4010, 4011, 4012, 4013, 4014: return .fatal
        default: return .resume
        }
    }

    /// A readable explanation of a close code, for errors and logs.
    public static func explanation(for code: UInt16) -> String {
        switch code {
        case 1000: "normal closure"
        case 1001: "going away"
        case 1006: "abnormal closure"
        case 4000: "unknown error"
        case 4001: "unknown opcode or invalid payload for an opcode"
        case 4002: "decode error (payload too large or malformed)"
        case 4003: "not authenticated"
        case 4004: "authentication failed: the token is invalid"
        case 4005: "already authenticated"
        case 4007: "invalid sequence number on RESUME"
        case 4008: "rate limited: more than the allowed gateway sends per minute"
        case 4009: "session timed out"
        case 4010: "invalid shard"
        case 4011: "sharding required: too many guilds for this shard count"
        case 4012: "invalid API version"
        case 4013: "invalid intents"
        case 4014: "disallowed intents: privileged intents are not enabled for this application"
        default: "close code \(code)"
        }
    }
}
