import Apus
import ApusConfig
import ApusModel
import ApusStore
import Foundation
import Testing

@Suite("Launch configuration: every [bot] key reaches the bot, and every problem is one line naming its source")
struct BotLaunchConfigurationTests {
    private let schema = ConfigSchema.core

    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("apus-launch-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("token_env, intents, shards, database_url, log_level and the lifecycle keys become the bot's settings")
    func everyBotKey() throws {
        let path = try write("""
            [bot]
            token_env = "MY_TOKEN"
            intents = 513
            shard_total = 4
            shard_first = 2
            shard_last = 3
            database_url = "sqlite://data/bot.sqlite"
            log_level = "warning"
            resume_max_age = "90s"
            shutdown_timeout = "5s"
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let launch = try BotLaunchConfiguration.load(
            configPath: path, schema: schema, environment: ["MY_TOKEN": "abc", "DISCORD_TOKEN": "other"])
        #expect(launch.bot.token == "abc")
        #expect(launch.bot.intents.rawValue == 513)
        #expect(launch.bot.shards == .range(2..<4, of: 4))
        #expect(launch.store == .sqlite(path: "data/bot.sqlite"))
        #expect(launch.logLevel == .warning)
        #expect(launch.resumeMaximumAge == .seconds(90))
        #expect(launch.shutdownTimeout == .seconds(5))
    }

    @Test("the defaults agree with apus.example.toml: intents 38403, SQLite apus.sqlite, all shards, 3 minutes, 30 s")
    func defaults() throws {
        let launch = try BotLaunchConfiguration.load(configPath: nil, schema: schema, environment: ["DISCORD_TOKEN": "t"])
        #expect(launch.bot.intents.rawValue == 38403)
        #expect(launch.store == .sqlite(path: "apus.sqlite"))
        #expect(launch.bot.shards == .automatic)
        #expect(launch.logLevel == .info)
        #expect(launch.resumeMaximumAge == .seconds(180))
        #expect(launch.shutdownTimeout == .seconds(30))
    }

    @Test("APUS_DATABASE_URL selects PostgreSQL; the command line's SQLite file wins over both")
    func databaseSources() throws {
        let environment = ["DISCORD_TOKEN": "t", "APUS_DATABASE_URL": "postgres://bot:pw@db.example:5433/apus"]
        let fromEnvironment = try BotLaunchConfiguration.load(configPath: nil, schema: schema, environment: environment)
        #expect(fromEnvironment.store.displayName == "postgres://bot@db.example:5433/apus")
        let overridden = try BotLaunchConfiguration.load(
            configPath: nil, schema: schema, environment: environment, overrides: .init(sqlitePath: "x.sqlite"))
        #expect(overridden.store == .sqlite(path: "x.sqlite"))
    }

    @Test("each launch problem is one line that names its source and never a secret",
          arguments: [
            (text: "[bot]\nintents = \"many\"", environment: ["DISCORD_TOKEN": "t"], mentions: "intents"),
            (text: "", environment: [:], mentions: "DISCORD_TOKEN"),
            (text: "[bot]\ntoken_env = \"BOT_TOKEN\"", environment: ["DISCORD_TOKEN": "t"], mentions: "BOT_TOKEN"),
            (text: "[bot]\ndatabase_url = \"mysql://u:hunter2@h/db\"", environment: ["DISCORD_TOKEN": "t"], mentions: "sqlite:// or postgres://"),
            (text: "[bot]\nshard_first = 0\nshard_last = 1", environment: ["DISCORD_TOKEN": "t"], mentions: "shard_total"),
          ])
    func problems(text: String, environment: [String: String], mentions: String) throws {
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: BotLaunchError.self) {
            try BotLaunchConfiguration.load(configPath: path, schema: schema, environment: environment)
        }
        let line = try #require(error).description
        #expect(line.contains(mentions), "\(line)")
        #expect(!line.contains("\n"), "one line: \(line)")
        #expect(!line.contains("hunter2"))
    }

    @Test("a configuration file that cannot be read is named in the error")
    func missingFile() throws {
        let error = #expect(throws: BotLaunchError.self) {
            try BotLaunchConfiguration.load(configPath: "/nonexistent/apus.toml", schema: schema, environment: ["DISCORD_TOKEN": "t"])
        }
        #expect(try #require(error).description.contains("/nonexistent/apus.toml"))
    }

    @Test("an unreachable PostgreSQL server gives one line naming the database without its password")
    func unreachableDatabase() async throws {
        let launch = try BotLaunchConfiguration.load(
            configPath: nil, schema: schema,
            environment: ["DISCORD_TOKEN": "t", "APUS_DATABASE_URL": "postgres://bot:hunter2@127.0.0.1:1/apus?statement_timeout=2s"])
        let error = await #expect(throws: BotLaunchError.self) { _ = try await launch.openStore() }
        let line = try #require(error).description
        #expect(line.contains("postgres://bot@127.0.0.1:1/apus"), "\(line)")
        #expect(!line.contains("hunter2"))
    }
}
