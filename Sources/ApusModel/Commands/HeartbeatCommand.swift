/// Op 1 HEARTBEAT: the last sequence number received, or null.
public struct HeartbeatCommand: Sendable, Hashable {
    /// The last sequence received, nil before the first dispatch.
    public var lastSequence: Int?

    /// Creates a heartbeat.
    public init(lastSequence: Int?) { self.lastSequence = lastSequence }

    /// The frame `{"op":1,"d":seq|null}`.
    public func jsonBytes() -> [UInt8] {
        JSONWriter.frame(opcode: .heartbeat) { writer in
            if let lastSequence { writer.integer(lastSequence) } else { writer.null() }
        }
    }
}
