import ApusCompression
import ApusModel
import Benchmark
import IngestWorkload

// Hot paths of the inbound pipeline under ordo-one/benchmark (wall clock, throughput, malloc counts):
//   swift package --package-path Benchmarks benchmark
// Inputs come from the ingest workload generator (same seed, a shorter mix).

/// A small slice of the ingest mix, generated once for every benchmark.
private let sample: IngestWorkload? = try? IngestWorkload.generate(dispatchCount: 2_000)

/// The mix's uncompressed dispatch frames (setup frames excluded).
private let mixFrames: [[UInt8]] = sample.map { Array($0.jsonMessages.dropFirst($0.setupMessageCount)) } ?? []

/// The `d` of every MESSAGE_CREATE in the mix.
private let messageCreateBodies: [[UInt8]] = mixFrames.compactMap { frame in
    guard let envelope = try? GatewayEnvelope.scan(frame), envelope.eventName == .messageCreate,
          let range = envelope.dataRange else { return nil }
    return Array(frame[range])
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))

    Benchmark("GatewayEnvelope.scan, one frame of the mix", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let frames = mixFrames
        guard !frames.isEmpty else { return }
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(try? GatewayEnvelope.scan(frames[index]))
            index = index + 1 == frames.count ? 0 : index + 1
        }
    }

    Benchmark("MESSAGE_CREATE decode (Message from d)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let bodies = messageCreateBodies
        guard !bodies.isEmpty else { return }
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(try? Message(jsonBytes: bodies[index]))
            index = index + 1 == bodies.count ? 0 : index + 1
        }
    }

    Benchmark("zstd-stream decompress + scan + decode, 2,000-dispatch stream") { benchmark in
        guard let sample else { return }
        for _ in benchmark.scaledIterations {
            // A fresh context per iteration: the stream must be read from its first message.
            guard let decompressor = try? ZstdStreamDecompressor() else { return }
            var events = 0
            for message in sample.compressedMessages {
                let decoded: Bool? = try? message.withUnsafeBytes { compressed in
                    try decompressor.decompress(compressed) { json -> Bool in
                        guard let envelope = try? GatewayEnvelope.scan(json), let kind = envelope.eventName,
                              let range = envelope.dataRange else { return false }
                        let event = try? GatewayEvent.decode(kind: kind, data: UnsafeRawBufferPointer(rebasing: json[range]))
                        blackHole(event)
                        return event != nil
                    }
                }
                if decoded == true { events += 1 }
            }
            blackHole(events)
        }
    }
}
