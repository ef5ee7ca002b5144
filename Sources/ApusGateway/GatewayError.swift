/// Why a shard stopped for good (reconnecting cannot help), or why a call to it failed.
public enum GatewayError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Discord closed with a code that means the configuration must change (4004, 4010-4014).
    case fatalClose(code: UInt16, reason: String)
    /// The shard was asked to send while stopped.
    case shardStopped
    /// Too many user payloads are waiting for the send budget.
    case sendQueueFull(limit: Int)
    /// The gateway URL is not a usable WebSocket URL.
    case invalidURL(String)
    /// A gateway command larger than Discord accepts (4096 bytes); sending it would close the connection with 4002.
    case payloadTooLarge(size: Int, limit: Int)

    public var description: String {
        switch self {
        case .fatalClose(let code, let reason):
            "the gateway closed with \(code) (\(reason)); the shard stopped because reconnecting cannot fix this"
        case .shardStopped: "the shard is stopped"
        case .sendQueueFull(let limit): "more than \(limit) gateway commands are waiting for the send budget"
        case .invalidURL(let url): "not a WebSocket URL: \(url)"
        case .payloadTooLarge(let size, let limit):
            "a gateway command of \(size) bytes exceeds Discord's limit of \(limit) bytes"
        }
    }
}
