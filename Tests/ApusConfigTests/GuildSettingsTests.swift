import ApusConfig
import Testing

@Suite struct GuildSettingsTests {
    private let guild: UInt64 = 111
    private let otherGuild: UInt64 = 222

    private func settings(file: String = "[levels]\ncooldown = 3\nblacklist_channels = [5]\n") throws -> (GuildSettings, InMemoryGuildSettingsStore) {
        let store = InMemoryGuildSettingsStore()
        return (GuildSettings(base: try load(file), store: store), store)
    }

    @Test func layersDefaultsFileAndGuild() async throws {
        let (settings, store) = try settings()
        try await settings.set(path: "levels.cooldown", text: "10", guildID: guild)
        try await settings.set(path: "bot.prefix", text: "$", guildID: guild)
        let view = try await settings.resolved(guildID: guild)
        #expect(view.integer(at: "levels.cooldown") == 10, "guild over file")
        #expect(view.snowflakes(at: "levels.blacklist_channels") == [5], "file value kept")
        #expect(view.integer(at: "levels.exponent") == 2, "schema default kept")
        #expect(view.bot.prefix == "$")
        let other = try await settings.resolved(guildID: otherGuild)
        #expect(other.integer(at: "levels.cooldown") == 3)
        #expect(other.bot.prefix == "!")
        #expect(await store.loadOverrides(guildID: guild) == #"{"bot":{"prefix":"$"},"levels":{"cooldown":10}}"#)
    }

    @Test func tablesMergeKeyByKeyAndArraysReplace() async throws {
        let (settings, _) = try settings(file: "[extras]\nlimits = { per_user = 7 }\n[levels]\nblacklist_channels = [5, 6]\n")
        try await settings.set(path: "extras.limits.per_guild", text: "99", guildID: guild)
        try await settings.set(path: "levels.blacklist_channels", text: "[8]", guildID: guild)
        let view = try await settings.resolved(guildID: guild)
        #expect(view.integer(at: "extras.limits.per_user") == 7, "the file's sibling key survives the merge")
        #expect(view.integer(at: "extras.limits.per_guild") == 99)
        #expect(view.snowflakes(at: "levels.blacklist_channels") == [8], "arrays replace, not append")
    }

    @Test func deepMergeOfValues() {
        let base = ConfigValue.table(["a": .table(["x": .integer(1), "y": .array([.integer(1), .integer(2)])]), "b": .bool(true)])
        let top = ConfigValue.table(["a": .table(["y": .array([.integer(3)]), "z": .string("new")])])
        #expect(base.merged(with: top) == .table([
            "a": .table(["x": .integer(1), "y": .array([.integer(3)]), "z": .string("new")]), "b": .bool(true),
        ]))
        #expect(base.merged(with: .integer(4)) == .integer(4), "a scalar replaces a table")
    }

    @Test func unsetFallsBackToTheFile() async throws {
        let (settings, store) = try settings()
        try await settings.set(path: "levels.cooldown", text: "10", guildID: guild)
        try await settings.unset(path: "levels.cooldown", guildID: guild)
        #expect(try await settings.resolved(guildID: guild).integer(at: "levels.cooldown") == 3)
        #expect(await store.loadOverrides(guildID: guild) == nil, "an empty override tree is deleted")
        try await settings.unset(path: "levels.cooldown", guildID: guild)
    }

    @Test func roundTripsEveryTypeThroughJSON() async throws {
        let (settings, store) = try settings()
        try await settings.set(path: "levels.roles", text: "[{ level = 5, role_id = 123456789012345678 }]", guildID: guild)
        try await settings.set(path: "extras.interval", text: "1h30m", guildID: guild)
        try await settings.set(path: "levels.show_progress", text: "off", guildID: guild)
        try await settings.set(path: "extras.limits", text: "{ per_user = 2 }", guildID: guild)
        let json = try #require(await store.loadOverrides(guildID: guild))
        let reloaded = GuildSettings(base: try load(""), store: InMemoryGuildSettingsStore(overrides: [guild: json]))
        let view = try await reloaded.resolved(guildID: guild)
        #expect(view.tables(at: "levels.roles") == [["level": .integer(5), "role_id": .snowflake(123_456_789_012_345_678)]])
        #expect(view.duration(at: "extras.interval") == .seconds(5400))
        #expect(view.bool(at: "levels.show_progress") == false)
        #expect(view.integer(at: "extras.limits.per_user") == 2)
        #expect(view.integer(at: "extras.limits.per_guild") == 50, "nested defaults fill a set table")
        #expect(try await reloaded.storedIssues(guildID: guild).isEmpty)
    }

    @Test func badEditsAreRejectedNamingTheKey() async throws {
        let (settings, store) = try settings()
        let cases: [(path: String, text: String, expected: ConfigIssue.Kind)] = [
            ("levels.cooldown", "abc", .invalidValue(expected: "integer in 0...86400", reason: "'abc' is not a whole number")),
            ("levels.cooldown", "-3", .outOfRange(expected: "integer in 0...86400", found: "-3")),
            ("levels.cooldwn", "3", .unknownKey(suggestion: "levels.cooldown")),
            ("levels.exponent", "3", .notGuildOverridable),
            ("bot.owner_ids", "[1]", .notGuildOverridable),
            ("levels", "3", .unknownKey(suggestion: nil)),
        ]
        for item in cases {
            do {
                try await settings.set(path: item.path, text: item.text, guildID: guild)
                Issue.record("\(item.path) = \(item.text) was accepted")
            } catch {
                guard case .invalid(let configError) = error else {
                    Issue.record("unexpected error \(error)")
                    continue
                }
                #expect(configError.issues.map(\.kind) == [item.expected])
                #expect(configError.issues.first?.path.description == item.path)
                #expect(configError.issues.first?.origin == .edit(guildID: guild))
                #expect(error.description.contains(item.path))
            }
        }
        await #expect(throws: GuildSettingsError.self) {
            try await settings.set(path: "levels.roles", text: "[{ level = 1 }]", guildID: guild)
        }
        await #expect(throws: GuildSettingsError.self) {
            try await settings.set(path: "levels.blacklist_channels", text: "[1, 2", guildID: guild)
        }
        await #expect(throws: GuildSettingsError.self) { try await settings.unset(path: "bot.intents", guildID: guild) }
        #expect(await store.loadOverrides(guildID: guild) == nil, "nothing was saved")
    }

    @Test func oversizedTextIsQuotedShortly() async throws {
        let (settings, _) = try settings()
        let huge = String(repeating: "9x", count: 50_000)
        do {
            try await settings.set(path: "levels.cooldown", text: huge, guildID: guild)
            Issue.record("accepted")
        } catch {
            #expect(error.description.count < 300)
            #expect(error.description.contains("levels.cooldown"))
        }
    }

    @Test func staleStoredEntriesAreSkippedAndReported() async throws {
        let stored = #"{"levels":{"cooldown":-5,"exponent":3,"show_progress":false},"gone":{"x":1}}"#
        let settings = GuildSettings(base: try load(""), store: InMemoryGuildSettingsStore(overrides: [guild: stored]))
        let view = try await settings.resolved(guildID: guild)
        #expect(view.integer(at: "levels.cooldown") == 1)
        #expect(view.integer(at: "levels.exponent") == 2)
        #expect(view.bool(at: "levels.show_progress") == false)
        let found = try await settings.storedIssues(guildID: guild)
        #expect(Set(found.map(\.path.description)) == ["gone", "levels.cooldown", "levels.exponent"])
    }

    @Test func corruptStoredJSONIsATypedError() async throws {
        let settings = GuildSettings(base: try load(""), store: InMemoryGuildSettingsStore(overrides: [guild: "{not json"]))
        await #expect(throws: GuildSettingsError.self) { try await settings.resolved(guildID: guild) }
    }

    @Test func concurrentEditsDoNotLoseUpdates() async throws {
        let (settings, _) = try settings()
        let channels = (1...20).map { UInt64($0) }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = try? await settings.set(path: "levels.cooldown", text: "9", guildID: 1) }
            group.addTask { _ = try? await settings.set(path: "bot.prefix", text: "%", guildID: 1) }
            group.addTask { _ = try? await settings.set(path: "levels.show_progress", text: "false", guildID: 1) }
            group.addTask { _ = try? await settings.set(path: "extras.limits.per_user", text: "4", guildID: 1) }
            group.addTask { _ = try? await settings.set(path: "extras.limits.per_guild", text: "40", guildID: 1) }
            for channel in channels {
                group.addTask { _ = try? await settings.set(path: "levels.blacklist_channels", text: "[\(channel)]", guildID: 2) }
            }
        }
        let view = try await settings.resolved(guildID: 1)
        #expect(view.integer(at: "levels.cooldown") == 9)
        #expect(view.bot.prefix == "%")
        #expect(view.bool(at: "levels.show_progress") == false)
        #expect(view.integer(at: "extras.limits.per_user") == 4)
        #expect(view.integer(at: "extras.limits.per_guild") == 40)
        let other = try await settings.resolved(guildID: 2).snowflakes(at: "levels.blacklist_channels")
        #expect(other.count == 1 && channels.contains(other[0]))
        try await settings.unset(path: "levels.cooldown", guildID: 1)
        #expect(try await settings.resolved(guildID: 1).integer(at: "levels.cooldown") == 3, "the lock was released")
    }
}
