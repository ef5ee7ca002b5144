import ApusConfig
import Testing

@Suite struct EnvironmentTests {
    @Test func overridesAreTypedAndCaseInsensitive() throws {
        let config = try load(
            "[levels]\ncooldown = 3\n",
            environment: [
                "APUS_LEVELS__COOLDOWN": "7",
                "apus_bot__prefix": "?",
                "APUS_BOT__OWNER_IDS": "[1, \"2\"]",
                "APUS_LEVELS__ENABLED": "yes",
                "APUS_LEVELS__ROLES": "[{ level = 5, role_id = 55 }]",
                "APUS_EXTRAS__INTERVAL": "2m",
                "APUS_EXTRAS__LIMITS__PER_USER": "9",
                "APUS_LOG_FORMAT": "json",
                "HOME": "/root",
            ])
        #expect(config.integer(at: "levels.cooldown") == 7, "the environment wins over the file")
        #expect(config.bot.prefix == "?")
        #expect(config.bot.ownerIDs == [1, 2])
        #expect(config.isEnabled(plugin: "levels"))
        #expect(config.tables(at: "levels.roles") == [["level": .integer(5), "role_id": .snowflake(55)]])
        #expect(config.duration(at: "extras.interval") == .seconds(120))
        #expect(config.integer(at: "extras.limits.per_user") == 9)
        #expect(config.integer(at: "extras.limits.per_guild") == 50)
    }

    @Test func tableOverridesMergeOverTheFile() throws {
        let config = try load("[extras]\nlimits = { per_user = 7, per_guild = 70 }\n", environment: ["APUS_EXTRAS__LIMITS": "{ per_user = 8 }"])
        #expect(config.integer(at: "extras.limits.per_user") == 8)
        #expect(config.integer(at: "extras.limits.per_guild") == 70)
    }

    @Test func databaseURLAlias() throws {
        let aliased = try load("", environment: ["APUS_DATABASE_URL": "postgres://u:p@h/db"])
        #expect(aliased.bot.databaseURL.revealed == "postgres://u:p@h/db")
        let both = try load("", environment: ["APUS_DATABASE_URL": "postgres://a", "APUS_BOT__DATABASE_URL": "postgres://b"])
        #expect(both.bot.databaseURL.revealed == "postgres://b")
    }

    @Test func unknownOverrideNamesTheVariable() throws {
        let found = try issues("", environment: ["APUS_LEVELS__COOLDWN": "3", "APUS_NOPE__X": "1"])
        #expect(found.map(\.origin) == [.environment(variable: "APUS_LEVELS__COOLDWN"), .environment(variable: "APUS_NOPE__X")])
        #expect(found.first?.kind == .unknownKey(suggestion: "levels.cooldown"))
        #expect(found.first?.description == "environment variable APUS_LEVELS__COOLDWN: key 'levels.cooldwn': unknown key (did you mean 'levels.cooldown'?)")
    }

    @Test func badValuesNameTheVariable() throws {
        let found = try issues(
            "",
            environment: [
                "APUS_LEVELS__COOLDOWN": "soon",
                "APUS_LEVELS__EXPONENT": "99",
                "APUS_BOT__OWNER_IDS": "1,2",
                "APUS_LEVELS__SHOW_PROGRESS": "maybe",
            ])
        #expect(found.map(\.origin) == [
            .environment(variable: "APUS_BOT__OWNER_IDS"), .environment(variable: "APUS_LEVELS__COOLDOWN"),
            .environment(variable: "APUS_LEVELS__EXPONENT"), .environment(variable: "APUS_LEVELS__SHOW_PROGRESS"),
        ])
        #expect(found.allSatisfy { $0.line == nil })
        #expect(found[2].kind == .outOfRange(expected: "integer in 1...10", found: "99"))
        guard case .invalidValue(_, let reason) = found[1].kind else {
            Issue.record("expected invalidValue, got \(found[1].kind)")
            return
        }
        #expect(reason == "'soon' is not a whole number")
    }

    @Test func fileAndEnvironmentErrorsAreReportedTogether() throws {
        let found = try issues("[levels]\ncooldown = \"x\"\n", environment: ["APUS_BOT__INTENTS": "-1"])
        #expect(found.map(\.path.description) == ["levels.cooldown", "bot.intents"])
        #expect(found.map(\.line) == [2, nil])
    }
}
