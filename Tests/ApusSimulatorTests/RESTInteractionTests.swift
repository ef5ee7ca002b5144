import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

@Suite("Simulated REST: interactions, commands, users, gateway")
struct RESTInteractionTests {
    @Test func callbackCreatesTheOriginalAndFollowUpsWork() async throws {
        let harness = RESTHarness()
        let interaction = try #require(harness.rest.makeCommandInteraction(commandName: "ping"))
        let object = RecordedDispatch(event: "", guildID: nil, json: interaction.json).object
        let id = try #require(object["id"] as? String)
        let token = try #require(object["token"] as? String)
        #expect(object["type"] as? Int == 2)
        let callback = await harness.send(
            "POST", "/interactions/\(id)/\(token)/callback", json: #"{"type":4,"data":{"content":"pong"}}"#, authorized: false)
        #expect(callback.status == 204)
        let created = try #require(harness.sink.named("MESSAGE_CREATE").first)
        #expect(created.object["webhook_id"] as? String == String(harness.configuration.applicationID))
        let again = await harness.send(
            "POST", "/interactions/\(id)/\(token)/callback", json: #"{"type":4,"data":{"content":"pong"}}"#, authorized: false)
        #expect(again.code == 40060)
        let app = harness.configuration.applicationID
        let original = await harness.send("GET", "/webhooks/\(app)/\(token)/messages/@original", authorized: false)
        #expect(original.object["content"] as? String == "pong")
        let edited = await harness.send(
            "PATCH", "/webhooks/\(app)/\(token)/messages/@original", json: #"{"content":"pong!"}"#, authorized: false)
        #expect(edited.object["content"] as? String == "pong!")
        #expect(harness.sink.named("MESSAGE_UPDATE").count == 1)
        let followUp = await harness.send("POST", "/webhooks/\(app)/\(token)", json: #"{"content":"more"}"#, authorized: false)
        #expect(followUp.status == 200)
        let followUpID = try #require(followUp.object["id"] as? String)
        #expect(harness.sink.named("MESSAGE_CREATE").count == 2)
        let deleted = await harness.send("DELETE", "/webhooks/\(app)/\(token)/messages/\(followUpID)", authorized: false)
        #expect(deleted.status == 204)
        #expect(harness.sink.named("MESSAGE_DELETE").count == 1)
    }

    @Test func deferredCallbackShowsALoadingMessage() async throws {
        let harness = RESTHarness()
        let interaction = try #require(harness.rest.makeCommandInteraction(commandName: "slow"))
        let object = RecordedDispatch(event: "", guildID: nil, json: interaction.json).object
        let id = try #require(object["id"] as? String)
        let token = try #require(object["token"] as? String)
        let callback = await harness.send("POST", "/interactions/\(id)/\(token)/callback", json: #"{"type":5}"#, authorized: false)
        #expect(callback.status == 204)
        let created = try #require(harness.sink.named("MESSAGE_CREATE").first)
        #expect((created.object["flags"] as? Int ?? 0) & 128 == 128)
    }

    @Test func unknownInteractionsAndWebhooksGet404() async {
        let harness = RESTHarness()
        let callback = await harness.send("POST", "/interactions/1/abc/callback", json: #"{"type":4,"data":{"content":"x"}}"#)
        #expect(callback.code == 10062)
        let followUp = await harness.send("POST", "/webhooks/\(harness.configuration.applicationID)/abc", json: #"{"content":"x"}"#)
        #expect(followUp.code == 10015)
    }

    @Test func registersAndListsApplicationCommands() async throws {
        let harness = RESTHarness()
        let app = harness.configuration.applicationID
        let put = await harness.send(
            "PUT", "/applications/\(app)/commands",
            json: #"[{"name":"ping","description":"Ping","type":1},{"name":"ban","description":"Ban someone"}]"#)
        #expect(put.status == 200)
        #expect(put.array.count == 2)
        let firstID = try #require(put.array.first?["id"] as? String)
        #expect(put.array.first?["application_id"] as? String == String(app))
        let again = await harness.send("PUT", "/applications/\(app)/commands", json: #"[{"name":"ping","description":"Ping v2"}]"#)
        #expect(again.array.first?["id"] as? String == firstID)
        #expect(await harness.send("GET", "/applications/\(app)/commands").array.count == 1)
        let guildPut = await harness.send(
            "PUT", "/applications/\(app)/guilds/\(harness.guildID)/commands", json: #"[{"name":"local","description":"Guild only"}]"#)
        #expect(guildPut.array.first?["guild_id"] as? String == String(harness.guildID))
        #expect(await harness.send("GET", "/applications/\(app)/guilds/\(harness.guildID)/commands").array.count == 1)
    }

    @Test func gatewayUserAndApplicationRoutes() async {
        let harness = RESTHarness()
        let gateway = await harness.send("GET", "/gateway", headers: [("Host", "127.0.0.1:4000")], authorized: false)
        #expect(gateway.object["url"] as? String == "ws://127.0.0.1:4000")
        let unauthorizedBot = await harness.send("GET", "/gateway/bot", authorized: false)
        #expect(unauthorizedBot.status == 401)
        let gatewayBot = await harness.send("GET", "/gateway/bot", headers: [("Host", "127.0.0.1:4000")])
        #expect(gatewayBot.object["url"] as? String == "ws://127.0.0.1:4000")
        #expect(gatewayBot.object["shards"] as? Int == 1)
        let limit = gatewayBot.object["session_start_limit"] as? [String: Any]
        #expect(limit?["max_concurrency"] as? Int == 1)
        #expect(limit?["remaining"] as? Int == 1000)
        let me = await harness.send("GET", "/users/@me")
        #expect(me.object["id"] as? String == String(harness.configuration.botUserID))
        #expect(me.object["bot"] as? Bool == true)
        let application = await harness.send("GET", "/oauth2/applications/@me")
        #expect(application.object["id"] as? String == String(harness.configuration.applicationID))
        let user = await harness.send("GET", "/users/\(harness.member(2))")
        #expect(user.object["id"] as? String == String(harness.member(2)))
        let v9 = await harness.rest.handle(SimulatorHTTPRequest(
            method: "GET", path: "/api/v9/users/@me", headers: [("Authorization", "Bot \(harness.configuration.token)")]))
        #expect(v9.status == 200)
    }
}
