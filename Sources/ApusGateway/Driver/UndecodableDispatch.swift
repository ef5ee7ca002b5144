/// A dispatch whose `d` could not be decoded into its event type: what the shard logs (rate-limited) and counts in
/// ``InboundCounters/undecodableDispatches``. Subscribers of its kind still receive it as
/// ``GatewayDelivery/Payload/undecodable(name:data:reason:)``.
public struct UndecodableDispatch: Equatable, Sendable {
    /// The event name (`t`).
    public var eventName: String
    /// The dispatch's sequence number.
    public var sequence: Int?
    /// The byte offset inside `d` at which decoding failed, when the decoder reported one.
    public var offset: Int?
    /// Why decoding failed.
    public var reason: String

    /// Creates a record.
    public init(eventName: String, sequence: Int?, offset: Int?, reason: String) {
        self.eventName = eventName
        self.sequence = sequence
        self.offset = offset
        self.reason = reason
    }
}
