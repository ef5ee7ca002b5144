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
    @Test("messages earn XP, a level-up grants the reward role, `level` answers by prefix and by slash, and the admin commands and leaderboard work")
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

        let (directory, databasePath) = try temporaryDatabasePath("framework")
        defer { try? FileManager.default.removeItem(at: directory) }
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

        // The admin commands and the leaderboard (the guild owner has Manage Server; the author has not).
        let guildJSON = try #require(simulator.world.guildCreateJSON(guildID: guildID))
        let guildObject = try #require(try JSONSerialization.jsonObject(with: Data(guildJSON.utf8)) as? [String: Any])
        let owner = try #require((guildObject["owner_id"] as? String).flatMap { UInt64($0) })
        let other = try #require(simulator.world.memberIDs(guildID: guildID).first {
            $0 != owner && $0 != author && $0 != simulatorConfiguration.botUserID
        })
        func answered(_ text: String) async throws {
            while !simulator.rest.messages(channelID: channelID).contains(where: { $0.contains(text) }) {
                try #require(ContinuousClock.now < deadline, "the bot should answer with \(text); messages: \(simulator.rest.messages(channelID: channelID).suffix(4).map { $0.components(separatedBy: "\"content\":").last?.prefix(120) ?? "" })")
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!levels setxp <@\(other)> 10")
        try await answered("You need the `Manage Server` permission")
        _ = simulator.postMessage(channelID: channelID, authorID: owner, content: "!levels setxp <@\(other)> 10")
        try await answered(": 10 XP (level 0).")
        _ = simulator.postMessage(channelID: channelID, authorID: owner, content: "!lb")
        // The log holds the JSON bodies, where the line break is written as backslash-n.
        try await answered("#1 <@\(author)> · Level 1 · 21 XP\\n#2 <@\(other)> · Level 0 · 10 XP")
        _ = simulator.postMessage(channelID: channelID, authorID: owner, content: "!levels bl <@\(other)>")
        try await answered(": blacklisted (earns no XP).")
        _ = simulator.postMessage(channelID: channelID, authorID: owner, content: "!leaderboard 2")
        try await answered("There is no page 2 of the leaderboard.")

        bot.shutdown()
        try await running.value
        await host.shutDown(context: context)
        await bot.close()

        let otherRow = try await database.queryFirst(
            "SELECT xp, level, blacklisted FROM levels WHERE guild_id = ? AND member_id = ?",
            [.int64(Int64(bitPattern: guildID)), .int64(Int64(bitPattern: other))])
        #expect(try otherRow?.double("xp") == 10 && otherRow?.int("level") == 0 && otherRow?.bool("blacklisted") == true)
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

extension FrameworkLevelsTests {
    @Test("a server admin switches levels off for the server with `config set`; a member without Manage Server cannot")
    func perGuildSwitchFromChat() async throws {
        let (simulator, simulatorConfiguration, guildID, channelID) = try await startOneGuildSimulator()
        let guildJSON = try #require(simulator.world.guildCreateJSON(guildID: guildID))
        let guildObject = try #require(try JSONSerialization.jsonObject(with: Data(guildJSON.utf8)) as? [String: Any])
        let owner = try #require((guildObject["owner_id"] as? String).flatMap { UInt64($0) })
        let member = try #require(simulator.world.memberIDs(guildID: guildID).last { $0 != owner })

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apus-framework-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(location: .file(directory.appendingPathComponent("bot.sqlite").path))
        var botConfiguration = BotConfiguration(token: simulatorConfiguration.token, intents: [.guilds, .guildMessages, .messageContent, .guildMembers])
        botConfiguration.apiBaseURL = simulator.apiBaseURL
        botConfiguration.timings = .fastForTesting
        botConfiguration.seed = 12
        let bot = Bot(configuration: botConfiguration)
        let routerBox = RouterBox()
        let levels = LevelsPlugin(isCommand: { routerBox.router?.matchPrefix($0) != nil })
        let host = try PluginHost(plugins: [levels, SettingsPlugin()])
        let config = try ConfigLoader(schema: try host.configSchema())
            .load(text: "[bot]\nprefix = \"!\"\n[levels]\ncooldown = 0\n", environment: [:])
        _ = try await Migrator(database: database).migrate([SQLGuildSettingsStore.migrations] + host.migrationLists(enabledIn: config))
        let context = PluginContext(
            rest: bot.rest, database: database,
            settings: GuildSettings(base: config, store: SQLGuildSettingsStore(database: database)))
        await host.start(config: config, context: context)
        let cache = DiscordCache()
        let router = CommandRouter(
            tree: try CommandTree(host.commands()),
            configuration: .init(prefixes: ["!"], botUserID: Snowflake(simulatorConfiguration.botUserID)),
            lookup: CacheCommandLookup(cache: cache))
        routerBox.router = router
        bot.install(BotFramework(
            cache: cache, commands: router, components: ComponentRouter(), plugins: host, context: context,
            applicationID: Snowflake(simulatorConfiguration.applicationID)))
        let running = Task { try await bot.run() }
        let deadline = ContinuousClock.now + .seconds(30)
        while cache.guild(Snowflake(guildID)) == nil {
            try #require(ContinuousClock.now < deadline, "the guild should reach the cache")
            try await Task.sleep(for: .milliseconds(10))
        }
        let ledger = try #require(levels.ledger)
        func replies() -> [String] { simulator.rest.messages(channelID: channelID) }

        // A member without Manage Server is refused, and nothing changes.
        _ = simulator.postMessage(channelID: channelID, authorID: member, content: "!config set levels.enabled false")
        while !replies().contains(where: { $0.contains("Manage Server") || $0.contains("permission") }) {
            try #require(ContinuousClock.now < deadline, "the member should be refused with the missing permission")
            try await Task.sleep(for: .milliseconds(10))
        }
        // A wrong value is refused with the key named.
        _ = simulator.postMessage(channelID: channelID, authorID: owner, content: "!config set levels.cooldown soon")
        while !replies().contains(where: { $0.contains("Not changed") && $0.contains("levels.cooldown") }) {
            try #require(ContinuousClock.now < deadline, "a bad value should be refused")
            try await Task.sleep(for: .milliseconds(10))
        }
        // Two messages with levels on: a row with 1 XP.
        for index in 0..<2 { _ = simulator.postMessage(channelID: channelID, authorID: member, content: "before \(index)") }
        let key = MemberKey(guildID: guildID, memberID: member)
        while try await ledger.row(key)?.xp != 1 {
            try #require(ContinuousClock.now < deadline, "levels should score messages while on")
            try await Task.sleep(for: .milliseconds(10))
        }
        // The owner switches levels off for this server; later messages earn nothing.
        _ = simulator.postMessage(channelID: channelID, authorID: owner, content: "!config set levels.enabled false")
        while !replies().contains(where: { $0.contains("levels.enabled") && $0.contains("in this server") }) {
            try #require(ContinuousClock.now < deadline, "the owner's change should be confirmed")
            try await Task.sleep(for: .milliseconds(10))
        }
        for index in 0..<3 { _ = simulator.postMessage(channelID: channelID, authorID: member, content: "after \(index)") }
        // The cache and the plugins share one queue, in gateway order: once a later message is in the cache, the
        // plugins have seen the three before it.
        let sentinelJSON = try #require(simulator.postMessage(channelID: channelID, authorID: member, content: "sentinel"))
        let sentinel = try #require(try JSONSerialization.jsonObject(with: Data(sentinelJSON.utf8)) as? [String: Any])
        let sentinelID = try #require((sentinel["id"] as? String).flatMap { UInt64($0) })
        while cache.message(Snowflake(sentinelID), channel: Snowflake(channelID)) == nil {
            try #require(ContinuousClock.now < deadline, "the sentinel should reach the cache")
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(try await ledger.row(key)?.xp == 1, "messages after the switch earned nothing")
        let stored = try await database.queryFirst("SELECT overrides FROM guild_settings WHERE guild_id = ?", [.int64(Int64(bitPattern: guildID))])
        #expect(try stored?.text("overrides").contains("enabled") == true, "the override is in the database")
        #expect(await host.isEnabled("levels", guildID: guildID, context: context) == false)
        bot.shutdown()
        try await running.value
        await host.shutDown(context: context)
        await bot.close()
        let row = try await database.queryFirst("SELECT xp FROM levels WHERE guild_id = ? AND member_id = ?",
                                                [.int64(Int64(bitPattern: guildID)), .int64(Int64(bitPattern: member))])
        #expect(try row?.double("xp") == 1, "messages after the switch earned nothing")
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
