/// Where the world and REST routes send dispatch events; implemented by the gateway side.
public protocol SimulatorDispatchSink: Sendable {
    /// Sends event `name` with data `json` (a JSON object's text) to every session that should get it:
    /// sessions of shard (guildID >> 22) % shardCount when guildID is set, else shard 0. Recorded for RESUME replay.
    func dispatch(event name: String, guildID: UInt64?, json: String)
}
