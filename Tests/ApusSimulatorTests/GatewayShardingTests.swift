import ApusCore
import ApusSimulator
import Foundation
import Testing

/// Shard routing, identify limits and the injected clock (resume window, all-members cooldown).
@Suite(.timeLimit(.minutes(1)))
struct GatewayShardingTests {
    /// Connects, identifies as `shard`, and returns the client with the guild ids of its GUILD_CREATEs.
    static func identify(
        _ simulator: DiscordSimulator, shard: (Int, Int), expectedGuilds: Int
    ) async throws -> (TestGatewayClient, [String]) {
        let client = TestGatewayClient(url: simulator.connectURL())
        _ = try await client.nextPayload()
        client.send(simulator.identifyPayload(shard: shard))
        let ready = try await client.nextPayload()
        #expect(ready["t"] as? String == "READY")
        #expect((ready["d"] as? [String: Any])?["shard"] as? [Int] == [shard.0, shard.1])
        var guilds: [String] = []
        for _ in 0..<expectedGuilds {
            let guildCreate = try await client.nextPayload()
            #expect(guildCreate["t"] as? String == "GUILD_CREATE")
            guilds.append(try #require((guildCreate["d"] as? [String: Any])?["id"] as? String))
        }
        return (client, guilds)
    }

    @Test func guildsAndDispatchesGoToTheirShard() async throws {
        try await withSimulator({ $0.guildCount = 6; $0.gateway.maxConcurrency = 2 }) { simulator in
            let byShard = Dictionary(grouping: simulator.world.guildIDs) { Int(($0 >> 22) % 2) }
            let (shard0, guilds0) = try await Self.identify(simulator, shard: (0, 2), expectedGuilds: byShard[0]?.count ?? 0)
            let (shard1, guilds1) = try await Self.identify(simulator, shard: (1, 2), expectedGuilds: byShard[1]?.count ?? 0)
            #expect(Set(guilds0) == Set((byShard[0] ?? []).map(String.init)))
            #expect(Set(guilds1) == Set((byShard[1] ?? []).map(String.init)))
            // A guild event reaches only its shard; an event without a guild reaches shard 0.
            let target = try #require(byShard[1]?.first)
            simulator.dispatch(event: "APUS_GUILD_EVENT", guildID: target, json: #"{"x":1}"#)
            simulator.dispatch(event: "APUS_DM_EVENT", guildID: nil, json: #"{"x":2}"#)
            #expect(try await shard1.nextPayload()["t"] as? String == "APUS_GUILD_EVENT")
            #expect(try await shard0.nextPayload()["t"] as? String == "APUS_DM_EVENT")
            let events = simulator.wireLog().filter { $0.direction == .serverToClient }
            #expect(events.filter { $0.eventName == "APUS_GUILD_EVENT" }.map(\.shardID) == [1])
            #expect(events.filter { $0.eventName == "APUS_DM_EVENT" }.map(\.shardID) == [0])
            #expect(simulator.counters().identifies == 2 && simulator.counters().identifyRateLimited == 0)
        }
    }

    @Test func exhaustedSessionStartLimitRefusesIdentify() async throws {
        try await withSimulator { simulator in
            simulator.setSessionStartRemaining(0)
            #expect(simulator.gateway.sessionStartLimit().remaining == 0)
            let client = TestGatewayClient(url: simulator.connectURL())
            _ = try await client.nextPayload()
            client.send(simulator.identifyPayload())
            let refused = try await client.nextPayload()
            #expect(refused["op"] as? Int == 9 && refused["d"] as? Bool == false)
            #expect(simulator.counters().sessionStartLimitExhausted == 1 && simulator.counters().identifies == 0)
        }
    }

    @Test func resumeWindowAndMemberCooldownFollowTheInjectedClock() async throws {
        let clock = ManualTimeSource()
        var configuration = SimulatorConfiguration()
        configuration.gateway.resumeWindow = .seconds(60)
        configuration.gateway.allMembersCooldown = .seconds(30)
        let simulator = DiscordSimulator(configuration: configuration, timeSource: clock)
        try await simulator.start()
        do {
            let identified = try await connectAndIdentify(simulator)
            let guildID = try #require(simulator.world.guildIDs.first)
            let request = #"{"op":8,"d":{"guild_id":"\#(guildID)","query":"","limit":0}}"#
            identified.client.send(request)
            #expect(try await identified.client.nextPayload()["t"] as? String == "GUILD_MEMBERS_CHUNK")
            clock.advance(by: .seconds(31))  // the cooldown has passed
            identified.client.send(request)
            #expect(try await identified.client.nextPayload()["t"] as? String == "GUILD_MEMBERS_CHUNK")
            #expect(simulator.counters().memberRequestsRateLimited == 0)

            identified.client.close(code: 4000)
            _ = try await identified.client.closeCode()
            try await simulator.waitUntil(timeout: .seconds(5)) { $0.connections().first?.isOpen == false }
            clock.advance(by: .seconds(61))  // past the resume window
            let late = TestGatewayClient(url: simulator.connectURL(resume: true))
            _ = try await late.nextPayload()
            late.send(#"{"op":6,"d":{"token":"\#(configuration.token)","session_id":"\#(identified.sessionID)","seq":\#(identified.lastSequence)}}"#)
            let refused = try await late.nextPayload()
            #expect(refused["op"] as? Int == 9 && refused["d"] as? Bool == false)
            #expect(simulator.counters().failedResumes == 1)
        } catch {
            await simulator.shutdown()
            throw error
        }
        await simulator.shutdown()
    }
}
