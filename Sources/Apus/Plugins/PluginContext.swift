import ApusConfig
import ApusCore
import ApusHTTP
import ApusScheduler
import ApusStore
import Logging

/// What a plugin may use: the bot's REST client, database, scheduler, settings, clocks and a logger labelled with
/// the plugin's name. Built by the bot; tests build one with whatever parts they exercise.
public struct PluginContext: Sendable {
    /// The REST client, or `nil` in tests that need none.
    public var rest: DiscordREST?
    /// The bot's database (SQLite by default, PostgreSQL with `APUS_DATABASE_URL`), or `nil` without storage.
    public var database: (any Database)?
    /// The persistent scheduler, or `nil` without storage.
    public var scheduler: Scheduler?
    /// Settings: the file's values layered with per-guild overrides.
    public var settings: GuildSettings
    /// Calendar time (stored timestamps, jobs).
    public var wallClock: any WallClock
    /// Monotonic time (cooldowns, timeouts).
    public var timeSource: any TimeSource
    /// A logger whose label names the plugin.
    public var logger: Logger

    /// Creates a context.
    public init(
        rest: DiscordREST? = nil, database: (any Database)? = nil, scheduler: Scheduler? = nil, settings: GuildSettings,
        wallClock: any WallClock = SystemWallClock(), timeSource: any TimeSource = SystemTimeSource(),
        logger: Logger = Logger(label: "apus.plugin")
    ) {
        self.rest = rest
        self.database = database
        self.scheduler = scheduler
        self.settings = settings
        self.wallClock = wallClock
        self.timeSource = timeSource
        self.logger = logger
    }

    /// The same context with a logger labelled for `plugin`.
    public func forPlugin(_ plugin: String) -> PluginContext {
        var copy = self
        copy.logger = Logger(label: "apus.plugin.\(plugin)")
        return copy
    }
}
