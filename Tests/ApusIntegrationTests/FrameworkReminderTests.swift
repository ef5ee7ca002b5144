import Apus
import ApusCache
import ApusCommands
import ApusConfig
import ApusCore
import ApusInteractions
import ApusPlugins
import ApusScheduler
import ApusSimulator
import ApusStore
import Foundation
import Testing

@Suite("Framework: reminders survive a crash and fire exactly once", .serialized, .timeLimit(.minutes(2)))
struct FrameworkReminderTests {
    @Test("scheduled, crashed, restarted: each reminder posts once, including one whose post landed before the crash")
    func remindersAcrossCrash() async throws {
        let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
        let author = try #require(simulator.world.memberIDs(guildID: guildID).last)
        let (directory, databasePath) = try temporaryDatabasePath("reminders")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualWallClock()
        let deadline = ContinuousClock.now + .seconds(60)

        // Process 1: two reminders are asked for and stored; then the process dies before either is due.
        let first = try await FrameworkBotProcess.start(simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 1, plugins: [RemindersPlugin()])
        first.scheduler.start()
        try await waitForSession(simulator)
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!remindme 1h stretch your legs")
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!remindme 2h drink water")
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!remindme soon never")
        // Three commands, three answers: two confirmations and one clear error for the bad duration.
        while simulator.rest.messages(channelID: channelID).count < 6 {
            try #require(ContinuousClock.now < deadline, "every command should be answered")
            try await Task.sleep(for: .milliseconds(10))
        }
        let answers = simulator.rest.messages(channelID: channelID)
        #expect(answers.filter { $0.contains("I'll remind you in 1 hour") || $0.contains("I'll remind you in 2 hours") }.count == 2)
        #expect(answers.contains { $0.contains("Invalid value for `duration`") && $0.contains("soon") },
                "the bad duration gets a specific error naming the parameter and the input")
        let stored = try await first.scheduler.jobs(kind: RemindersPlugin.jobKind)
        #expect(stored.count == 2)
        let water = try #require(stored.first { $0.payload.hasSuffix("drink water") })
        // The crash window: the second reminder's post reaches Discord, then the process dies before the job commits.
        let posted = try #require(Reminder(payload: water.payload)).message(jobID: water.id)
        _ = try await first.bot.rest.createMessage(channelID: Snowflake(channelID), MessageCreatePayload(content: posted))
        try await first.crash()

        // Process 2, three hours later: both jobs are overdue and fire on start; the second finds its post.
        clock.advance(by: .seconds(3 * 3600))
        let second = try await FrameworkBotProcess.start(simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 2, plugins: [RemindersPlugin()])
        second.scheduler.start()
        while try await second.scheduler.jobs(kind: RemindersPlugin.jobKind, state: .completed).count < 2 {
            try #require(ContinuousClock.now < deadline, "both overdue reminders should complete after the restart")
            try await Task.sleep(for: .milliseconds(10))
        }
        let messages = simulator.rest.messages(channelID: channelID)
        #expect(messages.filter { $0.contains("reminder #") && $0.contains(": stretch your legs") }.count == 1)
        #expect(messages.filter { $0.contains("reminder #") && $0.contains(": drink water") }.count == 1)
        #expect(second.scheduler.counters.succeeded == 2)
        second.scheduler.abandon()
        second.bot.shutdown()
        try await second.running.value
        await second.bot.close()
        await second.database.close()
        await simulator.shutdown()
    }

    @Test("the Cancel button works after a restart, only for the person who asked, and the job never fires")
    func cancelButtonAcrossRestart() async throws {
        let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
        let members = simulator.world.memberIDs(guildID: guildID)
        let author = try #require(members.last)
        let stranger = try #require(members.first { $0 != author })
        let (directory, databasePath) = try temporaryDatabasePath("reminders")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualWallClock()
        let deadline = ContinuousClock.now + .seconds(60)

        let first = try await FrameworkBotProcess.start(simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 3, plugins: [RemindersPlugin()])
        first.scheduler.start()
        try await waitForSession(simulator)
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!remindme 1h tea")
        var confirmation: [String: Any]?
        while confirmation == nil {
            try #require(ContinuousClock.now < deadline, "the reminder should be confirmed")
            confirmation = simulator.rest.messages(channelID: channelID).lazy
                .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { ($0["content"] as? String)?.hasPrefix("I'll remind you in 1 hour") == true }
            try await Task.sleep(for: .milliseconds(10))
        }
        let messageID = try #require((confirmation?["id"] as? String).flatMap { UInt64($0) })
        let job = try #require(try await first.scheduler.jobs(kind: RemindersPlugin.jobKind).first)
        try await first.crash()

        // A new process, a new router: the button sent by the old one still routes by its custom id.
        let second = try await FrameworkBotProcess.start(simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 4, plugins: [RemindersPlugin()])
        second.scheduler.start()
        try await waitForSession(simulator, sessions: 2)
        let customID = "reminders:cancel:\(job.id)"
        let refused = try simulator.rest.clickButton(messageID: messageID, customID: customID, channelID: channelID, userID: stranger)
        while !simulator.rest.interactionResponses(id: refused.id).contains(where: { $0.accepted }) {
            try #require(ContinuousClock.now < deadline, "the stranger's click should be answered")
            try await Task.sleep(for: .milliseconds(10))
        }
        let refusal = try #require(simulator.rest.interactionResponses(id: refused.id).first)
        #expect(refusal.ephemeral && refusal.body.contains("Only the person who asked"))
        #expect(try await second.scheduler.jobs(kind: RemindersPlugin.jobKind, state: .pending).count == 1)

        let accepted = try simulator.rest.clickButton(messageID: messageID, customID: customID, channelID: channelID, userID: author)
        while !simulator.rest.interactionResponses(id: accepted.id).contains(where: { $0.accepted }) {
            try #require(ContinuousClock.now < deadline, "the owner's click should be answered")
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(simulator.rest.interactionResponses(id: accepted.id).first?.callbackType == 7, "the message is updated in place")
        #expect(try await second.scheduler.jobs(kind: RemindersPlugin.jobKind, state: .cancelled).map(\.id) == [job.id])
        #expect(try await second.scheduler.jobs(kind: RemindersPlugin.jobKind, state: .pending).isEmpty)
        second.scheduler.abandon()
        second.bot.shutdown()
        try await second.running.value
        await second.bot.close()
        await second.database.close()
        await simulator.shutdown()
    }

    /// Waits until the simulator has sent GUILD_CREATE `sessions` times in all (once per bot process that connected).
    private func waitForSession(_ simulator: DiscordSimulator, sessions: Int = 1) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while simulator.wireLog().filter({ $0.eventName == "GUILD_CREATE" }).count < sessions {
            try #require(ContinuousClock.now < deadline, "the bot should receive its guild")
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
