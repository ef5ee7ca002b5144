import Apus
import ApusCache
import ApusCommands
import ApusConfig
import ApusCore
import ApusInteractions
import ApusPlugins
import ApusScheduler
import ApusSimulator
import ApusStore
import Foundation
import Testing

/// One bot process of the framework tests over a database file: its own Bot, connection, scheduler, plugins and
/// routers, with its slash commands synchronised to the simulator. Several processes over one file model a restart.
struct FrameworkBotProcess {
    let bot: Bot
    let database: any Database
    let scheduler: Scheduler
    let running: Task<Void, any Error>

    static func start(
        simulator: DiscordSimulator, configuration: SimulatorConfiguration, databasePath: String, clock: any WallClock,
        seed: UInt64, plugins: [any Plugin], configText: String = ""
    ) async throws -> FrameworkBotProcess {
        let database = try SQLiteDatabase(location: .file(databasePath))
        var botConfiguration = BotConfiguration(
            token: configuration.token, intents: [.guilds, .guildMembers, .guildMessages, .messageContent])
        botConfiguration.apiBaseURL = simulator.apiBaseURL
        botConfiguration.timings = .fastForTesting
        botConfiguration.seed = seed
        let bot = Bot(configuration: botConfiguration)
        let host = try PluginHost(plugins: plugins)
        let config = try ConfigLoader(schema: try host.configSchema())
            .load(text: "[bot]\nprefix = \"!\"\n" + configText, environment: [:])
        _ = try await Migrator(database: database).migrate(
            [CoreMigrations.list, SQLGuildSettingsStore.migrations] + host.migrationLists(enabledIn: config))
        let scheduler = Scheduler(
            store: SQLJobStore(database: database), clock: clock,
            configuration: SchedulerMachine.Configuration(leaseDuration: .seconds(60)), random: SeededRandom(seed: seed))
        let context = PluginContext(
            rest: bot.rest, database: database, scheduler: scheduler,
            settings: GuildSettings(base: config, store: SQLGuildSettingsStore(database: database)), wallClock: clock)
        await host.start(config: config, context: context)
        try #require(host.statuses().allSatisfy { $0.state == .running })
        host.registerJobs(on: scheduler, context: context)
        let cache = DiscordCache()
        let router = CommandRouter(
            tree: try CommandTree(host.commands()),
            configuration: .init(prefixes: ["!"], botUserID: Snowflake(configuration.botUserID)),
            lookup: CacheCommandLookup(cache: cache, wallClock: clock, rest: bot.rest), wallClock: clock)
        let applicationID = Snowflake(configuration.applicationID)
        _ = try await CommandSynchronizer(rest: bot.rest, applicationID: applicationID).sync(router.slashPayloads(), guildID: nil)
        var components = ComponentRouter()
        host.registerRoutes(on: &components)
        bot.install(BotFramework(
            cache: cache, commands: router, components: components, plugins: host, context: context,
            applicationID: applicationID, wallClock: clock))
        let running = Task { try await bot.run() }
        let deadline = ContinuousClock.now + .seconds(30)
        while cache.guild(Snowflake(simulator.world.guildIDs.first ?? 0)) == nil {
            try #require(ContinuousClock.now < deadline, "the guild should reach the cache")
            try await Task.sleep(for: .milliseconds(10))
        }
        return FrameworkBotProcess(bot: bot, database: database, scheduler: scheduler, running: running)
    }

    /// Stops like `kill -9` as far as the data is concerned: the scheduler writes nothing more and only what was
    /// already committed survives.
    func crash() async throws {
        scheduler.abandon()
        bot.shutdown(keepSessionsResumable: true)
        try await running.value
        await bot.close()
        await database.close()
    }

    /// A clean stop.
    func stop() async throws {
        await scheduler.shutdown()
        bot.shutdown()
        try await running.value
        await bot.close()
        await database.close()
    }
}

/// Polls `condition` every 10 ms until it holds, failing the test with `message` after `seconds`.
func eventually(
    _ message: Comment, seconds: Int = 30, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while try await !condition() {
        try #require(ContinuousClock.now < deadline, message, sourceLocation: sourceLocation)
        try await Task.sleep(for: .milliseconds(10))
    }
}

/// A started simulator serving one guild, with that guild's id and its first text channel.
func startOneGuildSimulator() async throws
    -> (simulator: DiscordSimulator, configuration: SimulatorConfiguration, guildID: UInt64, channelID: UInt64) {
    var configuration = SimulatorConfiguration()
    configuration.guildCount = 1
    let simulator = DiscordSimulator(configuration: configuration)
    try await simulator.start()
    let guildID = try #require(simulator.world.guildIDs.first)
    let channelID = try #require(simulator.world.textChannelIDs.first)
    return (simulator, configuration, guildID, channelID)
}

/// A fresh directory for a test's database file, removed by the caller.
func temporaryDatabasePath(_ label: String) throws -> (directory: URL, path: String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apus-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return (directory, directory.appendingPathComponent("bot.sqlite").path)
}

/// Polls `condition` every 10 ms for up to `seconds`; returns whether it came to hold (the caller asserts the parts).
func settles(seconds: Int = 30, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return try await condition()
}
