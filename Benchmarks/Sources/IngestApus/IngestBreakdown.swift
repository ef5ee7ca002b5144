import ApusCompression
import ApusGateway
import ApusModel

/// Times the stages of the inbound path separately, to show where the time of an ingest round goes: zstd-stream
/// decompression alone, plus the envelope scan, plus decoding every event of the mix, plus the handler called directly (no queue).
public enum IngestBreakdown {
    /// Wall time of each cumulative stage over one pass of the stream.
    public struct Stages: Sendable {
        /// Decompression only.
        public var decompress: Duration
        /// Decompression and `GatewayEnvelope.scan` as the production path calls it (`allowTentativeData`: `d` is not
        /// walked when `t`, `s` and `op` come before it, as Discord sends them).
        public var scan: Duration
        /// Decompression, scan and `GatewayEvent.decode` of the subscribed kinds.
        public var decode: Duration
        /// All of the above, then the ``ChecksumHandler`` called directly (no queue).
        public var handle: Duration
    }

    /// Measures the three cumulative stages over `messages`.
    public static func measure(messages: [[UInt8]]) -> Stages {
        var handler = ChecksumHandler()
        let stages = Stages(
            decompress: time(messages) { _ in true },
            scan: time(messages) { json in (try? GatewayEnvelope.scan(json, allowTentativeData: true)) != nil },
            decode: time(messages) { json in
                guard let envelope = try? GatewayEnvelope.scan(json, allowTentativeData: true), let kind = envelope.eventName,
                      ChecksumHandler.subscribedKinds.contains(kind), let range = envelope.dataRange else { return false }
                return (try? GatewayEvent.decode(kind: kind, data: UnsafeRawBufferPointer(rebasing: json[range]))) != nil
            },
            handle: time(messages) { json in
                guard let envelope = try? GatewayEnvelope.scan(json, allowTentativeData: true), let kind = envelope.eventName,
                      ChecksumHandler.subscribedKinds.contains(kind), let range = envelope.dataRange,
                      let event = try? GatewayEvent.decode(kind: kind, data: UnsafeRawBufferPointer(rebasing: json[range]))
                else { return false }
                handler.handle(GatewayDelivery(shardID: 0, sequence: envelope.sequence, payload: .event(event)))
                return true
            }
        )
        // Keep the handler's work observable so that the optimiser cannot drop it.
        if handler.checksum.value == 0x5EED { print("") }
        return stages
    }

    private static func time(_ messages: [[UInt8]], _ stage: (UnsafeRawBufferPointer) -> Bool) -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        guard let decompressor = try? ZstdStreamDecompressor() else { return .zero }
        var accepted = 0
        for message in messages {
            let ok = try? message.withUnsafeBytes { compressed in try decompressor.decompress(compressed, stage) }
            if ok == true { accepted += 1 }
        }
        let elapsed = clock.now - start
        // A pass in which nothing passed the stage measured nothing: report it as zero rather than a time.
        return accepted > 0 ? elapsed : .zero
    }
}

extension IngestBreakdown {
    /// A load-robust measure of the decode path for A/B comparisons on a busy machine: the stream is decompressed
    /// once, then each chunk of `chunkSize` messages is scanned, decoded and handed to a ``ChecksumHandler``
    /// `repetitions` times, and the fastest repetition of each chunk is kept. Preemption only ever adds time, so
    /// the sum of the per-chunk minima approaches the time of an undisturbed pass.
    public static func minimumDecodeTime(messages: [[UInt8]], chunkSize: Int = 500, repetitions: Int = 7) -> Duration {
        guard let decompressor = try? ZstdStreamDecompressor() else { return .zero }
        var frames: [[UInt8]] = []
        frames.reserveCapacity(messages.count)
        for message in messages {
            _ = try? message.withUnsafeBytes { compressed in
                try decompressor.decompress(compressed) { json in frames.append(Array(json)) }
            }
        }
        let clock = ContinuousClock()
        var total = Duration.zero
        var handler = ChecksumHandler()
        var chunkStart = 0
        while chunkStart < frames.count {
            let chunk = frames[chunkStart..<min(frames.count, chunkStart + chunkSize)]
            var best = Duration.seconds(1_000)
            for _ in 0..<repetitions {
                let start = clock.now
                for frame in chunk {
                    frame.withUnsafeBytes { json in
                        guard let envelope = try? GatewayEnvelope.scan(json, allowTentativeData: true),
                              let kind = envelope.eventName, ChecksumHandler.subscribedKinds.contains(kind),
                              let range = envelope.dataRange,
                              let event = try? GatewayEvent.decode(kind: kind, data: UnsafeRawBufferPointer(rebasing: json[range]))
                        else { return }
                        handler.handle(GatewayDelivery(shardID: 0, sequence: envelope.sequence, payload: .event(event)))
                    }
                }
                best = min(best, clock.now - start)
            }
            total += best
            chunkStart += chunkSize
        }
        if handler.checksum.value == 0x5EED { print("") }
        return total
    }
}
