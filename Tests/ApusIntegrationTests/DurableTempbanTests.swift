import Apus
import ApusCore
import ApusPlugins
import ApusScheduler
import ApusSimulator
import ApusStore
import Foundation
import Testing

/// A temp-ban's expiry against the simulator: it lifts the ban only while the ban is still the one its case made.
@Suite("Durable: a temp-ban's expiry lifts only its own ban", .serialized, .timeLimit(.minutes(2)))
struct DurableTempbanTests {
    @Test("a permanent ban added after the temp-ban was lifted by hand survives the temp-ban's expiry")
    func aLaterBanSurvivesTheExpiry() async throws {
        let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
        let members = simulator.world.memberIDs(guildID: guildID)
        let (moderator, target) = (members[2], members[4])
        let (directory, databasePath) = try temporaryDatabasePath("tempban")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualWallClock()
        let process = try await FrameworkBotProcess.start(
            simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 1,
            plugins: [ModerationPlugin()], configText: "[moderation]\nlog_channel = \"\(channelID)\"\n")
        process.scheduler.start()
        _ = simulator.postMessage(channelID: channelID, authorID: moderator, content: "!tempban <@\(target)> spam -t 1h")
        try await eventually("the temp-ban is answered") {
            simulator.rest.messages(channelID: channelID).contains { $0.contains("was temporarily banned") }
        }
        let guild = Snowflake(guildID)
        let user = Snowflake(target)
        // In Discord's own client: the temp-ban is lifted, and later a permanent ban is added with its own reason.
        try await process.bot.rest.removeGuildBan(guildID: guild, userID: user, reason: "appeal accepted")
        try await process.bot.rest.createGuildBan(guildID: guild, userID: user, reason: "ban evasion (permanent)")

        clock.advance(by: .seconds(2 * 3_600))
        try await eventually("the expiry job finishes") {
            try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .pending).isEmpty
        }
        let ban = try await process.bot.rest.getGuildBan(guildID: guild, userID: user)
        #expect(ban.reason == "ban evasion (permanent)", "the permanent ban is still there")
        let deletes = simulator.rest.requestLog().filter { $0.method == "DELETE" && $0.path.hasSuffix("/bans/\(target)") }
        #expect(deletes.count == 1, "only the lift by hand")
        let cases = try await CaseStore(database: process.database).cases(guildID: guildID, limit: 10)
        #expect(cases.count == 1 && cases.allSatisfy(\.isProcessed), "the temp-ban's case is closed")
        try await eventually("the log channel says why the ban was kept") {
            simulator.rest.messages(channelID: channelID).contains {
                $0.contains("(case #1) expired, but their ban was not lifted") && $0.contains("ban evasion (permanent)")
            }
        }
        try await process.stop()
        await simulator.shutdown()
    }

    @Test("the temp-ban writes its case into the ban's reason, and its expiry lifts that ban once")
    func theCaseMarkerLiftsItsOwnBan() async throws {
        let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
        let members = simulator.world.memberIDs(guildID: guildID)
        let (moderator, target) = (members[2], members[5])
        let (directory, databasePath) = try temporaryDatabasePath("tempban")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualWallClock()
        let process = try await FrameworkBotProcess.start(
            simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 2,
            plugins: [ModerationPlugin(random: SeededRandom(seed: 9))])
        process.scheduler.start()
        _ = simulator.postMessage(channelID: channelID, authorID: moderator, content: "!warn <@\(members[4])> first")
        try await eventually("the warning") { simulator.rest.messages(channelID: channelID).contains { $0.contains("case #1") } }
        _ = simulator.postMessage(channelID: channelID, authorID: moderator, content: "!tempban <@\(target)> cool off -t 1h")
        try await eventually("the temp-ban is answered") {
            simulator.rest.messages(channelID: channelID).contains { $0.contains("was temporarily banned") && $0.contains("case #2") }
        }
        let ban = try await process.bot.rest.getGuildBan(guildID: Snowflake(guildID), userID: Snowflake(target))
        let marker = try #require(TempbanMarker(banReason: ban.reason ?? ""), "the ban's reason: \(ban.reason ?? "none")")
        #expect(marker.caseNumber == 2)
        #expect(ban.reason?.hasSuffix(": cool off") == true)
        let job = try #require(try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .pending).first)
        #expect(TempbanExpiry(payload: job.payload)?.markers == [marker])

        clock.advance(by: .seconds(2 * 3_600))
        try await eventually("the expiry job completes") {
            try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .completed).count == 1
        }
        await #expect(throws: DiscordHTTPError.self, "the ban is lifted") {
            _ = try await process.bot.rest.getGuildBan(guildID: Snowflake(guildID), userID: Snowflake(target))
        }
        let deletes = simulator.rest.requestLog().filter { $0.method == "DELETE" && $0.path.hasSuffix("/bans/\(target)") }
        #expect(deletes.count == 1)
        #expect(try await CaseStore(database: process.database).moderationCase(guildID: guildID, number: 2)?.isProcessed == true)
        try await process.stop()
        await simulator.shutdown()
    }

    @Test("a temp-ban Discord refuses withdraws its case, so case numbers stay dense")
    func aRefusedTempbanWithdrawsItsCase() async throws {
        let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
        let members = simulator.world.memberIDs(guildID: guildID)
        let (moderator, target) = (members[2], members[4])
        let (directory, databasePath) = try temporaryDatabasePath("tempban")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try await FrameworkBotProcess.start(
            simulator: simulator, configuration: configuration, databasePath: databasePath, clock: SystemWallClock(),
            seed: 3, plugins: [ModerationPlugin()])
        // Discord refuses the ban (as it does when a role changed after the command's checks).
        simulator.rest.force(.serverError(status: 403), count: 1, route: "PUT /guilds/{guild_id}/bans/{user_id}")
        _ = simulator.postMessage(channelID: channelID, authorID: moderator, content: "!tempban <@\(target)> test -t 1h")
        try await eventually("the refusal") {
            simulator.rest.messages(channelID: channelID).contains { $0.contains("I could not ban") }
        }
        #expect(try await CaseStore(database: process.database).cases(guildID: guildID, limit: 10).isEmpty)
        #expect(try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .pending).isEmpty)
        _ = simulator.postMessage(channelID: channelID, authorID: moderator, content: "!warn <@\(members[5])> next")
        try await eventually("the next case is #1") {
            simulator.rest.messages(channelID: channelID).contains { $0.contains("was warned · case #1") }
        }
        try await process.stop()
        await simulator.shutdown()
    }
}
