import ApusSimulator
import Foundation
import Testing

/// Scripted interactions over the real server: INTERACTION_CREATE reaches the bot's gateway session, and the
/// control API starts interactions and lists the bot's answers.
@Suite("Simulated interactions: gateway and control API", .timeLimit(.minutes(1)))
struct InteractionControlAPITests {
    static let registerBody = #"[{"name":"ping","description":"Ping","options":[{"type":3,"name":"word","description":"W","autocomplete":true}]}]"#

    func register(_ simulator: DiscordSimulator) async throws {
        let response = try await SimulatorControlAPITests.request(
            "PUT", simulator.apiBaseURL + "/applications/\(simulator.configuration.applicationID)/commands",
            body: Self.registerBody, headers: [("Authorization", "Bot \(simulator.configuration.token)")])
        #expect(response.status == 200)
    }

    @Test func interactionCreateReachesTheGatewaySession() async throws {
        try await withSimulator({ $0.gateway.heartbeatInterval = .seconds(1) }) { simulator in
            try await register(simulator)
            let identified = try await connectAndIdentify(simulator)
            let started = try simulator.rest.runCommand("ping")
            var payload = try await identified.client.nextPayload()
            while payload["op"] as? Int == 11 { payload = try await identified.client.nextPayload() }
            #expect(payload["t"] as? String == "INTERACTION_CREATE")
            let data = try #require(payload["d"] as? [String: Any])
            #expect(data["id"] as? String == String(started.id))
            #expect(data["token"] as? String == started.token)
            identified.client.close(code: 1000)
        }
    }

    @Test func controlAPIStartsInteractionsAndListsResponses() async throws {
        try await withSimulator { simulator in
            try await register(simulator)
            let control = simulator.controlURL
            let unknown = try await SimulatorControlAPITests.request("POST", control + "/interactions/command", body: #"{"name":"nope"}"#)
            #expect(unknown.status == 400)
            #expect((unknown.json["message"] as? String)?.contains("not registered") == true)
            let started = try await SimulatorControlAPITests.request(
                "POST", control + "/interactions/autocomplete", body: #"{"name":"ping","focused":"word","text":"he"}"#)
            #expect(started.status == 200)
            let id = try #require(started.json["id"] as? String)
            let token = try #require(started.json["token"] as? String)
            #expect(started.json["type"] as? Int == 4)
            let answer = try await SimulatorControlAPITests.request(
                "POST", simulator.apiBaseURL + "/interactions/\(id)/\(token)/callback",
                body: #"{"type":8,"data":{"choices":[{"name":"hello","value":"hello"}]}}"#)
            #expect(answer.status == 204)
            let listed = try await SimulatorControlAPITests.request("GET", control + "/interactions/responses?id=\(id)")
            #expect(listed.json["acknowledged"] as? Bool == true)
            let responses = try #require(listed.json["responses"] as? [[String: Any]])
            #expect(responses.count == 1)
            #expect(responses.first?["kind"] as? String == "callback")
            #expect(responses.first?["callback_type"] as? Int == 8)
            #expect(responses.first?["status"] as? Int == 204)
            let noModal = try await SimulatorControlAPITests.request(
                "POST", control + "/interactions/modal", body: #"{"custom_id":"x","user_id":"1"}"#)
            #expect(noModal.status == 400)
        }
    }
}
