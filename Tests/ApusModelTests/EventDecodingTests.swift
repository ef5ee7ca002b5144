import Testing
@testable import ApusModel

@Suite struct EventDecodingTests {
    @Test func messageCreate() throws {
        let json = #"""
        {"id":"10","channel_id":"20","guild_id":"30","author":{"id":"40","username":"ann","discriminator":"0",
         "global_name":null,"avatar":null,"future_field":{"x":[1,2]}},
         "member":{"roles":["50","51"],"joined_at":"2020-01-01T00:00:00+00:00","nick":"Annie"},
         "content":"hi \ud83d\udc4b","timestamp":"2024-01-01T00:00:00.000000+00:00","edited_timestamp":null,
         "tts":false,"mention_everyone":false,"mentions":[{"id":"41","username":"bob","member":{"roles":[]}}],
         "mention_roles":["50"],"attachments":[],"embeds":[{"title":"T","fields":[{"name":"a","value":"b","inline":true}],
         "footer":{"text":"f"}}],"pinned":false,"type":19,"nonce":12345,"flags":0,
         "referenced_message":{"id":"9","channel_id":"20","author":{"id":"41","username":"bob"},"content":"yo",
         "timestamp":"2023-12-31T23:59:59+00:00","tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],
         "attachments":[],"embeds":[],"pinned":false,"type":0},
         "components":[{"type":1,"components":[]}],"sticker_items":[{"id":"60","name":"s","format_type":1}]}
        """#
        guard case .messageCreate(let message) = try decodeEvent(.messageCreate, json) else {
            Issue.record("wrong case")
            return
        }
        #expect(message.id == 10 && message.channelID == 20 && message.guildID == 30)
        #expect(message.author.username == "ann")
        #expect(message.member?.roles == [50, 51])
        #expect(message.member?.nick == "Annie")
        #expect(message.content == "hi 👋")
        #expect(message.type == .reply)
        #expect(message.nonce == .integer(12345))
        #expect(message.mentions.first?.member?.roles == [])
        #expect(message.embeds.first?.fields?.first?.inline == true)
        #expect(message.referencedMessage?.value.content == "yo")
        #expect(message.components?.string == #"[{"type":1,"components":[]}]"#)
        #expect(message.stickerItems?.first?.formatType == 1)
        #expect(message.timestamp.microsecondsSinceEpoch == 1_704_067_200_000_000)
    }

    @Test func missingRequiredFieldNamesIt() {
        let error = #expect(throws: JSONDecodingError.self) {
            try decodeEvent(.messageCreate, #"{"id":"1","channel_id":"2"}"#)
        }
        #expect(error?.path == "MESSAGE_CREATE")
        if case .missingField = error?.reason {} else { Issue.record("expected missingField, got \(String(describing: error))") }
    }

    @Test func nestedErrorsCarryTheKeyPath() {
        let error = #expect(throws: JSONDecodingError.self) {
            try decodeEvent(.guildMemberUpdate, #"{"guild_id":"1","roles":[],"user":{"id":"x","username":"u"}}"#)
        }
        #expect(error?.path == "GUILD_MEMBER_UPDATE.user.id")
    }

    @Test func messageUpdateMayBePartial() throws {
        guard case .messageUpdate(let update) = try decodeEvent(.messageUpdate, #"{"id":"1","channel_id":"2","embeds":[]}"#)
        else { Issue.record("wrong case"); return }
        #expect(update.content == nil && update.embeds?.isEmpty == true)
    }

    @Test func smallEvents() throws {
        guard case .typingStart(let typing) = try decodeEvent(
            .typingStart, #"{"channel_id":"1","user_id":"2","timestamp":1700000000}"#) else { Issue.record("typing"); return }
        #expect(typing.timestamp == 1_700_000_000)
        guard case .messageReactionAdd(let reaction) = try decodeEvent(
            .messageReactionAdd,
            #"{"user_id":"1","channel_id":"2","message_id":"3","emoji":{"id":null,"name":"🔥"},"burst":false,"type":0}"#
        ) else { Issue.record("reaction"); return }
        #expect(reaction.emoji.name == "🔥" && reaction.emoji.id == nil)
        guard case .guildRoleDelete(let roleDelete) = try decodeEvent(.guildRoleDelete, #"{"guild_id":"1","role_id":"2"}"#)
        else { Issue.record("role delete"); return }
        #expect(roleDelete.roleID == 2)
        guard case .messageDeleteBulk(let bulk) = try decodeEvent(.messageDeleteBulk, #"{"ids":["1","2"],"channel_id":"3"}"#)
        else { Issue.record("bulk"); return }
        #expect(bulk.ids == [1, 2])
        guard case .resumed = try decodeEvent(.resumed, #"{"_trace":["x"]}"#) else { Issue.record("resumed"); return }
        guard case .rateLimited(let limited) = try decodeEvent(
            .rateLimited, #"{"opcode":8,"retry_after":12.5,"meta":{"guild_id":"1","nonce":"n"}}"#) else {
            Issue.record("rate limited"); return
        }
        #expect(limited.retryAfter == 12.5 && limited.opcode == 8)
    }

    @Test func unknownEventsKeepRawJSON() throws {
        let body = #"{"a": [1, 2, {"b": "c"}]}"#
        guard case .unknown(let name, let data) = try decodeEvent(.unknown("SHINY_NEW_THING"), body) else {
            Issue.record("expected unknown"); return
        }
        #expect(name == "SHINY_NEW_THING")
        #expect(data.string == body)
    }

    @Test func readyAndHello() throws {
        let ready = try Ready(jsonString: #"""
        {"v":10,"user":{"id":"1","username":"bot","discriminator":"0","bot":true},"guilds":[{"id":"2","unavailable":true}],
         "session_id":"abc","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg","shard":[0,1],
         "application":{"id":"3","flags":0}}
        """#)
        #expect(ready.sessionID == "abc" && ready.resumeGatewayURL.hasPrefix("wss://"))
        #expect(ready.guilds.first?.unavailable == true && ready.shard == [0, 1] && ready.application?.id == 3)
        #expect(try Hello(jsonString: #"{"heartbeat_interval":41250,"_trace":[]}"#).heartbeatInterval == 41_250)
    }

    @Test func interactionWithOptionsTree() throws {
        let interaction = try Interaction(jsonString: #"""
        {"id":"1","application_id":"2","type":2,"token":"tok","version":1,"guild_id":"3","app_permissions":"8",
         "locale":"en-US","member":{"user":{"id":"4","username":"u"},"roles":[],"joined_at":"2020-01-01T00:00:00Z"},
         "data":{"id":"5","name":"cfg","type":1,"options":[{"name":"set","type":1,"options":[
           {"name":"value","type":4,"value":42},{"name":"who","type":6,"value":"4"}]}],
           "resolved":{"users":{"4":{"id":"4","username":"u"}}}}}
        """#)
        #expect(interaction.type == .applicationCommand)
        #expect(interaction.appPermissions?.contains(.administrator) == true)
        let sub = try #require(interaction.data?.options?.first)
        #expect(sub.type == .subCommand && sub.options?.count == 2)
        #expect(sub.options?.first?.value?.string == "42")
        #expect(interaction.data?.resolved?.users?[4]?.username == "u")
        let component = try Interaction(jsonString: #"""
        {"id":"1","application_id":"2","type":3,"token":"t","version":1,
         "data":{"custom_id":"pick","component_type":3,"values":["a","b"]}}
        """#)
        #expect(component.data?.customID == "pick" && component.data?.values == ["a", "b"])
        #expect(component.data?.componentType == .stringSelect)
    }

    @Test func restBodies() throws {
        let error = try DiscordErrorBody(jsonString: #"""
        {"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"title":{"_errors":[
          {"code":"BASE_TYPE_MAX_LENGTH","message":"Too long"}]}}},"content":{"_errors":[
          {"code":"BASE_TYPE_REQUIRED","message":"Required"}]}}}
        """#)
        #expect(error.code == 50035)
        #expect(error.errors == [
            .init(path: "content", code: "BASE_TYPE_REQUIRED", message: "Required"),
            .init(path: "embeds.0.title", code: "BASE_TYPE_MAX_LENGTH", message: "Too long"),
        ])
        let limited = try RateLimitedBody(jsonString: #"{"message":"You are being rate limited.","retry_after":0.64,"global":false}"#)
        #expect(limited.retryAfter == 0.64 && limited.global == false && limited.code == nil)
        let gatewayBot = try GatewayBot(jsonString: #"""
        {"url":"wss://gateway.discord.gg","shards":9,"session_start_limit":{"total":1000,"remaining":999,
         "reset_after":14400000,"max_concurrency":16}}
        """#)
        #expect(gatewayBot.sessionStartLimit.maxConcurrency == 16)
    }
}
