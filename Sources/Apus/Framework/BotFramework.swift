import ApusCache
import ApusCommands
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

    /// Collects the parts.
    public init(
        cache: DiscordCache, commands: CommandRouter, components: ComponentRouter, plugins: PluginHost,
        context: PluginContext, applicationID: Snowflake, timeSource: any TimeSource = SystemTimeSource(),
        wallClock: any WallClock = SystemWallClock()
    ) {
        self.cache = cache
        self.commands = commands
        self.components = components
        self.plugins = plugins
        self.context = context
        self.applicationID = applicationID
        self.timeSource = timeSource
        self.wallClock = wallClock
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
                    let outcome = await framework.commands.handle(message: CommandMessage(message, nowMicroseconds: now), context: context)
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
        do {
            try await context.reply(error.userMessage, ephemeral: true)
        } catch {
            logger.warning("could not tell the user that \(command) failed: \(error)")
        }
    }
}
