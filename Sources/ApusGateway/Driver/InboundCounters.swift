/// What a shard's inbound path has seen, including everything it had to skip or count as bad input.
public struct InboundCounters: Equatable, Sendable {
    /// WebSocket messages received.
    public var messages = 0
    /// Bytes received on the wire (compressed, if compression is on).
    public var wireBytes = 0
    /// Bytes of JSON after decompression.
    public var jsonBytes = 0
    /// Dispatches (op 0) received.
    public var dispatches = 0
    /// Dispatches skipped without decoding because no handler wanted them.
    public var skippedUnsubscribed = 0
    /// Dispatches whose envelope scanned but whose body did not decode (delivered as raw JSON).
    public var undecodableDispatches = 0
    /// Frames that could not be scanned at all (not JSON, truncated, no opcode).
    public var unscannableFrames = 0
    /// Compressed data that failed to decompress.
    public var corruptCompressedMessages = 0
    /// Messages larger than the configured limit, skipped.
    public var oversizedMessages = 0
    /// Frames with an opcode the client does not know.
    public var unknownOpcodes = 0

    /// Creates zeroed counters.
    public init() {}

    /// Adds another set of counters to this one.
    public mutating func add(_ other: InboundCounters) {
        messages += other.messages
        wireBytes += other.wireBytes
        jsonBytes += other.jsonBytes
        dispatches += other.dispatches
        skippedUnsubscribed += other.skippedUnsubscribed
        undecodableDispatches += other.undecodableDispatches
        unscannableFrames += other.unscannableFrames
        corruptCompressedMessages += other.corruptCompressedMessages
        oversizedMessages += other.oversizedMessages
        unknownOpcodes += other.unknownOpcodes
    }
}
