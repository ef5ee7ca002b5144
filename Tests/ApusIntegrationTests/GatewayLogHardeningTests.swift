import ApusCore
@testable import ApusGateway
import ApusModel
import ApusSimulator
import Logging
import Synchronization
import Testing

/// Every line a logger received, for assertions on what operators see.
final class CapturedLog: Sendable {
    private let lines = Mutex<[(level: Logger.Level, text: String)]>([])

    func append(_ level: Logger.Level, _ text: String) {
        lines.withLock { $0.append((level, text)) }
    }

    var all: [(level: Logger.Level, text: String)] { lines.withLock { $0 } }

    /// Lines containing `fragment`.
    func matching(_ fragment: String) -> [(level: Logger.Level, text: String)] {
        all.filter { $0.text.contains(fragment) }
    }

    /// A logger whose lines land here.
    func logger() -> Logger {
        Logger(label: "apus.gateway.test") { _ in CapturingLogHandler(sink: self) }
    }
}

/// A log handler that hands every event to a ``CapturedLog``.
struct CapturingLogHandler: LogHandler {
    let sink: CapturedLog
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        sink.append(event.level, "\(event.message)")
    }
}

/// What an operator sees: connects, identifies, resumes and disconnects (with the close code, the next step and the
/// delay), broken HELLOs and undecodable events, each kind rate-limited.
@Suite("Gateway log lines", .serialized, .timeLimit(.minutes(1)))
struct GatewayLogHardeningTests {
    @Test("a shard's life is told in log lines, and a storm of failures is rate-limited")
    func lifeInLogLines() async throws {
        let simulator = DiscordSimulator(configuration: GatewayHarness.fastSimulatorConfiguration())
        try await simulator.start()
        simulator.inject(.helloHeartbeatInterval("0"))
        var configuration = ShardConfiguration(
            token: simulator.configuration.token, intents: .default, gatewayURL: simulator.gatewayURL
        )
        configuration.compression = .none
        configuration.timings = .fastForTesting
        configuration.timings.initialBackoff = .milliseconds(1)
        configuration.timings.maximumBackoff = .milliseconds(5)
        let log = CapturedLog()
        let distributor = EventDistributor()
        let queue = distributor.subscribe(to: nil, capacity: 256, policy: .dropOldest)
        let shard = Shard(
            configuration: configuration,
            identifyQueue: InMemoryIdentifyQueue(maxConcurrency: 1, window: .milliseconds(100), timeSource: SystemTimeSource()),
            distributor: distributor, random: SeededRandom(seed: 5), logger: log.logger()
        )
        let run = Task { try await shard.run() }
        let drain = Task { while await queue.nextBatch() != nil {} }
        try await eventually("30 refused HELLOs") { shard.counters.rejectedHellos >= 30 }

        let failures = log.matching("connection failed before READY/RESUMED")
        #expect(failures.count == ShardEventLog.linesPerMinute, "\(failures.count) failure lines")
        #expect(failures.allSatisfy { $0.level == .warning })
        #expect(failures.first?.text.contains("(closed by the shard with 4000); will identify in") == true,
                "\(failures.first?.text ?? "")")
        #expect(log.matching("HELLO's heartbeat_interval 0 ms is outside 10 ms...600.0 s").count == ShardEventLog.linesPerMinute)
        #expect(log.matching("connecting to ws://").count == ShardEventLog.linesPerMinute)

        simulator.inject(.helloHeartbeatInterval(nil))
        try await eventually("the shard is connected") { shard.phase == .connected }
        #expect(log.matching("identifying as shard 0 of 1").count == 1)
        #expect(log.matching("READY: session").count == 1)

        simulator.sendGarbageDispatch()
        try await eventually("the undecodable event was logged") { !log.matching("could not decode MESSAGE_CREATE").isEmpty }
        let undecodable = try #require(log.matching("could not decode MESSAGE_CREATE").first)
        #expect(undecodable.level == .warning)
        #expect(undecodable.text.contains("at byte"), "\(undecodable.text)")

        simulator.close(code: 4000, reason: "test")
        try await eventually("the session resumed") { simulator.counters().resumes == 1 && shard.phase == .connected }
        let disconnect = try #require(log.matching("disconnected (close code 4000").first)
        #expect(disconnect.text.contains("will resume"), "\(disconnect.text)")
        #expect(log.matching("resuming session").count == 1)
        #expect(log.matching("RESUMED: the session is live again").count == 1)

        shard.stop()
        _ = try? await run.value
        distributor.finish()
        await drain.value
        await simulator.shutdown()
    }
}
