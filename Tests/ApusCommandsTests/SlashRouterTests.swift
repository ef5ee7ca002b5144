import ApusCommands
import ApusCore
import ApusModel
import Testing

@Suite("Router, slash commands")
struct SlashRouterTests {
    private func router() throws -> CommandRouter {
        CommandRouter(
            tree: try CommandsFixture.tree(), configuration: .init(prefixes: ["$"], botUserID: World.botID),
            lookup: World.lookup, timeSource: ManualTimeSource(), wallClock: ManualWallClock()
        )
    }

    /// An INTERACTION_CREATE payload from the moderator (or `userJSON`) with the given data.
    private func interaction(_ data: String, permissions: Permissions = [.banMembers, .viewChannel], appPermissions: Permissions = [.banMembers],
                             type: Int = 2, guild: Bool = true) throws -> Interaction {
        let user = #"{"id":"\#(World.modID)","username":"modbob","discriminator":"0","global_name":"Bob"}"#
        let member = #""member":{"user":\#(user),"roles":["\#(World.modRoleID)"],"nick":"Bobby","permissions":"\#(permissions.rawValue)"},"guild_id":"\#(World.guildID)","#
        let json = """
            {"id":"900000000000000001","application_id":"900000000000000002","type":\(type),"token":"tok",
             \(guild ? member : #""user":\#(user),"#) "channel_id":"\(World.generalID)",
             "app_permissions":"\(appPermissions.rawValue)","data":\(data)}
            """
        return try Interaction(jsonString: json)
    }

    private func run(_ interaction: Interaction, router: CommandRouter? = nil) async throws -> (CommandOutcome, [String]) {
        let context = RecordingContext()
        let outcome = await (try router ?? self.router()).handle(interaction: interaction, context: context)
        return (outcome, context.replies)
    }

    private let aliceResolved = #""resolved":{"users":{"\#(World.aliceID)":{"id":"\#(World.aliceID)","username":"alice","discriminator":"1234","global_name":"Alice A"}},"members":{"\#(World.aliceID)":{"roles":["\#(World.memberRoleID)"],"nick":"ali"}}}"#

    @Test("options and resolved data fill the same arguments as a prefix message, flags included")
    func ban() async throws {
        let data = #"{"id":"1","name":"ban","type":1,\#(aliceResolved),"options":[{"name":"target","type":6,"value":"\#(World.aliceID)"},{"name":"reason","type":3,"value":"spam"},{"name":"purge","type":4,"value":3},{"name":"silent","type":5,"value":true}]}"#
        let (outcome, replies) = try await run(try interaction(data))
        #expect(replies == ["banned alice reason=spam purge=3 silent=true"], "\(outcome)")
    }

    @Test("flag defaults apply when options are omitted")
    func defaults() async throws {
        let data = #"{"id":"1","name":"ban","type":1,\#(aliceResolved),"options":[{"name":"target","type":6,"value":"\#(World.aliceID)"}]}"#
        #expect(try await run(try interaction(data)).1 == ["banned alice reason=No reason provided purge=0 silent=false"])
    }

    @Test("Discord's computed permissions are used for checks")
    func permissions() async throws {
        let data = #"{"id":"1","name":"ban","type":1,\#(aliceResolved),"options":[{"name":"target","type":6,"value":"\#(World.aliceID)"}]}"#
        let (member, _) = try await run(try interaction(data, permissions: [.viewChannel]))
        #expect(member.userMessage == "You need the `Ban Members` permission to use this command.")
        let (bot, _) = try await run(try interaction(data, appPermissions: [.sendMessages]))
        #expect(bot.userMessage == "I need the `Ban Members` permission to do that.")
    }

    @Test("subcommands, string options through converters, durations")
    func subcommandsAndStrings() async throws {
        let set = #"{"id":"1","name":"levels","type":1,\#(aliceResolved),"options":[{"name":"set","type":1,"options":[{"name":"member","type":6,"value":"\#(World.aliceID)"},{"name":"new_level","type":4,"value":7}]}]}"#
        let (outcome, replies) = try await run(try interaction(set, permissions: [.manageGuild]))
        #expect(replies == ["level of alice = 7"], "\(outcome)")

        let tempban = #"{"id":"1","name":"tempban","type":1,\#(aliceResolved),"options":[{"name":"target","type":6,"value":"\#(World.aliceID)"},{"name":"duration","type":3,"value":"1h30m"}]}"#
        #expect(try await run(try interaction(tempban)).1 == ["tempbanned for 5400.0 seconds"])

        let badDuration = #"{"id":"1","name":"tempban","type":1,\#(aliceResolved),"options":[{"name":"target","type":6,"value":"\#(World.aliceID)"},{"name":"duration","type":3,"value":"soon"}]}"#
        let (bad, _) = try await run(try interaction(badDuration))
        #expect(bad.userMessage == "Invalid value for `duration`: Invalid time format. Use digits followed by s, m, h, or d (e.g., '1h30m').")

        let poll = #"{"id":"1","name":"poll","type":1,"options":[{"name":"kind","type":3,"value":"multi"}]}"#
        #expect(try await run(try interaction(poll)).1 == ["poll multi"])
    }

    @Test("errors: a member option that is not a member, out-of-range values, wrong value types, missing options")
    func errors() async throws {
        let outsider = #"{"id":"1","name":"ban","type":1,"resolved":{"users":{"\#(World.outsiderID)":{"id":"\#(World.outsiderID)","username":"stranger"}}},"options":[{"name":"target","type":6,"value":"\#(World.outsiderID)"}]}"#
        let (notMember, _) = try await run(try interaction(outsider))
        #expect(notMember.userMessage == "Invalid value for `target`: expected a member of this server, got `stranger`.")

        let range = #"{"id":"1","name":"levels","type":1,\#(aliceResolved),"options":[{"name":"set","type":1,"options":[{"name":"member","type":6,"value":"\#(World.aliceID)"},{"name":"new_level","type":4,"value":5000}]}]}"#
        let (outOfRange, _) = try await run(try interaction(range, permissions: [.manageGuild]))
        #expect(outOfRange.userMessage == "Invalid value for `new_level`: expected a whole number from 0 to 1000, got `5000`.")

        let wrongType = #"{"id":"1","name":"echo","type":1,"options":[{"name":"word","type":3,"value":12}]}"#
        let (typed, _) = try await run(try interaction(wrongType))
        #expect(typed.userMessage == "Invalid value for `word`: expected text of at most 100 characters, got `12`.")

        let missing = #"{"id":"1","name":"tempban","type":1,\#(aliceResolved),"options":[{"name":"target","type":6,"value":"\#(World.aliceID)"}]}"#
        #expect(try await run(try interaction(missing)).0.userMessage == "Missing required flag `-duration`.")

        let noSub = #"{"id":"1","name":"levels","type":1,"options":[]}"#
        #expect(try await run(try interaction(noSub)).0.userMessage == "`/levels` needs a subcommand: `set`, `show`.")

        let dm = #"{"id":"1","name":"ban","type":1,"options":[]}"#
        #expect(try await run(try interaction(dm, guild: false)).0.userMessage == "This command can only be used in a server.")
    }

    @Test("unknown commands, prefix-only commands and non-command interactions are not commands")
    func notCommands() async throws {
        for data in [#"{"id":"1","name":"nope","type":1}"#, #"{"id":"1","name":"avatar","type":1}"#] {
            guard case .notACommand = try await run(try interaction(data)).0 else {
                Issue.record("\(data) ran")
                continue
            }
        }
        guard case .notACommand = try await run(try interaction(#"{"custom_id":"x","component_type":2}"#, type: 3)).0 else {
            Issue.record("a button ran a command")
            return
        }
    }

    @Test("the router's payloads include the generated help command")
    func payloads() throws {
        let names = try router().slashPayloads().map(\.name)
        #expect(names.contains("help"))
        #expect(names.contains("ban"))
    }
}
