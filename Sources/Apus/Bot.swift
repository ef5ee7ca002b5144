import ApusCore
import ApusGateway
import ApusHTTP
import ApusModel
import Logging
import Synchronization

/// A Discord bot: shards, typed event handlers and a REST client, in one object.
///
/// ```swift
/// let bot = Bot(configuration: BotConfiguration(token: token, intents: [.guilds, .guildMessages, .messageContent]))
/// bot.on(.messageCreate) { message in
///     if message.content == "!ping" {
///         try await bot.rest.createMessage(channelID: message.channelID, MessageCreatePayload(content: "pong"))
///     }
/// }
/// try await bot.run()          // until bot.shutdown()
/// ```
/// Each handler reads its own bounded queue in batches, so a slow handler slows or drops only its own events
/// (``OverflowPolicy``); an error thrown by a handler is logged and counted, never fatal.
public final class Bot: Sendable {
    /// How the bot connects.
    public let configuration: BotConfiguration
    /// The REST client (shared rate limiter, connection reuse).
    public let rest: DiscordREST
    /// Where every shard's events go; subscribe here for raw deliveries.
    public let distributor = EventDistributor()

    private struct Handler: Sendable {
        let queue: BoundedEventQueue<GatewayDelivery>
        let run: @Sendable ([GatewayDelivery]) async -> Void
    }

    private struct State {
        var handlers: [Handler] = []
        var manager: ShardManager?
        var running = false
        var stopRequested = false
        var keepSessionsResumable = false
        var handlerErrors = 0
    }

    private let state = Mutex(State())
    private let timeSource: any TimeSource
    private let logger: Logger

    /// Creates a bot. Nothing connects until ``run()``.
    public init(configuration: BotConfiguration, timeSource: any TimeSource = SystemTimeSource(), logger: Logger = Logger(label: "apus")) {
        self.configuration = configuration
        self.timeSource = timeSource
        self.logger = logger
        var restConfiguration = DiscordRESTConfiguration(token: configuration.token, apiBaseURL: configuration.apiBaseURL)
        if let seed = configuration.seed { restConfiguration.retryPolicy.jitterSeed = seed }
        restConfiguration.requestTimeout = configuration.restRequestTimeout
        rest = DiscordREST(configuration: restConfiguration, timeSource: timeSource, logger: logger)
    }

    /// How many handler calls threw.
    public var handlerErrorCount: Int { state.withLock { $0.handlerErrors } }

    /// The running shards (nil before ``run()`` starts them).
    public var shardManager: ShardManager? { state.withLock { $0.manager } }

    /// Calls `handler` for every event of `event`'s kind. Register handlers before ``run()``.
    public func on<Payload: Sendable>(
        _ event: BotEvent<Payload>, capacity: Int = 4_096, policy: OverflowPolicy = .wait,
        _ handler: @escaping @Sendable (Payload) async throws -> Void
    ) {
        onDeliveries(of: [event.kind], capacity: capacity, policy: policy) { [self] batch in
            for delivery in batch {
                guard case .event(let decoded) = delivery.payload, let payload = event.extract(decoded) else { continue }
                do {
                    try await handler(payload)
                } catch {
                    state.withLock { $0.handlerErrors += 1 }
                    logger.error("handler for \(event.kind.name) failed: \(error)")
                }
            }
        }
    }

    /// Calls `handler` with batches of raw deliveries of `kinds` (nil: every event, unknown ones included).
    public func onDeliveries(
        of kinds: Set<EventKind>?, capacity: Int = 4_096, policy: OverflowPolicy = .wait,
        _ handler: @escaping @Sendable ([GatewayDelivery]) async -> Void
    ) {
        let queue = distributor.subscribe(to: kinds, capacity: capacity, policy: policy)
        state.withLock { $0.handlers.append(Handler(queue: queue, run: handler)) }
    }

    /// Connects every configured shard and delivers events until ``shutdown(keepSessionsResumable:)`` (returns) or a
    /// fatal gateway error (throws). Handlers finish their queued events before it returns.
    public func run() async throws {
        let gatewayBot = try await rest.getGatewayBot()
        let gatewayURL = configuration.gatewayURLOverride ?? gatewayBot.url
        let (shardIDs, shardCount): (Range<Int>, Int) = switch configuration.shards {
        case .automatic: (0..<max(1, gatewayBot.shards), max(1, gatewayBot.shards))
        case .range(let ids, let count): (ids, count)
        }
        var template = ShardConfiguration(token: configuration.token, intents: configuration.intents, gatewayURL: gatewayURL)
        template.compression = configuration.compression
        template.timings = configuration.timings
        // A gateway URL that keeps failing is replaced by a fresh one from Discord (the simulator may restart on
        // another port; Discord may move the gateway).
        template.gatewayURLProvider = { [rest] in try await rest.getGatewayBot().url }
        let identifyQueue = InMemoryIdentifyQueue(
            sessionStartLimit: gatewayBot.sessionStartLimit, window: configuration.identifyWindow, timeSource: timeSource
        )
        let manager = ShardManager(
            template: template, shardIDs: shardIDs, shardCount: shardCount, identifyQueue: identifyQueue,
            distributor: distributor, sessions: configuration.sessions, timeSource: timeSource, seed: configuration.seed,
            logger: logger
        )
        let (handlers, stopEarly) = state.withLock { state in
            state.manager = manager
            state.running = true
            return (state.handlers, state.stopRequested)
        }
        if stopEarly { manager.stop() }
        logger.info("starting \(shardIDs.count) of \(shardCount) shard(s) on \(gatewayURL)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for handler in handlers {
                group.addTask {
                    while let batch = await handler.queue.nextBatch() { await handler.run(batch) }
                }
            }
            do {
                try await manager.run()
            } catch {
                distributor.finish()
                throw error
            }
            distributor.finish()
            try await group.waitForAll()
        }
        state.withLock { $0.running = false }
    }

    /// Stops every shard; ``run()`` returns once handlers have drained. With `keepSessionsResumable`, the sockets
    /// close with a non-1000 code and ``exportSessions()`` gives sessions that a restarted process can resume.
    public func shutdown(keepSessionsResumable: Bool = false) {
        let manager = state.withLock { state -> ShardManager? in
            state.stopRequested = true
            state.keepSessionsResumable = keepSessionsResumable
            return state.manager
        }
        manager?.stop(keepSessionResumable: keepSessionsResumable)
    }

    /// The shards' resumable sessions, for saving before a restart.
    public func exportSessions() -> [GatewaySession] {
        shardManager?.exportSessions() ?? []
    }

    /// Releases the REST client's connections. Call after ``run()`` has returned.
    public func close() async {
        try? await rest.shutdown()
    }
}
