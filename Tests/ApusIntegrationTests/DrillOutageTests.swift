import ApusStore
import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// Drills: `apus run` under a chat flood while its database is locked by another process or its PostgreSQL server
/// is stopped, and while Discord's REST API answers 5xx or times out. The bot keeps serving, holds its writes
/// (within the write-behind bound, README "Storage") and its jobs, and catches up once the outage ends.
@Suite("Drill: database and REST outages under load (subprocesses)", .serialized, .timeLimit(.minutes(4)))
struct DrillOutageTests {
    static let floodConfiguration = """
        [levels]
        cooldown = 0
        first_message_earns = true
        [chat]
        enabled = false
        """

    /// Runs the flood drill around `outage`: the bot identifies, the flood reaches it, `outage` runs (and must leave
    /// the database reachable again), the bot answers a command during it, then a graceful stop must find every
    /// received message's XP committed. Returns the bot's output.
    static func floodThroughOutage(
        sim: RunLifecycleTests.Sim, drill: Drill.Bot, readDatabase: () async throws -> any Database,
        outage: (_ output: OutputBuffer) async throws -> Void
    ) async throws -> String {
        let botUserID = try #require(try await sim.json("/info")["bot_user_id"] as? String)
        let (bot, output) = try await drill.startAndIdentify(sim: sim)
        defer { if bot.isRunning { bot.terminate() } }
        let floodStart = try await sim.counter("dispatches")
        try await Drill.waitFor("the flood reached the bot", output: output) {
            try await sim.counter("dispatches") >= floodStart + 200
        }
        try await outage(output)
        try await Drill.waitFor("buffered XP commits again", output: output) {
            output.text.contains("buffered writes commit again")
        }
        try await RunLifecycleTests.terminate(bot)
        #expect(bot.terminationStatus == 0, "output:\n\(output.text)")
        let dispatched = try await Drill.earningMessages(sim: sim, botUserID: botUserID)
        let database = try await readDatabase()
        let sequence = try await Drill.storedSequence(database)
        let stored = try await Drill.storedXP(database)
        await database.close()
        let expected = Drill.xp(of: dispatched, upTo: sequence)
        #expect(expected.values.reduce(0, +) >= 300, "the drill ran under load")
        #expect(stored == expected, "every message received before the stop earned its XP, durably, despite the outage")
        return output.text
    }

    @Test("the SQLite file locked by another process for 8 s: commands are answered, XP is held and committed after",
          .enabled(if: RunLifecycleTests.enabled))
    func sqliteLockedByAnotherProcess() async throws {
        let sim = try await RunLifecycleTests.Sim.start(["--message-interval", "0.004", "--members", "20"])
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let drill = try Drill.Bot("sqlite-lock", sim: sim, configuration: """
            [bot]
            log_level = "notice"
            \(Self.floodConfiguration)
            """)
        defer { drill.remove() }
        let output = try await Self.floodThroughOutage(
            sim: sim, drill: drill, readDatabase: { try SQLiteDatabase(location: .file(drill.sqlitePath)) }
        ) { output in
            let locker = try Self.lockSQLite(path: drill.sqlitePath, seconds: 8)
            defer { if locker.process.isRunning { locker.process.terminate() } }
            try await Drill.waitFor("the other process holds the write lock") { locker.output.text.contains("locked") }
            try await Drill.waitFor("a commit failed on the lock", output: output) {
                output.text.contains("cannot commit buffered writes")
            }
            try await Drill.commandAnswered(sim: sim, output: output)
            #expect(locker.process.isRunning, "the command was answered while the database was locked")
            try await Drill.waitFor("the other process released the lock", seconds: 30) { !locker.process.isRunning }
            #expect(locker.process.terminationStatus == 0, "locker: \(locker.output.text)")
        }
        #expect(output.contains("database is locked") || output.contains("busy"), "the failure named its cause: \(output)")
        try await sim.stop()
    }

    /// Statements wait for the server up to their deadline (`statement_timeout`, 2 s here), so an outage of 8 s makes
    /// commits fail, not only wait.
    @Test("a private PostgreSQL cluster stopped for 8 s and started again: commands are answered, XP is held and committed after",
          .enabled(if: RunLifecycleTests.enabled && PrivatePostgres.available))
    func postgresStoppedAndRestarted() async throws {
        let cluster = try await PrivatePostgres.start()
        do {
            try await Self.postgresDrill(cluster)
        } catch {
            await cluster.destroy()
            throw error
        }
        await cluster.destroy()
    }

    static func postgresDrill(_ cluster: PrivatePostgres) async throws {
        let sim = try await RunLifecycleTests.Sim.start(["--message-interval", "0.004", "--members", "20"])
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let drill = try Drill.Bot("postgres-restart", sim: sim, configuration: """
            [bot]
            log_level = "notice"
            \(Self.floodConfiguration)
            """, databaseURL: cluster.url + "?statement_timeout=2s")
        defer { drill.remove() }
        _ = try await floodThroughOutage(
            sim: sim, drill: drill, readDatabase: { try await StoreConfiguration(url: cluster.url).open() }
        ) { output in
            try await cluster.stop()
            try await Drill.waitFor("a commit failed on the stopped server", output: output) {
                output.text.contains("cannot commit buffered writes")
            }
            try await Drill.commandAnswered(sim: sim, output: output)
            try await Task.sleep(for: .seconds(8))
            try await Drill.commandAnswered(sim: sim, output: output)
            try await cluster.restart()
        }
        try await sim.stop()
    }

    @Test("Discord's REST API answering 503 for 8 s and then timing out for 6 s: no job is buried, each fires once after",
          .enabled(if: RunLifecycleTests.enabled))
    func restOutage() async throws {
        let sim = try await RunLifecycleTests.Sim.start()
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let guild = try await Drill.Guild.of(sim)
        let (botUserID, owner) = (guild.botUserID, guild.owner)
        let targets = Array(guild.otherMembers.prefix(2))
        try #require(targets.count == 2)
        let drill = try Drill.Bot("rest-outage", sim: sim, configuration: """
            [bot]
            log_level = "warning"
            rest_timeout = "1s"
            job_retry_delay = "200ms"
            job_retry_max_delay = "2s"
            [chat]
            enabled = false
            """)
        defer { drill.remove() }
        let (bot, output) = try await drill.startAndIdentify(sim: sim)
        defer { if bot.isRunning { bot.terminate() } }
        for target in targets {
            try await sim.post("!tempban <@\(target)> drill -t 3s", author: owner)
        }
        try await sim.post("!remindme 3s drill-reminder-text", author: owner)
        try await Drill.waitFor("the temp-bans and the reminder were answered", output: output) {
            let banned = try await sim.restLogCount("was temporarily banned")
            let reminded = try await sim.restLogCount("I'll remind you")
            return banned >= 2 && reminded >= 1
        }
        let channelID = try #require(try await Self.channelOfReply(sim: sim, containing: "I'll remind you"))

        // The outage: every request fails with 503 while the jobs come due and are retried more often than the five
        // attempts that used to bury them; then every response is slower than the client waits, for more attempts.
        try await Self.restFault(sim, ["fault": "server_error", "status": 503, "count": 1_000_000])
        try await Drill.waitFor("each job failed six times on 503s", output: output) {
            let attempts = try await Self.jobAttempts(drill.sqlitePath)
            return attempts.count == 3 && attempts.allSatisfy { $0 >= 6 }
        }
        let attemptsAfter503 = try await Self.jobAttempts(drill.sqlitePath)
        try await Self.restFault(sim, ["fault": "clear"])
        try await Self.restFault(sim, ["fault": "delay", "seconds": 3])
        try await Drill.waitFor("each job failed again on timeouts", output: output) {
            let attempts = try await Self.jobAttempts(drill.sqlitePath)
            return attempts.count == attemptsAfter503.count && zip(attempts, attemptsAfter503).allSatisfy { $0 > $1 }
        }
        try await Self.restFault(sim, ["fault": "delay", "seconds": 0])

        try await Drill.waitFor("every job fired once REST was back", output: output) {
            guard try await Self.reminders(sim: sim, channelID: channelID, botUserID: botUserID) >= 1 else { return false }
            for target in targets where try await DrillCrashTests.unbans(sim: sim, member: target) < 1 { return false }
            return true
        }
        try await Drill.commandAnswered(sim: sim, output: output)
        try await RunLifecycleTests.terminate(bot)
        #expect(bot.terminationStatus == 0, "output:\n\(output.text)")
        for target in targets {
            #expect(try await DrillCrashTests.unbans(sim: sim, member: target) <= 1, "one unban of \(target)")
        }
        #expect(try await Self.reminders(sim: sim, channelID: channelID, botUserID: botUserID) == 1, "the reminder was posted once")
        try await sim.stop()

        let database = try SQLiteDatabase(location: .file(drill.sqlitePath))
        let states = try await database.query("SELECT state FROM jobs ORDER BY id").map { try $0.text("state") }
        await database.close()
        #expect(states == ["completed", "completed", "completed"], "no job was buried")
    }

    /// The attempts of the pending jobs, read from the running bot's SQLite file (WAL lets a second reader in).
    static func jobAttempts(_ path: String) async throws -> [Int64] {
        let database = try SQLiteDatabase(location: .file(path))
        let rows = try await database.query("SELECT attempts FROM jobs WHERE state = 'pending' ORDER BY id")
        await database.close()
        return try rows.map { try $0.int64("attempts") }
    }

    static func restFault(_ sim: RunLifecycleTests.Sim, _ body: [String: Any]) async throws {
        var request = HTTPClientRequest(url: "\(sim.control)/rest/faults")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status == .ok, "REST fault \(body)")
    }

    /// The channel of the bot's first message containing `text`, from the simulator's REST log.
    static func channelOfReply(sim: RunLifecycleTests.Sim, containing text: String) async throws -> String? {
        let log = try #require(try await sim.json("/rest/log")["requests"] as? [[String: Any]])
        for entry in log where entry["method"] as? String == "POST" && (entry["body"] as? String)?.contains(text) == true {
            let parts = (entry["path"] as? String)?.split(separator: "/") ?? []
            if let index = parts.firstIndex(of: "channels"), index + 1 < parts.count { return String(parts[index + 1]) }
        }
        return nil
    }

    /// The bot's messages in `channelID` that deliver the drill's reminder.
    static func reminders(sim: RunLifecycleTests.Sim, channelID: String, botUserID: String) async throws -> Int {
        let messages = try #require(try await sim.json("/rest/messages?channel_id=\(channelID)")["messages"] as? [[String: Any]])
        return messages.filter {
            ($0["author"] as? [String: Any])?["id"] as? String == botUserID
                && ($0["content"] as? String)?.contains("drill-reminder-text") == true
        }.count
    }

    /// Starts a process that takes SQLite's write lock on `path` (`BEGIN EXCLUSIVE`), prints `locked`, holds it for
    /// `seconds`, and exits.
    static func lockSQLite(path: String, seconds: Int) throws -> (process: Process, output: OutputBuffer) {
        let python = ProcessInfo.processInfo.environment["APUS_PEER_PYTHON"] ?? "python3"
        let script = """
            import sqlite3, sys, time
            connection = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
            connection.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            time.sleep(float(sys.argv[2]))
            connection.execute("COMMIT")
            print("released", flush=True)
            """
        let (process, output) = try CLIProcessTests.launch("/usr/bin/env", [python, "-c", script, path, String(seconds)])
        return (process, output)
    }
}

/// A PostgreSQL cluster of the drill's own (its own data directory and port), through `scripts/private-postgres.sh`.
struct PrivatePostgres {
    static let script = DiscordPyInteropTests.repositoryRoot.appendingPathComponent("scripts/private-postgres.sh").path

    /// Whether a PostgreSQL server is installed (CI installs it; the drill must run there).
    static var available: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
            || ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).isEmpty == false
    }

    let directory: String
    let port: Int
    let url: String

    /// Creates and starts a cluster on a free port.
    static func start() async throws -> PrivatePostgres {
        let directory = "/tmp/apus-drill-pg-\(UUID().uuidString)"
        var lastOutput = ""
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<40_000)
            let (status, output) = try await run(["start", directory, String(port)])
            if status == 0, let url = output.split(separator: "\n").last(where: { $0.hasPrefix("postgres://") }) {
                return PrivatePostgres(directory: directory, port: port, url: String(url))
            }
            lastOutput = output
        }
        throw DrillFailure("cannot start a private PostgreSQL cluster: \(lastOutput)")
    }

    /// Stops the server at once, as a crash would.
    func stop() async throws {
        let (status, output) = try await Self.run(["stop", directory])
        guard status == 0 else { throw DrillFailure("cannot stop the cluster: \(output)") }
    }

    /// Starts the stopped server again on the same port.
    func restart() async throws {
        let (status, output) = try await Self.run(["start", directory, String(port)])
        guard status == 0 else { throw DrillFailure("cannot restart the cluster: \(output)") }
    }

    func destroy() async {
        _ = try? await Self.run(["destroy", directory])
    }

    /// Runs the script with its output in a file: the server it starts keeps inherited descriptors open, so a pipe
    /// would never reach its end.
    private static func run(_ arguments: [String]) async throws -> (Int32, String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("apus-drill-pg-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputPath) }
        let handle = try FileHandle(forWritingTo: outputPath)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        // Polled: Foundation's waitUntilExit can miss the exit when called from a concurrent task.
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        return (process.terminationStatus, (try? String(contentsOf: outputPath, encoding: .utf8)) ?? "")
    }
}

struct DrillFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
