import ApusCommands
import ApusConfig
import ApusInteractions
import ApusModel
import ApusScheduler
import ApusStore
import Synchronization

/// Runs a bot's plugins: builds the config schema and migration lists from their declarations, sets them up,
/// dispatches events to the ones enabled in each guild, and isolates every failure.
///
/// A plugin that throws while handling an event is counted and logged, and the next event reaches it again; a
/// plugin whose set-up throws is marked failed and skipped for the run. Neither reaches the other plugins or the
/// bot.
public final class PluginHost: Sendable {
    private struct Entry {
        var state: PluginStatus.State = .disabled
        var failures = 0
        var lastError: String?
        var handledEvents = 0
    }

    /// The plugins, in the order given.
    public let plugins: [any Plugin]
    private let entries: Mutex<[String: Entry]>

    /// Creates a host; plugin names must be unique and well-formed.
    public init(plugins: [any Plugin]) throws(PluginHostError) {
        var seen: Set<String> = []
        for plugin in plugins {
            let name = plugin.name
            guard !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
            else { throw .invalidName(name) }
            guard seen.insert(name).inserted else { throw .duplicateName(name) }
        }
        self.plugins = plugins
        entries = Mutex(Dictionary(uniqueKeysWithValues: plugins.map { ($0.name, Entry()) }))
    }

    /// The core schema plus every plugin's section, to load `apus.toml` with.
    public func configSchema() throws(ConfigSchemaError) -> ConfigSchema {
        var schema = ConfigSchema.core
        for plugin in plugins { try schema.register(plugin.configSection) }
        return schema
    }

    /// The migration lists of the plugins enabled in `config`, one owner per plugin.
    public func migrationLists(enabledIn config: ResolvedConfig) -> [MigrationList] {
        plugins.filter { config.isEnabled(plugin: $0.name) && !$0.migrations.isEmpty }
            .map { MigrationList(owner: $0.name, migrations: $0.migrations) }
    }

    /// Sets up every plugin enabled in `config` (in order); a failing set-up marks that plugin failed.
    public func start(config: ResolvedConfig, context: PluginContext) async {
        for plugin in plugins {
            guard config.isEnabled(plugin: plugin.name) else {
                update(plugin.name) { $0.state = .disabled }
                continue
            }
            let pluginContext = context.forPlugin(plugin.name)
            do {
                try await plugin.setUp(context: pluginContext)
                update(plugin.name) { $0.state = .running }
            } catch {
                pluginContext.logger.error("set-up failed; the plugin is off for this run: \(error)")
                update(plugin.name) { entry in
                    entry.state = .failed("set-up failed: \(error)")
                    entry.failures += 1
                    entry.lastError = "\(error)"
                }
            }
        }
    }

    /// The running plugins.
    public var runningPlugins: [any Plugin] {
        let states = entries.withLock { $0.mapValues(\.state) }
        return plugins.filter { states[$0.name] == .running }
    }

    /// The commands of the running plugins. A plugin whose command name clashes with an earlier plugin's is
    /// marked failed and contributes none.
    public func commands() -> [Command] {
        var names: Set<String> = []
        var result: [Command] = []
        for plugin in runningPlugins {
            let commands = plugin.commands()
            let clashes = commands.flatMap { [$0.name] + $0.aliases }.filter { names.contains($0) }
            if let clash = clashes.first {
                fail(plugin.name, "command '\(clash)' is already defined by another plugin")
                continue
            }
            for command in commands { names.formUnion([command.name] + command.aliases) }
            result += commands
        }
        return result
    }

    /// Registers the running plugins' routes; a plugin whose routes fail to register is marked failed.
    public func registerRoutes(on router: inout ComponentRouter) {
        for plugin in runningPlugins {
            do {
                try plugin.registerRoutes(on: &router)
            } catch {
                fail(plugin.name, "routes: \(error)")
            }
        }
    }

    /// Registers the running plugins' job handlers on `scheduler`.
    public func registerJobs(on scheduler: Scheduler, context: PluginContext) {
        for plugin in runningPlugins {
            for (kind, handler) in plugin.jobHandlers(context: context.forPlugin(plugin.name)) {
                let name = plugin.name
                scheduler.register(kind: kind) { [self] job in
                    do {
                        return try await handler(job)
                    } catch {
                        recordFailure(name, error)
                        throw error
                    }
                }
            }
        }
    }

    /// Whether `plugin` runs in `guildID` (the file's `<plugin>.enabled`, overridden per guild).
    public func isEnabled(_ plugin: String, guildID: UInt64?, context: PluginContext) async -> Bool {
        guard entries.withLock({ $0[plugin]?.state }) == .running else { return false }
        guard let guildID else { return true }
        guard let resolved = try? await context.settings.resolved(guildID: guildID) else {
            return await context.settings.base.isEnabled(plugin: plugin)
        }
        return resolved.isEnabled(plugin: plugin)
    }

    /// Hands `event` to every running plugin that listens to its kind and is enabled in `guildID`, one after
    /// another; each plugin's error is caught, counted and logged. Returns how many plugins handled it.
    @discardableResult
    public func dispatch(_ event: GatewayEvent, guildID: UInt64?, context: PluginContext) async -> Int {
        let kind = event.kind
        let listeners = runningPlugins.filter { $0.listenedEvents.contains(kind) }
        guard !listeners.isEmpty else { return 0 }
        var guildConfig: ResolvedConfig?
        if let guildID {
            // A guild whose stored settings cannot be read falls back to the file's switches.
            if let resolved = try? await context.settings.resolved(guildID: guildID) {
                guildConfig = resolved
            } else {
                guildConfig = await context.settings.base
            }
        }
        var handled = 0
        for plugin in listeners {
            if let guildConfig, !guildConfig.isEnabled(plugin: plugin.name) { continue }
            let pluginContext = context.forPlugin(plugin.name)
            do {
                try await plugin.handle(event, guildID: guildID, context: pluginContext)
                update(plugin.name) { $0.handledEvents += 1 }
                handled += 1
            } catch {
                pluginContext.logger.error("\(kind.name) handler failed: \(error)")
                recordFailure(plugin.name, error)
            }
        }
        return handled
    }

    /// Shuts every running plugin down (in reverse order).
    public func shutDown(context: PluginContext) async {
        for plugin in runningPlugins.reversed() {
            await plugin.shutDown(context: context.forPlugin(plugin.name))
        }
    }

    /// Every plugin's status, in the order given.
    public func statuses() -> [PluginStatus] {
        let snapshot = entries.withLock { $0 }
        return plugins.map { plugin in
            let entry = snapshot[plugin.name] ?? Entry()
            return PluginStatus(name: plugin.name, state: entry.state, failures: entry.failures,
                                lastError: entry.lastError, handledEvents: entry.handledEvents)
        }
    }

    private func update(_ name: String, _ change: (inout Entry) -> Void) {
        entries.withLock { entries in
            var entry = entries[name] ?? Entry()
            change(&entry)
            entries[name] = entry
        }
    }

    private func recordFailure(_ name: String, _ error: any Error) {
        update(name) { entry in
            entry.failures += 1
            entry.lastError = "\(error)"
        }
    }

    private func fail(_ name: String, _ reason: String) {
        update(name) { entry in
            entry.state = .failed(reason)
            entry.failures += 1
            entry.lastError = reason
        }
    }
}
