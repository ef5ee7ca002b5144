import ApusCompression
import ApusCore
import ApusGateway
import ApusModel
import ApusSimulator
import Testing

/// Malformed, truncated, oversized and undecodable frames: counted, logged, and recovered from by the protocol's rules.
@Suite("Bad gateway input", .serialized, .timeLimit(.minutes(2)))
struct BadInputTests {
    @Test("a dispatch whose body does not decode is delivered raw, counted, advances the sequence, keeps the socket")
    func undecodableDispatch() async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        #expect(harness.simulator.sendGarbageDispatch(eventName: "MESSAGE_CREATE") == 1)
        harness.simulator.postMessage(content: "still here")
        try await harness.waitUntil("the next message arrived") {
            harness.collector.names.filter { $0 == "MESSAGE_CREATE" }.count == 2
        }
        #expect(harness.shard.inboundCounters.undecodableDispatches == 1)
        let raw = harness.collector.all.filter { if case .undecodable = $0.payload { true } else { false } }
        #expect(raw.count == 1)
        let sequences = harness.collector.sequences
        #expect(sequences == Array(sequences.sorted()) && Set(sequences).count == sequences.count)
        #expect(harness.simulator.counters().resumes == 0)
        #expect(harness.clientRecords().filter { $0.kind == .close }.isEmpty)
        // The next heartbeat carries the garbage dispatch's sequence or later.
        let garbageSequence = try #require(raw.first?.sequence)
        try await harness.waitUntil("a heartbeat acknowledges the sequence") {
            harness.clientRecords().contains { $0.opcode == 1 && ($0.clientSequence ?? 0) >= garbageSequence }
        }
        await harness.stop()
    }

    @Test("an unscannable frame closes with a non-1000 code and resumes", arguments: [
        "this is not json", #"{"op":0,"s":5,"t":"MESSAGE_CREATE","d":{"id":"1""#, "[]", #"{"d":{}}"#,
    ])
    func unscannable(text: String) async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        #expect(harness.simulator.sendRaw(text: text) == 1)
        try await harness.waitUntil("the client resumed") { harness.simulator.counters().resumes == 1 }
        #expect(harness.shard.inboundCounters.unscannableFrames == 1)
        let close = try #require(harness.clientRecords().first { $0.kind == .close })
        #expect(close.closeCode != 1000 && close.closeCode != 1001)
        try await harness.waitUntilConnected()
        await harness.stop()
    }

    @Test("an uncompressed message over the size limit is skipped and counted, and the socket stays open")
    func oversized() async throws {
        let harness = try await GatewayHarness.start(configureShard: { $0.maximumMessageSize = 64 * 1024 })
        try await harness.waitUntilConnected()
        let guildID = try #require(harness.simulator.world.guildIDs.first)
        let padding = String(repeating: "z", count: 200_000)
        harness.simulator.dispatch(event: "APUS_PADDING", guildID: guildID, json: #"{"padding":"\#(padding)"}"#)
        harness.simulator.postMessage(content: "after the big one")
        try await harness.waitUntil("the next message arrived") { harness.collector.names.contains("MESSAGE_CREATE") }
        #expect(harness.shard.inboundCounters.oversizedMessages == 1)
        #expect(!harness.collector.names.contains("APUS_PADDING"))
        #expect(harness.simulator.counters().resumes == 0)
        await harness.stop()
    }

    @Test("a slow handler with a tiny wait queue never causes a false zombie close")
    func slowHandlerBackpressure() async throws {
        let harness = try await GatewayHarness.start(
            configureSimulator: { $0.gateway.heartbeatInterval = .milliseconds(300) },
            capacity: 1, policy: .wait, slowConsumer: .milliseconds(40)
        )
        try await harness.waitUntilConnected()
        for index in 0..<50 { harness.simulator.postMessage(content: "burst \(index)") }
        try await harness.waitUntil("all fifty arrived") {
            harness.collector.names.filter { $0 == "MESSAGE_CREATE" }.count == 50
        }
        #expect(harness.shard.counters.zombieCloses == 0)
        #expect(harness.simulator.counters().resumes == 0)
        await harness.stop()
    }
}
