import Apus
import ApusConfig
import ApusPlugins
import Foundation
import Testing

/// The `apus` executable's chat plugin lives in the executable; its section is the default one (`enabled` only).
private struct ChatSectionStandIn: Plugin {
    let name = "chat"
}

@Suite("apus.example.toml: loads without a problem and documents every key of every section")
struct ExampleConfigurationTests {
    static let path = DiscordPyInteropTests.repositoryRoot.appendingPathComponent("apus.example.toml").path

    static func schema() throws -> ConfigSchema {
        try PluginHost(plugins: [
            ChatSectionStandIn(), LevelsPlugin(isCommand: { _ in false }), RemindersPlugin(), ModerationPlugin(),
            SettingsPlugin(),
        ]).configSchema()
    }

    @Test("the example loads against the bot's schema with no problem")
    func loads() throws {
        let launch = try BotLaunchConfiguration.load(
            configPath: Self.path, schema: try Self.schema(), environment: ["DISCORD_TOKEN": "t"])
        #expect(launch.bot.intents.rawValue == BotSettings.defaultIntents, "the example's intents are the code's default")
        #expect(launch.store == .sqlite(path: "apus.sqlite"))
    }

    @Test("every section and every key appears in the example")
    func documentsEveryKey() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for section in try Self.schema().sections {
            #expect(lines.contains("[\(section.name)]"), "section [\(section.name)] is missing")
            for key in section.keys {
                let written = lines.contains { line in
                    let uncommented = line.hasPrefix("# ") ? String(line.dropFirst(2)) : line
                    return uncommented.hasPrefix("\(key.name) =") || line == "[[\(section.name).\(key.name)]]"
                }
                #expect(written, "\(section.name).\(key.name) is missing")
            }
        }
    }
}
