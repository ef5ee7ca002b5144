import ApusCompression
import ApusCore
import ApusGateway
import ApusModel
import ApusSimulator
import Foundation
import Testing

/// A real shard (and the `apus` binary) against a simulator that misbehaves on purpose: hostile HELLOs, a zlib
/// stream that ends, a gateway that moves to a new port. The shard stays alive, reconnects with backoff, RESUMEs
/// where it can, and never storms.
@Suite("Gateway hardening against the simulator", .serialized, .timeLimit(.minutes(2)))
struct GatewayHardeningTests {
    static func startSimulator() async throws -> DiscordSimulator {
        let simulator = DiscordSimulator(configuration: GatewayHarness.fastSimulatorConfiguration())
        try await simulator.start()
        return simulator
    }

    @Test("a hostile HELLO interval gets bounded, backed-off reconnects, no heartbeats, and the shard recovers",
          arguments: ["0", "-5", "9223372036854775807", #""41250""#, "1e400", ""])
    func hostileHello(raw: String) async throws {
        let simulator = try await Self.startSimulator()
        simulator.inject(.helloHeartbeatInterval(raw))
        let harness = try await GatewayHarness.start(simulator: simulator)
        try await harness.waitUntil("three connections were refused and counted as failed by the shard") {
            simulator.counters().connections >= 3 && harness.shard.counters.failedConnections >= 3
        }
        try await Task.sleep(for: .milliseconds(500))
        let connections = simulator.counters().connections
        // fastForTesting backs off 10-20, 20-40, 40-80, 80-160 ms, then 100-200 ms: a storm would be thousands.
        #expect(connections <= 25, "\(connections) connections")
        #expect(simulator.counters().heartbeats == 0, "a broken HELLO must never start heartbeats")
        #expect(simulator.counters().identifies == 0)
        #expect(harness.shard.counters.failedConnections >= 3)
        let closes = harness.clientRecords().filter { $0.kind == .close }.compactMap(\.closeCode)
        #expect(!closes.isEmpty && closes.allSatisfy { $0 != 1000 && $0 != 1001 }, "\(closes)")

        simulator.inject(.helloHeartbeatInterval(nil))
        try await harness.waitUntilConnected()
        #expect(simulator.counters().identifies == 1)
        await harness.stop()
    }

    @Test("a zlib stream that ends mid-connection is closed with a resumable code and the session RESUMEs")
    func zlibStreamEnd() async throws {
        let harness = try await GatewayHarness.start(compression: .zlibStream)
        try await harness.waitUntilConnected()
        #expect(harness.simulator.inject(.endCompressedStream(text: #"{"t":null,"s":null,"op":11,"d":null}"#)) == 1)
        try await harness.waitUntil("the shard resumed") { harness.simulator.counters().resumes == 1 }
        try await harness.waitUntilConnected()
        let closes = harness.clientRecords().filter { $0.kind == .close }.compactMap(\.closeCode)
        #expect(closes.first.map { $0 != 1000 && $0 != 1001 } == true, "\(closes)")
        #expect(harness.shard.inboundCounters.corruptCompressedMessages == 1)
        #expect(harness.simulator.counters().identifies == 1)
        await harness.stop()
    }

    @Test("a gateway that restarts on a new port is found through the URL provider, and the session RESUMEs there")
    func gatewayMoves() async throws {
        let simulator = try await Self.startSimulator()
        let harness = try await GatewayHarness.start(simulator: simulator, configureShard: { configuration in
            configuration.gatewayURLProvider = { simulator.gatewayURL }
        })
        try await harness.waitUntilConnected()
        let oldURL = simulator.gatewayURL
        await simulator.shutdown()
        try await simulator.start()
        let newURL = simulator.gatewayURL
        try #require(newURL != oldURL, "the restarted gateway must listen on a new port")
        try await harness.waitUntil("the shard resumed on the new port", timeout: .seconds(30)) {
            simulator.counters().resumes == 1 && harness.shard.phase == .connected
        }
        #expect(harness.shard.gatewayURL == newURL)
        #expect(harness.shard.counters.gatewayURLRefreshes >= 1)
        #expect(simulator.counters().identifies == 1, "the session resumed instead of identifying again")
        await harness.stop()
    }

    @Test("an undecodable event is counted and still delivered as raw JSON")
    func undecodableCounted() async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        #expect(harness.simulator.sendGarbageDispatch() == 1)
        try await harness.waitUntil("the garbage event was counted") {
            harness.shard.inboundCounters.undecodableDispatches == 1
        }
        try await harness.waitUntil("the garbage event was delivered") {
            harness.collector.all.contains { if case .undecodable = $0.payload { true } else { false } }
        }
        #expect(harness.shard.phase == .connected)
        await harness.stop()
    }
}

/// `apus run` (the built binary) against an in-process simulator that sends hostile HELLOs: the process keeps
/// running, reconnects a handful of times, and identifies once the HELLO is fixed.
@Suite("apus run against hostile HELLOs (subprocess)", .serialized, .timeLimit(.minutes(2)))
struct GatewayProcessHardeningTests {
    @Test("apus run survives a hostile HELLO without a signal or a reconnect storm",
          .enabled(if: FileManager.default.isExecutableFile(atPath: CLIProcessTests.binary)),
          arguments: ["9223372036854775807", "0", #""soon""#])
    func hostileHello(raw: String) async throws {
        let simulator = try await GatewayHardeningTests.startSimulator()
        simulator.inject(.helloHeartbeatInterval(raw))
        let databasePath = FileManager.default.temporaryDirectory
            .appendingPathComponent("apus-hello-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) } }
        let (bot, output) = try CLIProcessTests.start(
            ["run", "--api-base", simulator.apiBaseURL, "--gateway-url", simulator.gatewayURL, "--database", databasePath],
            environment: ["DISCORD_TOKEN": simulator.configuration.token]
        )
        defer { if bot.isRunning { bot.terminate() } }
        let deadline = ContinuousClock.now + .seconds(60)
        while simulator.counters().connections < 3 {
            try #require(bot.isRunning, "apus run exited (status \(bot.terminationStatus)); output:\n\(output.text)")
            try #require(ContinuousClock.now < deadline, "apus run did not reconnect; output:\n\(output.text)")
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(bot.isRunning, "output:\n\(output.text)")
        // Discord's timings: 0.5-1 s, 1-2 s, 2-4 s… between attempts; a storm would be thousands a second.
        #expect(simulator.counters().connections <= 6, "\(simulator.counters().connections) connections")
        #expect(simulator.counters().heartbeats == 0)
        simulator.inject(.helloHeartbeatInterval(nil))
        while simulator.counters().identifies < 1 {
            try #require(bot.isRunning, "apus run exited; output:\n\(output.text)")
            try #require(ContinuousClock.now < deadline, "apus run never identified; output:\n\(output.text)")
            try await Task.sleep(for: .milliseconds(50))
        }
        bot.terminate()
        while bot.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(bot.terminationReason == .exit, "apus run must exit, not die of a signal; output:\n\(output.text)")
        #expect(bot.terminationStatus == 0, "output:\n\(output.text)")
        await simulator.shutdown()
    }

    @Test("apus run survives corrupt compressed data, garbage frames, a zlib stream that ends, and a torn TCP connection, and resumes",
          .enabled(if: FileManager.default.isExecutableFile(atPath: CLIProcessTests.binary)),
          arguments: ["zstd-stream", "zlib-stream"])
    func garbageFrames(compression: String) async throws {
        let simulator = try await GatewayHardeningTests.startSimulator()
        let databasePath = FileManager.default.temporaryDirectory
            .appendingPathComponent("apus-garbage-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) } }
        let (bot, output) = try CLIProcessTests.start(
            ["run", "--api-base", simulator.apiBaseURL, "--gateway-url", simulator.gatewayURL, "--database", databasePath,
             "--compression", compression],
            environment: ["DISCORD_TOKEN": simulator.configuration.token]
        )
        defer { if bot.isRunning { bot.terminate() } }
        let deadline = ContinuousClock.now + .seconds(60)
        func waitFor(_ what: String, _ condition: () -> Bool) async throws {
            while !condition() {
                try #require(bot.isRunning, "apus run exited (status \(bot.terminationStatus)); output:\n\(output.text)")
                try #require(ContinuousClock.now < deadline, "timed out waiting until \(what); output:\n\(output.text)")
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        try await waitFor("apus run identified") { simulator.counters().identifies == 1 && simulator.gateway.sessionIDs().count == 1 }
        var random = SeededRandom(seed: 0xBAD)
        var faults: [GatewayFault] = [
            .sendCorruptCompressed,
            .sendRawBinary((0..<300).map { _ in UInt8(truncatingIfNeeded: random.next()) }),
            .sendRawText(#"{"op":10,"d":{"heartbeat_interval":0}"#),
            .sendRawBinary([0x28, 0xB5, 0x2F, 0xFD, 0xFF, 0xFF, 0xFF, 0xFF]),
            .cutTCP,
        ]
        if compression == "zlib-stream" {
            // A complete zlib stream followed by the sync-flush marker: the spin of issue #9, through the real process.
            faults.insert(.endCompressedStream(text: #"{"t":null,"s":null,"op":11,"d":null}"#), at: 0)
        }
        for (index, fault) in faults.enumerated() {
            try await waitFor("a connection is open before fault \(index)") {
                simulator.connections().contains { $0.isOpen && $0.sessionID != nil }
            }
            simulator.inject(fault)
            try await waitFor("the session resumed after fault \(index)") { simulator.counters().resumes == index + 1 }
        }
        #expect(simulator.counters().identifies == 1, "every fault was survived by a RESUME, not a new session")
        #expect(simulator.counters().connections <= faults.count + 3, "\(simulator.counters().connections) connections")
        bot.terminate()
        while bot.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(bot.terminationReason == .exit && bot.terminationStatus == 0, "output:\n\(output.text)")
        await simulator.shutdown()
    }
}
