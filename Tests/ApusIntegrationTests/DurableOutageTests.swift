import Apus
import ApusCore
import ApusPlugins
import ApusScheduler
import ApusSimulator
import ApusStore
import Foundation
import Testing

/// Scheduled work through a REST outage against the simulator: the job is retried, never buried, and runs once REST
/// answers again.
@Suite("Durable: a temp-ban's expiry survives a long REST outage", .serialized, .timeLimit(.minutes(2)))
struct DurableOutageTests {
    @Test("Discord answering 503 to every ban check for a long stretch buries nothing; the ban is lifted once it is back")
    func aLongOutageBuriesNothing() async throws {
        let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
        let members = simulator.world.memberIDs(guildID: guildID)
        let (moderator, target) = (members[2], members[4])
        let (directory, databasePath) = try temporaryDatabasePath("outage")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualWallClock()
        let process = try await FrameworkBotProcess.start(
            simulator: simulator, configuration: configuration, databasePath: databasePath, clock: clock, seed: 1,
            plugins: [ModerationPlugin()])
        process.scheduler.start()
        _ = simulator.postMessage(channelID: channelID, authorID: moderator, content: "!tempban <@\(target)> spam -t 1h")
        try await eventually("the temp-ban is answered") {
            simulator.rest.messages(channelID: channelID).contains { $0.contains("was temporarily banned") }
        }
        // The outage: far more 503s than the five attempts that used to bury the job.
        let route = "GET /guilds/{guild_id}/bans/{user_id}"
        simulator.rest.force(.serverError(status: 503), count: 60, route: route)
        clock.advance(by: .seconds(3_600))
        try await eventually("the job is retried several times during the outage") {
            let job = try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind).first
            if job?.state == .pending, (job?.attempts ?? 0) >= 8 { return true }
            clock.advance(by: .seconds(30))
            return false
        }
        #expect(try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .buried).isEmpty)
        simulator.rest.clearForcedFaults()
        try await eventually("the job completes once REST is back") {
            if try await process.scheduler.jobs(kind: ModerationPlugin.unbanJobKind, state: .completed).count == 1 {
                return true
            }
            clock.advance(by: .seconds(30))
            return false
        }
        let deletes = simulator.rest.requestLog().filter { $0.method == "DELETE" && $0.path.hasSuffix("/bans/\(target)") }
        #expect(deletes.count == 1, "the ban is lifted once")
        #expect(process.scheduler.counters.buried == 0)
        try await process.stop()
        await simulator.shutdown()
    }
}
