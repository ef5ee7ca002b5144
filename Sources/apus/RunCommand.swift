import Apus
import ApusStore
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

    @Option(help: "Gateway intents as a number (default: guilds, guild members, guild messages, message content).")
    var intents: Int?

    @Option(help: "The configuration file (apus.toml); without it every setting has its default.")
    var config: String?

    @Option(help: "The SQLite file (ignored when APUS_DATABASE_URL names a PostgreSQL server).")
    var database: String = "apus.sqlite"

    func run() async throws {
        guard let token = ProcessInfo.processInfo.environment["DISCORD_TOKEN"], !token.isEmpty else {
            throw ValidationError("set DISCORD_TOKEN to the bot's token")
        }
        guard let transport = TransportCompression(rawValue: compression) else {
            throw ValidationError("--compression must be one of: zstd-stream, zlib-stream, none (got '\(compression)')")
        }
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let chosenIntents = intents.map { Intents(rawValue: $0) } ?? [.guilds, .guildMembers, .guildMessages, .messageContent]
        var configuration = BotConfiguration(token: token, intents: chosenIntents)
        configuration.apiBaseURL = apiBase
        configuration.gatewayURLOverride = gatewayURL
        configuration.compression = transport
        let bot = Bot(configuration: configuration)
        let environment = ProcessInfo.processInfo.environment
        let configText: String
        if let config {
            guard let data = FileManager.default.contents(atPath: config) else {
                throw ValidationError("cannot read the configuration file \(config)")
            }
            configText = String(decoding: data, as: UTF8.self)
        } else {
            configText = ""
        }
        let assembly: BotAssembly
        do {
            assembly = try await BotAssembly.assemble(
                bot: bot, configText: configText, environment: environment,
                store: try StoreConfiguration.from(environment: environment, defaultPath: database),
                seed: UInt64.random(in: 0...UInt64.max))
        } catch {
            await bot.close()
            throw error
        }

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
            await assembly.shutDown()
            await bot.close()
            throw error
        }
        // SIGTERM: the shards have closed and the handlers drained; commit buffered XP, stop the scheduler.
        await assembly.shutDown()
        await bot.close()
        print("apus run: stopped")
    }
}
