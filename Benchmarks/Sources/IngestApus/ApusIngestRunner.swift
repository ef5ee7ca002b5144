import ApusCompression
import ApusGateway
import ApusModel

/// Runs Apus's production inbound path over a compressed workload, in memory: `InboundPipeline.process` per
/// message (zstd-stream decompression, envelope scan, decode of subscribed events), `EventDistributor.deliver`
/// into a bounded queue, and a ``ChecksumHandler`` reading every delivered event.
public enum ApusIngestRunner {
    /// How the handler runs relative to the reader.
    public enum Mode: String, Sendable, CaseIterable {
        /// One task on one core: process a message, deliver it, drain the queue in batches. The like-for-like
        /// comparison with single-threaded discord.py.
        case oneCore = "one-core"
        /// The reader and the handler run as two concurrent tasks joined by the bounded queue, as in a live shard.
        case pipelined
    }

    /// The outcome of one round.
    public struct Result: Sendable {
        /// Wall time of the round.
        public var duration: Duration
        /// Dispatch frames seen (setup frames included).
        public var dispatches: Int
        /// Events the handler read.
        public var handled: Int
        /// Deliveries that did not decode.
        public var undecodable: Int
        /// Decompressed JSON bytes.
        public var jsonBytes: Int
        /// The handler's checksum.
        public var checksum: UInt64
        /// Messages the pipeline reported as broken (must be 0).
        public var broken: Int
    }

    /// Errors that make a round invalid.
    public enum RunError: Error, CustomStringConvertible {
        /// The inbound pipeline (its decompressor) could not be created.
        case pipelineSetup(CompressionError)

        /// A readable explanation.
        public var description: String {
            switch self {
            case .pipelineSetup(let error): "could not create the inbound pipeline: \(error)"
            }
        }
    }

    /// Runs one round over `messages` with a fresh pipeline (a fresh decompression context, as a new connection).
    public static func run(messages: [[UInt8]], mode: Mode) async throws(RunError) -> Result {
        let distributor = EventDistributor()
        let queue = distributor.subscribe(to: ChecksumHandler.subscribedKinds, capacity: 4_096, policy: .wait)
        let pipeline: InboundPipeline
        do {
            pipeline = try InboundPipeline(
                shardID: 0, compression: .zstdStream, maximumMessageSize: 64 << 20, distributor: distributor)
        } catch {
            throw .pipelineSetup(error)
        }
        let clock = ContinuousClock()
        let started = clock.now
        var result: Result
        switch mode {
        case .oneCore:
            result = await runOnOneTask(messages: messages, pipeline: pipeline, distributor: distributor, queue: queue)
        case .pipelined:
            result = await runPipelined(messages: messages, pipeline: pipeline, distributor: distributor, queue: queue)
        }
        result.duration = clock.now - started
        result.jsonBytes = pipeline.counters.jsonBytes
        return result
    }

    private static func runOnOneTask(
        messages: [[UInt8]], pipeline: InboundPipeline, distributor: EventDistributor,
        queue: BoundedEventQueue<GatewayDelivery>
    ) async -> Result {
        var handler = ChecksumHandler()
        var dispatches = 0
        var broken = 0
        var pending = 0
        for message in messages {
            let item = message.withUnsafeBytes { pipeline.process(message: $0) }
            switch item {
            case .dispatch(_, let kind, let delivery, _):
                dispatches += 1
                if let delivery {
                    // As the shard's reader does: a synchronous offer, an asynchronous wait only if a queue is full.
                    if let left = distributor.offer(delivery, kind: kind) {
                        await distributor.complete(left, stalled: { _ in })
                    }
                    pending += 1
                }
            case .broken:
                broken += 1
            default:
                break
            }
            // Drain in batches, as a handler task would; the queue never fills, so `deliver` never waits.
            if pending >= 256 {
                pending = await drain(queue, pending: pending, into: &handler)
            }
        }
        _ = await drain(queue, pending: pending, into: &handler)
        return Result(duration: .zero, dispatches: dispatches, handled: handler.handled, undecodable: handler.undecodable,
                      jsonBytes: 0, checksum: handler.checksum.value, broken: broken)
    }

    private static func drain(_ queue: BoundedEventQueue<GatewayDelivery>, pending: Int, into handler: inout ChecksumHandler) async -> Int {
        var pending = pending
        while pending > 0, let batch = await queue.nextBatch(maximum: 256) {
            for delivery in batch { handler.handle(delivery) }
            pending -= batch.count
        }
        return pending
    }

    private static func runPipelined(
        messages: [[UInt8]], pipeline: InboundPipeline, distributor: EventDistributor,
        queue: BoundedEventQueue<GatewayDelivery>
    ) async -> Result {
        let consumer = Task {
            var handler = ChecksumHandler()
            while let batch = await queue.nextBatch(maximum: 256) {
                for delivery in batch { handler.handle(delivery) }
            }
            return handler
        }
        var dispatches = 0
        var broken = 0
        for message in messages {
            let item = message.withUnsafeBytes { pipeline.process(message: $0) }
            switch item {
            case .dispatch(_, let kind, let delivery, _):
                dispatches += 1
                if let delivery, let left = distributor.offer(delivery, kind: kind) {
                    await distributor.complete(left, stalled: { _ in })
                }
            case .broken:
                broken += 1
            default:
                break
            }
        }
        distributor.finish()
        let handler = await consumer.value
        return Result(duration: .zero, dispatches: dispatches, handled: handler.handled, undecodable: handler.undecodable,
                      jsonBytes: 0, checksum: handler.checksum.value, broken: broken)
    }
}
