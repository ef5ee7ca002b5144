import ApusCore
import Testing
@testable import ApusGateway

/// Reconnect discipline on a manual time line: every connection that ends before READY or RESUMED backs off
/// exponentially with jitter, and a gateway URL that keeps failing is replaced.
@Suite("Shard reconnect discipline")
struct ShardReconnectTests {
    static let interval = Duration.seconds(40)
    static let query = "v=10&encoding=json"

    static func machine(seed: UInt64 = 3, session: GatewaySession? = nil, fallbackAfter: Int = 3) -> ShardStateMachine {
        var timings = GatewayTimings()
        timings.initialBackoff = .seconds(1)
        timings.maximumBackoff = .seconds(60)
        timings.connectionFailuresBeforeURLFallback = fallbackAfter
        let configuration = ShardStateMachine.Configuration(
            shardID: 0, shardCount: 1, gatewayURL: "wss://gateway.example", query: query, timings: timings
        )
        return ShardStateMachine(configuration: configuration, session: session, random: SeededRandom(seed: seed))
    }

    static let session = GatewaySession(
        sessionID: "s1", resumeGatewayURL: "wss://resume.example", sequence: 9, shardID: 0, shardCount: 1
    )

    /// Fails connection after connection (the socket never opens) and returns each connect's URL and time, and
    /// every other action seen.
    static func failRepeatedly(
        _ machine: inout ShardStateMachine, times: Int, from start: MonotonicTime = .zero
    ) -> (connects: [(url: String, at: MonotonicTime)], others: [ShardStateMachine.Action]) {
        var now = start
        var connects: [(String, MonotonicTime)] = []
        var others: [ShardStateMachine.Action] = []
        var pending = machine.phase == .idle ? machine.start(now: now) : []
        var steps = 0
        while connects.count < times, steps < 10_000 {
            steps += 1
            if pending.isEmpty {
                guard let next = machine.nextDeadline(now: now) else { break }
                now = max(now, next)
                pending = machine.tick(now: now)
                continue
            }
            let action = pending.removeFirst()
            if case .connect(let url) = action {
                connects.append((url, now))
                pending += machine.connectionClosed(code: nil, now: now)
            } else {
                others.append(action)
            }
        }
        return (connects, others)
    }

    @Test("sockets that fail to open are retried with growing, jittered delays up to the maximum")
    func failedOpensBackOff() {
        var machine = Self.machine()
        let run = Self.failRepeatedly(&machine, times: 10)
        let delays = zip(run.connects.dropFirst(), run.connects).map { $0.at - $1.at }
        #expect(delays.count == 9)
        for (index, delay) in delays.enumerated() {
            let base = min(60.0, Double(1 << index))
            #expect(delay.secondsDouble >= base * 0.5 - 1e-6 && delay.secondsDouble <= base + 1e-6,
                    "delay \(index + 1) is \(delay)")
        }
        #expect(machine.counters.failedConnections >= 9)
        #expect(machine.lastReconnectPlan?.failed == true)
    }

    @Test("jitter differs across seeds")
    func jitterVaries() {
        var delays = Set<Int64>()
        for seed in UInt64(1)...10 {
            var machine = Self.machine(seed: seed)
            let run = Self.failRepeatedly(&machine, times: 3)
            delays.insert((run.connects[2].at - run.connects[1].at).nanosecondsClamped)
        }
        #expect(delays.count > 5)
    }

    @Test("a HELLO that never comes closes with a resumable code and the next connection backs off")
    func helloTimeoutBacksOff() {
        var machine = Self.machine()
        var now = MonotonicTime.zero
        #expect(machine.start(now: now).count == 1)
        #expect(machine.connectionOpened(now: now).isEmpty)
        now = machine.nextDeadline(now: now) ?? now
        #expect(now == MonotonicTime.zero + GatewayTimings().helloTimeout)
        #expect(machine.tick(now: now) == [.close(code: 4000)])
        #expect(machine.connectionClosed(code: 4000, now: now).isEmpty, "no immediate reconnect")
        let at = machine.nextDeadline(now: now) ?? now
        #expect(at - now >= .milliseconds(500) && at - now <= .seconds(1))
        #expect(machine.lastReconnectPlan == ShardStateMachine.ReconnectPlan(next: .identify, delay: at - now, failed: true))
    }

    @Test("READY resets the failure count: the next drop reconnects at once")
    func readyResets() {
        var machine = Self.machine()
        _ = Self.failRepeatedly(&machine, times: 4)
        var now = machine.nextDeadline(now: .zero + .seconds(100)) ?? .zero
        now = max(now, .zero + .seconds(100))
        #expect(machine.tick(now: now) == [.connect(url: "wss://gateway.example/?\(Self.query)")])
        _ = machine.connectionOpened(now: now)
        #expect(machine.receivedHello(heartbeatInterval: Self.interval, now: now) == [.requestIdentifyPermit])
        _ = machine.identifyPermitted(now: now)
        _ = machine.receivedReady(sessionID: "s2", resumeGatewayURL: "wss://resume2.example", sequence: 1, now: now)
        now = now + .seconds(120)
        #expect(machine.connectionClosed(code: 1006, now: now) == [.connect(url: "wss://resume2.example/?\(Self.query)")])
        #expect(machine.lastReconnectPlan == ShardStateMachine.ReconnectPlan(next: .resume, delay: .zero, failed: false))
    }

    @Test("sessions that keep ending right after going live back off too")
    func quickSessionEndsBackOff() {
        var machine = Self.machine(session: Self.session)
        var now = MonotonicTime.zero
        var pending = machine.start(now: now)
        var delays: [Duration] = []
        for _ in 0..<5 {
            var opened = false
            while !opened {
                if pending.isEmpty {
                    let next = machine.nextDeadline(now: now) ?? now
                    delays.append(next - now)
                    now = next
                    pending = machine.tick(now: now)
                    continue
                }
                if case .connect = pending.removeFirst() { opened = true }
            }
            _ = machine.connectionOpened(now: now)
            _ = machine.receivedHello(heartbeatInterval: Self.interval, now: now)
            _ = machine.receivedResumed(now: now)
            pending = machine.connectionClosed(code: 4000, now: now)
        }
        // The first end reconnects at once; later ones within the window wait 0.5-1, 1-2, 2-4 s…
        #expect(delays.count == 3, "\(delays)")
        #expect(delays.allSatisfy { $0 >= .milliseconds(500) })
        #expect(zip(delays.dropFirst(), delays).allSatisfy { $0 >= $1 })
    }

    @Test("a resume URL that keeps failing falls back to the gateway URL, then asks for a fresh URL")
    func urlFallback() {
        var machine = Self.machine(session: Self.session, fallbackAfter: 3)
        let run = Self.failRepeatedly(&machine, times: 7)
        let urls = run.connects.map(\.url)
        let resume = "wss://resume.example/?\(Self.query)"
        let gateway = "wss://gateway.example/?\(Self.query)"
        #expect(urls == [resume, resume, resume, gateway, gateway, gateway, gateway], "\(urls)")
        #expect(run.others.filter { $0 == .refreshGatewayURL }.count == 1)
        #expect(machine.counters.gatewayURLRefreshes == 1)
        #expect(machine.session != nil, "falling back does not give the session up")

        let accepted = machine.gatewayURLRefreshed("wss://fresh.example:4443")
        #expect(accepted)
        let after = Self.failRepeatedly(&machine, times: 1, from: .zero + .seconds(1_000))
        #expect(after.connects.first?.url == "wss://fresh.example:4443/?\(Self.query)")
    }

    @Test("without a session, a failing gateway URL asks for a fresh URL every N failures")
    func refreshWithoutSession() {
        var machine = Self.machine(fallbackAfter: 2)
        let run = Self.failRepeatedly(&machine, times: 7)
        #expect(run.others.filter { $0 == .refreshGatewayURL }.count == 3)
    }

    @Test("an unusable fresh URL is ignored", arguments: [
        "", "http://x", "wss://", "wss://a b", "ws://host\n", String(repeating: "w", count: 3_000),
    ])
    func unusableURL(url: String) {
        var machine = Self.machine()
        let accepted = machine.gatewayURLRefreshed(url)
        #expect(!accepted)
        #expect(machine.gatewayURL == "wss://gateway.example")
    }

    @Test("a stop while waiting to reconnect stops at once")
    func stopWhileWaiting() {
        var machine = Self.machine()
        _ = Self.failRepeatedly(&machine, times: 3)
        #expect(machine.stop(keepSessionResumable: true, now: .zero + .seconds(1)) == [.stopped(nil)])
        #expect(machine.phase == .stopped)
    }
}
