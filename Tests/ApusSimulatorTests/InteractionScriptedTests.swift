import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

/// Interactions started by scripted members: only registered commands, only components on the bot's messages,
/// only modals the bot opened; options converted by the registered definition with resolved data.
@Suite("Simulated interactions: scripted members")
struct InteractionScriptedTests {
    static let pollCommand = #"""
        [{"name":"poll","description":"Polls","options":[
          {"type":1,"name":"create","description":"Create","options":[
            {"type":3,"name":"question","description":"Q","required":true},
            {"type":4,"name":"hours","description":"H"},
            {"type":6,"name":"judge","description":"J"},
            {"type":8,"name":"role","description":"R"},
            {"type":3,"name":"topic","description":"T","autocomplete":true}]}]},
         {"name":"ping","description":"Ping"}]
        """#

    func registered() async -> RESTHarness {
        let harness = RESTHarness()
        _ = await harness.send("PUT", "/applications/\(harness.configuration.applicationID)/commands", json: Self.pollCommand)
        return harness
    }

    @Test func unregisteredCommandsCannotBeRun() async {
        let harness = RESTHarness()
        #expect(throws: ScriptedInteractionError.unknownCommand("ping")) { try harness.rest.runCommand("ping") }
        #expect(harness.sink.named("INTERACTION_CREATE").isEmpty)
    }

    @Test func slashCommandCarriesOptionsResolvedDataAndTheEnvelope() async throws {
        let harness = await registered()
        let judge = harness.member(1)
        let role = try #require(harness.roles["Moderator"])
        let started = try harness.rest.runCommand(
            "poll", subcommandPath: ["create"],
            options: [.init("question", "Lunch?"), .init("hours", "2"), .init("judge", String(judge)), .init("role", String(role))],
            userID: harness.member(3))
        let dispatched = try #require(harness.sink.named("INTERACTION_CREATE").first)
        #expect(dispatched.json == started.json)
        let object = dispatched.object
        #expect(object["type"] as? Int == 2)
        #expect(object["version"] as? Int == 1)
        #expect(object["guild_locale"] as? String == "en-US")
        #expect(object["app_permissions"] as? String != nil)
        let member = try #require(object["member"] as? [String: Any])
        #expect((member["user"] as? [String: Any])?["id"] as? String == String(harness.member(3)))
        #expect(member["permissions"] as? String != nil)
        let data = try #require(object["data"] as? [String: Any])
        #expect(data["name"] as? String == "poll")
        let sub = try #require((data["options"] as? [[String: Any]])?.first)
        #expect(sub["name"] as? String == "create")
        #expect(sub["type"] as? Int == 1)
        let leaf = try #require(sub["options"] as? [[String: Any]])
        #expect(leaf.map { $0["name"] as? String } == ["question", "hours", "judge", "role"])
        #expect(leaf[1]["value"] as? Int == 2)
        let resolved = try #require(data["resolved"] as? [String: Any])
        #expect((resolved["users"] as? [String: Any])?[String(judge)] != nil)
        #expect((resolved["members"] as? [String: Any])?[String(judge)] != nil)
        #expect((resolved["roles"] as? [String: Any])?[String(role)] != nil)
    }

    @Test func badOptionsAndPathsAreRefused() async {
        let harness = await registered()
        #expect(throws: ScriptedInteractionError.unknownSubcommand([])) { try harness.rest.runCommand("poll") }
        #expect(throws: ScriptedInteractionError.missingOption("question")) {
            try harness.rest.runCommand("poll", subcommandPath: ["create"])
        }
        #expect(throws: ScriptedInteractionError.unknownOption("colour")) {
            try harness.rest.runCommand("poll", subcommandPath: ["create"], options: [.init("question", "?"), .init("colour", "red")])
        }
        #expect(throws: ScriptedInteractionError.invalidValue(option: "hours", value: "two", reason: "not an integer")) {
            try harness.rest.runCommand("poll", subcommandPath: ["create"], options: [.init("question", "?"), .init("hours", "two")])
        }
        #expect(throws: ScriptedInteractionError.notAutocomplete("question")) {
            try harness.rest.requestAutocomplete("poll", subcommandPath: ["create"], focusedOption: "question", partialText: "a")
        }
    }

    @Test func directMessageCommandHasAUserAndNoMember() async throws {
        let harness = await registered()
        let started = try harness.rest.runCommand("ping", userID: harness.member(2), inDirectMessage: true)
        let object = RecordedDispatch(event: "", guildID: nil, json: started.json).object
        #expect(started.guildID == nil)
        #expect(object["member"] == nil)
        #expect((object["user"] as? [String: Any])?["id"] as? String == String(harness.member(2)))
        #expect(object["context"] as? Int == 1)
        let reply = await harness.send(
            "POST", "/interactions/\(started.id)/\(started.token)/callback", json: #"{"type":4,"data":{"content":"pong"}}"#,
            authorized: false)
        #expect(reply.status == 204)
        #expect(harness.rest.messages(channelID: started.channelID).count == 1)
    }

    @Test func componentsMustBeOnABotMessage() async throws {
        let harness = await registered()
        let components = #"[{"type":1,"components":[{"type":2,"style":1,"label":"Yes","custom_id":"poll:vote:7:yes"}]},"#
            + #"{"type":1,"components":[{"type":3,"custom_id":"pick","options":[{"label":"A","value":"a"},{"label":"B","value":"b"}],"max_values":2}]}]"#
        let sent = await harness.send(
            "POST", "/channels/\(harness.channelID)/messages", json: #"{"content":"Vote","components":\#(components)}"#)
        let messageID = try #require((sent.object["id"] as? String).flatMap(UInt64.init))
        let click = try harness.rest.clickButton(messageID: messageID, customID: "poll:vote:7:yes", userID: harness.member(2))
        let object = RecordedDispatch(event: "", guildID: nil, json: click.json).object
        #expect(object["type"] as? Int == 3)
        #expect((object["data"] as? [String: Any])?["custom_id"] as? String == "poll:vote:7:yes")
        #expect((object["data"] as? [String: Any])?["component_type"] as? Int == 2)
        #expect((object["message"] as? [String: Any])?["id"] as? String == String(messageID))
        #expect(throws: ScriptedInteractionError.unknownCustomID("poll:vote:7:no")) {
            try harness.rest.clickButton(messageID: messageID, customID: "poll:vote:7:no")
        }
        let select = try harness.rest.chooseSelect(messageID: messageID, customID: "pick", values: ["b", "a"])
        #expect((RecordedDispatch(event: "", guildID: nil, json: select.json).object["data"] as? [String: Any])?["values"] as? [String] == ["b", "a"])
        #expect(throws: ScriptedInteractionError.self) { try harness.rest.chooseSelect(messageID: messageID, customID: "pick", values: ["z"]) }
        let memberMessage = try #require(harness.world.postMemberMessage(channelID: harness.channelID, authorID: harness.member(2), content: "hi"))
        let memberMessageID = try #require((RecordedDispatch(event: "", guildID: nil, json: memberMessage.json).object["id"] as? String).flatMap(UInt64.init))
        #expect(throws: ScriptedInteractionError.notBotMessage(memberMessageID)) {
            try harness.rest.clickButton(messageID: memberMessageID, customID: "poll:vote:7:yes")
        }
    }

    @Test func modalSubmitNeedsAModalTheBotOpenedForThatUser() async throws {
        let harness = await registered()
        let user = harness.member(3)
        #expect(throws: ScriptedInteractionError.noOpenModal(customID: "feedback", userID: user)) {
            try harness.rest.submitModal(customID: "feedback", fields: [], userID: user)
        }
        let command = try harness.rest.runCommand("ping", userID: user)
        let modal = #"{"type":9,"data":{"custom_id":"feedback","title":"Feedback","components":[{"type":1,"components":[{"type":4,"custom_id":"text","label":"Text","style":2}]}]}}"#
        let opened = await harness.send("POST", "/interactions/\(command.id)/\(command.token)/callback", json: modal, authorized: false)
        #expect(opened.status == 204)
        #expect(throws: ScriptedInteractionError.noOpenModal(customID: "feedback", userID: harness.member(2))) {
            try harness.rest.submitModal(customID: "feedback", fields: [], userID: harness.member(2))
        }
        #expect(throws: ScriptedInteractionError.unknownField("other")) {
            try harness.rest.submitModal(customID: "feedback", fields: [.init("other", "x")], userID: user)
        }
        let submitted = try harness.rest.submitModal(customID: "feedback", fields: [.init("text", "great bot")], userID: user)
        let data = try #require(RecordedDispatch(event: "", guildID: nil, json: submitted.json).object["data"] as? [String: Any])
        let row = try #require((data["components"] as? [[String: Any]])?.first?["components"] as? [[String: Any]])
        #expect(row.first?["value"] as? String == "great bot")
        // Submitted once: the modal is closed.
        #expect(throws: ScriptedInteractionError.self) { try harness.rest.submitModal(customID: "feedback", fields: [], userID: user) }
        // A modal submit cannot be answered with another modal.
        let again = await harness.send("POST", "/interactions/\(submitted.id)/\(submitted.token)/callback", json: modal, authorized: false)
        #expect(again.status == 400)
        #expect(again.code == 50035)
    }
}
