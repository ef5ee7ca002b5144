/// The `d` of op 10 HELLO.
public struct Hello: Sendable, Hashable, JSONDecodable {
    /// `heartbeat_interval`
    public var heartbeatInterval: Int64

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var heartbeatIntervalValue: Int64?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "heartbeat_interval":
                do { heartbeatIntervalValue = try reader.decode() } catch { throw error.prefixingPath("heartbeat_interval") }
            default: try reader.skipValue()
            }
        }
        self.heartbeatInterval = try reader.require(heartbeatIntervalValue, "heartbeat_interval")
    }
}
