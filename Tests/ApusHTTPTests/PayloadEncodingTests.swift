import ApusModel
import Foundation
import Testing

@testable import ApusHTTP

private func encoded(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

@Suite("Request payload encoding")
struct PayloadEncodingTests {
    @Test(
        "interaction responses encode their type and data",
        arguments: [
            (InteractionResponse.pong, #"{"type":1}"#),
            (.reply(MessageCreatePayload(content: "hi", flags: 64)), #"{"data":{"content":"hi","flags":64},"type":4}"#),
            (.deferReply(ephemeral: true), #"{"data":{"flags":64},"type":5}"#),
            (.deferReply(ephemeral: false), #"{"type":5}"#),
            (.deferUpdate, #"{"type":6}"#),
            (.update(MessageEditPayload(components: [])), #"{"data":{"components":[]},"type":7}"#),
            (.autocompleteResult(choices: [["name": "a", "value": 1]]), #"{"data":{"choices":[{"name":"a","value":1}]},"type":8}"#),
            (.modal(customID: "m", title: "T", components: [["type": 1]]),
             #"{"data":{"components":[{"type":1}],"custom_id":"m","title":"T"},"type":9}"#),
        ] as [(InteractionResponse, String)]
    )
    func interactionResponses(response: InteractionResponse, json: String) throws {
        #expect(try encoded(response) == json)
    }

    @Test("member edits distinguish unchanged, set and cleared fields")
    func memberEditNullability() throws {
        let timeout = ModifyGuildMemberPayload(communicationDisabledUntil: .value("2026-01-01T00:00:00Z"))
        #expect(try encoded(timeout) == #"{"communication_disabled_until":"2026-01-01T00:00:00Z"}"#)
        let clear = ModifyGuildMemberPayload(nick: .null, roles: [1, 2], communicationDisabledUntil: .null)
        #expect(try encoded(clear) == #"{"communication_disabled_until":null,"nick":null,"roles":["1","2"]}"#)
    }

    @Test("commands and bans use snake_case keys")
    func snakeCaseKeys() throws {
        let command = ApplicationCommandPayload(name: "ping", description: "Pong", defaultMemberPermissions: "8", integrationTypes: [0])
        #expect(try encoded(command) == #"{"default_member_permissions":"8","description":"Pong","integration_types":[0],"name":"ping"}"#)
        #expect(try encoded(CreateBanPayload(deleteMessageSeconds: 3600)) == #"{"delete_message_seconds":3600}"#)
    }

    @Test("retry backoff doubles, is capped, and the jitter keeps it within half to all of the nominal delay")
    func backoff() {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), maximumDelay: .milliseconds(300))
        #expect(policy.delay(beforeRetry: 1, unitRandom: 1) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 2, unitRandom: 1) == .milliseconds(200))
        #expect(policy.delay(beforeRetry: 5, unitRandom: 1) == .milliseconds(300))
        #expect(policy.delay(beforeRetry: 2, unitRandom: 0) == .milliseconds(100))
    }
}
