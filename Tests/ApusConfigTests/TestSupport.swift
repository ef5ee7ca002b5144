import ApusConfig
import Foundation
import Testing

/// The levels (XP) section used by the tests, after §2.1 of the behaviour doc. The real levels plugin
/// declares its own later; this one lives in the tests on purpose.
let levelsSection = ConfigSection.plugin(
    "levels", doc: "XP and level roles.", enabledByDefault: false,
    keys: [
        ConfigKey(
            "blacklist_channels", .array(of: .snowflake), default: .array([]), guildOverridable: true,
            doc: "Channels where no XP is earned."),
        ConfigKey(
            "roles",
            .tableArray(fields: [
                ConfigKey("level", .integer(range: 0...1000), required: true, doc: "Level that gives the role."),
                ConfigKey("role_id", .snowflake, required: true, doc: "The role."),
            ]),
            default: .array([]), guildOverridable: true, doc: "Roles given at a level."),
        ConfigKey(
            "multipliers",
            .tableArray(fields: [
                ConfigKey("role_id", .snowflake, required: true, doc: "The role."),
                ConfigKey("multiplier", .double(range: 0...100), required: true, doc: "XP multiplier."),
            ]),
            default: .array([]), guildOverridable: true, doc: "XP multipliers by role."),
        ConfigKey(
            "cooldown", .integer(range: 0...86_400), default: .integer(1), guildOverridable: true,
            doc: "Seconds between two messages that earn XP."),
        ConfigKey("exponent", .integer(range: 1...10), default: .integer(2), doc: "Level curve exponent."),
        ConfigKey("first_message_earns", .bool, default: .bool(false), doc: "Whether a first message earns XP."),
        ConfigKey("show_progress", .bool, default: .bool(true), guildOverridable: true, doc: "Show the progress bar."),
        ConfigKey("enable_xp_cap", .bool, default: .bool(false), doc: "Cap XP at the top role level."),
        ConfigKey("write_delay", .duration, default: .duration(.milliseconds(50)), doc: "Longest wait before a commit."),
        ConfigKey("write_batch_rows", .integer(range: 1...100_000), default: .integer(1_000), doc: "Rows that trigger a commit."),
        ConfigKey("write_max_pending", .integer(range: 1...1_000_000), default: .integer(2_000), doc: "Most pending rows."),
    ])

/// A small section exercising the remaining types: duration, nested table, string choices.
let extrasSection = ConfigSection.plugin(
    "extras", doc: "Test-only types.",
    keys: [
        ConfigKey("interval", .duration, default: .duration(.seconds(90)), guildOverridable: true, doc: "A duration."),
        ConfigKey("mode", .string(choices: ["fast", "slow"]), default: .string("fast"), doc: "A choice."),
        ConfigKey("api_key", .string(), secret: true, doc: "A secret."),
        ConfigKey(
            "limits",
            .table(fields: [
                ConfigKey("per_user", .integer(range: 1...100), default: .integer(5), doc: "Per user."),
                ConfigKey("per_guild", .integer(range: 1...1000), default: .integer(50), doc: "Per guild."),
            ]),
            default: .table(["per_user": .integer(5), "per_guild": .integer(50)]), guildOverridable: true,
            doc: "A nested table."),
        ConfigKey("ratio", .double(range: 0...1), default: .double(0.5), doc: "A ratio."),
    ])

/// The schema of the tests: core + levels + extras.
func testSchema() throws -> ConfigSchema {
    try ConfigSchema(registering: [levelsSection, extrasSection])
}

/// Loads `text` with the test schema.
func load(_ text: String, environment: [String: String] = [:]) throws -> ResolvedConfig {
    try ConfigLoader(schema: testSchema()).load(text: text, environment: environment)
}

/// Loads `text`, expecting a failure, and returns the issues.
func issues(_ text: String, environment: [String: String] = [:]) throws -> [ConfigIssue] {
    let loader = ConfigLoader(schema: try testSchema())
    do {
        _ = try loader.load(text: text, environment: environment)
    } catch {
        return error.issues
    }
    Issue.record("expected the configuration to be rejected")
    return []
}

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
