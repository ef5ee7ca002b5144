import ApusCompression
import ApusCore
import ApusGateway
import ApusModel
import ApusSimulator
import Foundation
import Testing

/// §5.8 points 7-11 and 13 of the protocol research, against the simulator over loopback with the real shard.
@Suite("Checklist: send limits, identify, resume, compression, JSON variation, chunking", .serialized, .timeLimit(.minutes(2)))
struct ChecklistTrafficTests {
    static func presenceUpdate(_ index: Int) -> [UInt8] {
        Array(#"{"op":3,"d":{"since":null,"activities":[{"name":"round \#(index)","type":0}],"status":"online","afk":false}}"#.utf8)
    }

    @Test("7a. a flood of presence updates never exceeds the send limit, and heartbeats still get out")
    func sendLimitFlood() async throws {
        let harness = try await GatewayHarness.start(configureSimulator: {
            $0.gateway.sendLimit = 30
            $0.gateway.sendLimitWindow = .seconds(2)
        }, configureShard: {
            $0.timings.sendLimit = 30
            $0.timings.sendWindow = .seconds(2)
        })
        try await harness.waitUntilConnected()
        for index in 0..<60 { try harness.shard.send(payload: Self.presenceUpdate(index)) }
        try await harness.waitUntil("all 60 presence updates arrived") {
            harness.clientRecords().filter { $0.opcode == 3 }.count == 60
        }
        #expect(harness.simulator.counters().serverCloses[4008] == nil)
        let records = harness.clientRecords()
        let firstUpdate = try #require(records.first { $0.opcode == 3 })
        let lastUpdate = try #require(records.last { $0.opcode == 3 })
        let beatsDuringFlood = records.filter { $0.opcode == 1 && $0.index > firstUpdate.index && $0.index < lastUpdate.index }
        #expect(!beatsDuringFlood.isEmpty, "heartbeats must interleave with a long flood")
        #expect(harness.shard.counters.zombieCloses == 0)
        await harness.stop()
    }

    @Test("7b. a command over 4096 bytes is refused locally with a clear error instead of a 4002 close")
    func oversizedCommand() async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        let huge = Array(#"{"op":3,"d":{"status":"\#(String(repeating: "x", count: 5000))"}}"#.utf8)
        #expect(throws: GatewayError.payloadTooLarge(size: huge.count, limit: 4096)) { try harness.shard.send(payload: huge) }
        #expect(harness.simulator.counters().serverCloses[4002] == nil)
        await harness.stop()
    }

    @Test("8. shards identify in rate-limit-key order with at most max_concurrency per window")
    func identifyOrder() async throws {
        var configuration = GatewayHarness.fastSimulatorConfiguration()
        configuration.guildCount = 8
        configuration.gateway.maxConcurrency = 2
        configuration.gateway.recommendedShards = 4
        configuration.gateway.identifyWindow = .seconds(1)
        let simulator = DiscordSimulator(configuration: configuration)
        try await simulator.start()
        var template = ShardConfiguration(token: configuration.token, intents: .default, gatewayURL: simulator.gatewayURL)
        template.compression = .zstdStream
        template.timings = .fastForTesting
        template.timings.sendWindow = configuration.gateway.sendLimitWindow
        // The client's window is wider than the server's 1 s: its clock starts when it hands IDENTIFY to the socket,
        // the server's when the frame arrives, and on a loaded 2-core machine the two can be far apart.
        let queue = InMemoryIdentifyQueue(
            maxConcurrency: 2, window: .milliseconds(1_500), timeSource: SystemTimeSource()
        )
        let distributor = EventDistributor()
        let events = distributor.subscribe(to: [.guildCreate])
        let manager = ShardManager(
            template: template, shardIDs: 0..<4, shardCount: 4, identifyQueue: queue, distributor: distributor, seed: 5
        )
        let run = Task { try await manager.run() }
        let collector = DeliveryCollector()
        let consumer = Task { while let batch = await events.nextBatch() { collector.append(contentsOf: batch) } }
        let deadline = ContinuousClock.now + .seconds(20)
        while simulator.counters().identifies < 4 || manager.shards.values.contains(where: { $0.phase != .connected }) {
            try #require(ContinuousClock.now < deadline, "all four shards should connect")
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(simulator.counters().identifyRateLimited == 0, "no IDENTIFY may exceed the per-key window")
        let identifies = simulator.wireLog().filter { $0.direction == .clientToServer && $0.opcode == 2 }
        let order = identifies.compactMap { $0.identify?.shardID }
        #expect(order.count == 4)
        #expect(Set(order.prefix(2)) == [0, 1] && Set(order.suffix(2)) == [2, 3], "buckets start in order")
        while collector.all.count < 8, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(collector.all.count == 8, "every guild arrives on its shard")
        #expect(Set(collector.all.map(\.shardID)).count > 1)
        manager.stop()
        _ = try? await run.value
        distributor.finish()
        await consumer.value
        await simulator.shutdown()
    }

    @Test("9. resume after a restart: the new process replays missed events in order, then RESUMED")
    func resumeAfterRestart() async throws {
        let first = try await GatewayHarness.start(compression: .zstdStream)
        try await first.waitUntilConnected()
        for index in 0..<5 { first.simulator.postMessage(content: "before \(index)") }
        try await first.waitUntil("five messages arrived") {
            first.collector.names.filter { $0 == "MESSAGE_CREATE" }.count == 5
        }
        await first.stop(keepSessionResumable: true, stopSimulator: false)
        let session = try #require(first.shard.exportSession())
        let lastSeen = try #require(first.collector.sequences.last)
        #expect(session.sequence == lastSeen)
        for index in 0..<7 { first.simulator.postMessage(content: "while away \(index)") }

        let second = try await GatewayHarness.start(compression: .zstdStream, session: session, simulator: first.simulator)
        try await second.waitUntilConnected()
        try await second.waitUntil("the seven missed messages were replayed") {
            second.collector.names.filter { $0 == "MESSAGE_CREATE" }.count == 7
        }
        let resume = try #require(second.clientRecords().first { $0.opcode == 6 })
        #expect(resume.clientSequence == lastSeen)
        #expect(resume.sessionID == session.sessionID)
        #expect(second.collector.sequences == Array((lastSeen + 1)...(lastSeen + 8)), "7 replayed + RESUMED, none lost or duplicated")
        #expect(second.collector.names.last == "RESUMED")
        #expect(second.simulator.counters().identifies == 1)
        await second.stop()
    }

    @Test("10a. zlib-stream with each message split across several WebSocket messages")
    func zlibSplitFrames() async throws {
        let harness = try await GatewayHarness.start(compression: .zlibStream, configureSimulator: { $0.gateway.zlibSplitFrames = 3 })
        try await harness.waitUntilConnected()
        for index in 0..<10 { harness.simulator.postMessage(content: "split \(index)") }
        try await harness.waitUntil("ten messages arrived") {
            harness.collector.names.filter { $0 == "MESSAGE_CREATE" }.count == 10
        }
        #expect(harness.shard.inboundCounters.corruptCompressedMessages == 0)
        #expect(harness.simulator.connections().first?.compression == "zlib-stream")
        await harness.stop()
    }

    @Test("10b. zstd-stream, including one message over 128 KiB that compresses better than 16x")
    func zstdLargeMessage() async throws {
        let harness = try await GatewayHarness.start(compression: .zstdStream, subscribe: nil)
        try await harness.waitUntilConnected()
        let guildID = try #require(harness.simulator.world.guildIDs.first)
        let content = String(repeating: "apus ", count: 400)
        let members = (0..<400).map { #"{"user":{"id":"\#(900_000_000_000_000_000 + $0)","username":"bulk","discriminator":"0","avatar":null,"global_name":null},"roles":[],"joined_at":"2024-01-01T00:00:00.000000+00:00","deaf":false,"mute":false,"flags":0,"nick":"\#(content)"}"# }
        let json = #"{"guild_id":"\#(guildID)","members":[\#(members.joined(separator: ","))],"chunk_index":0,"chunk_count":1}"#
        #expect(json.utf8.count > 128 * 1024)
        harness.simulator.dispatch(event: "GUILD_MEMBERS_CHUNK", guildID: guildID, json: json)
        try await harness.waitUntil("the large chunk arrived") { harness.collector.names.contains("GUILD_MEMBERS_CHUNK") }
        let delivery = try #require(harness.collector.all.first { if case .event(.guildMembersChunk) = $0.payload { true } else { false } })
        if case .event(.guildMembersChunk(let chunk)) = delivery.payload {
            #expect(chunk.members.count == 400)
        }
        let counters = harness.shard.inboundCounters
        #expect(counters.corruptCompressedMessages == 0)
        #expect(counters.jsonBytes > counters.wireBytes * 16)
        await harness.stop()
    }

    @Test("10c. corrupt compressed data is counted, the client closes with a non-1000 code and resumes", arguments: [TransportCompression.zlibStream, .zstdStream])
    func corruptCompressed(compression: TransportCompression) async throws {
        let harness = try await GatewayHarness.start(compression: compression)
        try await harness.waitUntilConnected()
        #expect(harness.simulator.sendCorruptCompressed() == 1)
        try await harness.waitUntil("the client resumed") { harness.simulator.counters().resumes == 1 }
        #expect(harness.shard.inboundCounters.corruptCompressedMessages == 1)
        let close = try #require(harness.clientRecords().first { $0.kind == .close })
        #expect(close.closeCode != 1000 && close.closeCode != 1001)
        try await harness.waitUntilConnected()
        await harness.stop()
    }

    @Test("11. shuffled keys, whitespace, unknown events and unknown opcodes are tolerated")
    func jsonVariation() async throws {
        let harness = try await GatewayHarness.start(configureSimulator: {
            $0.gateway.shuffleKeys = true
            $0.gateway.addWhitespace = true
        })
        try await harness.waitUntilConnected()
        for index in 0..<5 { harness.simulator.postMessage(content: "varied \(index)") }
        harness.simulator.sendUnknownDispatch(eventName: "DOESNT_MATTER")
        harness.simulator.sendRaw(text: #"{"op":43,"d":{"future":true},"s":null,"t":null}"#)
        harness.simulator.postMessage(content: "after the unknowns")
        try await harness.waitUntil("six messages arrived") {
            harness.collector.names.filter { $0 == "MESSAGE_CREATE" }.count == 6
        }
        #expect(harness.collector.names.contains("DOESNT_MATTER"))
        #expect(harness.shard.inboundCounters.unknownOpcodes == 1)
        #expect(harness.simulator.counters().resumes == 0, "unknown input must not break the connection")
        let messages = harness.collector.all.compactMap { delivery -> Message? in
            if case .event(.messageCreate(let message)) = delivery.payload { message } else { nil }
        }
        #expect(messages.map(\.content) == (0..<5).map { "varied \($0)" } + ["after the unknowns"])
        await harness.stop()
    }

    @Test("13. REQUEST_GUILD_MEMBERS returns chunks of 1000, and a second all-member request gets RATE_LIMITED")
    func memberChunking() async throws {
        let harness = try await GatewayHarness.start(configureSimulator: {
            $0.guildCount = 1
            $0.membersPerGuild = 2_500
            // Building a 2,500-member GUILD_CREATE takes the debug-built simulator seconds on a loaded machine, during
            // which it cannot ACK; a short interval would (rightly) make the client call it a zombie.
            $0.gateway.heartbeatInterval = .seconds(15)
        })
        try await harness.waitUntilConnected(timeout: .seconds(45))
        let guildID = try #require(harness.simulator.world.guildIDs.first)
        let request = Array(#"{"op":8,"d":{"guild_id":"\#(guildID)","query":"","limit":0,"nonce":"n1"}}"#.utf8)
        try harness.shard.send(payload: request)
        try await harness.waitUntil("three chunks arrived", timeout: .seconds(45)) {
            harness.collector.names.filter { $0 == "GUILD_MEMBERS_CHUNK" }.count == 3
        }
        let chunks = harness.collector.all.compactMap { delivery -> GuildMembersChunk? in
            if case .event(.guildMembersChunk(let chunk)) = delivery.payload { chunk } else { nil }
        }
        #expect(chunks.map(\.members.count).reduce(0, +) == 2_501)
        #expect(chunks.allSatisfy { $0.members.count <= 1000 })
        try harness.shard.send(payload: Array(#"{"op":8,"d":{"guild_id":"\#(guildID)","query":"","limit":0,"nonce":"n2"}}"#.utf8))
        try await harness.waitUntil("RATE_LIMITED arrived") { harness.collector.names.contains("RATE_LIMITED") }
        await harness.stop()
    }
}
