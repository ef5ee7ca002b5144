import Apus
import ApusCache
import ApusCommands
import ApusConfig
import ApusCore
import ApusInteractions
import ApusPlugins
import ApusScheduler
import ApusStore
import Logging
import Synchronization

/// The `apus` bot's batteries on a ``Bot``: the plugins (chat, levels, reminders, moderation, settings), their
/// migrations, the persistent scheduler, the cache and the routers.
///
/// Built in two steps, because the configuration's schema comes from the plugins and the bot's connection comes
/// from the configuration: ``init(seed:)`` makes the plugins (so ``schema()`` can validate `apus.toml`), then
/// ``wire(bot:config:database:wallClock:seed:)`` starts them on an opened database and installs the framework.
final class BotAssembly: Sendable {
    let host: PluginHost
    let levels: LevelsPlugin
    /// The router, once wired: the levels plugin asks it whether a message was a command.
    private let router: RouterBox

    private final class RouterBox: Sendable {
        let value = Mutex<CommandRouter?>(nil)
    }

    init(seed: UInt64) throws {
        let router = RouterBox()
        self.router = router
        levels = LevelsPlugin(isCommand: { content in router.value.withLock { $0?.matchPrefix(content) != nil } })
        host = try PluginHost(plugins: [ChatPlugin(seed: seed), levels, RemindersPlugin(), ModerationPlugin(), SettingsPlugin()])
    }

    /// The configuration schema: the core sections plus every plugin's.
    func schema() throws -> ConfigSchema {
        try host.configSchema()
    }

    /// The migrations the bot needs: core, settings, stored gateway sessions, and each enabled plugin's.
    func migrations(config: ResolvedConfig) -> [MigrationList] {
        [CoreMigrations.list, SQLGuildSettingsStore.migrations, GatewaySessionStore.migrations]
            + host.migrationLists(enabledIn: config)
    }

    /// The parts that need stopping, in the order they stop.
    struct Running {
        let scheduler: Scheduler
        let context: PluginContext
    }

    /// Starts the plugins and the scheduler on `database` (already migrated) and installs the framework on `bot`
    /// (before `bot.run()`). Asks Discord who the bot is, so a rejected token fails here.
    func wire(
        bot: Bot, config: ResolvedConfig, database: any Database, wallClock: any WallClock = SystemWallClock(), seed: UInt64
    ) async throws -> Running {
        let retry = JobRetryPolicy(baseDelay: config.bot.jobRetryDelay, maxDelay: config.bot.jobRetryMaximumDelay)
        let scheduler = Scheduler(
            store: SQLJobStore(database: database), clock: wallClock, configuration: .init(retryPolicy: retry),
            classifier: DiscordJobFailureClassifier(),
            random: SeededRandom(seed: seed))
        let settings = GuildSettings(base: config, store: CachingGuildSettingsStore(SQLGuildSettingsStore(database: database)))
        let context = PluginContext(
            rest: bot.rest, database: database, scheduler: scheduler, settings: settings, wallClock: wallClock)
        let me = try await bot.rest.getCurrentUser()
        let application = try await bot.rest.getCurrentApplication()
        await host.start(config: config, context: context)
        for status in host.statuses() {
            if case .failed(let reason) = status.state { Logger(label: "apus").error("plugin \(status.name): \(reason)") }
        }
        host.registerJobs(on: scheduler, context: context)
        let cache = DiscordCache()
        let commandRouter = CommandRouter(
            tree: try CommandTree(host.commands()),
            configuration: .init(prefixes: [config.bot.prefix], botUserID: me.id, ownerIDs: Set(config.bot.ownerIDs.map { Snowflake($0) })),
            lookup: CacheCommandLookup(cache: cache, wallClock: wallClock, rest: bot.rest), wallClock: wallClock)
        router.value.withLock { $0 = commandRouter }
        _ = try await CommandSynchronizer(rest: bot.rest, applicationID: application.id).sync(commandRouter.slashPayloads(), guildID: nil)
        var components = ComponentRouter()
        host.registerRoutes(on: &components)
        bot.install(BotFramework(
            cache: cache, commands: commandRouter, components: components, plugins: host, context: context,
            applicationID: application.id, wallClock: wallClock, prefixes: BotFramework.guildPrefixes(from: settings)))
        scheduler.start()
        return Running(scheduler: scheduler, context: context)
    }

    /// Stops the scheduler, then lets the plugins flush (buffered XP is committed). Returns what could not be
    /// committed, or nil when everything was.
    @discardableResult
    func stop(_ running: Running) async -> String? {
        await running.scheduler.shutdown()
        await host.shutDown(context: running.context)
        // The levels plugin closed its ledger above (retrying a failing database); a second close only reports.
        guard let report = await levels.ledger?.close(), !report.isComplete else { return nil }
        return report.description
    }

    /// What is not yet committed, for the line of a forced exit.
    func pendingChanges() async -> String? {
        guard let count = await levels.ledger?.pendingChangeCount(), count > 0 else { return nil }
        return "\(count) members' XP changes"
    }
}
