import ApusConfig
import Foundation
import Testing

@Suite struct LoaderTests {
    @Test func emptyFileGivesDefaults() throws {
        let config = try load("")
        #expect(config.bot.prefix == "!")
        #expect(config.bot.tokenEnvironmentVariable == "DISCORD_TOKEN")
        #expect(config.bot.token == nil)
        #expect(config.bot.ownerIDs.isEmpty)
        #expect(config.bot.intents == BotSettings.defaultIntents)
        #expect(config.bot.shardRange == nil)
        #expect(config.bot.databaseURL.revealed == "sqlite://apus.sqlite")
        #expect(config.integer(at: "levels.cooldown") == 1)
        #expect(config.isEnabled(plugin: "levels") == false)
        #expect(config.isEnabled(plugin: "extras") == true)
        #expect(config.duration(at: "extras.interval") == .seconds(90))
        #expect(config.integer(at: "extras.limits.per_guild") == 50)
        #expect(config.value(at: "extras.api_key") == nil)
    }

    @Test func exampleFileLoadsAndValidates() throws {
        let url = repositoryRoot.appendingPathComponent("apus.example.toml")
        // The example documents every plugin of the `apus` bot; beside the test's levels section, the others as
        // the plugins declare them (ExampleConfigurationTests checks them against the plugins themselves).
        var schema = try testSchema()
        try schema.register(.plugin("moderation", doc: "Moderation.", keys: [
            ConfigKey("log_channel", .snowflake, guildOverridable: true, doc: "Case log."),
            ConfigKey("dm_members", .bool, default: .bool(true), guildOverridable: true, doc: "Tell members."),
        ]))
        for name in ["reminders", "settings", "chat"] { try schema.register(.plugin(name, doc: name, keys: [])) }
        let config = try ConfigLoader(schema: schema).loadFile(
            atPath: url.path, environment: ["DISCORD_TOKEN": "abc.def"])
        #expect(config.bot.token?.revealed == "abc.def")
        #expect(config.bot.ownerIDs == [123_456_789_012_345_678])
        #expect(config.bot.intents == 38403)
        #expect(config.isEnabled(plugin: "levels"))
        #expect(config.snowflakes(at: "levels.blacklist_channels") == [345_678_901_234_567_890, 456_789_012_345_678_901])
        let roles = config.tables(at: "levels.roles")
        #expect(roles.count == 3)
        #expect(roles.last?["level"] == .integer(20))
        #expect(roles.last?["role_id"] == .snowflake(901_234_567_890_123_456))
        let multipliers = config.tables(at: "levels.multipliers")
        #expect(multipliers.map { $0["multiplier"] } == [.double(1.5), .double(2.0)])
        #expect(config.integer(at: "levels.exponent") == 2)
        #expect(config.bool(at: "levels.show_progress") == true)
        #expect(config.bool(at: "levels.enable_xp_cap") == false)
    }

    @Test func goodFileWithEveryType() throws {
        let config = try load(
            """
            [bot]
            prefix = "?"
            owner_ids = [1, "22"]
            shard_total = 4
            shard_first = 2
            shard_last = 3

            [extras]
            enabled = false
            interval = "1h30m"
            mode = "slow"
            api_key = "hunter2"
            limits = { per_user = 7 }
            ratio = 1
            """)
        #expect(config.bot.prefix == "?")
        #expect(config.bot.ownerIDs == [1, 22])
        #expect(config.bot.shardTotal == 4)
        #expect(config.bot.shardRange == 2...3)
        #expect(config.isEnabled(plugin: "extras") == false)
        #expect(config.duration(at: "extras.interval") == .seconds(5400))
        #expect(config.string(at: "extras.mode") == "slow")
        #expect(config.integer(at: "extras.limits.per_user") == 7)
        #expect(config.integer(at: "extras.limits.per_guild") == 50, "nested defaults fill in")
        #expect(config.double(at: "extras.ratio") == 1.0, "an integer is accepted for a number")
    }

    @Test func syntaxErrorKeepsTOMLKitLineAndColumn() throws {
        let found = try issues("[bot]\nprefix = \"!\"\nowner_ids = [1, 2\n")
        let issue = try #require(found.first)
        #expect(found.count == 1)
        guard case .syntax(_, let column) = issue.kind else {
            Issue.record("expected a syntax error, got \(issue.kind)")
            return
        }
        #expect(issue.line == 3, "TOMLKit reports the end of the unclosed array on line 3")
        #expect(column > 0)
        #expect(issue.description.hasPrefix("apus.toml:\(issue.line ?? 0):\(column):"))
    }

    @Test func notUTF8IsATypedError() throws {
        var bytes = Array("[bot]\nprefix = \"".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"\n".utf8)
        let loader = ConfigLoader(schema: try testSchema())
        #expect(throws: ConfigError.self) { try loader.load(bytes: bytes, environment: [:]) }
        do {
            _ = try loader.load(bytes: bytes, environment: [:])
        } catch {
            #expect(error.issues == [ConfigIssue(.notUTF8(byteOffset: 16), path: .root, line: 2, origin: .file(name: "apus.toml"))])
        }
    }

    @Test func duplicateKeyIsASyntaxErrorWithItsLine() throws {
        let found = try issues("[bot]\nprefix = \"!\"\nprefix = \"?\"\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
    }

    @Test func byteOrderMarkAndWindowsLineEnds() throws {
        let found = try issues("\u{FEFF}[bot]\r\nprefix = \"!\"\r\n\r\nintents = \"all\"\r\n")
        #expect(found.map(\.path.description) == ["bot.intents"])
        #expect(found.first?.line == 4)
        let config = try load("\u{FEFF}[bot]\r\nprefix = \"?\"\r\n")
        #expect(config.bot.prefix == "?")
    }

    @Test func nulCharacterIsASyntaxError() throws {
        let found = try issues("[bot]\nprefix = \"a\u{0}b\"\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
    }

    @Test func unknownKeyWithSuggestionAndLine() throws {
        let found = try issues("[levels]\nenabled = true\ncooldwn = 3\n")
        #expect(found == [
            ConfigIssue(.unknownKey(suggestion: "cooldown"), path: ConfigPath(keys: ["levels", "cooldwn"]), line: 3,
                origin: .file(name: "apus.toml"))
        ])
        #expect(found.first?.description == "apus.toml:3: key 'levels.cooldwn': unknown key (did you mean 'cooldown'?)")
    }

    @Test func unknownSectionAndTopLevelKey() throws {
        let found = try issues("prefix = \"!\"\n\n[level]\ncooldown = 2\n\n[zzzzzz]\n")
        #expect(found.map(\.path.description) == ["prefix", "level", "zzzzzz"])
        #expect(found.map(\.line) == [1, 3, 6])
        #expect(found.map(\.kind) == [
            .unknownKey(suggestion: "bot.prefix"), .unknownKey(suggestion: "levels"), .unknownKey(suggestion: nil),
        ])
    }

    @Test func wrongTypeNamesKeyAndLine() throws {
        let found = try issues("[bot]\n\nprefix = 3\n")
        #expect(found == [
            ConfigIssue(.wrongType(expected: "string", found: "integer"), path: ConfigPath(keys: ["bot", "prefix"]),
                line: 3, origin: .file(name: "apus.toml"))
        ])
    }

    @Test func outOfRangeNamesKeyAndLine() throws {
        let found = try issues("[levels]\n# comment\n\n\nexponent = 11\n")
        #expect(found.count == 1)
        #expect(found.first?.kind == .outOfRange(expected: "integer in 1...10", found: "11"))
        #expect(found.first?.path.description == "levels.exponent")
        #expect(found.first?.line == 5)
    }

    @Test func floatWhereTheOriginalWantedAnInteger() throws {
        // §2.1: LEVELS_EXPONENT is typed int, so the documented 1.5 fails validation.
        let found = try issues("[levels]\nexponent = 1.5\n")
        #expect(found.first?.kind == .wrongType(expected: "integer in 1...10", found: "floating-point number"))
        #expect(found.first?.line == 2)
    }

    @Test func missingRequiredFieldInArrayOfTables() throws {
        let found = try issues(
            """
            [levels]
            [[levels.roles]]
            level = 5
            role_id = 1

            [[levels.roles]]
            level = 10
            """)
        #expect(found == [
            ConfigIssue(.missingRequired(expected: "snowflake (Discord id)"), path: ConfigPath([.key("levels"), .key("roles"), .index(1), .key("role_id")]),
                line: 6, origin: .file(name: "apus.toml"))
        ])
        #expect(found.first?.path.description == "levels.roles[1].role_id")
    }

    @Test func missingRequiredSectionKey() throws {
        let schema = try ConfigSchema(registering: [
            ConfigSection.plugin("welcome", doc: "Greets.", keys: [
                ConfigKey("channel_id", .snowflake, required: true, doc: "Where."),
            ])
        ])
        let loader = ConfigLoader(schema: schema)
        #expect(throws: ConfigError.self) { try loader.load(text: "[welcome]\nenabled = true\n", environment: [:]) }
        do {
            _ = try loader.load(text: "\n[welcome]\nenabled = true\n", environment: [:])
        } catch {
            #expect(error.issues.map(\.path.description) == ["welcome.channel_id"])
            #expect(error.issues.first?.line == 2, "the line of the section header")
        }
        // The environment can supply a required key.
        let config = try loader.load(text: "[welcome]\n", environment: ["APUS_WELCOME__CHANNEL_ID": "42"])
        #expect(config.snowflake(at: "welcome.channel_id") == 42)
    }

    @Test func invalidDurationSnowflakeAndChoice() throws {
        let found = try issues(
            """
            [extras]
            interval = "soon"
            mode = "medium"
            [bot]
            owner_ids = [1, -5, "12a"]
            """)
        #expect(found.map(\.path.description) == ["extras.interval", "extras.mode", "bot.owner_ids[1]", "bot.owner_ids[2]"])
        #expect(found.map(\.line) == [2, 3, 5, 5])
        #expect(found[1].kind == .outOfRange(expected: "one of \"fast\", \"slow\"", found: "\"medium\""))
    }

    @Test func severalErrorsAtOnceInFileOrder() throws {
        let found = try issues(
            """
            [bot]
            prefix = 1
            owner_ids = "me"
            colour = "red"

            [levels]
            cooldown = -1
            show_progress = "yes"
            roles = [
                { level = 1, role_id = 10 },
                { level = "two", role_id = 20 },
                { level = 3, role_id = 30, extra = true },
            ]
            """)
        #expect(found.map(\.path.description) == [
            "bot.prefix", "bot.owner_ids", "bot.colour", "levels.cooldown", "levels.show_progress",
            "levels.roles[1].level", "levels.roles[2].extra",
        ])
        #expect(found.map(\.line) == [2, 3, 4, 7, 8, 11, 12])
    }

    @Test func everyKeyShapeReportsItsOwnLine() throws {
        let found = try issues(
            """
            levels.cooldown = "x"
            bot = { prefix = 1, intents = 38403 }

            [extras]
            limits.per_user = 0
            limits.per_guild = 5

            [[levels.roles]]
            level = 1
            role_id = 1
            [[levels.roles]]
            level = 2
            role_id = 2
            [[levels.roles]]
            role_id = 3
            level = 2000
            [[levels.multipliers]]
            role_id = 4
            multiplier = 'big'
            """)
        #expect(found.map(\.path.description) == [
            "levels.cooldown", "levels.roles[2].level", "levels.multipliers[0].multiplier", "bot.prefix",
            "extras.limits.per_user",
        ])
        #expect(found.map(\.line) == [1, 16, 19, 2, 5])
    }

    @Test func shardRangeCrossCheck() throws {
        let found = try issues("[bot]\nshard_total = 2\nshard_first = 1\nshard_last = 2\n")
        #expect(found.map(\.path.description) == ["bot.shard_last"])
        #expect(found.first?.line == 4)
        let lonely = try issues("[bot]\nshard_first = 1\n")
        #expect(lonely.map(\.path.description) == ["bot.shard_last"])
    }

    @Test func datesAreRejectedWithTheirLine() throws {
        let found = try issues("[bot]\nprefix = 1979-05-27\n")
        #expect(found.map(\.path.description) == ["bot.prefix"])
        #expect(found.first?.line == 2)
    }

    @Test func sectionThatIsNotATable() throws {
        let found = try issues("levels = 3\n")
        #expect(found.first?.kind == .wrongType(expected: "table [levels]", found: "integer"))
        #expect(found.first?.line == 1)
    }

    @Test func unreadableFileIsATypedError() throws {
        let loader = ConfigLoader(schema: try testSchema())
        #expect(throws: ConfigError.self) {
            try loader.loadFile(atPath: "/nonexistent/apus-\(UInt64.random(in: 0...UInt64.max)).toml", environment: [:])
        }
    }
}
