import ApusCompression
import ApusSimulator
import Foundation
import Synchronization
import Testing

/// A real client that no one here wrote: discord.py 2.7 logs in to the simulator, receives READY, GUILD_CREATE and a
/// MESSAGE_CREATE, and answers through REST; the simulator records the reply. With `CI=true` a missing Python
/// environment fails the test instead of skipping it.
@Suite("discord.py against the simulator", .serialized, .timeLimit(.minutes(2)))
struct DiscordPyInteropTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The Python with discord.py[speed]: `APUS_PEER_PYTHON`, else the venv `scripts/install-deps.sh --python` makes.
    static var python: String? {
        if let configured = ProcessInfo.processInfo.environment["APUS_PEER_PYTHON"], !configured.isEmpty { return configured }
        let venv = repositoryRoot.appendingPathComponent(".venv-peers/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    static var mustRun: Bool { ProcessInfo.processInfo.environment["CI"] == "true" || python != nil }

    @Test("discord.py logs in, receives READY, GUILD_CREATE and MESSAGE_CREATE, and its reply is recorded",
          .enabled(if: mustRun, "no discord.py environment (run scripts/install-deps.sh --python); CI never skips"),
          arguments: [TransportCompression.zlibStream, .zstdStream])
    func discordPyClient(compression: TransportCompression) async throws {
        let python = try #require(Self.python, "discord.py environment missing: run bash scripts/install-deps.sh --python")
        var configuration = SimulatorConfiguration()
        configuration.guildCount = 1
        configuration.membersPerGuild = 5
        let simulator = DiscordSimulator(configuration: configuration)
        try await simulator.start()
        defer { Task { await simulator.shutdown() } }

        let (process, output) = try CLIProcessTests.launch(python, [
            Self.repositoryRoot.appendingPathComponent("Tests/peers/discordpy_client.py").path,
            simulator.apiBaseURL, simulator.gatewayURL, configuration.token, compression.rawValue, "60",
        ])
        defer { if process.isRunning { process.terminate() } }

        try await Self.waitUntil("discord.py saw READY and its guild", output: output) { text in
            text.contains("READY ") && text.contains("GUILD_AVAILABLE ")
        }
        simulator.postMessage(content: "!ping")
        try await Self.waitUntil("discord.py replied", output: output) { $0.contains("REPLIED ") }
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        let text = output.text
        #expect(process.terminationStatus == 0, "discord.py output:\n\(text)")
        #expect(text.contains("COMPRESSION \(compression.rawValue)"))
        #expect(text.contains("MESSAGE_CREATE"))

        let replies = simulator.rest.requestLog().filter { $0.method == "POST" && $0.body.contains("pong from discord.py") }
        #expect(replies.count == 1)
        #expect(replies.first?.status == 200)
        let connection = try #require(simulator.connections().first)
        #expect(connection.compression == compression.rawValue)
        let identify = try #require(simulator.wireLog().first { $0.identify != nil }?.identify)
        #expect(identify.token == configuration.token)
        #expect(simulator.counters().serverCloses.isEmpty, "the simulator must not have rejected anything discord.py sent")
    }

    static func waitUntil(_ what: String, output: OutputBuffer, _ condition: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition(output.text) {
            if ContinuousClock.now > deadline {
                Issue.record("timed out waiting until \(what); output so far:\n\(output.text)")
                throw HarnessTimeout(what: what)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// Collects a subprocess's output from its pipe's handler thread.
final class OutputBuffer: Sendable {
    private let storage = Mutex("")

    func append(_ text: String) {
        storage.withLock { $0 += text }
    }

    var text: String { storage.withLock { $0 } }
}
