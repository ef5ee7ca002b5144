import Apus
import ApusCore
import ApusPlugins
import ApusScheduler
import ApusSimulator
import ApusStore
import Foundation
import Testing

/// Reminders are posted once, recognised by an exact token, never by a substring of another reminder.
@Suite("Durable: reminders post once by an exact token", .serialized, .timeLimit(.minutes(2)))
struct DurableReminderTests {
    @Test("reminder #1 is posted although a message of reminder #10 (from an older database) is in the channel")
    func reminderOneIsNotMistakenForReminderTen() async throws {
        let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
        let author = try #require(simulator.world.memberIDs(guildID: guildID).last)
        let (directory, databasePath) = try temporaryDatabasePath("reminders")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualWallClock()
        let process = try await FrameworkBotProcess.start(
            simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 1,
            plugins: [RemindersPlugin()])
        process.scheduler.start()
        // An older database's reminder #10, delivered in the same channel.
        let older = Reminder(channelID: channelID, userID: author, text: "from an older database")
        _ = try await process.bot.rest.createMessage(
            channelID: Snowflake(channelID), MessageCreatePayload(content: older.message(jobID: 10)))
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!remindme 1h stretch your legs")
        try await eventually("the reminder is confirmed") {
            simulator.rest.messages(channelID: channelID).contains { $0.contains("I'll remind you in 1 hour") }
        }
        let job = try #require(try await process.scheduler.jobs(kind: RemindersPlugin.jobKind).first)
        #expect(job.id == 1)

        clock.advance(by: .seconds(2 * 3_600))
        try await eventually("the reminder job completes") {
            try await process.scheduler.jobs(kind: RemindersPlugin.jobKind, state: .completed).count == 1
        }
        let posted = simulator.rest.messages(channelID: channelID).filter { $0.contains("⏰ reminder #1: stretch your legs") }
        #expect(posted.count == 1, "reminder #1 is posted once: \(posted)")
        try await process.stop()
        await simulator.shutdown()
    }

    @Test("a retry inside Discord's nonce window posts nothing, even when the first post is out of the scanned messages")
    func aRetryInsideTheNonceWindowIsAnsweredByDiscord() async throws {
        let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
        let author = try #require(simulator.world.memberIDs(guildID: guildID).last)
        let (directory, databasePath) = try temporaryDatabasePath("reminders")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualWallClock()
        let first = try await FrameworkBotProcess.start(
            simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 1,
            plugins: [RemindersPlugin(recentMessagesChecked: 1, random: SeededRandom(seed: 11))])
        first.scheduler.start()
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!remindme 1h tea")
        try await eventually("the reminder is confirmed") {
            simulator.rest.messages(channelID: channelID).contains { $0.contains("I'll remind you in 1 hour") }
        }
        let job = try #require(try await first.scheduler.jobs(kind: RemindersPlugin.jobKind).first)
        let reminder = try #require(Reminder(payload: job.payload))
        #expect(reminder.token != nil)
        // The crash window: the run's post reaches Discord (with its nonce), the process dies before the job
        // commits, and a member's message pushes the post out of the one message the check reads.
        _ = try await first.bot.rest.createMessage(
            channelID: Snowflake(channelID),
            MessageCreatePayload(content: reminder.message(jobID: job.id), nonce: reminder.nonce, enforceNonce: true))
        try await first.crash()
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "chatting meanwhile")

        clock.advance(by: .seconds(2 * 3_600))
        let second = try await FrameworkBotProcess.start(
            simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 2,
            plugins: [RemindersPlugin(recentMessagesChecked: 1)])
        second.scheduler.start()
        try await eventually("the reminder job completes") {
            try await second.scheduler.jobs(kind: RemindersPlugin.jobKind, state: .completed).count == 1
        }
        let posted = simulator.rest.messages(channelID: channelID).filter { $0.contains("⏰ reminder #") && $0.contains(": tea") }
        #expect(posted.count == 1, "posted once: \(posted)")
        let creates = simulator.rest.requestLog().filter { $0.method == "POST" && $0.body.contains("enforce_nonce") }
        #expect(creates.count == 2, "the retry did send its create; Discord answered it with the first message")
        try await second.stop()
        await simulator.shutdown()
    }
}
