import ApusCache
import ApusCommands
import ApusConfig
import ApusHTTP
import ApusCore
import ApusInteractions
import ApusModel
import Logging

/// The framework parts a bot runs on top of its shards: the cache, the command router, the component router and
/// the plugins, with the context plugins use. ``Bot/install(_:)`` connects them to the bot's events.
public struct BotFramework: Sendable {
    /// The cache every event updates first.
    public var cache: DiscordCache
    /// Prefix and slash commands.
    public var commands: CommandRouter
    /// Buttons, selects, modals and autocomplete by custom-id pattern.
    public var components: ComponentRouter
    /// The plugins (already started with ``PluginHost/start(config:context:)``).
    public var plugins: PluginHost
    /// What plugins use (REST, database, scheduler, settings, clocks).
    public var context: PluginContext
    /// The application id (interaction responses are sent as the application).
    public var applicationID: Snowflake
    /// The clock interaction deadlines are measured on.
    public var timeSource: any TimeSource
    /// The clock the command router's message timestamps are compared with.
    public var wallClock: any WallClock
    /// The text-command prefixes of a guild (nil: the router's configured ones), asked once per message; see
    /// ``guildPrefixes(from:)`` for the per-guild `bot.prefix` setting.
    public var prefixes: @Sendable (_ guildID: Snowflake?) async -> [String]?

    /// Collects the parts.
    public init(
        cache: DiscordCache, commands: CommandRouter, components: ComponentRouter, plugins: PluginHost,
        context: PluginContext, applicationID: Snowflake, timeSource: any TimeSource = SystemTimeSource(),
        wallClock: any WallClock = SystemWallClock(),
        prefixes: @escaping @Sendable (_ guildID: Snowflake?) async -> [String]? = { _ in nil }
    ) {
        self.cache = cache
        self.commands = commands
        self.components = components
        self.plugins = plugins
        self.context = context
        self.applicationID = applicationID
        self.timeSource = timeSource
        self.wallClock = wallClock
        self.prefixes = prefixes
    }

    /// Prefixes from the per-guild settings: a guild's `bot.prefix` (set with `config set bot.prefix ?`), or the
    /// file's when the guild has no override. Settings are read from memory after a guild's first message.
    public static func guildPrefixes(from settings: GuildSettings) -> @Sendable (Snowflake?) async -> [String]? {
        { guildID in
            guard let guildID else { return nil }
            guard let resolved = try? await settings.resolved(guildID: guildID.rawValue) else { return nil }
            return [resolved.bot.prefix]
        }
    }
}

extension Bot {
    /// Connects the framework to the bot's events. Call before ``run()``.
    ///
    /// - Every event updates the cache, then reaches the plugins that listen to it and are enabled in its guild,
    ///   in one queue (so plugins see the cache as of their event).
    /// - Messages and interactions go through a second queue to the command and component routers, so that a slow
    ///   command never delays the cache. A failing command answers with its user-facing message; the error itself
    ///   goes to the log, never to chat.
    public func install(_ framework: BotFramework, capacity: Int = 4_096) {
        let logger = Logger(label: "apus.framework")
        onDeliveries(of: nil, capacity: capacity, policy: .wait) { batch in
            for delivery in batch {
                guard case .event(let event) = delivery.payload else { continue }
                framework.cache.apply(event)
                await framework.plugins.dispatch(event, guildID: event.guildID?.rawValue, context: framework.context)
            }
        }
        onDeliveries(of: [.messageCreate, .interactionCreate], capacity: capacity, policy: .wait) { [rest] batch in
            for delivery in batch {
                guard case .event(let event) = delivery.payload else { continue }
                switch event {
                case .messageCreate(let message):
                    guard message.author.bot != true else { continue }
                    let now = framework.wallClock.now().millisecondsSinceEpoch * 1000
                    let context = MessageCommandContext(rest: rest, channelID: message.channelID, messageID: message.id)
                    let prefixes = await framework.prefixes(message.guildID)
                    let outcome = await framework.commands.handle(
                        message: CommandMessage(message, nowMicroseconds: now), context: context, prefixes: prefixes)
                    await Self.report(outcome, context: context, logger: logger)
                case .interactionCreate(let interaction):
                    let received = framework.timeSource.now()
                    guard let responder = InteractionResponder(
                        interaction: interaction, applicationID: framework.applicationID, rest: rest,
                        timeSource: framework.timeSource, receivedAt: received)
                    else { continue }
                    if interaction.type == .applicationCommand {
                        let context = InteractionCommandContext(responder: responder)
                        let outcome = await framework.commands.handle(interaction: interaction, context: context)
                        await Self.report(outcome, context: context, logger: logger)
                    } else {
                        let outcome = await framework.components.handle(interaction, responder: responder)
                        if case .failed(let pattern, let error) = outcome {
                            logger.error("component handler \(pattern) failed: \(error)")
                        }
                    }
                default:
                    continue
                }
            }
        }
    }

    private static func report(_ outcome: CommandOutcome, context: any CommandContext, logger: Logger) async {
        guard case .failed(let command, let error, let underlying) = outcome else { return }
        if let underlying { logger.error("command \(command) failed: \(underlying)") }
        if context is MessageCommandContext, let http = underlying as? DiscordHTTPError, http.status == 403 {
            // The bot may not post (or read history) there: an error message in the same channel would be a
            // second 403, and invalid requests count towards Discord's ban threshold.
            logger.warning("not telling the user that \(command) failed: Discord refused the bot in that channel (403)")
            return
        }
        if context is MessageCommandContext, let http = underlying as? DiscordHTTPError, http.isRateLimitRefusal {
            // The channel's bucket (or every route) is paused for longer than the client waits: an error message
            // there would wait for the same pause, holding the command queue, and then fail the same way.
            logger.warning("not telling the user that \(command) failed: posting there is rate limited")
            return
        }
        do {
            try await context.reply(error.userMessage, ephemeral: true)
        } catch {
            logger.warning("could not tell the user that \(command) failed: \(error)")
        }
    }
}
