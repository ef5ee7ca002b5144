import ApusCompression
import ApusCore
import Foundation
import Testing
@testable import ApusGateway

/// HELLO's `heartbeat_interval` comes from the network: any value outside the configured bounds, or not a number,
/// makes the HELLO broken. The shard closes with a resumable code and reconnects after a growing backoff; it never
/// traps and never heartbeats at 0 ms.
@Suite("HELLO hardening")
struct HelloHardeningTests {
    /// HELLO frames whose interval no shard may accept.
    static let hostileIntervals = [
        "9223372036854775807", "9223372036854775808", "0", "-1", "-41250", "1e400", "41250.5", "\"41250\"", "null",
        "[]", "999", "600001", "18446744073709551615",
    ]

    static func hello(_ interval: String?) -> [UInt8] {
        let body = interval.map { #"{"heartbeat_interval":\#($0)}"# } ?? #"{"_trace":[]}"#
        return Array(#"{"t":null,"s":null,"op":10,"d":\#(body)}"#.utf8)
    }

    /// What one run of connections under a fixed HELLO did, on a manual time line.
    struct Run {
        /// When each connection opened.
        var openedAt: [MonotonicTime] = []
        /// Heartbeats the shard sent.
        var heartbeats = 0
        /// Close codes the shard sent.
        var closeCodes: [UInt16] = []
    }

    /// Drives a shard state machine through connections that all receive `hello` and nothing else (the fake server
    /// never answers), for `duration` of simulated time or `maximumSteps` actions, whichever comes first.
    static func run(hello: [UInt8], for duration: Duration, maximumSteps: Int = 20_000) throws -> Run {
        let configuration = ShardStateMachine.Configuration(
            shardID: 0, shardCount: 1, gatewayURL: "wss://gateway.example", query: "v=10&encoding=json",
            timings: GatewayTimings()
        )
        var machine = ShardStateMachine(configuration: configuration, random: SeededRandom(seed: 7))
        let distributor = EventDistributor()
        var run = Run()
        var now = MonotonicTime.zero
        let end = now + duration
        var pending = machine.start(now: now)
        var steps = 0
        while steps < maximumSteps {
            steps += 1
            if !pending.isEmpty {
                let action = pending.removeFirst()
                switch action {
                case .connect:
                    run.openedAt.append(now)
                    pending += machine.connectionOpened(now: now)
                    let pipeline = try InboundPipeline(
                        shardID: 0, compression: .none, maximumMessageSize: 1 << 20, distributor: distributor
                    )
                    let item = hello.withUnsafeBytes { pipeline.process(message: $0) }
                    switch item {
                    case .hello(let interval): pending += machine.receivedHello(heartbeatInterval: interval, now: now)
                    case .broken: pending += machine.receivedUndecodableFrame(now: now)
                    default: break
                    }
                case .close(let code):
                    run.closeCodes.append(code)
                    pending += machine.connectionClosed(code: nil, now: now)
                case .sendHeartbeat:
                    run.heartbeats += 1
                case .requestIdentifyPermit:
                    pending += machine.identifyPermitted(now: now)
                default:
                    break
                }
                continue
            }
            guard let next = machine.nextDeadline(now: now), next <= end else { break }
            now = max(now, next)
            pending += machine.tick(now: now)
        }
        return run
    }

    @Test("a hostile heartbeat_interval closes with a resumable code, sends no heartbeat, and backs off",
          arguments: hostileIntervals + [nil] as [String?])
    func hostileHello(interval: String?) throws {
        let run = try Self.run(hello: Self.hello(interval), for: .seconds(60))
        #expect(run.heartbeats == 0)
        #expect(!run.closeCodes.isEmpty)
        #expect(run.closeCodes.allSatisfy { $0 != 1000 && $0 != 1001 })
        // Delays 0.5-1, 1-2, 2-4, 4-8, 8-16, 16-32 s (1 s initial backoff, doubling, jitter): at most 7 connections.
        #expect(run.openedAt.count >= 3 && run.openedAt.count <= 7, "\(run.openedAt.count) connections in 60 s")
        let delays = zip(run.openedAt.dropFirst(), run.openedAt).map { $0 - $1 }
        #expect(delays.allSatisfy { $0 >= .milliseconds(500) }, "\(delays)")
        #expect(zip(delays.dropFirst(), delays).allSatisfy { $0 >= $1 }, "delays must not shrink: \(delays)")
    }

    @Test("heartbeat_interval 0 does not reconnect in a storm (8,219 connections in 10 s before the fix)")
    func zeroIntervalStorm() throws {
        let run = try Self.run(hello: Self.hello("0"), for: .seconds(10))
        #expect(run.openedAt.count <= 5, "\(run.openedAt.count) connections in 10 s")
    }

    @Test("heartbeat_interval 9223372036854775807 does not trap")
    func maximumIntervalDoesNotTrap() async {
        await #expect(processExitsWith: .success) {
            let run = try? HelloHardeningTests.run(hello: HelloHardeningTests.hello("9223372036854775807"), for: .seconds(60))
            guard let run, run.heartbeats == 0, !run.closeCodes.isEmpty else { exit(1) }
        }
    }

    @Test("a HELLO inside the bounds is accepted", arguments: ["1000", "41250", "600000"])
    func acceptedHello(interval: String) throws {
        let run = try Self.run(hello: Self.hello(interval), for: .seconds(1))
        #expect(run.openedAt.count == 1)
        #expect(run.closeCodes.isEmpty)
    }
}
