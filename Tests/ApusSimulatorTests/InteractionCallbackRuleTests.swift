import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

/// Discord's callback rules on simulated interactions: once only, types per interaction type, the response
/// window and token lifetime on the manual clock, follow-ups and edits, and the per-interaction response log.
@Suite("Simulated interactions: callback rules")
struct InteractionCallbackRuleTests {
    func harnessWithCommands() async -> RESTHarness {
        let harness = RESTHarness()
        _ = await harness.send(
            "PUT", "/applications/\(harness.configuration.applicationID)/commands",
            json: #"[{"name":"ping","description":"Ping"},{"name":"find","description":"Find","options":[{"type":3,"name":"q","description":"Q","autocomplete":true}]}]"#)
        return harness
    }

    func callback(_ harness: RESTHarness, _ interaction: ScriptedInteraction, _ json: String) async -> SimulatorHTTPResponse {
        await harness.send("POST", "/interactions/\(interaction.id)/\(interaction.token)/callback", json: json, authorized: false)
    }

    @Test func deferThenFollowUpThenEditOriginalIsLoggedInOrder() async throws {
        let harness = await harnessWithCommands()
        let started = try harness.rest.runCommand("ping")
        #expect(await callback(harness, started, #"{"type":5,"data":{"flags":64}}"#).status == 204)
        let app = harness.configuration.applicationID
        let followUp = await harness.send("POST", "/webhooks/\(app)/\(started.token)", json: #"{"content":"more"}"#, authorized: false)
        #expect(followUp.status == 200)
        let edit = await harness.send(
            "PATCH", "/webhooks/\(app)/\(started.token)/messages/@original", json: #"{"content":"done"}"#, authorized: false)
        #expect(edit.object["content"] as? String == "done")
        let second = await callback(harness, started, #"{"type":4,"data":{"content":"again"}}"#)
        #expect(second.status == 400)
        #expect(second.code == 40060)
        let log = harness.rest.interactionResponses(id: started.id)
        #expect(log.map(\.kind) == [.callback, .followUp, .editOriginal, .callback])
        #expect(log.map(\.status) == [204, 200, 200, 400])
        #expect(log[0].callbackType == 5)
        #expect(log[0].ephemeral)
        #expect(log[3].errorCode == 40060)
        #expect(log[2].messageID == log[0].messageID)
    }

    @Test func callbackTypesArePerInteractionType() async throws {
        let harness = await harnessWithCommands()
        let command = try harness.rest.runCommand("ping")
        #expect(await callback(harness, command, #"{"type":8,"data":{"choices":[]}}"#).status == 400)
        #expect(await callback(harness, command, #"{"type":7,"data":{"content":"x"}}"#).status == 400)
        #expect(await callback(harness, command, #"{"type":6}"#).status == 400)
        #expect(!harness.rest.isInteractionAcknowledged(id: command.id))
        let autocomplete = try harness.rest.requestAutocomplete("find", focusedOption: "q", partialText: "ap")
        #expect(await callback(harness, autocomplete, #"{"type":4,"data":{"content":"x"}}"#).status == 400)
        let tooMany = (0..<26).map { #"{"name":"n\#($0)","value":"v\#($0)"}"# }.joined(separator: ",")
        #expect(await callback(harness, autocomplete, #"{"type":8,"data":{"choices":[\#(tooMany)]}}"#).status == 400)
        #expect(await callback(harness, autocomplete, #"{"type":8,"data":{"choices":[{"name":"apple","value":"apple"}]}}"#).status == 204)
        let app = harness.configuration.applicationID
        let followUp = await harness.send("POST", "/webhooks/\(app)/\(autocomplete.token)", json: #"{"content":"x"}"#, authorized: false)
        #expect(followUp.status == 404)
    }

    @Test func updateMessageEditsTheComponentsMessage() async throws {
        let harness = await harnessWithCommands()
        let sent = await harness.send(
            "POST", "/channels/\(harness.channelID)/messages",
            json: #"{"content":"Vote","components":[{"type":1,"components":[{"type":2,"style":1,"label":"Yes","custom_id":"yes"}]}]}"#)
        let messageID = try #require((sent.object["id"] as? String).flatMap(UInt64.init))
        let click = try harness.rest.clickButton(messageID: messageID, customID: "yes")
        #expect(await callback(harness, click, #"{"type":7,"data":{"content":"Voted","components":[]}}"#).status == 204)
        let stored = harness.rest.messages(channelID: harness.channelID).compactMap { JSONValue.parse(Array($0.utf8)) }
        #expect(stored.first { $0["id"]?.snowflake == messageID }?["content"]?.stringValue == "Voted")
        let app = harness.configuration.applicationID
        let original = await harness.send("GET", "/webhooks/\(app)/\(click.token)/messages/@original", authorized: false)
        #expect(original.object["id"] as? String == String(messageID))
    }

    @Test func lateCallbackIsUnknownAndExpiredTokenIsInvalid() async throws {
        let harness = await harnessWithCommands()
        let late = try harness.rest.runCommand("ping")
        harness.clock.advance(by: .milliseconds(3_001))
        let refused = await callback(harness, late, #"{"type":4,"data":{"content":"too late"}}"#)
        #expect(refused.status == 404)
        #expect(refused.code == 10062)
        let timing = SimulatedInteractionTiming(responseWindow: .seconds(1), tokenLifetime: .seconds(60))
        let quick = try harness.rest.runCommand("ping", timing: timing)
        #expect(await callback(harness, quick, #"{"type":5}"#).status == 204)
        harness.clock.advance(by: .seconds(61))
        let app = harness.configuration.applicationID
        let expired = await harness.send(
            "PATCH", "/webhooks/\(app)/\(quick.token)/messages/@original", json: #"{"content":"x"}"#, authorized: false)
        #expect(expired.status == 401)
        #expect(expired.code == 50027)
    }

    @Test func followUpBeforeTheInitialResponseIsRefused() async throws {
        let harness = await harnessWithCommands()
        let started = try harness.rest.runCommand("ping")
        let app = harness.configuration.applicationID
        let early = await harness.send("POST", "/webhooks/\(app)/\(started.token)", json: #"{"content":"x"}"#, authorized: false)
        #expect(early.status == 404)
        #expect(early.code == 10015)
    }

    @Test func concurrentInitialResponsesAcceptExactlyOne() async throws {
        let harness = await harnessWithCommands()
        let started = try harness.rest.runCommand("ping")
        let statuses = await withTaskGroup(of: Int.self) { group in
            // Five: the callback bucket allows five per second, so none of these is rate limited.
            for index in 0..<5 {
                group.addTask { await callback(harness, started, #"{"type":4,"data":{"content":"reply \#(index)"}}"#).status }
            }
            var collected: [Int] = []
            for await status in group { collected.append(status) }
            return collected
        }
        #expect(statuses.filter { $0 == 204 }.count == 1)
        #expect(statuses.filter { $0 == 400 }.count == 4)
        let log = harness.rest.interactionResponses(id: started.id)
        #expect(log.count == 5)
        #expect(log.filter { $0.errorCode == 40060 }.count == 4)
    }
}
