import Apus
import ApusCommands
import ApusConfig
import ApusModel
import Synchronization

/// `config get|set|unset <key> [value]`: per-guild settings edited from chat, stored in the database and layered over
/// `apus.toml`. Only members with Manage Server may use it; only keys marked overridable per guild can be set, and
/// every value is checked against the key's type before anything is saved.
public final class SettingsPlugin: Plugin {
    /// `settings`.
    public let name = "settings"
    private let context = Mutex<PluginContext?>(nil)

    /// Creates the plugin.
    public init() {}

    /// Keeps the context for the commands.
    public func setUp(context: PluginContext) async throws {
        self.context.withLock { $0 = context }
    }

    /// The `config` group.
    public func commands() -> [Command] {
        let checks: [CommandCheck] = [.guildOnly, .hasPermissions(.manageGuild)]
        return [Command(group: "config", description: "Show or change this server's settings.", category: "Admin",
                        checks: checks, guildOnly: true, defaultMemberPermissions: .manageGuild) {
            Command("get", description: "Show a setting's value in this server.", category: "Admin",
                    parameters: [.string("key", "The setting, e.g. levels.cooldown.")], checks: checks, guildOnly: true) { [self] reply, arguments in
                guard let (settings, guildID, key) = target(arguments) else { return }
                let resolved = try await settings.resolved(guildID: guildID)
                guard let value = resolved.value(at: key) else {
                    try await reply.reply("`\(key)` is not set.", ephemeral: true)
                    return
                }
                try await reply.reply("`\(key)` = `\(value)`", ephemeral: true)
            }
            Command("set", description: "Change a setting in this server.", category: "Admin",
                    parameters: [.string("key", "The setting, e.g. levels.cooldown."), .text("value", "The new value.", maxLength: 500)],
                    checks: checks, guildOnly: true) { [self] reply, arguments in
                guard let (settings, guildID, key) = target(arguments), let text = arguments.string("value") else { return }
                do {
                    let value = try await settings.set(path: key, text: text, guildID: guildID)
                    try await reply.reply("`\(key)` = `\(value)` in this server.", ephemeral: true)
                } catch {
                    try await reply.reply("Not changed: \(error)", ephemeral: true)
                }
            }
            Command("unset", description: "Return a setting to the bot's default in this server.", category: "Admin",
                    parameters: [.string("key", "The setting, e.g. levels.cooldown.")], checks: checks, guildOnly: true) { [self] reply, arguments in
                guard let (settings, guildID, key) = target(arguments) else { return }
                do {
                    try await settings.unset(path: key, guildID: guildID)
                    try await reply.reply("`\(key)` is back to the default in this server.", ephemeral: true)
                } catch {
                    try await reply.reply("Not changed: \(error)", ephemeral: true)
                }
            }
        }]
    }

    private func target(_ arguments: ParsedArguments) -> (GuildSettings, UInt64, String)? {
        guard let settings = context.withLock({ $0?.settings }), let guildID = arguments.invocation.guildID,
              let key = arguments.string("key") else { return nil }
        return (settings, guildID.rawValue, key)
    }
}
