import ApusCompression
import ApusCore
import ApusModel
import Synchronization
import Testing
@testable import ApusGateway

/// Hostile frames through the inbound pipeline: broken streams are `.broken` (close and resume), undecodable events
/// are counted and remembered for the shard's warning, and nothing traps or spins.
@Suite("Inbound hardening")
struct InboundHardeningTests {
    static func pipeline(_ compression: TransportCompression, limit: Int = 1 << 20) throws -> InboundPipeline {
        let distributor = EventDistributor()
        _ = distributor.subscribe(to: nil, capacity: 64, policy: .dropOldest)
        return try InboundPipeline(shardID: 0, compression: compression, maximumMessageSize: limit, distributor: distributor)
    }

    static func process(_ pipeline: InboundPipeline, _ bytes: [UInt8]) -> InboundItem {
        bytes.withUnsafeBytes { pipeline.process(message: $0) }
    }

    static func isBroken(_ item: InboundItem) -> Bool {
        if case .broken = item { true } else { false }
    }

    @Test("a zlib stream that ends, followed by 00 00 FF FF, breaks the connection instead of spinning",
          .timeLimit(.minutes(1)))
    func zlibStreamEnd() throws {
        let pipeline = try Self.pipeline(.zlibStream)
        let deflater = try ZlibStreamDeflater()
        let hello = try deflater.compress(Array(#"{"op":10,"d":{"heartbeat_interval":41250}}"#.utf8))
        guard case .hello = Self.process(pipeline, hello) else {
            Issue.record("the HELLO before the fault must decode")
            return
        }
        let ended = try deflater.finish(Array(#"{"op":11,"d":null}"#.utf8)) + [0x00, 0x00, 0xFF, 0xFF]
        #expect(Self.isBroken(Self.process(pipeline, ended)))
        #expect(pipeline.counters.corruptCompressedMessages == 1)
    }

    @Test("compressed pieces of one message are bounded together, before any sync flush arrives")
    func zlibPendingBound() throws {
        let pipeline = try Self.pipeline(.zlibStream, limit: 64 * 1024)
        var results: [Bool] = []
        for _ in 0..<5 { results.append(Self.isBroken(Self.process(pipeline, Array(repeating: 0x41, count: 20_000)))) }
        #expect(results == [false, false, false, true, true])
        #expect(pipeline.counters.oversizedMessages == 1)
    }

    @Test("seeded garbage through each transport is broken or ignored, never a trap or a hang",
          .timeLimit(.minutes(1)), arguments: TransportCompression.allCases)
    func garbage(compression: TransportCompression) throws {
        var random = SeededRandom(seed: 0x6A7B)
        for _ in 0..<300 {
            let pipeline = try Self.pipeline(compression, limit: 256 * 1024)
            for _ in 0..<4 {
                let count = Int(random.next() % 300)
                var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                if random.next() % 2 == 0 { bytes += [0x00, 0x00, 0xFF, 0xFF] }
                _ = Self.process(pipeline, bytes)
            }
        }
    }

    @Test("an undecodable dispatch is counted and remembered with its type and byte position")
    func undecodableRecorded() throws {
        let pipeline = try Self.pipeline(.none)
        let frame = #"{"t":"MESSAGE_CREATE","s":4,"op":0,"d":{"id":true,"channel_id":"1"}}"#
        guard case .dispatch(let sequence, _, let delivery?, _) = Self.process(pipeline, Array(frame.utf8)),
              case .undecodable(let name, _, _) = delivery.payload else {
            Issue.record("expected an undecodable delivery")
            return
        }
        #expect(sequence == 4 && name == "MESSAGE_CREATE")
        #expect(pipeline.counters.undecodableDispatches == 1)
        let bad = try #require(pipeline.takeLastUndecodable())
        #expect(bad.eventName == "MESSAGE_CREATE" && bad.sequence == 4)
        #expect(bad.offset != nil)
        #expect(pipeline.takeLastUndecodable() == nil)
    }

    @Test("a HELLO without a usable interval is broken, with the reason", arguments: [
        #"{"op":10,"d":{}}"#, #"{"op":10,"d":{"heartbeat_interval":"41250"}}"#, #"{"op":10}"#,
        #"{"op":10,"d":{"heartbeat_interval":9223372036854775808}}"#, #"{"op":10,"d":{"heartbeat_interval":1.5}}"#,
    ])
    func brokenHello(frame: String) throws {
        let item = Self.process(try Self.pipeline(.none), Array(frame.utf8))
        guard case .broken(let reason) = item else {
            Issue.record("expected broken, got \(item)")
            return
        }
        #expect(reason.contains("HELLO"))
    }

    @Test("log lines of one kind are limited per window, and the next allowed line counts the suppressed ones")
    func logRateLimiter() {
        var limiter = LogRateLimiter(limit: 3, window: .seconds(60))
        var now = MonotonicTime.zero
        var allowed: [Bool] = []
        for _ in 0..<10 {
            allowed.append(limiter.admit(now: now).allowed)
            now = now + .seconds(1)
        }
        #expect(allowed == [true, true, true, false, false, false, false, false, false, false])
        let next = limiter.admit(now: .zero + .seconds(61))
        #expect(next.allowed && next.suppressed == 7)
        #expect(limiter.admit(now: .zero + .seconds(62)).suppressed == 0)
    }

    @Test("an IDENTIFY wait cancelled before its slot gives the daily budget back")
    func cancelledIdentifyRefunds() async throws {
        let clock = ManualTimeSource()
        let queue = InMemoryIdentifyQueue(
            maxConcurrency: 1, total: 1000, remaining: 10, window: .seconds(5), timeSource: clock
        )
        try await queue.waitForTurn(shardID: 0)
        #expect(await queue.remainingSessionStarts == 9)
        let waiting = Task { try await queue.waitForTurn(shardID: 0) }
        while clock.sleeperCount == 0 { await Task.yield() }
        #expect(await queue.remainingSessionStarts == 8)
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(await queue.remainingSessionStarts == 9)
    }
}
