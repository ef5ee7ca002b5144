import ApusCompression
import ApusSimulator
import Foundation
import Testing

/// Member chunking, transport compression, JSON variation and scripted chatter over loopback.
@Suite(.timeLimit(.minutes(1)))
struct GatewayFeatureTests {
    @Test func requestGuildMembersChunksThenRateLimitsTheSecondAllMembersRequest() async throws {
        try await withSimulator({ $0.membersPerGuild = 20; $0.gateway.memberChunkSize = 7 }) { simulator in
            let identified = try await connectAndIdentify(simulator)
            let guildID = try #require(simulator.world.guildIDs.first)
            let expected = simulator.world.memberJSONs(guildID: guildID, query: "", userIDs: nil, limit: 0).count
            #expect(expected >= 20)
            let request = #"{"op":8,"d":{"guild_id":"\#(guildID)","query":"","limit":0,"nonce":"chunk-1"}}"#
            identified.client.send(request)
            let chunkCount = (expected + 6) / 7
            var received = 0
            for index in 0..<chunkCount {
                let chunk = try await identified.client.nextPayload()
                #expect(chunk["t"] as? String == "GUILD_MEMBERS_CHUNK")
                let data = try #require(chunk["d"] as? [String: Any])
                #expect(data["chunk_index"] as? Int == index && data["chunk_count"] as? Int == chunkCount)
                #expect(data["nonce"] as? String == "chunk-1" && data["guild_id"] as? String == String(guildID))
                received += (data["members"] as? [Any])?.count ?? 0
            }
            #expect(received == expected)
            identified.client.send(request.replacingOccurrences(of: "chunk-1", with: "chunk-2"))
            let limited = try await identified.client.nextPayload()
            #expect(limited["t"] as? String == "RATE_LIMITED")
            let data = try #require(limited["d"] as? [String: Any])
            #expect(data["opcode"] as? Int == 8)
            #expect(((data["retry_after"] as? Double) ?? 0) > 0)
            let meta = try #require(data["meta"] as? [String: Any])
            #expect(meta["guild_id"] as? String == String(guildID) && meta["nonce"] as? String == "chunk-2")
            // A user_ids request is not an all-members request: no cooldown.
            let memberID = try #require(simulator.world.memberIDs(guildID: guildID).first)
            identified.client.send(#"{"op":8,"d":{"guild_id":"\#(guildID)","user_ids":["\#(memberID)"],"limit":0}}"#)
            let byID = try await identified.client.nextPayload()
            #expect(byID["t"] as? String == "GUILD_MEMBERS_CHUNK")
            #expect(((byID["d"] as? [String: Any])?["members"] as? [Any])?.count == 1)
            #expect(simulator.counters().memberRequestsRateLimited == 1)
        }
    }

    @Test(arguments: [TransportCompression.zlibStream, .zstdStream])
    func transportCompressionRoundTrips(_ compression: TransportCompression) async throws {
        try await withSimulator({ $0.guildCount = 2; $0.gateway.zlibSplitFrames = 3 }) { simulator in
            let identified = try await connectAndIdentify(simulator, compression: compression)
            identified.client.send(#"{"op":1,"d":1}"#)
            #expect(try await identified.client.nextPayload()["op"] as? Int == 11)
            let big = #"{"blob":""# + String(repeating: "a", count: 300_000) + #""}"#
            simulator.dispatch(event: "APUS_BIG", guildID: nil, json: big)
            let payload = try await identified.client.nextPayload()
            #expect(((payload["d"] as? [String: Any])?["blob"] as? String)?.count == 300_000)
            #expect(simulator.connections().first?.compression == compression.rawValue)
        }
    }

    @Test func shuffledKeysAndWhitespaceStillParse() async throws {
        try await withSimulator({ $0.gateway.shuffleKeys = true; $0.gateway.addWhitespace = true }) { simulator in
            let identified = try await connectAndIdentify(simulator)
            #expect(identified.ready["session_id"] is String)
            let texts = simulator.wireLog().filter { $0.direction == .serverToClient && $0.kind == .payload }.map(\.text)
            #expect(texts.contains { !$0.hasPrefix(#"{"t":"#) })
        }
    }

    @Test func scriptedChatterReachesShardZero() async throws {
        try await withSimulator({ $0.scriptedMessageInterval = .milliseconds(20) }) { simulator in
            let identified = try await connectAndIdentify(simulator)
            let message = try await identified.client.nextPayload()
            #expect(message["t"] as? String == "MESSAGE_CREATE")
            #expect((message["s"] as? Int ?? 0) > identified.lastSequence)
        }
    }

    @Test func postMessageDispatchesMessageCreate() async throws {
        try await withSimulator { simulator in
            let identified = try await connectAndIdentify(simulator)
            let channelID = try #require(simulator.world.textChannelIDs.first)
            let posted = try #require(simulator.postMessage(channelID: channelID, authorID: nil, content: "hello apus"))
            #expect(posted.contains("hello apus"))
            let message = try await identified.client.nextPayload()
            #expect(message["t"] as? String == "MESSAGE_CREATE")
            #expect((message["d"] as? [String: Any])?["content"] as? String == "hello apus")
        }
    }
}
