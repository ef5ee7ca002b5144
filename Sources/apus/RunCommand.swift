import Apus
import ApusCompression
import ApusConfig
import ApusCore
import ApusStore
import ArgumentParser
import Foundation
import Logging

/// `apus run`: the same bot as `apus demo`, against real Discord (or any simulator the URLs point at), configured
/// by `apus.toml` and the environment.
///
/// A SIGTERM or SIGINT stops it gracefully within `[bot] shutdown_timeout`: the shards close resumably, the
/// sessions are stored in the database (the next start RESUMEs), buffered XP is committed, the store closes.
/// A second signal, or the deadline, forces the exit with status 1 and a line saying what was not flushed. Every
/// failure to start prints one line and exits with status 1 after closing what was opened.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the bot against Discord with the token in the variable [bot] token_env names (DISCORD_TOKEN)."
    )

    @Option(name: .customLong("api-base"), help: "The REST API base URL (default: Discord's v10 API).")
    var apiBase: String?

    @Option(name: .customLong("gateway-url"), help: "Connect to this gateway URL instead of the one GET /gateway/bot returns.")
    var gatewayURL: String?

    @Option(help: "Transport compression: zstd-stream, zlib-stream or none.")
    var compression: String = "zstd-stream"

    @Option(help: "Gateway intents as a number, over [bot] intents (default 38403).")
    var intents: Int?

    @Option(help: "The configuration file (apus.toml); without it every setting has its default or environment value.")
    var config: String?

    @Option(help: "A SQLite file, over [bot] database_url (default sqlite://apus.sqlite; APUS_DATABASE_URL also sets it).")
    var database: String?

    func run() async throws {
        guard let transport = TransportCompression(rawValue: compression) else {
            throw ValidationError("--compression must be one of: zstd-stream, zlib-stream, none (got '\(compression)')")
        }
        do {
            try await runBot(transport: transport)
        } catch let failure as StartFailure {
            FileHandle.standardError.write(Data("apus run: \(failure.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// A failure that has been cleaned up after and only needs its one line printed.
    struct StartFailure: Error {
        let message: String
    }

    private func runBot(transport: TransportCompression) async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        let environment = ProcessInfo.processInfo.environment
        let assembly: BotAssembly
        let launch: BotLaunchConfiguration
        do {
            assembly = try BotAssembly(seed: seed)
            launch = try BotLaunchConfiguration.load(
                configPath: config, schema: try assembly.schema(), environment: environment,
                overrides: .init(apiBaseURL: apiBase, gatewayURL: gatewayURL, compression: transport, intents: intents,
                                 sqlitePath: database))
        } catch {
            throw StartFailure(message: "\(error)")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = launch.logLevel
            return handler
        }
        let logger = Logger(label: "apus")
        let database: any Database
        do {
            database = try await launch.openStore()
        } catch {
            throw StartFailure(message: "\(error)")
        }
        logger.info("database: \(launch.store.displayName)")
        let sessions = GatewaySessionStore(database: database)
        var botConfiguration = launch.bot
        do {
            _ = try await Migrator(database: database).migrate(assembly.migrations(config: launch.config))
            botConfiguration.sessions = try await sessions.takeRecent(maximumAge: launch.resumeMaximumAge)
        } catch {
            await database.close()
            throw StartFailure(message: "cannot prepare the database \(launch.store.displayName): \(error)")
        }
        if !botConfiguration.sessions.isEmpty {
            logger.info("resuming \(botConfiguration.sessions.count) stored gateway session(s)")
        }
        let bot = Bot(configuration: botConfiguration)
        let runner = BotRunner(bot: bot, sessions: sessions, shutdownTimeout: launch.shutdownTimeout, logger: logger)
        let started: BotAssembly.Running
        do {
            started = try await assembly.wire(bot: bot, config: launch.config, database: database, seed: seed)
        } catch {
            runner.addStep("close the database") { await database.close(); return nil }
            _ = await runner.shutDownWithoutRunning()
            throw StartFailure(message: "cannot start the bot: \(error)")
        }
        runner.addStep("stop the scheduler and commit buffered XP") {
            await assembly.stop(started)
        }
        runner.coordinator.addPendingProbe { await assembly.pendingChanges() }
        runner.addStep("close the database") { await database.close(); return nil }
        let report: ShutdownReport
        do {
            report = try await runner.run()
        } catch {
            throw StartFailure(message: "the gateway stopped: \(error)")
        }
        guard report.isClean else { throw StartFailure(message: "\(report)") }
        print("apus run: stopped")
    }
}
