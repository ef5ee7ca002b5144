import Apus
import ApusCore
import ApusPlugins
import ApusScheduler
import ApusSimulator
import ApusStore
import Foundation
import Testing

/// The moderation plugin end to end against the simulator: commands from chat and from interactions go in; the REST
/// calls the bot makes, the simulator's bans and members, and the case and job rows are checked.
@Suite("Framework: moderation cases, temp-bans across a crash, the case form and suggestions", .serialized, .timeLimit(.minutes(3)))
struct FrameworkModerationTests {
    private struct Guild {
        let simulator: DiscordSimulator
        let configuration: SimulatorConfiguration
        let guildID: UInt64
        let channelID: UInt64
        let moderator: UInt64
        let regulars: [UInt64]

        static func start() async throws -> Guild {
            let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
            // The bot, the owner (Admin), a Moderator, a Muted member, then regular members.
            let members = simulator.world.memberIDs(guildID: guildID)
            return Guild(simulator: simulator, configuration: configuration, guildID: guildID, channelID: channelID,
                         moderator: members[2], regulars: Array(members[4...]))
        }

        func say(_ content: String, as author: UInt64) {
            _ = simulator.postMessage(channelID: channelID, authorID: author, content: content)
        }

        func replies() -> [String] { simulator.rest.messages(channelID: channelID) }

        func requests(_ method: String, _ suffix: String) -> [RESTLogEntry] {
            simulator.rest.requestLog().filter { $0.method == method && $0.path.hasSuffix(suffix) }
        }
    }

    private func cases(_ database: any Database, guildID: UInt64) async throws -> [ModerationCase] {
        try await CaseStore(database: database).cases(guildID: guildID, limit: 100)
    }

    @Test("temp-bans: stored, crashed, restarted; each unban happens once, including one that reached Discord before the crash")
    func tempbansAcrossCrash() async throws {
        let guild = try await Guild.start()
        let (directory, databasePath) = try temporaryDatabasePath("moderation")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualWallClock()
        let (first, second, third, fourth) = (guild.regulars[0], guild.regulars[1], guild.regulars[2], guild.regulars[3])

        let process1 = try await FrameworkBotProcess.start(
            simulator: guild.simulator, configuration: guild.configuration, databasePath: databasePath, clock: clock, seed: 1, plugins: [ModerationPlugin()])
        process1.scheduler.start()
        guild.say("!tempban <@\(first)> spamming links -t 1h", as: guild.moderator)
        guild.say("!tb <@\(second)> raid -D 1h30m -silent", as: guild.moderator)
        // Bad input: no duration, an unknown duration, no permission. Each gets a specific answer; nothing happens.
        guild.say("!tempban <@\(third)> forgot the duration", as: guild.moderator)
        guild.say("!tempban <@\(third)> nonsense -t soon", as: guild.moderator)
        guild.say("!ban <@\(fourth)> I am not a moderator", as: third)
        try await eventually("every command should be answered") {
            guild.replies().filter { $0.contains("was temporarily banned") }.count == 2 && guild.replies().count >= 10
        }
        let answers = guild.replies()
        #expect(answers.contains { $0.contains("duration") && ($0.contains("missing") || $0.contains("required")) },
                "a missing required flag is named: \(answers)")
        #expect(answers.contains { $0.contains("soon") }, "an unreadable duration quotes the input: \(answers)")
        #expect(answers.contains { $0.contains("Ban Members") }, "a member without the permission is told which one: \(answers)")
        #expect(guild.requests("PUT", "/bans/\(first)").count == 1)
        #expect(guild.requests("PUT", "/bans/\(second)").count == 1)
        #expect(guild.requests("PUT", "/bans/\(third)").isEmpty && guild.requests("PUT", "/bans/\(fourth)").isEmpty)
        #expect(guild.requests("POST", "/users/@me/channels").count == 1, "the silent temp-ban sends no direct message")

        let opened = try await cases(process1.database, guildID: guild.guildID)
        #expect(opened.map(\.number).sorted() == [1, 2])
        #expect(opened.allSatisfy { $0.type == .tempban && !$0.isProcessed && $0.moderatorID == guild.moderator })
        #expect(opened.first { $0.userID == first }?.reason == "spamming links")
        let firstCase = try #require(opened.first { $0.userID == first })
        #expect(firstCase.expiresAt == firstCase.createdAt + .seconds(3_600))
        let jobs = try await process1.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .pending)
        #expect(jobs.count == 2)

        // The crash window: the second unban reaches Discord, then the process dies before its job commits.
        try await process1.bot.rest.removeGuildBan(guildID: Snowflake(guild.guildID), userID: Snowflake(second))
        try await process1.crash()

        // Three hours later a new process starts: both unbans are overdue and run at once.
        clock.advance(by: .seconds(3 * 3_600))
        let process2 = try await FrameworkBotProcess.start(
            simulator: guild.simulator, configuration: guild.configuration, databasePath: databasePath, clock: clock, seed: 2, plugins: [ModerationPlugin()])
        process2.scheduler.start()
        try await eventually("both overdue unbans should complete after the restart") {
            try await process2.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .completed).count == 2
        }
        #expect(guild.requests("DELETE", "/bans/\(first)").count == 1, "the first ban is lifted once, by the job")
        #expect(guild.requests("DELETE", "/bans/\(second)").count == 1, "the second was already lifted: the job checks and does not repeat it")
        #expect(guild.requests("GET", "/bans/\(second)").count == 1)
        for user in [first, second] {
            await #expect(throws: DiscordHTTPError.self) {
                _ = try await process2.bot.rest.getGuildBan(guildID: Snowflake(guild.guildID), userID: Snowflake(user))
            }
        }
        let after = try await cases(process2.database, guildID: guild.guildID)
        #expect(after.count == 2 && after.allSatisfy(\.isProcessed), "both cases are marked handled and kept as history")
        try await process2.stop()
        await guild.simulator.shutdown()
    }

    @Test("warn, kick, timeout, temp-ban, unban and ban open numbered cases; unban cancels the pending unban job")
    func actionsAndCases() async throws {
        let guild = try await Guild.start()
        let (directory, databasePath) = try temporaryDatabasePath("moderation")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try await FrameworkBotProcess.start(
            simulator: guild.simulator, configuration: guild.configuration, databasePath: databasePath,
            clock: SystemWallClock(), seed: 3, plugins: [ModerationPlugin()])
        let target = guild.regulars
        let mod = guild.moderator
        guild.say("!warn <@\(target[0])> be nice", as: mod)
        try await eventually("the warning") { guild.replies().contains { $0.contains("was warned · case #1") } }
        guild.say("!kick <@\(target[1])> bye", as: mod)
        try await eventually("the kick") { guild.replies().contains { $0.contains("was kicked · case #2") } }
        guild.say("!mute <@\(target[2])> too loud -d 40d", as: mod)
        try await eventually("the timeout") { guild.replies().contains { $0.contains("was timed out") && $0.contains("case #3") } }
        guild.say("!tempban <@\(target[3])> cool off -t 2d", as: mod)
        try await eventually("the temp-ban") { guild.replies().contains { $0.contains("case #4") } }
        #expect(try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .pending).count == 1)
        guild.say("!unban \(target[3]) appeal accepted", as: mod)
        try await eventually("the unban (the banned user is fetched by id: the cache no longer holds them)") { guild.replies().contains { $0.contains("was unbanned · case #5") } }
        guild.say("!ban <@\(target[4])> -p 1", as: mod)
        try await eventually("the ban") { guild.replies().contains { $0.contains("was banned · case #6") } }
        #expect(try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .pending).isEmpty)
        #expect(try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .cancelled).count == 1)
        guild.say("!unban \(target[3])", as: mod)
        try await eventually("a second unban is refused") { guild.replies().contains { $0.contains("they are not banned") } }

        // Discord's side: the kicked member is gone, the timeout was clamped to 28 days, one ban with 1 day purged.
        #expect(guild.requests("DELETE", "/members/\(target[1])").count == 1)
        let timeout = try #require(guild.requests("PATCH", "/members/\(target[2])").first)
        #expect(timeout.status == 200 && timeout.body.contains("communication_disabled_until"))
        #expect(guild.replies().contains { $0.contains("shortened to 28d") })
        let ban = try #require(guild.requests("PUT", "/bans/\(target[4])").last)
        #expect(ban.body.contains("86400"))

        let all = try await cases(process.database, guildID: guild.guildID)
        #expect(all.map(\.type) == [.ban, .unban, .tempban, .timeout, .kick, .warn])
        #expect(all.first { $0.type == .ban }?.reason == "No reason provided")
        #expect(all.first { $0.type == .tempban }?.isProcessed == true, "lifting the ban closes the temp-ban case")

        // Cases from chat: search, modify, and errors.
        guild.say("!cases search -type warn", as: mod)
        try await eventually("the search") { guild.replies().contains { $0.contains("#1 · WARN") } }
        guild.say("!case modify 1 -s no", as: mod)
        guild.say("!c edit 2", as: mod)
        guild.say("!cases view 99", as: mod)
        guild.say("!cases", as: target[0])
        let answered: [(String, @Sendable (String) -> Bool)] = [
            ("the voided case", { $0.contains("Case #1 updated") && $0.contains("(voided)") }),
            ("the modify without flags", { $0.contains("Status or reason must be provided.") }),
            ("the unknown case", { $0.contains("There is no case #99") }),
            ("the member without the permission", { $0.contains("Timeout Members") }),
        ]
        _ = await settles { answered.allSatisfy { check in guild.replies().contains(where: check.1) } }
        for (what, check) in answered {
            #expect(guild.replies().contains(where: check), "\(what) should be answered: \(guild.replies().suffix(6))")
        }
        #expect(try await CaseStore(database: process.database).moderationCase(guildID: guild.guildID, number: 1)?.isValid == false)
        try await process.stop()
        await guild.simulator.shutdown()
    }

    @Test("the case view's Edit reason button opens a form whose submit changes the case; /cases view suggests numbers")
    func caseFormAndSuggestions() async throws {
        let guild = try await Guild.start()
        let (directory, databasePath) = try temporaryDatabasePath("moderation")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try await FrameworkBotProcess.start(
            simulator: guild.simulator, configuration: guild.configuration, databasePath: databasePath,
            clock: SystemWallClock(), seed: 4, plugins: [ModerationPlugin()])
        let mod = guild.moderator
        for index in 0..<3 {
            guild.say("!warn <@\(guild.regulars[index])> warning \(index + 1)", as: mod)
            try await eventually("warning \(index + 1)") { guild.replies().contains { $0.contains("case #\(index + 1)") } }
        }

        // Autocomplete: typing "" lists the newest cases; typing "2" narrows to case 2. A member without the
        // permission gets no suggestions.
        let all = try guild.simulator.rest.requestAutocomplete(
            "cases", subcommandPath: ["view"], focusedOption: "number", partialText: "", userID: mod)
        try await eventually("suggestions") { guild.simulator.rest.interactionResponses(id: all.id).contains { $0.accepted } }
        let allBody = try #require(guild.simulator.rest.interactionResponses(id: all.id).first?.body)
        #expect(allBody.contains("#3 WARN") && allBody.contains("#1 WARN"))
        let narrowed = try guild.simulator.rest.requestAutocomplete(
            "cases", subcommandPath: ["view"], focusedOption: "number", partialText: "2", userID: mod)
        try await eventually("narrowed suggestions") { guild.simulator.rest.interactionResponses(id: narrowed.id).contains { $0.accepted } }
        let narrowedBody = try #require(guild.simulator.rest.interactionResponses(id: narrowed.id).first?.body)
        #expect(narrowedBody.contains("#2 WARN") && !narrowedBody.contains("#1 WARN"))

        // /cases view number:2 answers with the case and its button.
        let view = try guild.simulator.rest.runCommand(
            "cases", subcommandPath: ["view"], options: [ScriptedOption("number", "2")], userID: mod)
        try await eventually("the case view") { guild.simulator.rest.interactionResponses(id: view.id).contains { $0.accepted } }
        let viewResponse = try #require(guild.simulator.rest.interactionResponses(id: view.id).first)
        #expect(viewResponse.body.contains("Case #2") && viewResponse.body.contains("warning 2"))
        let messageID = try #require(viewResponse.messageID)

        // A regular member's click is refused; the moderator's opens the form, and the submit changes the reason.
        let customID = "moderation:case:2:edit"
        let refused = try guild.simulator.rest.clickButton(messageID: messageID, customID: customID, userID: guild.regulars[5])
        try await eventually("the refusal") { guild.simulator.rest.interactionResponses(id: refused.id).contains { $0.accepted } }
        #expect(guild.simulator.rest.interactionResponses(id: refused.id).first?.ephemeral == true)
        let click = try guild.simulator.rest.clickButton(messageID: messageID, customID: customID, userID: mod)
        try await eventually("the form") { guild.simulator.rest.interactionResponses(id: click.id).contains { $0.accepted } }
        let form = try #require(guild.simulator.rest.interactionResponses(id: click.id).first)
        #expect(form.callbackType == 9 && form.body.contains("warning 2"), "the form opens with the current reason")
        let submit = try guild.simulator.rest.submitModal(
            customID: "moderation:case:2:reason", fields: [ScriptedOption("reason", "posted a scam link")], userID: mod)
        try await eventually("the submit") { guild.simulator.rest.interactionResponses(id: submit.id).contains { $0.accepted } }
        #expect(guild.simulator.rest.interactionResponses(id: submit.id).first?.body.contains("posted a scam link") == true)
        #expect(try await CaseStore(database: process.database).moderationCase(guildID: guild.guildID, number: 2)?.reason
                == "posted a scam link")
        try await process.stop()
        await guild.simulator.shutdown()
    }
}
