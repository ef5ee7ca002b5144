import ApusCore
import NIOCore
import WSClient

/// The shard's reader: assembles WebSocket frames into messages (bounded, compressed or not), runs them through the
/// ``InboundPipeline``, and yields to other tasks regularly even when frames are already buffered.
extension Shard {
    /// Messages, and bytes, the reader handles before it yields to other tasks even when frames are already
    /// buffered (the inbound stream then returns without suspending): a flood never holds a thread for long.
    static let messagesPerYield = 64
    static let bytesPerYield = 4 << 20

    func readLoop(inbound: WebSocketInboundStream, pipeline: InboundPipeline) async throws {
        var message = ByteBuffer()
        var skipping = false
        var skippedBytes = 0
        // The same bound for compressed and uncompressed messages, over all the frames of one message.
        let limit = configuration.maximumMessageSize
        let compressed = configuration.compression != .none
        var messagesSinceYield = 0
        var bytesSinceYield = 0
        for try await frame in inbound {
            let frameBytes = frame.data.readableBytes
            if skipping {
                skippedBytes = skippedBytes > Int.max - frameBytes ? Int.max : skippedBytes + frameBytes
            } else if message.readableBytes > limit - frameBytes {
                // Too large: an uncompressed message is skipped; a compressed one would desynchronise the stream,
                // so the stream is broken (close and resume).
                skipping = true
                skippedBytes = message.readableBytes + frameBytes
                message.clear()
                if compressed {
                    pipeline.countOversizedSkipped(wireBytes: 0)
                    try await handle(.broken(reason: "a compressed message exceeds \(limit) bytes"))
                }
            } else {
                var data = frame.data
                message.writeBuffer(&data)
            }
            guard frame.fin else { continue }
            messagesSinceYield += 1
            bytesSinceYield += min(skipping ? skippedBytes : message.readableBytes, Self.bytesPerYield)
            if skipping {
                if !compressed { pipeline.countOversizedSkipped(wireBytes: skippedBytes) }
                let counters = pipeline.takeCounters()
                totals.withLock { $0.add(counters) }
                skipping = false
                skippedBytes = 0
                if !compressed {
                    events.log(.brokenStream, .warning, "skipped a gateway message larger than \(limit) bytes")
                }
            } else {
                let item = message.withUnsafeReadableBytes { pipeline.process(message: $0) }
                message.clear()
                let counters = pipeline.takeCounters()
                totals.withLock { $0.add(counters) }
                if counters.undecodableDispatches > 0, let bad = pipeline.takeLastUndecodable() {
                    logUndecodable(bad, count: counters.undecodableDispatches)
                }
                try await handle(item)
            }
            if messagesSinceYield >= Self.messagesPerYield || bytesSinceYield >= Self.bytesPerYield {
                messagesSinceYield = 0
                bytesSinceYield = 0
                await Task.yield()
            }
        }
    }

    func logUndecodable(_ bad: UndecodableDispatch, count: Int) {
        let position = bad.offset.map { " at byte \($0) of its data" } ?? ""
        let sequence = bad.sequence.map { " (sequence \($0))" } ?? ""
        events.log(.undecodable, .warning,
                   "could not decode \(bad.eventName.isEmpty ? "a dispatch" : bad.eventName)\(sequence)\(position): "
                   + "\(bad.reason.prefix(300)); delivered as raw JSON to its subscribers, counted in undecodableDispatches")
    }
}
