import ApusCompression
import ApusSimulator
import Foundation
import Testing

/// Starts a simulator on an ephemeral loopback port, runs `body`, and always shuts it down.
func withSimulator(
    _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
    _ body: (DiscordSimulator) async throws -> Void
) async throws {
    var configuration = SimulatorConfiguration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configure(&configuration)
    let simulator = DiscordSimulator(configuration: configuration)
    try await simulator.start()
    do {
        try await body(simulator)
    } catch {
        await simulator.shutdown()
        throw error
    }
    await simulator.shutdown()
}

extension DiscordSimulator {
    /// The gateway URL with the query a client sends.
    func connectURL(compression: TransportCompression = .none, resume: Bool = false) -> String {
        let base = resume ? gateway.resumeGatewayURL : gatewayURL
        var url = base + (resume ? "?" : "/?") + "v=10&encoding=json"
        if let value = compression.queryValue { url += "&compress=\(value)" }
        return url
    }

    /// An IDENTIFY payload for this simulator.
    func identifyPayload(intents: Int = 513, shard: (Int, Int)? = nil, token: String? = nil) -> String {
        let shardField = shard.map { #","shard":[\#($0.0),\#($0.1)]"# } ?? ""
        return #"{"op":2,"d":{"token":"\#(token ?? configuration.token)","intents":\#(intents),"#
            + #""properties":{"os":"linux","browser":"apus-test","device":"apus-test"}\#(shardField)}}"#
    }
}

/// A client that has identified: its session id and the last sequence number it saw.
struct IdentifiedClient {
    let client: TestGatewayClient
    let sessionID: String
    var lastSequence: Int
    let ready: [String: Any]
}

/// Connects, checks HELLO, identifies, and reads READY plus every GUILD_CREATE of shard 0 of 1.
func connectAndIdentify(
    _ simulator: DiscordSimulator, compression: TransportCompression = .none
) async throws -> IdentifiedClient {
    let client = TestGatewayClient(url: simulator.connectURL(compression: compression), compression: compression)
    let hello = try await client.nextPayload()
    #expect(hello["op"] as? Int == 10)
    client.send(simulator.identifyPayload())
    let ready = try await client.nextPayload()
    #expect(ready["t"] as? String == "READY")
    let data = try #require(ready["d"] as? [String: Any])
    let sessionID = try #require(data["session_id"] as? String)
    var last = try #require(ready["s"] as? Int)
    for _ in simulator.world.guildIDs {
        let guildCreate = try await client.nextPayload()
        #expect(guildCreate["t"] as? String == "GUILD_CREATE")
        last = try #require(guildCreate["s"] as? Int)
    }
    return IdentifiedClient(client: client, sessionID: sessionID, lastSequence: last, ready: data)
}
