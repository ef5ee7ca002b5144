import ApusCompression
import ApusSimulator
import Foundation
import Testing

/// The gateway over loopback with a real WebSocket client.
@Suite(.timeLimit(.minutes(1)))
struct GatewayLoopbackTests {
    @Test func helloIdentifyReadyGuildCreateAndHeartbeat() async throws {
        try await withSimulator({ $0.guildCount = 2; $0.gateway.heartbeatInterval = .milliseconds(12_345) }) { simulator in
            let client = TestGatewayClient(url: simulator.connectURL())
            let hello = try await client.nextPayload()
            let helloData = try #require(hello["d"] as? [String: Any])
            #expect(helloData["heartbeat_interval"] as? Int == 12_345)
            #expect(helloData["_trace"] is [Any])
            client.send(#"{"op":1,"d":null}"#)
            #expect(try await client.nextPayload()["op"] as? Int == 11)
            client.send(simulator.identifyPayload())
            let ready = try await client.nextPayload()
            #expect(ready["t"] as? String == "READY" && ready["s"] as? Int == 1)
            let data = try #require(ready["d"] as? [String: Any])
            #expect(data["v"] as? Int == 10)
            #expect((data["resume_gateway_url"] as? String)?.hasSuffix("/resume") == true)
            #expect((data["shard"] as? [Int]) == [0, 1])
            #expect((data["guilds"] as? [Any])?.count == 2)
            #expect(data["user"] is [String: Any] && data["application"] is [String: Any])
            var guildIDs: [String] = []
            for expectedSequence in 2...3 {
                let guildCreate = try await client.nextPayload()
                #expect(guildCreate["t"] as? String == "GUILD_CREATE" && guildCreate["s"] as? Int == expectedSequence)
                guildIDs.append(try #require((guildCreate["d"] as? [String: Any])?["id"] as? String))
            }
            #expect(Set(guildIDs) == Set(simulator.world.guildIDs.map(String.init)))
            client.send(#"{"op":1,"d":3}"#)
            #expect(try await client.nextPayload()["op"] as? Int == 11)

            let log = simulator.wireLog()
            let identify = try #require(log.first { $0.opcode == 2 && $0.direction == .clientToServer })
            #expect(identify.identify?.intents == 513 && identify.identify?.properties["browser"] == "apus-test")
            #expect(log.contains { $0.direction == .clientToServer && $0.opcode == 1 && $0.clientSequence == 3 })
            let outbound = log.filter { $0.direction == .serverToClient }.compactMap(\.eventName)
            #expect(outbound == ["READY", "GUILD_CREATE", "GUILD_CREATE"])
            let counters = simulator.counters()
            #expect(counters.identifies == 1 && counters.heartbeats == 2 && counters.heartbeatACKs == 2)
        }
    }

    struct CloseCase: Sendable, CustomTestStringConvertible {
        let name: String
        let payloads: [String]
        let code: Int
        var testDescription: String { name }
    }

    static let closeCases: [CloseCase] = [
        .init(name: "4001 unknown opcode", payloads: [#"{"op":77,"d":null}"#], code: 4001),
        .init(name: "4002 not JSON", payloads: ["{{{"], code: 4002),
        .init(name: "4002 over 4096 bytes", payloads: [#"{"op":1,"d":null,"p":""# + String(repeating: "x", count: 4100) + "\"}"],
              code: 4002),
        .init(name: "4003 before identify", payloads: [#"{"op":3,"d":{"status":"idle","since":0,"activities":[],"afk":false}}"#],
              code: 4003),
        .init(name: "4004 wrong token", payloads: ["TOKEN:wrong"], code: 4004),
        .init(name: "4005 second identify", payloads: ["IDENTIFY", "IDENTIFY"], code: 4005),
        .init(name: "4010 bad shard", payloads: ["SHARD:[5,2]"], code: 4010),
        .init(name: "4013 invalid intents", payloads: ["INTENTS:4294967296"], code: 4013),
        .init(name: "4014 disallowed intents", payloads: ["INTENTS:2"], code: 4014),
    ]

    @Test(arguments: closeCases)
    func rejectionsCloseWithTheirCode(_ closeCase: CloseCase) async throws {
        try await withSimulator({ $0.gateway.privilegedIntentsAllowed = false }) { simulator in
            let client = TestGatewayClient(url: simulator.connectURL())
            _ = try await client.nextPayload()  // HELLO
            for payload in closeCase.payloads {
                switch payload {
                case "IDENTIFY": client.send(simulator.identifyPayload())
                case let text where text.hasPrefix("TOKEN:"): client.send(simulator.identifyPayload(token: String(text.dropFirst(6))))
                case let text where text.hasPrefix("INTENTS:"): client.send(simulator.identifyPayload(intents: Int(text.dropFirst(8)) ?? 0))
                case "SHARD:[5,2]": client.send(simulator.identifyPayload(shard: (5, 2)))
                default: client.send(payload)
                }
            }
            #expect(try await client.closeCode() == closeCase.code)
            try await simulator.waitUntil(timeout: .seconds(5)) { $0.counters().serverCloses[closeCase.code] == 1 }
            #expect(simulator.wireLog().contains {
                $0.kind == .close && $0.direction == .serverToClient && $0.closeCode == closeCase.code
            })
        }
    }

    @Test func sendLimitClosesWith4008AtThePayloadOverTheLimit() async throws {
        try await withSimulator({ $0.gateway.sendLimit = 10 }) { simulator in
            let identified = try await connectAndIdentify(simulator)
            // IDENTIFY was payload 1; 9 more are allowed, the 11th closes.
            for _ in 0..<10 { identified.client.send(#"{"op":3,"d":{"status":"online","since":null,"activities":[],"afk":false}}"#) }
            #expect(try await identified.client.closeCode() == 4008)
            let inbound = simulator.wireLog().filter { $0.direction == .clientToServer && $0.kind == .payload }
            #expect(inbound.count == 11)
            #expect(simulator.counters().serverCloses[4008] == 1)
        }
    }

    @Test func resumeReplaysMissedDispatchesInOrderThenResumed() async throws {
        try await withSimulator { simulator in
            let first = try await connectAndIdentify(simulator)
            first.client.close(code: 4000)
            _ = try await first.client.closeCode()
            try await simulator.waitUntil(timeout: .seconds(5)) { $0.connections().first?.isOpen == false }
            let guildID = try #require(simulator.world.guildIDs.first)
            for index in 1...3 {
                simulator.dispatch(event: "APUS_TEST_EVENT", guildID: guildID, json: #"{"n":\#(index)}"#)
            }
            let second = TestGatewayClient(url: simulator.connectURL(resume: true))
            _ = try await second.nextPayload()  // HELLO
            second.send(#"{"op":6,"d":{"token":"\#(simulator.configuration.token)","session_id":"\#(first.sessionID)","seq":\#(first.lastSequence)}}"#)
            var numbers: [Int] = []
            var sequences: [Int] = []
            for _ in 1...3 {
                let payload = try await second.nextPayload()
                #expect(payload["t"] as? String == "APUS_TEST_EVENT")
                numbers.append(try #require((payload["d"] as? [String: Any])?["n"] as? Int))
                sequences.append(try #require(payload["s"] as? Int))
            }
            #expect(numbers == [1, 2, 3])
            #expect(sequences == [first.lastSequence + 1, first.lastSequence + 2, first.lastSequence + 3])
            let resumed = try await second.nextPayload()
            #expect(resumed["t"] as? String == "RESUMED" && resumed["s"] as? Int == first.lastSequence + 4)
            let connections = simulator.connections()
            #expect(connections.count == 2 && connections[1].usedResumeURL && connections[1].sessionID == first.sessionID)
            #expect(simulator.wireLog().contains { $0.opcode == 6 && $0.clientSequence == first.lastSequence })
            #expect(simulator.counters().resumes == 1 && simulator.counters().replayedDispatches == 3)
        }
    }

    @Test func resumeAfterNormalCloseOrUnknownSessionGetsInvalidSessionAndNewerSeqGets4007() async throws {
        try await withSimulator { simulator in
            let first = try await connectAndIdentify(simulator)
            // A seq newer than the server's closes 4007.
            let ahead = TestGatewayClient(url: simulator.connectURL(resume: true))
            _ = try await ahead.nextPayload()
            ahead.send(#"{"op":6,"d":{"token":"\#(simulator.configuration.token)","session_id":"\#(first.sessionID)","seq":\#(first.lastSequence + 50)}}"#)
            #expect(try await ahead.closeCode() == 4007)
            // Closing with 1000 invalidates the session.
            first.client.close(code: 1000)
            _ = try await first.client.closeCode()
            try await simulator.waitUntil(timeout: .seconds(5)) { $0.gateway.sessionIDs().isEmpty }
            let second = TestGatewayClient(url: simulator.connectURL(resume: true))
            _ = try await second.nextPayload()
            second.send(#"{"op":6,"d":{"token":"\#(simulator.configuration.token)","session_id":"\#(first.sessionID)","seq":\#(first.lastSequence)}}"#)
            let invalid = try await second.nextPayload()
            #expect(invalid["op"] as? Int == 9 && invalid["d"] as? Bool == false)
        }
    }

    @Test func identifyConcurrencyAnswersOp9AndCounts() async throws {
        try await withSimulator({ $0.gateway.identifyWindow = .seconds(60) }) { simulator in
            _ = try await connectAndIdentify(simulator)
            let second = TestGatewayClient(url: simulator.connectURL())
            _ = try await second.nextPayload()
            second.send(simulator.identifyPayload())
            let invalid = try await second.nextPayload()
            #expect(invalid["op"] as? Int == 9 && invalid["d"] as? Bool == false)
            #expect(simulator.counters().identifyRateLimited == 1 && simulator.counters().identifies == 1)
            #expect(simulator.gateway.sessionStartLimit().remaining == 999)
        }
    }
}
