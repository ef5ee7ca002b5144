import ApusCore
import Synchronization

/// The local Discord: one loopback port that speaks Discord's gateway (WebSocket) and REST API, with fault
/// injection and a wire log, for tests, demos and load.
///
/// ```swift
/// let simulator = DiscordSimulator()
/// try await simulator.start()
/// defer { Task { await simulator.shutdown() } }
/// // connect a client to simulator.gatewayURL with token simulator.configuration.token
/// try await simulator.waitUntil(timeout: .seconds(5)) { $0.counters().identifies == 1 }
/// ```
public final class DiscordSimulator: Sendable {
    private struct Runtime {
        var server: SimulatorServer?
        var gatewayServer: SimulatorServer?
        var chatter: Task<Void, Never>?
    }

    /// The configuration the simulator was created with.
    public let configuration: SimulatorConfiguration
    /// The simulated guilds, channels, members and messages.
    public let world: SimulatorWorld
    /// The REST API.
    public let rest: SimulatorREST
    /// The gateway's shared state (sessions, limits, wire log).
    public let gateway: SimulatorGateway
    /// The clock every simulator timer uses.
    public let timeSource: any TimeSource
    private let runtime = Mutex(Runtime())

    /// Creates a simulator; nothing listens until ``start()``.
    public init(configuration: SimulatorConfiguration = .init(), timeSource: any TimeSource = SystemTimeSource()) {
        self.configuration = configuration
        self.timeSource = timeSource
        world = SimulatorWorld(configuration: configuration, timeSource: timeSource)
        gateway = SimulatorGateway(configuration: configuration, world: world, timeSource: timeSource)
        rest = SimulatorREST(configuration: configuration, world: world, timeSource: timeSource, dispatch: gateway)
    }

    /// Binds the configured host and port (port 0 picks a free one) and starts scripted chatter if configured.
    public func start() async throws {
        let control = SimulatorControlAPI(simulator: self)
        let rest = self.rest
        let routeRequest: SimulatorHTTPRoute = { request in
            if request.path.hasPrefix("/_sim/") || request.path == "/_sim" { return await control.handle(request) }
            if request.path.hasPrefix("/api/v10/") || request.path.hasPrefix("/api/v9/") {
                return await rest.handle(request)
            }
            return .controlJSON(status: 404, #"{"message":"404: Not Found","code":0}"#)
        }
        let server = try await SimulatorServer.start(
            host: configuration.host, port: configuration.port, configuration: configuration, gateway: gateway,
            route: routeRequest
        )
        // The gateway also listens on a port of its own, as Discord's gateway has a host of its own: an HTTP client
        // that reuses a keep-alive REST connection for the WebSocket upgrade (aiohttp does) would otherwise send
        // the upgrade as a second request on a connection that is no longer upgradable.
        let gatewayServer: SimulatorServer
        do {
            gatewayServer = try await SimulatorServer.start(
                host: configuration.host, port: configuration.gatewayPort, configuration: configuration, gateway: gateway,
                route: routeRequest
            )
        } catch {
            await server.shutdown()
            throw error
        }
        gateway.setGatewayURL("ws://\(Self.urlHost(configuration.host)):\(gatewayServer.port)")
        let chatter = configuration.scriptedMessageInterval.map { interval in
            Task { [world, gateway, timeSource, seed = configuration.seed] in
                var random = SeededRandom(seed: seed &+ 0xC4A7)
                while !Task.isCancelled {
                    do { try await timeSource.sleep(for: interval) } catch { return }
                    if let message = world.scriptedMessage(using: &random) {
                        gateway.dispatch(event: "MESSAGE_CREATE", guildID: message.guildID, json: message.json)
                    }
                }
            }
        }
        let previous = runtime.withLock { runtime -> [SimulatorServer] in
            let previous = [runtime.server, runtime.gatewayServer].compactMap { $0 }
            runtime.server = server
            runtime.gatewayServer = gatewayServer
            runtime.chatter = chatter
            return previous
        }
        for server in previous { await server.shutdown() }
    }

    /// Stops chatter, closes every connection and the listening socket.
    public func shutdown() async {
        let (server, gatewayServer, chatter) = runtime.withLock { runtime in
            defer {
                runtime.server = nil
                runtime.gatewayServer = nil
                runtime.chatter = nil
            }
            return (runtime.server, runtime.gatewayServer, runtime.chatter)
        }
        chatter?.cancel()
        await server?.shutdown()
        await gatewayServer?.shutdown()
    }

    /// The bound port (0 before ``start()``).
    public var port: Int {
        runtime.withLock { $0.server?.port ?? 0 }
    }

    /// The gateway URL: `ws://HOST:PORT`.
    public var gatewayURL: String {
        "ws://\(Self.urlHost(configuration.host)):\(gatewayPort)"
    }

    /// The port of the gateway's own listener (the REST port also accepts gateway connections).
    public var gatewayPort: Int {
        runtime.withLock { $0.gatewayServer?.port ?? 0 }
    }

    /// The REST base URL: `http://HOST:PORT/api/v10`.
    public var apiBaseURL: String {
        "http://\(Self.urlHost(configuration.host)):\(port)/api/v10"
    }

    /// The control API's base URL: `http://HOST:PORT/_sim`.
    public var controlURL: String {
        "http://\(Self.urlHost(configuration.host)):\(port)/_sim"
    }

    private static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }

    // MARK: - Traffic

    /// Sends a dispatch to the sessions of the guild's shard (shard 0 without a guild).
    public func dispatch(event name: String, guildID: UInt64?, json: String) {
        gateway.dispatch(event: name, guildID: guildID, json: json)
    }

    /// Posts a message as a member (a random one, in a random text channel, when nil) and dispatches its
    /// MESSAGE_CREATE. Returns the MESSAGE_CREATE `d`, or nil when the world has no such channel.
    @discardableResult
    public func postMessage(channelID: UInt64? = nil, authorID: UInt64? = nil, content: String) -> String? {
        guard let message = world.postMemberMessage(channelID: channelID, authorID: authorID, content: content) else {
            return nil
        }
        gateway.dispatch(event: "MESSAGE_CREATE", guildID: message.guildID, json: message.json)
        return message.json
    }

    // MARK: - Inspection

    /// Every gateway payload, close and connection event so far, in order.
    public func wireLog() -> [WireRecord] { gateway.wireLog() }

    /// Every gateway connection so far.
    public func connections() -> [ConnectionInfo] { gateway.connections() }

    /// The gateway counters.
    public func counters() -> GatewayCounters { gateway.counters() }

    /// Polls `condition` every few milliseconds (real time) until it holds; throws ``SimulatorError/timedOut(_:)``
    /// when `timeout` passes first.
    public func waitUntil(
        timeout: Duration, _ condition: @Sendable (DiscordSimulator) -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !condition(self) {
            guard clock.now < deadline else { throw SimulatorError.timedOut(timeout) }
            try await Task.sleep(for: .milliseconds(3))
        }
    }
}
