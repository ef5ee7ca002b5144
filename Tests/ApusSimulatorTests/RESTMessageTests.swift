import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

@Suite("Simulated REST: channels and messages")
struct RESTMessageTests {
    @Test func createsAMessageStoresItAndDispatchesMessageCreate() async throws {
        let harness = RESTHarness()
        let response = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: #"{"content":"hi ☀️","tts":false}"#)
        #expect(response.status == 200)
        #expect(response.object["content"] as? String == "hi ☀️")
        #expect((response.object["author"] as? [String: Any])?["id"] as? String == String(harness.configuration.botUserID))
        #expect(response.object["guild_id"] == nil)
        let created = harness.sink.named("MESSAGE_CREATE")
        #expect(created.count == 1)
        #expect(created.first?.guildID == harness.guildID)
        #expect(created.first?.object["guild_id"] as? String == String(harness.guildID))
        #expect(created.first?.object["member"] != nil)
        #expect(harness.rest.messages(channelID: harness.channelID).count == 1)
        #expect(harness.rest.messageCounts() == [harness.channelID: 1])
    }

    @Test func getsListsEditsAndDeletesMessages() async throws {
        let harness = RESTHarness()
        let channel = harness.channelID
        var ids: [UInt64] = []
        for index in 0..<3 {
            ids.append(try #require(await harness.postMessage("m\(index)")))
            harness.clock.advance(by: .seconds(2))
        }
        let single = await harness.send("GET", "/channels/\(channel)/messages/\(ids[1])")
        #expect(single.object["content"] as? String == "m1")
        let list = await harness.send("GET", "/channels/\(channel)/messages", query: "limit=2")
        #expect(list.array.map { $0["content"] as? String } == ["m2", "m1"])
        let before = await harness.send("GET", "/channels/\(channel)/messages", query: "before=\(ids[2])")
        #expect(before.array.count == 2)
        let edited = await harness.send("PATCH", "/channels/\(channel)/messages/\(ids[0])", json: #"{"content":"edited"}"#)
        #expect(edited.status == 200)
        #expect(edited.object["content"] as? String == "edited")
        #expect(edited.object["edited_timestamp"] as? String != nil)
        #expect(harness.sink.named("MESSAGE_UPDATE").first?.object["content"] as? String == "edited")
        let deleted = await harness.send("DELETE", "/channels/\(channel)/messages/\(ids[0])")
        #expect(deleted.status == 204)
        #expect(harness.sink.named("MESSAGE_DELETE").first?.object["id"] as? String == String(ids[0]))
        let gone = await harness.send("GET", "/channels/\(channel)/messages/\(ids[0])")
        #expect(gone.status == 404)
        #expect(gone.code == 10008)
        let bulk = await harness.send(
            "POST", "/channels/\(channel)/messages/bulk-delete", json: #"{"messages":["\#(ids[1])","\#(ids[2])"]}"#)
        #expect(bulk.status == 204)
        #expect((harness.sink.named("MESSAGE_DELETE_BULK").first?.object["ids"] as? [String])?.count == 2)
        #expect(harness.rest.messages(channelID: channel).isEmpty)
    }

    @Test func editingSomeoneElsesMessageIsForbidden() async throws {
        let harness = RESTHarness()
        let posted = try #require(harness.world.postMemberMessage(channelID: harness.channelID, authorID: nil, content: "mine"))
        let id = try #require(RecordedDispatch(event: "", guildID: nil, json: posted.json).object["id"] as? String)
        let response = await harness.send("PATCH", "/channels/\(harness.channelID)/messages/\(id)", json: #"{"content":"x"}"#)
        #expect(response.status == 403)
        #expect(response.code == 50005)
        let delete = await harness.send("DELETE", "/channels/\(harness.channelID)/messages/\(id)")
        #expect(delete.status == 204)
    }

    @Test func reactionsAddAndRemoveWithDispatches() async throws {
        let harness = RESTHarness()
        let id = try #require(await harness.postMessage("react to me"))
        let path = "/channels/\(harness.channelID)/messages/\(id)/reactions/%F0%9F%91%8D/@me"
        #expect(await harness.send("PUT", path).status == 204)
        let add = try #require(harness.sink.named("MESSAGE_REACTION_ADD").first)
        #expect((add.object["emoji"] as? [String: Any])?["name"] as? String == "👍")
        #expect(add.object["user_id"] as? String == String(harness.configuration.botUserID))
        let message = await harness.send("GET", "/channels/\(harness.channelID)/messages/\(id)")
        #expect((message.object["reactions"] as? [[String: Any]])?.first?["count"] as? Int == 1)
        harness.clock.advance(by: .seconds(1))
        #expect(await harness.send("DELETE", path).status == 204)
        #expect(harness.sink.named("MESSAGE_REACTION_REMOVE").count == 1)
        harness.clock.advance(by: .seconds(1))
        let bad = await harness.send("PUT", "/channels/\(harness.channelID)/messages/\(id)/reactions/abc/@me")
        #expect(bad.status == 400)
        #expect(bad.code == 10014)
    }

    @Test func typingAnswers204AndDispatchesTypingStart() async {
        let harness = RESTHarness()
        #expect(await harness.send("POST", "/channels/\(harness.channelID)/typing").status == 204)
        #expect(harness.sink.named("TYPING_START").count == 1)
    }

    @Test func missingOrWrongTokenGets401() async {
        let harness = RESTHarness()
        let missing = await harness.send("GET", "/users/@me", authorized: false)
        #expect(missing.status == 401)
        #expect(missing.object["message"] as? String == "401: Unauthorized")
        #expect(missing.code == 0)
        let wrong = await harness.send("GET", "/users/@me", headers: [("Authorization", "Bot nope")], authorized: false)
        #expect(wrong.status == 401)
    }

    @Test func unknownResourcesGetDiscordsCodes() async {
        let harness = RESTHarness()
        #expect(await harness.send("GET", "/channels/123").code == 10003)
        #expect(await harness.send("GET", "/channels/\(harness.channelID)/messages/1").code == 10008)
        #expect(await harness.send("GET", "/guilds/5").code == 10004)
        #expect(await harness.send("GET", "/guilds/\(harness.guildID)/members/7").code == 10007)
        #expect(await harness.send("GET", "/users/9").code == 10013)
        #expect(await harness.send("PUT", "/guilds/\(harness.guildID)/members/\(harness.member(4))/roles/77").code == 10011)
        let nowhere = await harness.send("GET", "/nowhere")
        #expect(nowhere.status == 404)
        let outside = await harness.rest.handle(SimulatorHTTPRequest(method: "GET", path: "/api/v8/gateway"))
        #expect(outside.status == 404)
    }

    @Test func invalidBodiesGetDiscordsNestedErrorBodyFromTheOpenAPICheck() async throws {
        let harness = RESTHarness()
        #expect(harness.rest.usesOpenAPIValidation)
        let response = await harness.send(
            "POST", "/channels/\(harness.channelID)/messages", json: #"{"content":"x","tts":"yes","embeds":[{"title":5}]}"#)
        #expect(response.status == 400)
        #expect(response.code == 50035)
        #expect(response.object["message"] as? String == "Invalid Form Body")
        let errors = try #require(response.object["errors"] as? [String: Any])
        let tts = try #require((errors["tts"] as? [String: Any])?["_errors"] as? [[String: Any]])
        #expect(tts.first?["code"] as? String == "BASE_TYPE_BOOLEAN")
        let title = ((errors["embeds"] as? [String: Any])?["0"] as? [String: Any])?["title"] as? [String: Any]
        #expect((title?["_errors"] as? [[String: Any]])?.first?["code"] as? String == "BASE_TYPE_STRING")
        let tooLong = await harness.send(
            "POST", "/channels/\(harness.channelID)/messages", json: #"{"content":"\#(String(repeating: "a", count: 2001))"}"#)
        #expect(tooLong.code == 50035)
        let contentErrors = ((tooLong.object["errors"] as? [String: Any])?["content"] as? [String: Any])?["_errors"] as? [[String: Any]]
        #expect(contentErrors?.first?["code"] as? String == "BASE_TYPE_MAX_LENGTH")
        let required = await harness.send("PUT", "/applications/\(harness.configuration.applicationID)/commands", json: #"[{"description":"no name"}]"#)
        #expect(required.code == 50035)
        let invalidJSON = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: "{nope")
        #expect(invalidJSON.code == 50109)
        #expect(harness.sink.named("MESSAGE_CREATE").isEmpty)
    }

    @Test func withoutTheOpenAPIDocumentHandWrittenChecksStillApply() async {
        let harness = RESTHarness { $0.rest.openAPIPath = "/nonexistent/openapi.json" }
        #expect(!harness.rest.usesOpenAPIValidation)
        let tooLong = await harness.send(
            "POST", "/channels/\(harness.channelID)/messages", json: #"{"content":"\#(String(repeating: "a", count: 2001))"}"#)
        #expect(tooLong.code == 50035)
        let empty = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: #"{"content":""}"#)
        #expect(empty.code == 50006)
    }

    @Test func unknownPropertiesAndNullsForNullableFieldsAreAccepted() async {
        let harness = RESTHarness()
        let response = await harness.send(
            "POST", "/channels/\(harness.channelID)/messages",
            json: #"{"content":"ok","embeds":null,"brand_new_field":{"x":1},"nonce":12345,"allowed_mentions":null}"#)
        #expect(response.status == 200)
        #expect(response.object["nonce"] as? String == "12345")
    }

    @Test func anEmptyMessageGets50006() async {
        let harness = RESTHarness()
        let response = await harness.send("POST", "/channels/\(harness.channelID)/messages", json: #"{"content":""}"#)
        #expect(response.status == 400)
        #expect(response.code == 50006)
    }

    @Test func aHiddenChannelGivesMissingAccess() async throws {
        let harness = RESTHarness()
        let hidden = try #require(harness.world.restrictedChannelIDs.first)
        let response = await harness.send("POST", "/channels/\(hidden)/messages", json: #"{"content":"x"}"#)
        #expect(response.status == 403)
        #expect(response.code == 50001)
    }

    @Test func multipartUploadsBecomeAttachments() async throws {
        let harness = RESTHarness()
        let boundary = "apusboundary"
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="payload_json"\r
            Content-Type: application/json\r
            \r
            {"content":"with file","attachments":[{"id":0,"filename":"a.txt"}]}\r
            --\(boundary)\r
            Content-Disposition: form-data; name="files[0]"; filename="a.txt"\r
            Content-Type: text/plain\r
            \r
            hello file\r
            --\(boundary)--\r

            """
        let response = await harness.send(
            "POST", "/channels/\(harness.channelID)/messages",
            headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: Array(body.utf8))
        #expect(response.status == 200)
        let attachments = try #require(response.object["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments.first?["filename"] as? String == "a.txt")
        #expect(attachments.first?["size"] as? Int == 10)
        #expect(attachments.first?["content_type"] as? String == "text/plain")
    }

    @Test func dmChannelsOpenAndTakeMessagesWithoutAGuild() async throws {
        let harness = RESTHarness()
        let recipient = harness.member(3)
        let opened = await harness.send("POST", "/users/@me/channels", json: #"{"recipient_id":"\#(recipient)"}"#)
        #expect(opened.status == 200)
        #expect(opened.object["type"] as? Int == 1)
        let dmID = try #require((opened.object["id"] as? String).flatMap { UInt64($0) })
        let again = await harness.send("POST", "/users/@me/channels", json: #"{"recipient_id":"\#(recipient)"}"#)
        #expect(again.object["id"] as? String == String(dmID))
        #expect(await harness.postMessage("psst", channelID: dmID) != nil)
        #expect(harness.sink.named("MESSAGE_CREATE").first?.guildID == nil)
    }
}
