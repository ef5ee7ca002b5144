import Apus
import ApusCompression
import ApusModel
import ArgumentParser
import Dispatch
import Foundation
import Logging

/// `apus run`: the same bot as `apus demo`, against real Discord (or any simulator the URLs point at).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the bot against Discord with the token in DISCORD_TOKEN."
    )

    @Option(name: .customLong("api-base"), help: "The REST API base URL (default: Discord's v10 API).")
    var apiBase: String = "https://discord.com/api/v10"

    @Option(name: .customLong("gateway-url"), help: "Connect to this gateway URL instead of the one GET /gateway/bot returns.")
    var gatewayURL: String?

    @Option(help: "Transport compression: zstd-stream, zlib-stream or none.")
    var compression: String = "zstd-stream"

    @Option(help: "Gateway intents as a number (default: guilds, guild messages, message content).")
    var intents: Int?

    func run() async throws {
        guard let token = ProcessInfo.processInfo.environment["DISCORD_TOKEN"], !token.isEmpty else {
            throw ValidationError("set DISCORD_TOKEN to the bot's token")
        }
        guard let transport = TransportCompression(rawValue: compression) else {
            throw ValidationError("--compression must be one of: zstd-stream, zlib-stream, none (got '\(compression)')")
        }
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let chosenIntents = intents.map { Intents(rawValue: $0) } ?? [.guilds, .guildMessages, .messageContent]
        var configuration = BotConfiguration(token: token, intents: chosenIntents)
        configuration.apiBaseURL = apiBase
        configuration.gatewayURLOverride = gatewayURL
        configuration.compression = transport
        let bot = Bot(configuration: configuration)
        ChatCommands(seed: UInt64.random(in: 0...UInt64.max)).install(on: bot)

        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { bot.shutdown() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        do {
            try await bot.run()
        } catch {
            await bot.close()
            throw error
        }
        await bot.close()
        print("apus run: stopped")
    }
}
