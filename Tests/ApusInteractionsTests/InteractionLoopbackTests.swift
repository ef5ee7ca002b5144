import ApusCore
import ApusHTTP
import ApusInteractions
import ApusModel
import ApusSimulator
import Testing

/// End to end against the in-process simulator: scripted members start interactions, the client side answers
/// through `DiscordREST`, and the simulator's inspection API shows what was answered.
@Suite("Interactions over loopback", .timeLimit(.minutes(1)))
struct InteractionLoopbackTests {
    static let commands = [
        ApplicationCommandPayload(name: "poll", description: "Start a poll", options: [
            ["type": 3, "name": "question", "description": "The question", "required": true],
            ["type": 3, "name": "topic", "description": "Topic", "autocomplete": true],
        ]),
        ApplicationCommandPayload(name: "feedback", description: "Send feedback"),
    ]

    /// The handlers the "bot" registers at start-up; called again to simulate a restart.
    static func makeRouter(log: HandlerLog) throws -> ComponentRouter {
        var router = ComponentRouter()
        try router.onComponent("poll:vote:{pollID}:{option}") { context in
            log.append("vote \(context.parameters["pollID"] ?? "?") \(context.parameters["option"] ?? "?")")
            try await context.responder.updateMessage(MessageEditPayload(content: "Thanks for voting"))
        }
        try router.onModal("feedback:{ticket}") { context in
            log.append("feedback \(context.parameters["ticket"] ?? "?") \(context.fields["text"] ?? "?")")
            try await context.responder.reply("Got it", ephemeral: true)
        }
        router.onAutocomplete(command: "poll", option: "topic") { context in
            log.append("autocomplete \(context.text)")
            return ["apples", "apricots", "bananas"].filter { $0.hasPrefix(context.text) }.map { AutocompleteChoice(name: $0, value: $0) }
        }
        return router
    }

    @Test func slashCommandDeferFollowUpEditOriginal() async throws {
        try await withLoopback { loop in
            try await CommandSynchronizer(rest: loop.rest, applicationID: loop.applicationID).sync(Self.commands)
            let scripted = try loop.simulator.rest.runCommand("poll", options: [.init("question", "Lunch?")])
            let interaction = try loop.interaction(scripted)
            #expect(InteractionInput.optionText(interaction, "question") == "Lunch?")
            let responder = try loop.responder(scripted)
            try await responder.deferReply()
            let followUp = try await responder.followUp("One more thing")
            let edited = try await responder.editOriginal(MessageEditPayload(content: "Poll created"))
            #expect(edited.content == "Poll created")
            let log = loop.simulator.rest.interactionResponses(id: scripted.id)
            #expect(log.map(\.kind) == [.callback, .followUp, .editOriginal])
            #expect(log.allSatisfy { $0.accepted })
            #expect(log[0].callbackType == 5)
            #expect(log[1].messageID == followUp.id.rawValue)
            #expect(log[2].messageID == edited.id.rawValue)
        }
    }

    @Test func buttonClickRoutesWithParametersAcrossARestart() async throws {
        try await withLoopback { loop in
            try await CommandSynchronizer(rest: loop.rest, applicationID: loop.applicationID).sync(Self.commands)
            let handled = HandlerLog()
            let command = try loop.simulator.rest.runCommand("poll", options: [.init("question", "Tea or coffee?")])
            let vote = try CustomIDPattern("poll:vote:{pollID}:{option}")
            let buttons = MessageComponents([ActionRow(buttons: [
                Button(customID: try vote.customID(["pollID": "31", "option": "tea"]), label: "Tea"),
                Button(customID: try vote.customID(["pollID": "31", "option": "coffee"]), label: "Coffee"),
                Button(customID: "legacy:button", label: "Old"),
            ])])
            try await loop.responder(command).reply("Tea or coffee?", components: buttons)
            let messageID = try #require(loop.simulator.rest.interactionResponses(id: command.id).first?.messageID)

            let firstRouter = try Self.makeRouter(log: handled)
            let click = try loop.simulator.rest.clickButton(messageID: messageID, customID: "poll:vote:31:tea")
            let outcome = await firstRouter.handle(try loop.interaction(click), responder: try loop.responder(click))
            #expect(outcome == .handled(pattern: "poll:vote:{pollID}:{option}", parameters: ["pollID": "31", "option": "tea"]))

            // "Restart": a brand-new router built by the same start-up code handles a button sent before.
            let restarted = try Self.makeRouter(log: handled)
            let later = try loop.simulator.rest.clickButton(messageID: messageID, customID: "poll:vote:31:coffee")
            _ = await restarted.handle(try loop.interaction(later), responder: try loop.responder(later))
            #expect(handled.all == ["vote 31 tea", "vote 31 coffee"])
            #expect(loop.simulator.rest.interactionResponses(id: later.id).map(\.callbackType) == [7])

            // A button no handler knows any more gets the ephemeral "no longer active" reply.
            let stale = try loop.simulator.rest.clickButton(messageID: messageID, customID: "legacy:button")
            let staleOutcome = await restarted.handle(try loop.interaction(stale), responder: try loop.responder(stale))
            #expect(staleOutcome == .unknown(customID: "legacy:button"))
            let staleLog = loop.simulator.rest.interactionResponses(id: stale.id)
            #expect(staleLog.map(\.callbackType) == [4])
            #expect(staleLog.first?.ephemeral == true)
        }
    }

    @Test func modalOpenThenSubmit() async throws {
        try await withLoopback { loop in
            try await CommandSynchronizer(rest: loop.rest, applicationID: loop.applicationID).sync(Self.commands)
            let handled = HandlerLog()
            let router = try Self.makeRouter(log: handled)
            let user = try #require(loop.simulator.world.memberIDs(guildID: loop.simulator.world.guildIDs[0]).last)
            let command = try loop.simulator.rest.runCommand("feedback", userID: user)
            let modal = Modal(customID: "feedback:88", title: "Feedback", inputs: [TextInput(customID: "text", label: "Your thoughts", style: .paragraph)])
            try await loop.responder(command).showModal(modal)
            let submit = try loop.simulator.rest.submitModal(customID: "feedback:88", fields: [.init("text", "love it")], userID: user)
            _ = await router.handle(try loop.interaction(submit), responder: try loop.responder(submit))
            #expect(handled.all == ["feedback 88 love it"])
            let answered = loop.simulator.rest.interactionResponses(id: submit.id)
            #expect(answered.map(\.callbackType) == [4])
            #expect(answered.first?.ephemeral == true)
        }
    }

    @Test func autocompleteRoutesByCommandAndFocusedOption() async throws {
        try await withLoopback { loop in
            try await CommandSynchronizer(rest: loop.rest, applicationID: loop.applicationID).sync(Self.commands)
            let handled = HandlerLog()
            let router = try Self.makeRouter(log: handled)
            let request = try loop.simulator.rest.requestAutocomplete("poll", focusedOption: "topic", partialText: "ap")
            let outcome = await router.handle(try loop.interaction(request), responder: try loop.responder(request))
            #expect(outcome == .handled(pattern: "poll topic", parameters: ["text": "ap"]))
            let answered = try #require(loop.simulator.rest.interactionResponses(id: request.id).first)
            #expect(answered.callbackType == 8)
            #expect(answered.body.contains("apricots"))
            #expect(!answered.body.contains("bananas"))
        }
    }

    @Test func secondInitialResponseIsCaughtLocallyAndBySimulator() async throws {
        try await withLoopback { loop in
            try await CommandSynchronizer(rest: loop.rest, applicationID: loop.applicationID).sync(Self.commands)
            let scripted = try loop.simulator.rest.runCommand("poll", options: [.init("question", "Again?")])
            let responder = try loop.responder(scripted)
            try await responder.reply("first")
            let second = await failure { () async throws(InteractionFailure) in try await responder.reply("second") }
            guard case .rule(.alreadyAcknowledged(previous: .reply, attempted: .reply))? = second else {
                Issue.record("the second reply was not refused locally: \(String(describing: second))")
                return
            }
            // Only one callback reached the simulator.
            #expect(loop.simulator.rest.interactionResponses(id: scripted.id).count == 1)
            // A second responder (no local memory of the first) is refused by the simulator with 40060.
            let forgetful = try loop.responder(scripted)
            let third = await failure { () async throws(InteractionFailure) in try await forgetful.reply("third") }
            guard case .http(let httpFailure)? = third else {
                Issue.record("the simulator did not refuse a second initial response: \(String(describing: third))")
                return
            }
            #expect(httpFailure.status == 400)
            #expect(httpFailure.discordCode == 40060)
        }
    }

    @Test func concurrentRepliesSendOnlyOneCallback() async throws {
        try await withLoopback { loop in
            try await CommandSynchronizer(rest: loop.rest, applicationID: loop.applicationID).sync(Self.commands)
            let scripted = try loop.simulator.rest.runCommand("poll", options: [.init("question", "Race?")])
            let responder = try loop.responder(scripted)
            let failures = await withTaskGroup(of: InteractionFailure?.self) { group in
                for index in 0..<4 {
                    group.addTask { await failure { () async throws(InteractionFailure) in try await responder.reply("reply \(index)") } }
                }
                var collected: [InteractionFailure?] = []
                for await result in group { collected.append(result) }
                return collected
            }
            #expect(failures.filter { $0 == nil }.count == 1)
            #expect(loop.simulator.rest.interactionResponses(id: scripted.id).count == 1)
        }
    }

    @Test func commandSyncWritesOnceThenNotAgain() async throws {
        try await withLoopback { loop in
            let first = try await CommandSynchronizer(rest: loop.rest, applicationID: loop.applicationID).sync(Self.commands)
            #expect(first.added == ["/feedback", "/poll"])
            // A second start with the same commands: reads, finds nothing to change, writes nothing.
            let second = try await CommandSynchronizer(rest: loop.rest, applicationID: loop.applicationID).sync(Self.commands)
            #expect(second.isUpToDate)
            let puts = loop.requests.filter { $0.hasPrefix("PUT ") }
            #expect(puts.count == 1)
            #expect(loop.requests.filter { $0.hasPrefix("GET ") }.count == 2)
            // A changed description writes again.
            var changed = Self.commands
            changed[1].description = "Tell us what you think"
            let third = try await CommandSynchronizer(rest: loop.rest, applicationID: loop.applicationID).sync(changed)
            #expect(third.changed == ["/feedback"])
            #expect(loop.requests.filter { $0.hasPrefix("PUT ") }.count == 2)
        }
    }
}

/// The failure `body` threw, or nil when it succeeded.
func failure(_ body: () async throws(InteractionFailure) -> Void) async -> InteractionFailure? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
