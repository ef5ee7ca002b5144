import ApusCompression
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// The one listening socket of the simulator: HTTP/1.1 (REST and control routes) and the gateway's WebSocket
/// upgrade on the same port.
final class SimulatorServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    /// The bound port.
    let port: Int

    /// Binds `host:port` (0 = ephemeral).
    static func start(
        host: String, port: Int, configuration: SimulatorConfiguration, gateway: SimulatorGateway,
        route: @escaping SimulatorHTTPRoute
    ) async throws -> SimulatorServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                Self.configure(channel: channel, configuration: configuration, gateway: gateway, route: route)
            }
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            guard let boundPort = channel.localAddress?.port else {
                try? await channel.close()
                try? await group.shutdownGracefully()
                throw SimulatorError.bindFailed("no local port after binding \(host):\(port)")
            }
            return SimulatorServer(group: group, channel: channel, port: boundPort)
        } catch let error as SimulatorError {
            throw error
        } catch {
            try? await group.shutdownGracefully()
            throw SimulatorError.bindFailed("\(host):\(port): \(error)")
        }
    }

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel, port: Int) {
        self.group = group
        self.channel = channel
        self.port = port
    }

    /// Closes the listening socket and every connection, then stops the event loops.
    func shutdown() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }

    private static func configure(
        channel: any Channel, configuration: SimulatorConfiguration, gateway: SimulatorGateway,
        route: @escaping SimulatorHTTPRoute
    ) -> EventLoopFuture<Void> {
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: 1 << 24,
            automaticErrorHandling: true,
            shouldUpgrade: { channel, head in
                channel.eventLoop.makeSucceededFuture(
                    GatewayUpgradeRequest(uri: head.uri, settings: configuration.gateway).isAcceptable ? HTTPHeaders() : nil
                )
            },
            upgradePipelineHandler: { channel, head in
                let request = GatewayUpgradeRequest(uri: head.uri, settings: configuration.gateway)
                return channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(NIOWebSocketFrameAggregator(
                        minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: 1 << 16, maxAccumulatedFrameSize: 1 << 24
                    ))
                    try sync.addHandler(GatewayConnectionHandler(
                        gateway: gateway, configuration: configuration, compression: request.compression,
                        path: request.path, version: request.version, refusal: request.refusal
                    ))
                }
            }
        )
        return channel.pipeline.configureHTTPServerPipeline(
            withServerUpgrade: (upgraders: [upgrader], completionHandler: { context in
                _ = context.pipeline.removeHandler(name: "apus-http")
            })
        ).flatMapThrowing {
            try channel.pipeline.syncOperations.addHandler(SimulatorHTTPHandler(route: route), name: "apus-http")
        }
    }
}

/// What a gateway connection URL asks for: `/?v=10&encoding=json&compress=…`.
struct GatewayUpgradeRequest {
    var path: String
    var version: Int
    var compression: TransportCompression
    /// Whether the server should upgrade at all (false for an unknown encoding or compression: HTTP 400).
    var isAcceptable: Bool
    /// A close to send right after the upgrade (4012 for an unsupported `v`).
    var refusal: GatewayCloseFailure?

    init(uri: String, settings: GatewaySimulationSettings) {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = parts.first.map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query[String(keyValue[0])] = keyValue.count > 1 ? String(keyValue[1]) : ""
            }
        }
        isAcceptable = true
        refusal = nil
        compression = .none
        version = 10
        if let rawVersion = query["v"] {
            if let parsed = Int(rawVersion), settings.supportedVersions.contains(parsed) {
                version = parsed
            } else {
                version = Int(rawVersion) ?? 0
                refusal = GatewayCloseFailure(code: GatewayCloseCode.invalidAPIVersion, reason: "Invalid API version.")
            }
        }
        if let encoding = query["encoding"], encoding != "json" {
            refusal = refusal ?? GatewayCloseFailure(code: GatewayCloseCode.decodeError, reason: "Unsupported encoding.")
        }
        if let compress = query["compress"], !compress.isEmpty {
            if settings.allowedCompressions.contains(compress), let parsed = TransportCompression(rawValue: compress) {
                compression = parsed
            } else {
                isAcceptable = false
            }
        }
    }
}

/// Why the simulator could not start.
public enum SimulatorError: Error, Sendable, CustomStringConvertible {
    /// The listening socket could not be bound.
    case bindFailed(String)
    /// A ``DiscordSimulator/waitUntil(timeout:_:)`` condition did not become true in time.
    case timedOut(Duration)
    /// The simulator is not running (``DiscordSimulator/start()`` not called, or already shut down).
    case notRunning

    public var description: String {
        switch self {
        case .bindFailed(let reason): "the simulator could not bind: \(reason)"
        case .timedOut(let timeout): "condition not met within \(timeout)"
        case .notRunning: "the simulator is not running"
        }
    }
}
