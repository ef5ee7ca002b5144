import Apus
import ApusConfig
import ApusStore
import Foundation
import ApusCore
import ApusGateway
import ApusModel
import ApusSimulator
import ArgumentParser
import Logging
import Synchronization

/// `apus demo`: runs the bot against an in-process simulator, plays a scripted conversation and prints the
/// transcript. This is Apus's main job on a machine with no Discord account.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the bot against the built-in Discord simulator and print a scripted conversation."
    )

    @Option(help: "Transport compression: zstd-stream, zlib-stream or none.")
    var compression: String = "zstd-stream"

    @Option(help: "The seed for the simulator's world and the bot's dice.")
    var seed: UInt64 = 7

    @Flag(help: "Show the library's own log lines.")
    var verbose = false

    @Option(help: "The SQLite file the bot stores its data in (default: a fresh file in the temporary directory).")
    var database: String?

    func run() async throws {
        guard let transport = TransportCompression(rawValue: compression) else {
            throw ValidationError("--compression must be one of: zstd-stream, zlib-stream, none (got '\(compression)')")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .info : .warning
            return handler
        }
        var simulatorConfiguration = SimulatorConfiguration()
        simulatorConfiguration.seed = seed
        simulatorConfiguration.guildCount = 1
        simulatorConfiguration.membersPerGuild = 6
        let simulator = DiscordSimulator(configuration: simulatorConfiguration)
        try await simulator.start()
        print("Local Discord listening on \(simulator.apiBaseURL) and \(simulator.gatewayURL)")

        var configuration = BotConfiguration(token: simulatorConfiguration.token, intents: [.guilds, .guildMessages, .messageContent, .guildMembers])
        configuration.apiBaseURL = simulator.apiBaseURL
        configuration.gatewayURLOverride = simulator.gatewayURL
        configuration.compression = transport
        configuration.seed = seed
        let bot = Bot(configuration: configuration)
        let transcript = Transcript(botUserID: Snowflake(simulatorConfiguration.botUserID))
        transcript.install(on: bot)
        let databasePath = database ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("apus-demo-\(UUID().uuidString).sqlite").path
        let assembly: BotAssembly
        let database: any Database
        let started: BotAssembly.Running
        do {
            assembly = try BotAssembly(seed: seed)
            let config = try ConfigLoader(schema: assembly.schema())
                .load(text: "[bot]\nprefix = \"!\"\n[levels]\ncooldown = 0\n", environment: [:])
            database = try SQLiteDatabase(location: .file(databasePath))
            do {
                _ = try await Migrator(database: database).migrate(assembly.migrations(config: config))
                started = try await assembly.wire(bot: bot, config: config, database: database, seed: seed)
            } catch {
                await database.close()
                throw error
            }
        } catch {
            // Close what was opened, so the failure is one line and never the HTTP client's deinit check.
            await bot.close()
            await simulator.shutdown()
            throw error
        }
        print("Embedded SQLite database: \(databasePath)")
        let running = Task { try await bot.run() }

        do {
            try await transcript.waitUntil("the bot is connected") { $0.guildCount == 1 }
            guard let guildID = simulator.world.guildIDs.first, let channelID = simulator.world.textChannelIDs.first else {
                throw ValidationError("the simulator generated no guild or channel")
            }
            let members = simulator.world.memberIDs(guildID: guildID).filter { $0 != simulatorConfiguration.botUserID }
            guard members.count >= 4 else { throw ValidationError("the simulator generated too few members") }
            print("Connected (\(transport.rawValue)). Transcript of #\(transcript.channelName(channelID)):\n")
            // Each line: who, what, and how many bot messages it should bring.
            let script: [(author: UInt64, text: String, replies: Int)] = [
                (members[0], "hi everyone! is the new bot online?", 0),
                (members[0], "it answers commands and keeps XP for chatting", 0),
                (members[0], "and it keeps its timers in a database", 0),
                (members[0], "!ping", 1),
                (members[1], "!echo Apus speaks Discord's gateway and REST, offline", 1),
                (members[1], "!roll 2d6", 1),
                (members[2], "!roll 2d1000000", 1),
                (members[2], "!roll", 1),
                (members[0], "!level", 1),
                (members[2], "!remindme 2s stretch your legs", 1),
                // members[1] is the server's moderator: a warning with the moderation flags, then the case list.
                (members[1], "!warn <@\(members[3])> please keep it on topic -silent", 1),
                (members[1], "!cases", 1),
                (members[1], "!help", 1),
            ]
            var expected = 0
            for line in script {
                _ = simulator.postMessage(channelID: channelID, authorID: line.author, content: line.text)
                expected += line.replies
                let target = expected
                try await transcript.waitUntil("the bot answered \"\(line.text)\"") { $0.botMessagesSeen >= target }
            }
            // The reminder fires from the scheduler two seconds later.
            let target = expected + 1
            try await transcript.waitUntil("the reminder fired") { $0.botMessagesSeen >= target }
            try await transcript.waitUntil("the reminder's job was committed as done") { _ in
                started.scheduler.counters.succeeded >= 1
            }
        } catch {
            bot.shutdown()
            _ = try? await running.value
            await assembly.stop(started)
            await database.close()
            await bot.close()
            await simulator.shutdown()
            throw error
        }
        bot.shutdown()
        try await running.value
        let jobs = try await started.scheduler.jobs(kind: nil, state: .completed).count
        await assembly.stop(started)
        await database.close()
        let statistics = bot.rest.rateLimitStatistics
        let counters = simulator.counters()
        let stored = try await Self.storedXP(path: databasePath)
        print("""

        Summary: \(transcript.botMessagesSeen) bot messages; \(transcript.messagesSeen) messages and \(transcript.eventsSeen) events received; \
        REST: \(statistics.requestsSent) requests, \(statistics.totalTooManyRequests) rate-limited; gateway: \
        \(counters.identifies) identify, \(counters.heartbeats) heartbeats, \(counters.dispatches) dispatches.
        Database: \(stored.rows) members with XP (\(stored.xp) XP in all, committed through the write-behind buffer), \
        \(jobs) scheduled job(s) completed.
        """)
        await bot.close()
        await simulator.shutdown()
    }
}

extension DemoCommand {
    /// Reads the levels table back from the file after shutdown: what survived is what was committed.
    static func storedXP(path: String) async throws -> (rows: Int, xp: Int) {
        let database = try SQLiteDatabase(location: .file(path))
        defer { Task { await database.close() } }
        let row = try await database.queryFirst("SELECT COUNT(*) AS n, COALESCE(SUM(xp), 0) AS total FROM levels")
        return (try row?.int("n") ?? 0, Int(try row?.double("total") ?? 0))
    }
}

/// Prints MESSAGE_CREATEs as they arrive and keeps the counts the demo waits on.
final class Transcript: Sendable {
    private struct State {
        var channelNames: [Snowflake: String] = [:]
        var guildCount = 0
        var messagesSeen = 0
        var botMessagesSeen = 0
        var eventsSeen = 0
    }

    private let state = Mutex(State())
    private let botUserID: Snowflake

    init(botUserID: Snowflake) {
        self.botUserID = botUserID
    }

    var guildCount: Int { state.withLock { $0.guildCount } }
    var messagesSeen: Int { state.withLock { $0.messagesSeen } }
    var eventsSeen: Int { state.withLock { $0.eventsSeen } }
    var botMessagesSeen: Int { state.withLock { $0.botMessagesSeen } }

    func channelName(_ id: UInt64) -> String {
        state.withLock { $0.channelNames[Snowflake(id)] } ?? String(id)
    }

    func install(on bot: Bot) {
        bot.on(.guildCreate) { [self] guild in
            state.withLock { state in
                state.guildCount += 1
                state.eventsSeen += 1
                for channel in guild.channels ?? [] { state.channelNames[channel.id] = channel.name ?? String(channel.id.rawValue) }
            }
        }
        bot.on(.messageCreate) { [self] message in
            state.withLock { state in
                state.messagesSeen += 1
                state.eventsSeen += 1
                if message.author.id == botUserID { state.botMessagesSeen += 1 }
            }
            let name = message.author.globalName ?? message.author.username
            let marker = message.author.bot == true ? " [bot]" : ""
            print("  \(Self.clockTime(message.timestamp))  \(name)\(marker): \(message.content)")
        }
    }

    /// `HH:MM:SS` (UTC) of a timestamp.
    static func clockTime(_ timestamp: DiscordTimestamp) -> String {
        let seconds = Int((timestamp.microsecondsSinceEpoch / 1_000_000) % 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    /// Polls until `condition` holds, or throws after ten seconds with what it was waiting for.
    func waitUntil(_ what: String, _ condition: (Transcript) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition(self) {
            guard ContinuousClock.now < deadline else { throw ValidationError("timed out waiting until \(what)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
