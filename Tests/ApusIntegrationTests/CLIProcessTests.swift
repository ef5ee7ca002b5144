import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// `apus run` as a subprocess against `apus sim` as a subprocess: the same code path as real Discord, only the URLs
/// differ.
@Suite("apus run against apus sim (subprocesses)", .serialized, .timeLimit(.minutes(2)))
struct CLIProcessTests {
    static var binary: String {
        if let configured = ProcessInfo.processInfo.environment["APUS_BIN"], !configured.isEmpty { return configured }
        return DiscordPyInteropTests.repositoryRoot.appendingPathComponent(".build/debug/apus").path
    }

    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, OutputBuffer) {
        try launch(binary, arguments, environment: environment)
    }

    /// Starts `executable` with `arguments` (and `environment` over this process's), its standard output and error
    /// collected in one buffer.
    static func launch(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (Process, OutputBuffer) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = OutputBuffer()
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { output.append(String(decoding: data, as: UTF8.self)) }
        }
        try process.run()
        return (process, output)
    }

    static func value(after label: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.contains(label) }?.split(separator: " ").last.map(String.init)
    }

    static func get(_ url: String) async throws -> String {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        return String(buffer: try await response.body.collect(upTo: 1 << 24))
    }

    @Test("apus run answers !ping through apus sim, and stops cleanly on SIGTERM",
          .enabled(if: FileManager.default.isExecutableFile(atPath: CLIProcessTests.binary) || ProcessInfo.processInfo.environment["CI"] == "true"))
    func runAgainstSim() async throws {
        let (sim, simOutput) = try Self.start(["sim", "--port", "0", "--message-interval", "0", "--heartbeat-interval", "1000"])
        defer { if sim.isRunning { sim.terminate() } }
        try await DiscordPyInteropTests.waitUntil("apus sim printed its URLs", output: simOutput) { $0.contains("control URL") }
        let text = simOutput.text
        let apiBase = try #require(Self.value(after: "API base URL", in: text))
        let databasePath = FileManager.default.temporaryDirectory.appendingPathComponent("apus-run-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) } }
        let gateway = try #require(Self.value(after: "gateway URL", in: text))
        let control = try #require(Self.value(after: "control URL", in: text))
        let token = try #require(Self.value(after: "token:", in: text))

        let (bot, botOutput) = try Self.start(
            ["run", "--api-base", apiBase, "--gateway-url", gateway, "--database", databasePath],
            environment: ["DISCORD_TOKEN": token]
        )
        defer { if bot.isRunning { bot.terminate() } }
        let deadline = ContinuousClock.now + .seconds(30)
        while try await !Self.get("\(control)/counters").contains(#""identifies":1"#) {
            try #require(ContinuousClock.now < deadline, "apus run never identified; output:\n\(botOutput.text)")
            try await Task.sleep(for: .milliseconds(50))
        }
        var post = HTTPClientRequest(url: "\(control)/messages")
        post.method = .POST
        post.body = .bytes(ByteBuffer(string: #"{"content":"!ping"}"#))
        _ = try await HTTPClient.shared.execute(post, timeout: .seconds(10))
        while try await !Self.get("\(control)/rest/log").contains("pong") {
            try #require(ContinuousClock.now < deadline, "apus run never answered; output:\n\(botOutput.text)")
            try await Task.sleep(for: .milliseconds(50))
        }
        bot.terminate()
        while bot.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(bot.terminationStatus == 0, "apus run output:\n\(botOutput.text)")
        #expect(botOutput.text.contains("apus run: stopped"))
        sim.terminate()
        while sim.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(sim.terminationStatus == 0, "apus sim output:\n\(simOutput.text)")
    }

    @Test("apus demo (the main job) plays its conversation: commands, XP, a moderation case, a reminder fired from the database",
          .enabled(if: FileManager.default.isExecutableFile(atPath: CLIProcessTests.binary) || ProcessInfo.processInfo.environment["CI"] == "true"))
    func demoPlaysItsConversation() async throws {
        let databasePath = FileManager.default.temporaryDirectory.appendingPathComponent("apus-demo-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) } }
        let (demo, output) = try Self.start(["demo", "--database", databasePath])
        defer { if demo.isRunning { demo.terminate() } }
        let deadline = ContinuousClock.now + .seconds(90)
        while demo.isRunning {
            try #require(ContinuousClock.now < deadline, "apus demo did not finish; output:\n\(output.text)")
            try await Task.sleep(for: .milliseconds(50))
        }
        let text = output.text
        #expect(demo.terminationStatus == 0, "apus demo output:\n\(text)")
        #expect(text.contains("pong"))
        #expect(text.contains("was warned · case #1 · Reason: please keep it on topic"))
        #expect(text.contains("#1 · WARN"))
        #expect(text.contains("⏰ reminder #1: stretch your legs"))
        #expect(text.contains("1 scheduled job(s) completed"))
    }
}
