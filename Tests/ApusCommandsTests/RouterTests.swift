import ApusCommands
import ApusCore
import ApusModel
import Testing

@Suite("Router, prefix messages")
struct PrefixRouterTests {
    let clock = ManualTimeSource()

    private func router(_ lookup: InMemoryCommandLookup = World.lookup) throws -> CommandRouter {
        CommandRouter(
            tree: try CommandsFixture.tree(),
            configuration: .init(prefixes: ["$", "apus "], botUserID: World.botID, ownerIDs: [World.ownerID]),
            lookup: lookup, timeSource: clock, wallClock: ManualWallClock()
        )
    }

    private func send(
        _ content: String, from member: CommandMember = World.mod, guild: Snowflake? = World.guildID,
        channel: Snowflake = World.generalID, attachments: [CommandAttachment] = [], router: CommandRouter? = nil
    ) async throws -> (CommandOutcome, [String]) {
        let context = RecordingContext()
        let message = CommandMessage(
            id: 1, content: content, author: member.user, member: guild == nil ? nil : member, guildID: guild,
            channelID: channel, attachments: attachments
        )
        let outcome = await (try router ?? self.router()).handle(message: message, context: context)
        return (outcome, context.replies)
    }

    @Test("a full moderation command: prefix, member conversion, flags, checks, handler")
    func ban() async throws {
        let (outcome, replies) = try await send("$ban alice spamming links -p 2 -s")
        guard case .ran(let command) = outcome else {
            Issue.record("not run: \(outcome)")
            return
        }
        #expect(command == "ban")
        #expect(replies == ["banned alice reason=spamming links purge=2 silent=true"])
    }

    @Test("aliases, case-insensitive names, other prefixes and the mention prefix")
    func prefixes() async throws {
        for content in ["$B alice", "apus ban alice", "<@\(World.botID)> ban alice", "<@!\(World.botID)>   BAN alice"] {
            let (outcome, replies) = try await send(content)
            #expect(replies == ["banned alice reason=No reason provided purge=0 silent=false"], "\(content): \(outcome)")
        }
    }

    @Test("not commands: no prefix, unknown name, bare prefix, bot authors")
    func notCommands() async throws {
        for content in ["hello", "$unknown thing", "$", "$ ", "ban alice"] {
            let (outcome, replies) = try await send(content)
            guard case .notACommand = outcome else {
                Issue.record("\(content) → \(outcome)")
                continue
            }
            #expect(replies.isEmpty)
        }
        let (outcome, _) = try await send("$ban alice", from: World.bot)
        guard case .notACommand = outcome else {
            Issue.record("a bot's message ran a command")
            return
        }
    }

    @Test("subcommands: levels set @m 5, the alias, a missing subcommand")
    func groups() async throws {
        let (_, replies) = try await send("$levels set <@\(World.aliceID)> 5", from: World.admin)
        #expect(replies == ["level of alice = 5"])
        let (_, alias) = try await send("$lvl SHOW", from: World.admin)
        #expect(alias == ["showing admina"])
        let (outcome, _) = try await send("$levels frobnicate")
        #expect(outcome.userMessage == "`$levels` needs a subcommand: `set`, `show`.")
    }

    @Test("missing, bad and extra arguments name the parameter and show usage")
    func argumentErrors() async throws {
        let (missing, _) = try await send("$levels set alice", from: World.admin)
        #expect(missing.userMessage == "Missing argument `new_level`. Usage: `$levels set @member <new_level>`")
        let (bad, _) = try await send("$levels set alice lots", from: World.admin)
        #expect(bad.userMessage == "Invalid value for `new_level`: expected a whole number from 0 to 1000, got `lots`.")
        let (extra, _) = try await send("$levels set alice 5 6", from: World.admin)
        #expect(extra.userMessage == "Too many arguments. Usage: `$levels set @member <new_level>`")
        let (quote, _) = try await send(#"$echo "unterminated"#)
        #expect(quote.userMessage == "A quoted argument was not closed: expected \".")
    }

    @Test("optional parameters use defaults; quoted words; greedy optional falls back")
    func optionals() async throws {
        #expect(try await send("$echo hi").1 == ["hi"])
        #expect(try await send("$echo hi 3").1 == ["hi hi hi"])
        #expect(try await send(#"$echo "two words" 2"#).1 == ["two words two words"])
        let (outcome, _) = try await send("$echo hi 7")
        #expect(outcome.userMessage == "Too many arguments. Usage: `$echo <word> [times]`")
    }

    @Test("durations and rest-of-line text")
    func remind() async throws {
        #expect(try await send("$remindme 1h30m take   the bread out").1 == ["in 5400.0 seconds: take   the bread out"])
        let (bad, _) = try await send("$remindme 1mo something")
        guard case .failed(_, .invalidDuration(let parameter, _), _) = bad else {
            Issue.record("\(bad)")
            return
        }
        #expect(parameter == "time")
        let (missing, _) = try await send("$remindme 10m")
        #expect(missing.userMessage == "Missing argument `reminder`. Usage: `$remindme <time> <reminder>`")
    }

    @Test("checks: permissions from roles, hierarchy, owner only, guild only, custom")
    func checks() async throws {
        let (noPermission, _) = try await send("$ban carol", from: World.alice)
        #expect(noPermission.userMessage == "You need the `Ban Members` permission to use this command.")
        let (aboveMod, _) = try await send("$ban admina", from: World.mod)
        #expect(aboveMod.userMessage == "You can only do that to members whose highest role is below yours.")
        let (owner, _) = try await send("$ban owner", from: World.admin)
        #expect(owner.userMessage == "Nobody can do that to the server owner.")
        let (botBelow, _) = try await send("$ban admina", from: World.owner)
        #expect(botBelow.userMessage == "My highest role must be above the member's highest role.")
        let (ownerOnly, _) = try await send("$shutdown", from: World.admin)
        #expect(ownerOnly.userMessage == "This command can only be used by the bot's owner.")
        #expect(try await send("$shutdown", from: World.owner).1 == ["bye"])
        let (dm, _) = try await send("$ban alice", guild: nil)
        #expect(dm.userMessage == "This command can only be used in a server.")
        let (custom, _) = try await send("$slowmode #general yes", from: World.alice)
        #expect(custom.userMessage == "Alice may not.")
        #expect(try await send("$slowmode general off").1 == ["slowmode general false"])
    }

    @Test("channel overwrites decide has-permissions checks")
    func channelOverwrites() async throws {
        var lookup = World.lookup
        lookup.channels.append(CommandChannel(
            id: 300_000_000_000_000_009, name: "jail", guildID: World.guildID,
            overwrites: [.init(id: World.modRoleID, target: .role, deny: [.banMembers])]
        ))
        let router = try router(lookup)
        let (outcome, _) = try await send("$ban alice", channel: 300_000_000_000_000_009, router: router)
        #expect(outcome.userMessage == "You need the `Ban Members` permission to use this command.")
    }

    @Test("cooldowns per user with a manual clock")
    func cooldown() async throws {
        let router = try router()
        #expect(try await send("$daily", router: router).1 == ["claimed"])
        clock.advance(by: .milliseconds(6850))
        let (limited, replies) = try await send("$daily", router: router)
        #expect(replies.isEmpty)
        #expect(limited.userMessage == "This command is on cooldown. Try again in 3.2 s.")
        #expect(try await send("$daily", from: World.alice, router: router).1 == ["claimed"], "another user's bucket")
        clock.advance(by: .milliseconds(3150))
        #expect(try await send("$daily", router: router).1 == ["claimed"])
        #expect(router.cooldownEntryCount == 2)
    }

    @Test("attachments, prefix-only and slash-only commands")
    func availability() async throws {
        let file = CommandAttachment(id: 5, filename: "cat.png", size: 10, url: "https://cdn.example/cat.png")
        #expect(try await send("$avatar", attachments: [file]).1 == ["got cat.png"])
        let (missing, _) = try await send("$avatar")
        #expect(missing.userMessage == "Missing argument `image`. Usage: `$avatar <image>`")
        let (slashOnly, _) = try await send("$poll yesno")
        #expect(slashOnly.userMessage == "`poll` is only available as a slash command.")
    }

    @Test("handler failures give a generic message and keep the error for the log")
    func handlerFailure() async throws {
        let (outcome, _) = try await send("$crash")
        guard case .failed(_, let error, let underlying) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(error.userMessage == "Something went wrong while running `crash`.")
        #expect(underlying != nil)
        #expect(!error.userMessage.contains("InternalDatabaseError"))
    }

    @Test("oversized input is refused before parsing")
    func oversized() async throws {
        let (outcome, replies) = try await send("$echo " + String(repeating: "a", count: 5000))
        #expect(outcome.userMessage == "The message is too long (at most 4000 characters).")
        #expect(replies.isEmpty)
        let (word, _) = try await send("$echo " + String(repeating: "b", count: 101))
        #expect(word.userMessage == "The value of `word` is too long (at most 100 characters).")
        let (reason, _) = try await send("$ban alice " + String(repeating: "r", count: 1100))
        #expect(reason.userMessage == "The value of `reason` is too long (at most 1024 characters).")
    }

    @Test("help shows a command only to those whose checks pass (owner-only commands to the owner)")
    func helpFollowsChecks() async throws {
        let (_, forModerator) = try await send("$help")
        #expect(forModerator.first?.contains("`$shutdown`") == false)
        let (_, asked) = try await send("$help shutdown")
        #expect(asked == ["No command named `shutdown`."])
        let (_, forOwner) = try await send("$help", from: World.owner)
        #expect(forOwner.first?.contains("`$shutdown`") == true)
    }

    @Test("the generated help lists commands and explains one")
    func help() async throws {
        let (_, overview) = try await send("$help")
        #expect(overview.first?.contains("**Moderation**") == true)
        #expect(overview.first?.contains("`$help` — Show the commands, or details of one command") == true)
        let (_, detail) = try await send("$help levels set")
        #expect(detail.first?.contains("Usage: `$levels set @member <new_level>`") == true)
        let (_, unknown) = try await send("$help nothing")
        #expect(unknown == ["No command named `nothing`."])
    }

    @Test("garbage input never crashes and gets a typed answer")
    func fuzz() async throws {
        var random = SeededRandom(seed: 7)
        let alphabet = Array(#"ab -"“”\\'@<>#&!0123456789$"#)
        let router = try router()
        for _ in 0..<300 {
            let length = Int(random.next() % 40)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            for command in ["$ban ", "$echo ", "$levels set ", "$remindme ", "$slowmode "] {
                let (outcome, _) = try await send(command + text, router: router)
                if case .failed(_, let error, _) = outcome { #expect(!error.userMessage.isEmpty) }
            }
        }
    }
}
