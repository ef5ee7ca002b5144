import ApusSimulator
import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// The HTTP side of the server: the `/_sim` control API and the routing of unknown paths.
@Suite(.timeLimit(.minutes(1)))
struct SimulatorControlAPITests {
    static func request(
        _ method: String, _ url: String, body: String? = nil, headers: [(String, String)] = []
    ) async throws -> (status: Int, json: [String: Any]) {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any]
        return (Int(response.status.code), object ?? [:])
    }

    @Test func infoFaultsWireAndUnknownPaths() async throws {
        try await withSimulator { simulator in
            let info = try await Self.request("GET", simulator.controlURL + "/info")
            #expect(info.status == 200)
            #expect(info.json["token"] as? String == simulator.configuration.token)
            #expect(info.json["gateway_url"] as? String == simulator.gatewayURL)
            #expect(info.json["bot_user_id"] as? String == String(simulator.configuration.botUserID))

            let identified = try await connectAndIdentify(simulator)
            let fault = try await Self.request("POST", simulator.controlURL + "/faults", body: #"{"fault":"reconnect","shard":0}"#)
            #expect(fault.status == 200 && fault.json["targeted"] as? Int == 1)
            #expect(try await identified.client.nextPayload()["op"] as? Int == 7)
            let badFault = try await Self.request("POST", simulator.controlURL + "/faults", body: #"{"fault":"explode"}"#)
            #expect(badFault.status == 400)

            let wire = try await Self.request("GET", simulator.controlURL + "/wire")
            let records = try #require(wire.json["records"] as? [[String: Any]])
            #expect(records.contains { $0["t"] as? String == "READY" && $0["direction"] as? String == "out" })
            #expect(records.contains { ($0["identify"] as? [String: Any])?["intents"] as? Int == 513 })

            let counters = try await Self.request("GET", simulator.controlURL + "/counters")
            #expect(counters.json["identifies"] as? Int == 1)
            let limit = try await Self.request("GET", simulator.controlURL + "/session-start-limit")
            #expect(limit.json["remaining"] as? Int == 999 && limit.json["max_concurrency"] as? Int == 1)

            let missing = try await Self.request("GET", "http://127.0.0.1:\(simulator.port)/nothing-here")
            #expect(missing.status == 404 && missing.json["message"] != nil)
        }
    }

    @Test func unsupportedVersionClosesWith4012() async throws {
        try await withSimulator { simulator in
            let badVersion = TestGatewayClient(url: simulator.gatewayURL + "/?v=3&encoding=json")
            let versionCode = try await badVersion.closeCode()
            #expect(versionCode == 4012)
        }
    }

    @Test func unknownCompressionIsRefused() async throws {
        try await withSimulator { simulator in
            let badCompression = TestGatewayClient(url: simulator.gatewayURL + "/?v=10&encoding=json&compress=brotli")
            let compressionCode = try await badCompression.closeCode()
            #expect(compressionCode == nil)
        }
    }

    @Test func restFaultsAndSessionStartLimitThroughTheServer() async throws {
        try await withSimulator { simulator in
            let auth = [("Authorization", "Bot \(simulator.configuration.token)")]
            _ = try await connectAndIdentify(simulator)
            let gatewayBot = try await Self.request("GET", simulator.apiBaseURL + "/gateway/bot", headers: auth)
            #expect(gatewayBot.status == 200)
            let limit = try #require(gatewayBot.json["session_start_limit"] as? [String: Any])
            #expect(limit["remaining"] as? Int == 999 && limit["total"] as? Int == 1000)
            #expect((gatewayBot.json["url"] as? String)?.hasPrefix("ws://127.0.0.1:") == true)

            let forced = try await Self.request("POST", simulator.controlURL + "/rest/faults",
                                                body: #"{"fault":"server_error","status":502}"#)
            #expect(forced.status == 200)
            let failed = try await Self.request("GET", simulator.apiBaseURL + "/users/@me", headers: auth)
            #expect(failed.status == 502)
            let log = try await Self.request("GET", simulator.controlURL + "/rest/log")
            let entries = try #require(log.json["requests"] as? [[String: Any]])
            #expect(entries.contains { $0["status"] as? Int == 502 && $0["path"] as? String == "/api/v10/users/@me" })
            let unknown = try await Self.request("POST", simulator.controlURL + "/rest/faults", body: #"{"fault":"nope"}"#)
            #expect(unknown.status == 400)
        }
    }
}
