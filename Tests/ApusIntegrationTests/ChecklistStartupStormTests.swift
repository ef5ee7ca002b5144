import ApusCompression
import ApusCore
import ApusGateway
import ApusModel
import ApusSimulator
import Testing

/// §5.8 point 14: a start-up storm — many guilds over several shards, with chatter running, must all arrive on the
/// right shard with none lost or duplicated. (Throughput is measured in the benchmarks, not asserted here.)
@Suite("Checklist 14: start-up storm", .serialized, .timeLimit(.minutes(2)))
struct ChecklistStartupStormTests {
    @Test("4 shards, 60 guilds and live chatter: every GUILD_CREATE on its shard, every shard's sequence gap-free")
    func startupStorm() async throws {
        var configuration = GatewayHarness.fastSimulatorConfiguration()
        configuration.guildCount = 60
        configuration.membersPerGuild = 25
        configuration.scriptedMessageInterval = .milliseconds(20)
        configuration.gateway.maxConcurrency = 4
        configuration.gateway.recommendedShards = 4
        configuration.gateway.heartbeatInterval = .seconds(5)
        let simulator = DiscordSimulator(configuration: configuration)
        try await simulator.start()
        var template = ShardConfiguration(token: configuration.token, intents: .default, gatewayURL: simulator.gatewayURL)
        template.compression = .zstdStream
        template.timings = .fastForTesting
        template.timings.sendWindow = configuration.gateway.sendLimitWindow
        let queue = InMemoryIdentifyQueue(maxConcurrency: 4, window: .milliseconds(150), timeSource: SystemTimeSource())
        let distributor = EventDistributor()
        let events = distributor.subscribe(to: nil, capacity: 64, policy: .wait)
        let manager = ShardManager(
            template: template, shardIDs: 0..<4, shardCount: 4, identifyQueue: queue, distributor: distributor, seed: 14
        )
        let run = Task { try await manager.run() }
        let collector = DeliveryCollector()
        let consumer = Task { while let batch = await events.nextBatch() { collector.append(contentsOf: batch) } }
        let deadline = ContinuousClock.now + .seconds(60)
        while collector.names.filter({ $0 == "GUILD_CREATE" }).count < 60 {
            try #require(ContinuousClock.now < deadline, "all 60 guilds should arrive")
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(200))
        manager.stop()
        _ = try? await run.value
        distributor.finish()
        await consumer.value
        await simulator.shutdown()

        let guildCreates = collector.all.compactMap { delivery -> (Int, Guild)? in
            if case .event(.guildCreate(let guild)) = delivery.payload { (delivery.shardID, guild) } else { nil }
        }
        #expect(guildCreates.count == 60)
        #expect(Set(guildCreates.map { $0.1.id }).count == 60, "no guild twice")
        for (shardID, guild) in guildCreates {
            #expect(ShardManager.shardID(forGuild: guild.id.rawValue, shardCount: 4) == shardID)
        }
        #expect(Set(guildCreates.map(\.0)).count == 4, "every shard got guilds")
        for shardID in 0..<4 {
            let sequences = collector.all.filter { $0.shardID == shardID }.compactMap(\.sequence)
            #expect(sequences == Array(1...(sequences.last ?? 0)), "shard \(shardID): in order, none lost or duplicated")
        }
        #expect(simulator.counters().identifyRateLimited == 0)
        #expect(manager.shards.values.allSatisfy { $0.counters.zombieCloses == 0 })
    }
}
