import ApusModel

/// One dispatch as handed to an event handler.
public struct GatewayDelivery: Sendable {
    /// What was received.
    public enum Payload: Sendable {
        /// A decoded event (unknown event names arrive as ``GatewayEvent/unknown(name:data:)``).
        case event(GatewayEvent)
        /// A dispatch whose body did not decode into its type: the raw JSON and the reason. Boxed (rare), so that a
        /// delivery is a few words and copying one through the queue retains one reference.
        indirect case undecodable(name: String, data: RawJSON, reason: String)
    }

    /// The shard that received it.
    public var shardID: Int
    /// Its sequence number.
    public var sequence: Int?
    /// The event.
    public var payload: Payload

    /// Creates a delivery.
    public init(shardID: Int, sequence: Int?, payload: Payload) {
        self.shardID = shardID
        self.sequence = sequence
        self.payload = payload
    }
}
