import ApusConfig
import Testing

@Suite struct SchemaAndPartsTests {
    @Test func pluginSectionsGetEnabled() throws {
        let section = ConfigSection.plugin("greeter", doc: "Greets.", enabledByDefault: false, keys: [])
        let enabled = try #require(section.key(named: "enabled"))
        #expect(enabled.type == .bool)
        #expect(enabled.defaultValue == .bool(false))
        #expect(enabled.isGuildOverridable)
    }

    @Test func schemaRejectsBadDeclarations() {
        #expect(throws: ConfigSchemaError.duplicateSection("bot")) {
            try ConfigSchema.core.registering(ConfigSection("bot", doc: "", keys: []))
        }
        #expect(throws: ConfigSchemaError.invalidName("Levels")) {
            try ConfigSchema.core.registering(ConfigSection("Levels", doc: "", keys: []))
        }
        #expect(throws: ConfigSchemaError.invalidName("a__b")) {
            try ConfigSchema.core.registering(ConfigSection("a__b", doc: "", keys: []))
        }
        #expect(throws: ConfigSchemaError.duplicateKey("x.k")) {
            try ConfigSchema.core.registering(ConfigSection("x", doc: "", keys: [
                ConfigKey("k", .bool, doc: ""), ConfigKey("k", .bool, doc: ""),
            ]))
        }
    }

    @Test func templateLoadsBackToTheDefaults() throws {
        let schema = try testSchema()
        let template = schema.template()
        #expect(template.contains("[levels]\n"))
        #expect(template.contains("# Seconds between two messages that earn XP. (integer in 0...86400; guilds may override)\ncooldown = 1\n"))
        #expect(template.contains("# shard_total = \n"))
        let loaded = try ConfigLoader(schema: schema).load(text: template, environment: [:])
        let defaults = try ConfigLoader(schema: schema).load(text: "", environment: [:])
        #expect(loaded == defaults)
    }

    @Test func durationGrammar() {
        #expect(DurationText.parse("90s") == .seconds(90))
        #expect(DurationText.parse("1h30m") == .seconds(5400))
        #expect(DurationText.parse("1d 2h") == .seconds(93_600))
        #expect(DurationText.parse("500ms") == .milliseconds(500))
        #expect(DurationText.parse("1w") == .seconds(604_800))
        for bad in ["", "10", "s", "1x", "1.5h", "-1s", "99999999999999999999s", "9999999999999999w"] {
            #expect(DurationText.parse(bad) == nil, "\(bad)")
        }
        #expect(DurationText.format(.seconds(5400)) == "1h30m")
        #expect(DurationText.format(.milliseconds(61_500)) == "1m1s500ms")
        #expect(DurationText.format(.zero) == "0s")
    }

    @Test func nearMissSuggestions() throws {
        let found = try issues("[bot]\nPrefix = \"!\"\nownerids = []\nzzz = 1\n")
        #expect(found.map(\.kind) == [
            .unknownKey(suggestion: "prefix"), .unknownKey(suggestion: "owner_ids"), .unknownKey(suggestion: nil),
        ])
    }

    @Test func jsonRoundTrip() throws {
        let value = ConfigValue.table([
            "s": .string("quote \" backslash \\ newline \n tab \t é 😀 \u{1}"), "i": .integer(-42), "d": .double(1.5),
            "b": .bool(true), "a": .array([.integer(1), .table([:]), .array([])]),
        ])
        let text = ConfigJSON.encode(value)
        #expect(try ConfigJSON.decode(text) == value)
        #expect(try ConfigJSON.decode(#" { "x" : [ 1 , 2.5e1 , "\u00e9\ud83d\ude00" ] } "#)
            == .table(["x": .array([.integer(1), .double(25), .string("é😀")])]))
        for bad in ["", "{", "[1,]", "{\"a\":}", "nul", "\"abc", "1 2", "{\"a\":1,}", "\"\\x\"", String(repeating: "[", count: 100)] {
            #expect(throws: ConfigJSON.DecodingError.self) { try ConfigJSON.decode(bad) }
        }
    }

    @Test func pathsRenderLikeTOML() {
        #expect(ConfigPath([.key("levels"), .key("roles"), .index(2), .key("level")]).description == "levels.roles[2].level")
        #expect(ConfigPath(keys: ["a b", "c"]).description == "\"a b\".c")
    }
}
