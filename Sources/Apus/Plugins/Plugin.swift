import ApusCommands
import ApusConfig
import ApusInteractions
import ApusModel
import ApusScheduler
import ApusStore

/// A unit of bot behaviour that the bot can enable, disable and configure per bot and per guild.
///
/// A plugin declares everything it brings — its config section, database migrations, commands, component routes,
/// the events it listens to and its scheduled job kinds — and the ``PluginHost`` wires them up. Every call into a
/// plugin is isolated: an error is logged, counted and reported in ``PluginHost/statuses()``, and never reaches
/// another plugin or the bot.
///
/// ```swift
/// struct Greeter: Plugin {
///     let name = "greeter"
///     var listenedEvents: Set<EventKind> { [.guildMemberAdd] }
///     func handle(_ event: GatewayEvent, guildID: UInt64?, context: PluginContext) async throws {
///         guard case .guildMemberAdd(let added) = event else { return }
///         context.logger.info("welcome \(added.member.user?.username ?? "?")")
///     }
/// }
/// ```
public protocol Plugin: Sendable {
    /// The plugin's name: lower-case letters, digits and underscores. It names the config section, the
    /// migration owner and the per-guild `enabled` switch (`<name>.enabled`).
    var name: String { get }

    /// The plugin's `apus.toml` section (by default an empty `[name]` section with its `enabled` key).
    var configSection: ConfigSection { get }

    /// The plugin's database migrations, applied in order under the owner ``name``.
    var migrations: [Migration] { get }

    /// The plugin's commands (prefix and slash from one definition).
    func commands() -> [Command]

    /// Registers the plugin's component, modal and autocomplete routes (by custom-id pattern, so that they
    /// survive a restart).
    func registerRoutes(on router: inout ComponentRouter) throws

    /// The gateway events ``handle(_:guildID:context:)`` receives.
    var listenedEvents: Set<EventKind> { get }

    /// Handles one event the plugin listens to, in a guild where it is enabled (or outside any guild).
    func handle(_ event: GatewayEvent, guildID: UInt64?, context: PluginContext) async throws

    /// The scheduled job kinds the plugin runs, with their handlers.
    func jobHandlers(context: PluginContext) -> [String: Scheduler.Handler]

    /// Runs once at start-up, after migrations and before any event. A throw marks the plugin failed: it is then
    /// skipped for the rest of the run, and the bot goes on without it.
    func setUp(context: PluginContext) async throws

    /// Runs once at shutdown (flush buffers, cancel timers).
    func shutDown(context: PluginContext) async
}

extension Plugin {
    /// An empty `[name]` section with its `enabled` key (on by default).
    public var configSection: ConfigSection {
        ConfigSection.plugin(name, doc: "Settings of the \(name) plugin.", keys: [])
    }

    /// No migrations.
    public var migrations: [Migration] { [] }

    /// No commands.
    public func commands() -> [Command] { [] }

    /// No routes.
    public func registerRoutes(on router: inout ComponentRouter) throws {}

    /// No events.
    public var listenedEvents: Set<EventKind> { [] }

    /// Ignores events.
    public func handle(_ event: GatewayEvent, guildID: UInt64?, context: PluginContext) async throws {}

    /// No jobs.
    public func jobHandlers(context: PluginContext) -> [String: Scheduler.Handler] { [:] }

    /// Nothing to set up.
    public func setUp(context: PluginContext) async throws {}

    /// Nothing to shut down.
    public func shutDown(context: PluginContext) async {}
}
