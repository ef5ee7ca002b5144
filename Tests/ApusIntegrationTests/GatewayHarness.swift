import ApusCompression
import ApusCore
import ApusGateway
import ApusModel
import ApusSimulator
import Synchronization
import Testing

/// Collects every delivery a shard hands to a subscriber, for assertions.
final class DeliveryCollector: Sendable {
    private let deliveries = Mutex<[GatewayDelivery]>([])

    func append(contentsOf batch: [GatewayDelivery]) {
        deliveries.withLock { $0.append(contentsOf: batch) }
    }

    var all: [GatewayDelivery] { deliveries.withLock { $0 } }

    /// The event names delivered, in order.
    var names: [String] {
        all.map { delivery in
            switch delivery.payload {
            case .event(let event): event.kind.name
            case .undecodable(let name, _, _): name
            }
        }
    }

    /// The sequence numbers delivered, in order.
    var sequences: [Int] { all.compactMap(\.sequence) }
}

/// A simulator plus one real shard connected to it over loopback, with short protocol intervals.
struct GatewayHarness {
    let simulator: DiscordSimulator
    let shard: Shard
    let distributor: EventDistributor
    let collector: DeliveryCollector
    let runTask: Task<Void, any Error>
    let consumerTask: Task<Void, Never>

    /// Simulator settings fast enough for tests: 1 s heartbeats, a 5 s send window.
    static func fastSimulatorConfiguration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.guildCount = 2
        configuration.membersPerGuild = 10
        configuration.gateway.heartbeatInterval = .seconds(1)
        configuration.gateway.sendLimitWindow = .seconds(5)
        configuration.gateway.identifyWindow = .milliseconds(100)
        configuration.gateway.closeHandshakeTimeout = .milliseconds(300)
        return configuration
    }

    static func start(
        compression: TransportCompression = .none,
        session: GatewaySession? = nil,
        simulator existing: DiscordSimulator? = nil,
        configureSimulator: (inout SimulatorConfiguration) -> Void = { _ in },
        configureShard: (inout ShardConfiguration) -> Void = { _ in },
        subscribe kinds: Set<EventKind>? = nil,
        capacity: Int = 4_096,
        policy: OverflowPolicy = .wait,
        slowConsumer: Duration? = nil
    ) async throws -> GatewayHarness {
        let simulator: DiscordSimulator
        if let existing {
            simulator = existing
        } else {
            var simulatorConfiguration = fastSimulatorConfiguration()
            configureSimulator(&simulatorConfiguration)
            simulator = DiscordSimulator(configuration: simulatorConfiguration)
            try await simulator.start()
        }
        var configuration = ShardConfiguration(
            token: simulator.configuration.token, intents: .default, gatewayURL: simulator.gatewayURL
        )
        configuration.compression = compression
        configuration.timings = .fastForTesting
        configuration.timings.sendWindow = simulator.configuration.gateway.sendLimitWindow
        configureShard(&configuration)
        let distributor = EventDistributor()
        let queue = distributor.subscribe(to: kinds, capacity: capacity, policy: policy)
        let identifyQueue = InMemoryIdentifyQueue(
            maxConcurrency: 1, window: .milliseconds(100), timeSource: SystemTimeSource()
        )
        let shard = Shard(
            configuration: configuration, identifyQueue: identifyQueue, distributor: distributor, session: session,
            random: SeededRandom(seed: 99)
        )
        let collector = DeliveryCollector()
        let consumerTask = Task {
            while let batch = await queue.nextBatch() {
                if let slowConsumer { try? await Task.sleep(for: slowConsumer) }
                collector.append(contentsOf: batch)
            }
        }
        let runTask = Task { try await shard.run() }
        return GatewayHarness(
            simulator: simulator, shard: shard, distributor: distributor, collector: collector, runTask: runTask, consumerTask: consumerTask
        )
    }

    /// Waits until `condition` holds, polling; fails the test with `what` on timeout.
    func waitUntil(_ what: String, timeout: Duration = .seconds(10), _ condition: @Sendable () -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !condition() {
            if clock.now > deadline {
                Issue.record("timed out waiting until \(what)")
                throw HarnessTimeout(what: what)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Waits until the shard is connected (READY or RESUMED handled).
    func waitUntilConnected(timeout: Duration = .seconds(10)) async throws {
        do {
            try await waitUntil("the shard is connected", timeout: timeout) { shard.phase == .connected }
        } catch {
            let tail = simulator.wireLog().suffix(12).map { "\($0.direction) \($0.kind) op=\($0.opcode ?? -1) t=\($0.eventName ?? "-") close=\($0.closeCode ?? -1) at \($0.time)" }
            Issue.record("shard phase \(shard.phase) counters \(shard.counters) inbound \(shard.inboundCounters); last wire records:\n\(tail.joined(separator: "\n"))")
            throw error
        }
    }

    /// Client-sent records of the simulator's wire log.
    func clientRecords() -> [WireRecord] {
        simulator.wireLog().filter { $0.direction == .clientToServer }
    }

    /// Stops the shard and, if this harness started it, the simulator.
    func stop(keepSessionResumable: Bool = false, stopSimulator: Bool = true) async {
        shard.stop(keepSessionResumable: keepSessionResumable)
        _ = try? await runTask.value
        distributor.finish()
        await consumerTask.value
        if stopSimulator { await simulator.shutdown() }
    }
}

struct HarnessTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting until \(what)" }
}
