import Apus
import Synchronization
import ApusCache
import ApusCommands
import ApusConfig
import ApusInteractions
import ApusPlugins
import ApusSimulator
import ApusStore
import Foundation
import Testing

/// The framework end to end against the simulator: a member's messages go in, the levels plugin scores them
/// through the write-behind store, grants the reward role over REST, and the `level` command answers as a prefix
/// command and as a slash command; the database rows are checked after shutdown.
@Suite("Framework: levels plugin end to end", .serialized, .timeLimit(.minutes(2)))
struct FrameworkLevelsTests {
    @Test("messages earn XP, a level-up grants the reward role, and `level` answers by prefix and by slash")
    func levelsEndToEnd() async throws {
        var simulatorConfiguration = SimulatorConfiguration()
        simulatorConfiguration.guildCount = 1
        simulatorConfiguration.scriptedMessageInterval = nil
        let simulator = DiscordSimulator(configuration: simulatorConfiguration)
        try await simulator.start()
        let guildID = try #require(simulator.world.guildIDs.first)
        let channelID = try #require(simulator.world.textChannelIDs.first)
        // Any role below the bot's own can be a reward; the generated guild's lowest is `Muted`.
        let rewardRole = try #require(simulator.world.roleIDs(guildID: guildID)["Muted"])
        let author = try #require(simulator.world.memberIDs(guildID: guildID).last)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apus-framework-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("bot.sqlite").path
        let database = try SQLiteDatabase(location: .file(databasePath))

        var botConfiguration = BotConfiguration(token: simulatorConfiguration.token, intents: [.guilds, .guildMessages, .messageContent, .guildMembers])
        botConfiguration.apiBaseURL = simulator.apiBaseURL
        botConfiguration.timings = .fastForTesting
        botConfiguration.seed = 11
        let bot = Bot(configuration: botConfiguration)

        let routerBox = RouterBox()
        let levels = LevelsPlugin(isCommand: { routerBox.router?.matchPrefix($0) != nil })
        let host = try PluginHost(plugins: [levels])
        let toml = """
            [bot]
            prefix = "!"
            [levels]
            cooldown = 0
            roles = [{ level = 1, role_id = \(rewardRole) }]
            """
        let config = try ConfigLoader(schema: try host.configSchema()).load(text: toml, environment: [:])
        _ = try await Migrator(database: database).migrate(
            [SQLGuildSettingsStore.migrations] + host.migrationLists(enabledIn: config))
        let context = PluginContext(
            rest: bot.rest, database: database,
            settings: GuildSettings(base: config, store: SQLGuildSettingsStore(database: database)))
        await host.start(config: config, context: context)
        #expect(host.statuses().map(\.state) == [.running])

        let cache = DiscordCache()
        let tree = try CommandTree(host.commands())
        let router = CommandRouter(
            tree: tree,
            configuration: .init(prefixes: [config.bot.prefix], botUserID: Snowflake(simulatorConfiguration.botUserID)),
            lookup: CacheCommandLookup(cache: cache))
        routerBox.router = router
        let applicationID = Snowflake(simulatorConfiguration.applicationID)
        _ = try await CommandSynchronizer(rest: bot.rest, applicationID: applicationID).sync(router.slashPayloads(), guildID: nil)
        bot.install(BotFramework(
            cache: cache, commands: router, components: ComponentRouter(), plugins: host, context: context,
            applicationID: applicationID))

        let running = Task { try await bot.run() }
        let deadline = ContinuousClock.now + .seconds(30)
        while cache.guild(Snowflake(guildID)) == nil {
            try #require(ContinuousClock.now < deadline, "the guild should reach the cache")
            try await Task.sleep(for: .milliseconds(10))
        }
        // 22 messages: the first creates the row with 0 XP, the next 21 earn 1 each; level 1 starts at 20 XP.
        for index in 0..<22 {
            _ = simulator.postMessage(channelID: channelID, authorID: author, content: "message \(index)")
        }
        let ledger = try #require(levels.ledger)
        let key = MemberKey(guildID: guildID, memberID: author)
        while try await ledger.row(key)?.xp != 21 {
            try #require(ContinuousClock.now < deadline, "all 22 messages should be scored")
            try await Task.sleep(for: .milliseconds(10))
        }
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!level")
        while !simulator.rest.messages(channelID: channelID).contains(where: { $0.contains("Level 1") }) {
            try #require(ContinuousClock.now < deadline, "the prefix command should answer")
            try await Task.sleep(for: .milliseconds(10))
        }
        let slash = try simulator.rest.runCommand("level", channelID: channelID, userID: author)
        while !simulator.rest.interactionResponses(id: slash.id).contains(where: { $0.accepted && $0.body.contains("Level 1") }) {
            try #require(ContinuousClock.now < deadline, "the slash command should answer")
            try await Task.sleep(for: .milliseconds(10))
        }

        bot.shutdown()
        try await running.value
        await host.shutDown(context: context)
        await bot.close()

        let grants = simulator.rest.requestLog().filter {
            $0.method == "PUT" && $0.path.hasSuffix("/members/\(author)/roles/\(rewardRole)")
        }
        #expect(grants.count == 1, "one level-up, one role grant")
        #expect(grants.first?.status == 204)
        // The `!level` message earned nothing; the rows are durable after shutdown.
        let rows = try await database.query("SELECT xp, level FROM levels WHERE guild_id = ? AND member_id = ?",
                                            [.int64(Int64(bitPattern: guildID)), .int64(Int64(bitPattern: author))])
        #expect(rows.count == 1)
        #expect(try rows.first?.double("xp") == 21)
        #expect(try rows.first?.int("level") == 1)
        await database.close()
        await simulator.shutdown()
    }
}

/// Lets the levels plugin ask the router (built after the plugin) whether a message is a command.
final class RouterBox: Sendable {
    private let storage = Mutex<CommandRouter?>(nil)
    var router: CommandRouter? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
