import Apus
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
        let commands = ChatCommands(seed: seed)
        commands.install(on: bot)
        let transcript = Transcript()
        transcript.install(on: bot)
        let running = Task { try await bot.run() }

        do {
            try await transcript.waitUntil("the bot is connected") { $0.guildCount == 1 }
            guard let guildID = simulator.world.guildIDs.first, let channelID = simulator.world.textChannelIDs.first else {
                throw ValidationError("the simulator generated no guild or channel")
            }
            let members = simulator.world.memberIDs(guildID: guildID).filter { $0 != simulatorConfiguration.botUserID }
            guard members.count >= 3 else { throw ValidationError("the simulator generated too few members") }
            print("Connected (\(transport.rawValue)). Transcript of #\(transcript.channelName(channelID)):\n")
            let script: [(author: UInt64, text: String, expectsReply: Bool)] = [
                (members[0], "hi everyone! is the new bot online?", false),
                (members[0], "!ping", true),
                (members[1], "!echo Apus speaks Discord's gateway and REST, offline", true),
                (members[1], "!roll 2d6", true),
                (members[2], "!roll 2d1000000", true),
                (members[2], "!help", true),
                (members[0], "!dance", true),
            ]
            var expectedReplies = 0
            for line in script {
                simulator.postMessage(channelID: channelID, authorID: line.author, content: line.text)
                if line.expectsReply {
                    expectedReplies += 1
                    let target = expectedReplies
                    try await transcript.waitUntil("the bot answered \"\(line.text)\"") { _ in commands.replyCount >= target }
                }
                try await transcript.waitUntil("the message was delivered") { $0.messagesSeen >= expectedReplies + 1 }
            }
            try await transcript.waitUntil("every reply was delivered") { $0.messagesSeen == script.count + expectedReplies }
        } catch {
            bot.shutdown()
            _ = try? await running.value
            await bot.close()
            await simulator.shutdown()
            throw error
        }
        bot.shutdown()
        try await running.value
        let statistics = bot.rest.rateLimitStatistics
        let counters = simulator.counters()
        print("""

        Summary: \(commands.replyCount) replies; \(transcript.messagesSeen) messages and \(transcript.eventsSeen) events received; \
        REST: \(statistics.requestsSent) requests, \(statistics.totalTooManyRequests) rate-limited; gateway: \
        \(counters.identifies) identify, \(counters.heartbeats) heartbeats, \(counters.dispatches) dispatches.
        """)
        await bot.close()
        await simulator.shutdown()
    }
}

/// Prints MESSAGE_CREATEs as they arrive and keeps the counts the demo waits on.
final class Transcript: Sendable {
    private struct State {
        var channelNames: [Snowflake: String] = [:]
        var guildCount = 0
        var messagesSeen = 0
        var eventsSeen = 0
    }

    private let state = Mutex(State())

    var guildCount: Int { state.withLock { $0.guildCount } }
    var messagesSeen: Int { state.withLock { $0.messagesSeen } }
    var eventsSeen: Int { state.withLock { $0.eventsSeen } }

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
