import ApusStore
import Foundation
import Testing

/// Drills: `apus run` killed with SIGKILL (no handler runs, nothing is flushed) in the middle of its work, then
/// checked on disk and restarted.
@Suite("Drill: kill -9 of apus run during an XP flood and during a temp-ban (subprocesses)", .serialized, .timeLimit(.minutes(3)))
struct DrillCrashTests {
    /// The write-behind limits of the XP drill: a commit every 2 members with pending XP, never by time (1 h), at
    /// most 2 pending: a crash may lose the latest XP of at most `2 × 2` members (README, "Storage").
    static let writeBatchRows = 2
    static let writeMaxPending = 2
    static var lossBound: Int { 2 * writeMaxPending }

    /// A database after a crash, checked against what the simulator dispatched. Without a barrier in the flood, the
    /// database itself says how far the bot had got: a member's stored XP `n` means the bot had processed that
    /// member's `n`-th earning message, so it had processed every message up to the latest such sequence number
    /// (the plugin handles messages in order). Every member whose stored XP is behind that point has changes the
    /// crash lost, and there may be at most ``lossBound`` of them.
    struct CrashCheck {
        /// The sequence number the bot had certainly processed.
        let processedThrough: Int
        /// Members whose XP at `processedThrough` is above their stored XP (changes lost to the crash).
        let behind: [String: (stored: Double, expected: Double)]
        /// Members with XP at `processedThrough` (the flood must reach more of them than the loss bound).
        let membersWithXP: Int
        /// Members whose stored XP exceeds every message dispatched to them (must be none).
        let phantom: [String]

        init(stored: [String: Double], dispatched: [Drill.Dispatched]) {
            var countByAuthor: [String: Int] = [:]
            var sequenceOfNth: [String: [Int]] = [:]
            for message in dispatched {
                countByAuthor[message.author, default: 0] += 1
                sequenceOfNth[message.author, default: []].append(message.sequence)
            }
            var processed = 0
            var phantom: [String] = []
            for (member, xp) in stored where xp > 0 {
                let n = Int(xp)
                guard let sequences = sequenceOfNth[member], n <= sequences.count, Double(n) == xp else {
                    phantom.append(member)
                    continue
                }
                processed = max(processed, sequences[n - 1])
            }
            let expected = Drill.xp(of: dispatched, upTo: processed)
            var behind: [String: (stored: Double, expected: Double)] = [:]
            for (member, xp) in expected where (stored[member] ?? 0) < xp {
                behind[member] = (stored[member] ?? 0, xp)
            }
            processedThrough = processed
            self.behind = behind
            membersWithXP = expected.count
            self.phantom = phantom
        }
    }

    @Test("kill -9 during an XP flood: the database is intact and at most 2 × write_max_pending members' latest XP is lost",
          .enabled(if: RunLifecycleTests.enabled))
    func killDuringFlood() async throws {
        let sim = try await RunLifecycleTests.Sim.start(["--message-interval", "0.004", "--members", "20"])
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let botUserID = try #require(try await sim.json("/info")["bot_user_id"] as? String)
        let drill = try Drill.Bot("kill-flood", sim: sim, configuration: """
            [bot]
            log_level = "warning"
            [levels]
            cooldown = 0
            first_message_earns = true
            write_delay = "1h"
            write_batch_rows = \(Self.writeBatchRows)
            write_max_pending = \(Self.writeMaxPending)
            [chat]
            enabled = false
            """)
        defer { drill.remove() }
        let (bot, output) = try await drill.startAndIdentify(sim: sim)
        defer { if bot.isRunning { bot.terminate() } }
        let floodStart = try await sim.counter("dispatches")
        try await Drill.waitFor("the flood reached the bot", output: output) {
            try await sim.counter("dispatches") >= floodStart + 400
        }
        try await Drill.kill9(bot)
        #expect(bot.terminationReason == .uncaughtSignal && bot.terminationStatus == SIGKILL)
        let dispatched = try await Drill.earningMessages(sim: sim, botUserID: botUserID)
        try await sim.stop()

        let database = try SQLiteDatabase(location: .file(drill.sqlitePath))
        let integrity = try await database.queryFirst("PRAGMA integrity_check")
        #expect(try integrity?.text("integrity_check") == "ok", "the database survived the crash intact")
        let stored = try await Drill.storedXP(database)
        await database.close()

        let check = CrashCheck(stored: stored, dispatched: dispatched)
        #expect(check.phantom.isEmpty, "no member has XP for messages never sent: \(check.phantom)")
        #expect(check.processedThrough > 0, "XP was committed during the flood")
        #expect(check.membersWithXP > Self.lossBound, "the flood reached more members than the bound, so the check can fail")
        #expect(check.behind.count <= Self.lossBound,
                "at most \(Self.lossBound) members lost their latest XP; behind: \(check.behind); output:\n\(output.text)")
    }

    @Test("kill -9 while a member is temp-banned: after the restart the ban is lifted once, when it expires",
          .enabled(if: RunLifecycleTests.enabled))
    func killDuringTempban() async throws {
        let sim = try await RunLifecycleTests.Sim.start()
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let guild = try await Drill.Guild.of(sim)
        let owner = guild.owner
        let target = try #require(guild.otherMembers.first)
        let drill = try Drill.Bot("kill-tempban", sim: sim, configuration: """
            [bot]
            log_level = "info"
            job_retry_delay = "200ms"
            job_retry_max_delay = "1s"
            [chat]
            enabled = false
            """)
        defer { drill.remove() }
        let (first, firstOutput) = try await drill.startAndIdentify(sim: sim)
        defer { if first.isRunning { first.terminate() } }
        try await sim.post("!tempban <@\(target)> drill -t 4s", author: owner)
        try await Drill.waitFor("the temp-ban was answered", output: firstOutput) {
            try await sim.restLogCount("was temporarily banned") >= 1
        }
        #expect(try await Self.unbans(sim: sim, member: target) == 0)
        try await Drill.kill9(first)

        // The ban expires while the bot is down; the restarted bot lifts it, once.
        try await Task.sleep(for: .seconds(4))
        let (second, secondOutput) = try drill.start()
        defer { if second.isRunning { second.terminate() } }
        try await Drill.waitFor("the restarted bot lifted the ban", output: secondOutput) {
            try await Self.unbans(sim: sim, member: target) >= 1
        }
        // Give a duplicate every chance to appear: a command round trip once the new session is live (an IDENTIFY
        // soon after the killed process's may be refused with op 9 first, as Discord does), then a graceful stop.
        try await Drill.waitFor("the restarted bot's session is live", output: secondOutput) {
            secondOutput.text.contains("READY: session")
        }
        try await Drill.commandAnswered(sim: sim, output: secondOutput)
        try await RunLifecycleTests.terminate(second)
        #expect(second.terminationStatus == 0, "output:\n\(secondOutput.text)")
        #expect(try await Self.unbans(sim: sim, member: target) == 1, "the ban was lifted exactly once")
        try await sim.stop()

        let database = try SQLiteDatabase(location: .file(drill.sqlitePath))
        let states = try await database.query("SELECT state FROM jobs").map { try $0.text("state") }
        await database.close()
        #expect(states == ["completed"], "the expiry job ran once and completed: \(states)")
    }

    /// Successful `DELETE …/bans/{member}` calls in the simulator's REST log.
    static func unbans(sim: RunLifecycleTests.Sim, member: String) async throws -> Int {
        let log = try #require(try await sim.json("/rest/log")["requests"] as? [[String: Any]])
        return log.filter {
            $0["method"] as? String == "DELETE" && ($0["path"] as? String)?.hasSuffix("/bans/\(member)") == true
                && ($0["status"] as? Int).map { (200..<300).contains($0) } == true
        }.count
    }
}
