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

/// The `apus` bot's batteries on a ``Bot``: the database (SQLite by default, PostgreSQL with `APUS_DATABASE_URL`),
/// migrations, the persistent scheduler, the plugins (chat, levels, reminders, settings), the cache and the routers.
struct BotAssembly {
    let database: any Database
    let scheduler: Scheduler
    let host: PluginHost
    let context: PluginContext
    let levels: LevelsPlugin

    /// Wires everything onto `bot` (before `bot.run()`); `configText` is `apus.toml`'s text (may be empty).
    static func assemble(
        bot: Bot, configText: String, environment: [String: String], store: StoreConfiguration, seed: UInt64,
        wallClock: any WallClock = SystemWallClock()
    ) async throws -> BotAssembly {
        let routerBox = Mutex<CommandRouter?>(nil)
        let levels = LevelsPlugin(isCommand: { content in routerBox.withLock { $0?.matchPrefix(content) != nil } })
        let host = try PluginHost(plugins: [ChatPlugin(seed: seed), levels, RemindersPlugin(), ModerationPlugin(), SettingsPlugin()])
        let config = try ConfigLoader(schema: try host.configSchema()).load(text: configText, environment: environment)
        let database = try await store.open()
        _ = try await Migrator(database: database).migrate(
            [CoreMigrations.list, SQLGuildSettingsStore.migrations] + host.migrationLists(enabledIn: config))
        let scheduler = Scheduler(store: SQLJobStore(database: database), clock: wallClock, random: SeededRandom(seed: seed))
        let context = PluginContext(
            rest: bot.rest, database: database, scheduler: scheduler,
            settings: GuildSettings(base: config, store: CachingGuildSettingsStore(SQLGuildSettingsStore(database: database))),
            wallClock: wallClock)
        await host.start(config: config, context: context)
        for status in host.statuses() {
            if case .failed(let reason) = status.state { Logger(label: "apus").error("plugin \(status.name): \(reason)") }
        }
        host.registerJobs(on: scheduler, context: context)
        let me = try await bot.rest.getCurrentUser()
        let application = try await bot.rest.getCurrentApplication()
        let cache = DiscordCache()
        let router = CommandRouter(
            tree: try CommandTree(host.commands()),
            configuration: .init(prefixes: [config.bot.prefix], botUserID: me.id, ownerIDs: Set(config.bot.ownerIDs.map { Snowflake($0) })),
            lookup: CacheCommandLookup(cache: cache, wallClock: wallClock, rest: bot.rest), wallClock: wallClock)
        routerBox.withLock { $0 = router }
        _ = try await CommandSynchronizer(rest: bot.rest, applicationID: application.id).sync(router.slashPayloads(), guildID: nil)
        var components = ComponentRouter()
        host.registerRoutes(on: &components)
        bot.install(BotFramework(
            cache: cache, commands: router, components: components, plugins: host, context: context,
            applicationID: application.id, wallClock: wallClock))
        scheduler.start()
        return BotAssembly(database: database, scheduler: scheduler, host: host, context: context, levels: levels)
    }

    /// Stops the scheduler, lets plugins flush (buffered XP is committed), and closes the database.
    func shutDown() async {
        await scheduler.shutdown()
        await host.shutDown(context: context)
        await database.close()
    }
}
