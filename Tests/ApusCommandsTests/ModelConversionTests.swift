import ApusCommands
import ApusCore
import ApusModel
import Testing

@Suite("Conversions from received Discord objects")
struct ModelConversionTests {
    @Test("a MESSAGE_CREATE becomes a CommandMessage with member, timeout state and attachments")
    func message() throws {
        let json = """
            {"id":"500000000000000001","channel_id":"\(World.generalID)","guild_id":"\(World.guildID)",
             "author":{"id":"\(World.aliceID)","username":"alice","discriminator":"1234","global_name":"Alice A"},
             "member":{"roles":["\(World.memberRoleID)"],"nick":"ali","communication_disabled_until":"2030-01-01T00:00:00.000000+00:00"},
             "content":"$avatar","timestamp":"2026-01-01T00:00:00.000000+00:00","tts":false,"mention_everyone":false,
             "mentions":[],"mention_roles":[],"embeds":[],"pinned":false,"type":0,
             "attachments":[{"id":"600000000000000001","filename":"cat.png","size":12,"url":"https://cdn/cat.png","proxy_url":"https://media/cat.png","content_type":"image/png"}]}
            """
        let message = try Message(jsonString: json)
        let now = Int64(1_767_225_600_000) * 1000
        let converted = CommandMessage(message, nowMicroseconds: now)
        #expect(converted.author.username == "alice")
        #expect(converted.member?.nick == "ali")
        #expect(converted.member?.roleIDs == [World.memberRoleID])
        #expect(converted.member?.isTimedOut == true)
        #expect(CommandMessage(message, nowMicroseconds: Int64(1_900_000_000_000) * 1000).member?.isTimedOut == false)
        #expect(converted.attachments == [CommandAttachment(id: 600_000_000_000_000_001, filename: "cat.png", size: 12, url: "https://cdn/cat.png", contentType: "image/png")])
        #expect(converted.guildID == World.guildID)
    }

    @Test("channel overwrites convert, unknown overwrite types are dropped")
    func channel() throws {
        let json = """
            {"id":"\(World.staffChannelID)","type":0,"guild_id":"\(World.guildID)","name":"staff","permission_overwrites":[
             {"id":"\(World.guildID)","type":0,"allow":"0","deny":"1024"},
             {"id":"\(World.modID)","type":1,"allow":"4","deny":"0"},
             {"id":"1","type":7,"allow":"8","deny":"0"}]}
            """
        let channel = CommandChannel(try Channel(jsonString: json))
        #expect(channel.overwrites == [
            .init(id: World.guildID, target: .role, deny: [.viewChannel]),
            .init(id: World.modID, target: .member, allow: [.banMembers]),
        ])
        #expect(World.guild.permissions(of: World.alice, in: channel) == [])
        #expect(World.guild.permissions(of: World.mod, in: World.staff).contains(.banMembers))
    }

    @Test("slash channel, boolean and number options")
    func slashOptionKinds() async throws {
        let number = Command("scale", description: "Scale", parameters: [.number("factor", "Factor", range: 0...10)]) { context, args in
            try await context.reply("factor \(args.number("factor") ?? -1)")
        }
        let tree = try CommandTree { CommandsFixture.slowmode(); number }
        let router = CommandRouter(
            tree: tree, configuration: .init(prefixes: ["$"], botUserID: World.botID), lookup: World.lookup,
            timeSource: ManualTimeSource(), wallClock: ManualWallClock()
        )
        func run(_ data: String) async throws -> (CommandOutcome, [String]) {
            let json = """
                {"id":"900000000000000001","type":2,"token":"t","guild_id":"\(World.guildID)","channel_id":"\(World.generalID)",
                 "member":{"user":{"id":"\(World.modID)","username":"modbob"},"roles":[],"permissions":"0"},"data":\(data)}
                """
            let context = RecordingContext()
            let outcome = await router.handle(interaction: try Interaction(jsonString: json), context: context)
            return (outcome, context.replies)
        }
        let slowmode = #"{"name":"slowmode","type":1,"options":[{"name":"channel","type":7,"value":"\#(World.generalID)"},{"name":"enabled","type":5,"value":true}]}"#
        #expect(try await run(slowmode).1 == ["slowmode general true"])
        let voice = #"{"name":"slowmode","type":1,"options":[{"name":"channel","type":7,"value":"\#(World.voiceID)"},{"name":"enabled","type":5,"value":true}]}"#
        #expect(try await run(voice).0.userMessage == "Invalid value for `channel`: expected a channel of another type, got `Lounge`.")
        #expect(try await run(#"{"name":"scale","type":1,"options":[{"name":"factor","type":10,"value":3}]}"#).1 == ["factor 3.0"])
        #expect(try await run(#"{"name":"scale","type":1,"options":[{"name":"factor","type":10,"value":2.5}]}"#).1 == ["factor 2.5"])
        #expect(try await run(#"{"name":"scale","type":1,"options":[{"name":"factor","type":10,"value":11}]}"#).0.userMessage
            == "Invalid value for `factor`: expected a number from 0.0 to 10.0, got `11`.")
    }
}
