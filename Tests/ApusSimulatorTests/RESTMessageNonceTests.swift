import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

/// `enforce_nonce`, as Discord documents it: a create with the same nonce by the same author within the past few
/// minutes returns the first message instead of posting again.
@Suite struct RESTMessageNonceTests {
    @Test func aRepeatedCreateWithAnEnforcedNonceReturnsTheFirstMessageAndPostsNothing() async throws {
        let harness = RESTHarness()
        let body = #"{"content":"reminder","nonce":"r00000000000000ff","enforce_nonce":true}"#
        let first = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: body)
        #expect(first.status == 200)
        #expect(first.object["nonce"] as? String == "r00000000000000ff")
        harness.clock.advance(by: .seconds(60))
        let retry = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: body)
        #expect(retry.status == 200)
        #expect(retry.object["id"] as? String == first.object["id"] as? String)
        #expect(harness.rest.messages(channelID: harness.channelID).count == 1)
        #expect(harness.sink.named("MESSAGE_CREATE").count == 1)
    }

    @Test(arguments: [
        (#"{"content":"x","nonce":"n1"}"#, "without enforce_nonce"),
        (#"{"content":"x","nonce":"n1","enforce_nonce":false}"#, "with enforce_nonce false"),
    ])
    func aNonceThatIsNotEnforcedPostsEveryTime(body: String, _ label: String) async throws {
        let harness = RESTHarness()
        _ = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: body)
        _ = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: body)
        #expect(harness.rest.messages(channelID: harness.channelID).count == 2, "\(label)")
    }

    @Test func anEnforcedNonceOutsideTheWindowPostsAgain() async throws {
        let harness = RESTHarness()
        let body = #"{"content":"x","nonce":"late","enforce_nonce":true}"#
        _ = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: body)
        harness.clock.advance(by: .milliseconds(Int64(SimulatorREST.enforcedNonceWindowMilliseconds)))
        _ = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: body)
        #expect(harness.rest.messages(channelID: harness.channelID).count == 2)
    }

    @Test func aNonceLongerThan25CharactersIsRejected() async throws {
        let harness = RESTHarness()
        let response = await harness.send(
            "POST", "/channels/\(harness.channelID)/messages",
            json: #"{"content":"x","nonce":"12345678901234567890123456","enforce_nonce":true}"#)
        #expect(response.status == 400)
        #expect(response.code == 50035)
    }
}
