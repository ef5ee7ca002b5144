import Apus
import ApusConfig
import ApusStore
import Testing

@Suite("Per-guild settings stored in the database", .serialized, .timeLimit(.minutes(1)))
struct GuildSettingsStoreTests {
    @Test("config set survives a restart; bad values are refused and nothing is saved",
          arguments: Engine.allCases.filter(\.isAvailable))
    func survivesRestart(engine: Engine) async throws {
        try await engine.withDatabase { database, reopen in
            _ = try await Migrator(database: database).migrate([SQLGuildSettingsStore.migrations])
            let base = try ConfigLoader(schema: .core).load(text: "[bot]\nprefix = \"!\"\n", environment: [:])
            let settings = GuildSettings(base: base, store: SQLGuildSettingsStore(database: database))
            _ = try await settings.set(path: "bot.prefix", text: "?", guildID: 42)
            await #expect(throws: GuildSettingsError.self) {
                _ = try await settings.set(path: "bot.no_such_key", text: "1", guildID: 42)
            }
            await database.close()

            let second = try await reopen()
            let restarted = GuildSettings(base: base, store: SQLGuildSettingsStore(database: second))
            #expect(try await restarted.resolved(guildID: 42).bot.prefix == "?")
            #expect(try await restarted.resolved(guildID: 43).bot.prefix == "!")
            try await restarted.unset(path: "bot.prefix", guildID: 42)
            #expect(try await restarted.resolved(guildID: 42).bot.prefix == "!")
            await second.close()
        }
    }
}
