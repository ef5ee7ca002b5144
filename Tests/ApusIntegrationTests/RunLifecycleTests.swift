import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// `apus run` as an operator runs it: configured by a file, stopped by SIGTERM, restarted, and failing to start
/// in the ways a new user meets. Effects are read from the simulator's wire and REST logs and from the disk.
@Suite("apus run: configuration, graceful stop and restart, early exits (subprocesses)", .serialized, .timeLimit(.minutes(3)))
struct RunLifecycleTests {
    static var enabled: Bool {
        FileManager.default.isExecutableFile(atPath: CLIProcessTests.binary) || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// A running `apus sim` and what it printed.
    struct Sim {
        let process: Process
        let apiBase: String
        let gateway: String
        let control: String
        let token: String

        /// Starts `apus sim` on a free port with no chatter, or with `options` (such as `--message-interval 0.004`).
        static func start(_ options: [String] = ["--message-interval", "0"]) async throws -> Sim {
            let (process, output) = try CLIProcessTests.start(
                ["sim", "--port", "0", "--heartbeat-interval", "1000"] + options)
            try await DiscordPyInteropTests.waitUntil("apus sim printed its URLs", output: output) { $0.contains("control URL") }
            let text = output.text
            return Sim(
                process: process,
                apiBase: try #require(CLIProcessTests.value(after: "API base URL", in: text)),
                gateway: try #require(CLIProcessTests.value(after: "gateway URL", in: text)),
                control: try #require(CLIProcessTests.value(after: "control URL", in: text)),
                token: try #require(CLIProcessTests.value(after: "token:", in: text)))
        }

        func json(_ path: String) async throws -> [String: Any] {
            let text = try await CLIProcessTests.get(control + path)
            return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }

        func counter(_ name: String) async throws -> Int {
            try await json("/counters")[name] as? Int ?? -1
        }

        func post(_ content: String, author: String? = nil, channelID: String? = nil) async throws {
            var request = HTTPClientRequest(url: "\(control)/messages")
            request.method = .POST
            var body: [String: String] = ["content": content]
            if let author { body["author_id"] = author }
            if let channelID { body["channel_id"] = channelID }
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
            _ = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        }

        /// How many bot messages in the REST log contain `text`.
        func restLogCount(_ text: String) async throws -> Int {
            try await CLIProcessTests.get("\(control)/rest/log").components(separatedBy: text).count - 1
        }

        /// The owner of the simulator's first guild, read over its REST API like any client would.
        func guildOwner() async throws -> String {
            let info = try await json("/info")
            let guildID = try #require((info["guild_ids"] as? [String])?.first)
            var request = HTTPClientRequest(url: "\(apiBase)/guilds/\(guildID)")
            request.headers.add(name: "Authorization", value: "Bot \(token)")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            let guild = try #require(JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
            return try #require(guild["owner_id"] as? String)
        }

        /// The user ids of a guild's members, read over the simulator's REST API.
        func guildMembers(guildID: String) async throws -> [String] {
            var request = HTTPClientRequest(url: "\(apiBase)/guilds/\(guildID)/members?limit=1000")
            request.headers.add(name: "Authorization", value: "Bot \(token)")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 22)
            let members = try #require(JSONSerialization.jsonObject(with: Data(buffer: body)) as? [[String: Any]])
            return members.compactMap { ($0["user"] as? [String: Any])?["id"] as? String }
        }

        func stop() async throws {
            process.terminate()
            while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        }
    }

    static func waitFor(_ what: String, output: OutputBuffer? = nil, seconds: Int = 30, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try await !condition() {
            try #require(ContinuousClock.now < deadline, "timed out waiting until \(what); output:\n\(output?.text ?? "")")
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static func terminate(_ process: Process) async throws {
        process.terminate()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
    }

    @Test("every [bot] key has its effect, the per-guild prefix works, and a restart after SIGTERM resumes instead of identifying",
          .enabled(if: RunLifecycleTests.enabled))
    func configuredRunStopAndResume() async throws {
        let sim = try await Sim.start()
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apus-run-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("custom.sqlite").path
        let configPath = directory.appendingPathComponent("apus.toml").path
        // GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT: not the default (38403), so the IDENTIFY shows which was used.
        try """
            [bot]
            token_env = "APUS_TEST_BOT_TOKEN"
            prefix = "?"
            intents = 33281
            database_url = "sqlite://\(databasePath)"
            log_level = "warning"
            shutdown_timeout = "20s"
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let arguments = ["run", "--config", configPath, "--api-base", sim.apiBase, "--gateway-url", sim.gateway]
        // DISCORD_TOKEN holds a wrong token: only token_env's variable can log in.
        let environment = ["APUS_TEST_BOT_TOKEN": sim.token, "DISCORD_TOKEN": "not-the-token", "APUS_DATABASE_URL": ""]

        let (first, firstOutput) = try CLIProcessTests.start(arguments, environment: environment)
        defer { if first.isRunning { first.terminate() } }
        try await Self.waitFor("the bot identified", output: firstOutput) { try await sim.counter("identifies") == 1 }
        let records = try #require(try await sim.json("/wire")["records"] as? [[String: Any]])
        let identify = try #require(records.compactMap { $0["identify"] as? [String: Any] }.first)
        #expect(identify["intents"] as? Int == 33281, "the IDENTIFY carries [bot] intents")
        #expect(FileManager.default.fileExists(atPath: databasePath), "the database is at [bot] database_url")

        try await sim.post("?ping")
        try await Self.waitFor("the bot answered ?ping", output: firstOutput) { try await sim.restLogCount("pong") >= 1 }
        let owner = try await sim.guildOwner()
        try await sim.post("?config set bot.prefix $", author: owner)
        try await sim.post("$ping")
        try await Self.waitFor("the bot answered the guild's own prefix", output: firstOutput) {
            try await sim.restLogCount("pong") >= 2
        }
        try await Self.terminate(first)
        #expect(first.terminationStatus == 0, "output:\n\(firstOutput.text)")
        #expect(firstOutput.text.contains("apus run: stopped"))
        #expect(!firstOutput.text.contains("starting 1 of 1 shard"), "log_level = warning hides info lines")
        #expect(try await sim.counter("resumes") == 0)

        // The restart loads the stored session and RESUMEs; the environment raises the log level over the file.
        var restartEnvironment = environment
        restartEnvironment["APUS_BOT__LOG_LEVEL"] = "info"
        let (second, secondOutput) = try CLIProcessTests.start(arguments, environment: restartEnvironment)
        defer { if second.isRunning { second.terminate() } }
        try await Self.waitFor("the restarted bot resumed", output: secondOutput) { try await sim.counter("resumes") == 1 }
        #expect(try await sim.counter("identifies") == 1, "no second IDENTIFY")
        #expect(secondOutput.text.contains("resuming 1 stored gateway session"))
        try await sim.post("$ping")
        try await Self.waitFor("the per-guild prefix survived the restart", output: secondOutput) {
            try await sim.restLogCount("pong") >= 3
        }
        try await Self.terminate(second)
        #expect(second.terminationStatus == 0, "output:\n\(secondOutput.text)")
        try await sim.stop()
    }

    @Test("apus run starts from apus.example.toml as shipped and identifies with its intents",
          .enabled(if: RunLifecycleTests.enabled))
    func exampleConfigurationRuns() async throws {
        let sim = try await Sim.start()
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let (directory, databasePath) = try temporaryDatabasePath("run-example")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (bot, output) = try CLIProcessTests.start(
            ["run", "--config", ExampleConfigurationTests.path, "--database", databasePath, "--api-base", sim.apiBase,
             "--gateway-url", sim.gateway],
            environment: ["DISCORD_TOKEN": sim.token, "APUS_DATABASE_URL": ""])
        defer { if bot.isRunning { bot.terminate() } }
        try await Self.waitFor("the bot identified", output: output) { try await sim.counter("identifies") == 1 }
        let records = try #require(try await sim.json("/wire")["records"] as? [[String: Any]])
        let identify = try #require(records.compactMap { $0["identify"] as? [String: Any] }.first)
        #expect(identify["intents"] as? Int == 38403)
        try await Self.terminate(bot)
        #expect(bot.terminationStatus == 0, "output:\n\(output.text)")
        try await sim.stop()
    }

    /// Runs `apus run` to its exit and returns its status and output.
    static func runToExit(_ arguments: [String], environment: [String: String]) async throws -> (Int32, String) {
        let (process, output) = try CLIProcessTests.start(arguments, environment: environment)
        defer { if process.isRunning { process.terminate() } }
        try await waitFor("apus run exited", output: output, seconds: 60) { !process.isRunning }
        try await Task.sleep(for: .milliseconds(50))
        return (process.terminationStatus, output.text)
    }

    @Test("a start that fails prints one clear line, exits with status 1 and never dies of a signal or a fatal error",
          .enabled(if: RunLifecycleTests.enabled))
    func earlyExits() async throws {
        let sim = try await Sim.start()
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apus-run-fail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("bot.sqlite").path
        let urls = ["--api-base", sim.apiBase, "--gateway-url", sim.gateway]
        let cases: [(what: String, arguments: [String], environment: [String: String], mentions: String, hides: String?)] = [
            ("a missing configuration file", ["run", "--config", "/nonexistent/missing.toml"] + urls,
             ["DISCORD_TOKEN": sim.token], "/nonexistent/missing.toml", nil),
            ("a rejected token", ["run", "--database", database] + urls,
             ["DISCORD_TOKEN": "wrong-token", "APUS_DATABASE_URL": ""], "401", nil),
            ("an unreachable PostgreSQL server", ["run"] + urls,
             ["DISCORD_TOKEN": sim.token, "APUS_DATABASE_URL": "postgres://bot:hunter2@127.0.0.1:1/apus?statement_timeout=2s"],
             "postgres://bot@127.0.0.1:1/apus", "hunter2"),
            ("no token at all", ["run", "--database", database] + urls, ["DISCORD_TOKEN": ""], "DISCORD_TOKEN", nil),
        ]
        for item in cases {
            let (status, output) = try await Self.runToExit(item.arguments, environment: item.environment)
            let lines = output.split(separator: "\n").filter { !$0.isEmpty }
            #expect(status == 1, "\(item.what): status \(status); output:\n\(output)")
            // Informational log lines may come first; the failure itself is one line, and nothing else is an error.
            #expect(lines.filter { $0.hasPrefix("apus run: ") }.count == 1, "\(item.what): one line; output:\n\(output)")
            #expect(!lines.contains { $0.contains(" error ") || $0.contains(" critical ") || $0.hasPrefix("Error") },
                    "\(item.what): \(output)")
            #expect(output.contains("apus run: ") && output.contains(item.mentions), "\(item.what): \(output)")
            #expect(!output.contains("Fatal error"), "\(item.what): \(output)")
            if let hides = item.hides { #expect(!output.contains(hides), "\(item.what): \(output)") }
        }
        try await sim.stop()
    }
}
