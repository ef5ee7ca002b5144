import ApusStore
import Foundation
import Testing

/// Drill: `apus run` stopped by SIGTERM while members chat hundreds of messages a second, then restarted. Every
/// message the bot had received before the stop must be in the database as XP (zero lost), and the restart must
/// RESUME (Discord replays what was sent meanwhile) instead of identifying.
@Suite("Drill: SIGTERM under load loses no XP and the restart resumes (subprocesses)", .serialized, .timeLimit(.minutes(3)))
struct DrillGracefulStopTests {
    /// The XP-earning messages the simulator dispatched with a sequence number up to `sequence`: one XP each under
    /// the drill's rules (no cooldown, first message earns, no multipliers), commands (`!ping`) earning nothing.
    static func earningMessages(upTo sequence: Int, sim: RunLifecycleTests.Sim, botUserID: String) async throws -> Int {
        let records = try #require(try await sim.json("/wire")["records"] as? [[String: Any]])
        // A replayed dispatch appears twice in the wire log with one sequence number: count each number once.
        var earning: [Int: Bool] = [:]
        for record in records where record["t"] as? String == "MESSAGE_CREATE" {
            guard let s = record["s"] as? Int, s <= sequence, earning[s] == nil,
                  let text = record["text"] as? String,
                  let frame = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let data = frame["d"] as? [String: Any], let author = data["author"] as? [String: Any],
                  let content = data["content"] as? String
            else { continue }
            earning[s] = author["id"] as? String != botUserID && !content.hasPrefix("!")
        }
        return earning.values.filter { $0 }.count
    }

    /// The stored session's last sequence and the total XP, read from the stopped bot's database file.
    static func stored(_ path: String) async throws -> (sequence: Int, xp: Double) {
        let database = try SQLiteDatabase(location: .file(path))
        let session = try await database.queryFirst("SELECT sequence FROM gateway_sessions")
        let xp = try await database.queryFirst("SELECT COALESCE(SUM(xp), 0) AS total FROM levels")
        await database.close()
        return (Int(try #require(session).int64("sequence")), try #require(xp).double("total"))
    }

    @Test("SIGTERM under a chat flood: every received message's XP is committed, and the restart RESUMEs and catches up",
          .enabled(if: RunLifecycleTests.enabled))
    func sigtermUnderLoad() async throws {
        let sim = try await RunLifecycleTests.Sim.start(["--message-interval", "0.004", "--members", "50"])
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let botUserID = try #require(try await sim.json("/info")["bot_user_id"] as? String)
        let (directory, databasePath) = try temporaryDatabasePath("drill-sigterm")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configPath = directory.appendingPathComponent("apus.toml").path
        try """
            [bot]
            shutdown_timeout = "60s"
            log_level = "warning"
            [levels]
            cooldown = 0
            first_message_earns = true
            [chat]
            enabled = false
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let arguments = ["run", "--config", configPath, "--database", databasePath, "--api-base", sim.apiBase,
                         "--gateway-url", sim.gateway]
        let environment = ["DISCORD_TOKEN": sim.token, "APUS_DATABASE_URL": ""]

        let (first, firstOutput) = try CLIProcessTests.start(arguments, environment: environment)
        defer { if first.isRunning { first.terminate() } }
        try await RunLifecycleTests.waitFor("the bot identified", output: firstOutput) { try await sim.counter("identifies") == 1 }
        // Let a few hundred messages arrive, then stop in the middle of the flood.
        let floodStart = try await sim.counter("dispatches")
        try await RunLifecycleTests.waitFor("the flood reached the bot", output: firstOutput) {
            try await sim.counter("dispatches") >= floodStart + 300
        }
        try await RunLifecycleTests.terminate(first)
        #expect(first.terminationStatus == 0, "output:\n\(firstOutput.text)")
        let afterStop = try await Self.stored(databasePath)
        let expectedFirst = try await Self.earningMessages(upTo: afterStop.sequence, sim: sim, botUserID: botUserID)
        #expect(expectedFirst >= 200, "the drill stopped under load")
        #expect(afterStop.xp == Double(expectedFirst), "every message received before SIGTERM earned its XP, durably")

        // Members keep chatting while the bot is down; the restart resumes and Discord replays what it missed.
        try await Task.sleep(for: .milliseconds(300))
        let (second, secondOutput) = try CLIProcessTests.start(arguments, environment: environment)
        defer { if second.isRunning { second.terminate() } }
        try await RunLifecycleTests.waitFor("the restarted bot resumed", output: secondOutput) { try await sim.counter("resumes") == 1 }
        let resumedAt = try await sim.counter("dispatches")
        try await RunLifecycleTests.waitFor("more messages arrived", output: secondOutput) {
            try await sim.counter("dispatches") >= resumedAt + 200
        }
        try await RunLifecycleTests.terminate(second)
        #expect(second.terminationStatus == 0, "output:\n\(secondOutput.text)")
        #expect(try await sim.counter("identifies") == 1, "the restart did not identify")
        let afterRestart = try await Self.stored(databasePath)
        let expectedTotal = try await Self.earningMessages(upTo: afterRestart.sequence, sim: sim, botUserID: botUserID)
        #expect(afterRestart.sequence > afterStop.sequence)
        #expect(afterRestart.xp == Double(expectedTotal), "the downtime's messages were replayed and earned their XP")
        try await sim.stop()
    }
}
