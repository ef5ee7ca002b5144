/// A misbehaviour the simulated gateway can be told to perform, to test how clients recover.
public enum GatewayFault: Sendable, Equatable {
    /// Stop (true) or resume (false) answering heartbeats with op 11.
    case dropHeartbeatACKs(Bool)
    /// Send op 1: the client must heartbeat at once.
    case requestHeartbeat
    /// Send op 7 and keep the socket open.
    case reconnect
    /// Send op 9 with `d` = `resumable`; with false the session is discarded.
    case invalidSession(resumable: Bool)
    /// Send a close frame with `code` (the session stays resumable unless the code is 1000/1001).
    case close(code: Int, reason: String)
    /// Drop TCP without a close frame.
    case cutTCP
    /// Send this text as one WebSocket text message, uncompressed (malformed, truncated, oversized, non-JSON…).
    case sendRawText(String)
    /// Send these bytes as one WebSocket binary message.
    case sendRawBinary([UInt8])
    /// Send bytes that are not valid for the connection's transport compression.
    case sendCorruptCompressed
    /// Send a well-formed dispatch whose event name no client knows.
    case unknownDispatch(eventName: String)
    /// Send a dispatch of `eventName` whose envelope is fine but whose `d` is garbage for that type.
    case garbageDispatch(eventName: String)
    /// From now on, every HELLO carries this raw JSON text as its `heartbeat_interval` (`"0"`, `"-1"`,
    /// `"9223372036854775807"`, `"\"41250\""`…; an empty text leaves the key out); nil restores the configured
    /// interval. Applies to connections opened later, whatever the target.
    case helloHeartbeatInterval(String?)
    /// On a `zlib-stream` connection, send `text` compressed to the END of the zlib stream (which Discord never
    /// does) followed by the sync-flush suffix `00 00 FF FF`, as one binary message; on other connections, send the
    /// same bytes as `sendCorruptCompressed` does.
    case endCompressedStream(text: String)
}

/// Which connections a fault is performed on.
public enum FaultTarget: Sendable, Equatable {
    /// Every open connection.
    case all
    /// Open connections of this shard.
    case shard(Int)
    /// One connection.
    case connection(Int)
}
