import ApusCore
import Testing
@testable import ApusGateway

@Suite("Shard state machine")
struct ShardStateMachineTests {
    static let interval = Duration.seconds(40)

    static func machine(seed: UInt64 = 1, session: GatewaySession? = nil) -> ShardStateMachine {
        var timings = GatewayTimings()
        timings.initialBackoff = .seconds(1)
        timings.invalidSessionDelay = 1.0...5.0
        let configuration = ShardStateMachine.Configuration(
            shardID: 0, shardCount: 1, gatewayURL: "wss://gateway.example", query: "v=10&encoding=json", timings: timings
        )
        return ShardStateMachine(configuration: configuration, session: session, random: SeededRandom(seed: seed))
    }

    /// Drives a machine to `.connected` through HELLO, IDENTIFY and READY at time `now`.
    static func connected(seed: UInt64 = 1) -> ShardStateMachine {
        var machine = machine(seed: seed)
        let now = MonotonicTime.zero
        #expect(machine.start(now: now) == [.connect(url: "wss://gateway.example/?v=10&encoding=json")])
        #expect(machine.connectionOpened(now: now).isEmpty)
        #expect(machine.receivedHello(heartbeatInterval: interval, now: now) == [.requestIdentifyPermit])
        #expect(machine.identifyPermitted(now: now) == [.sendIdentify])
        _ = machine.receivedReady(sessionID: "abc", resumeGatewayURL: "wss://resume.example", sequence: 1, now: now)
        #expect(machine.phase == .connected)
        return machine
    }

    @Test("the first heartbeat comes at interval × jitter, jitter in [0, 1), and differs across seeds")
    func firstHeartbeatJitter() {
        var firstBeats = Set<Int64>()
        for seed in UInt64(1)...20 {
            var machine = Self.connected(seed: seed)
            guard let first = machine.nextDeadline(now: .zero) else {
                Issue.record("no heartbeat scheduled")
                return
            }
            #expect(first >= .zero && first < .zero + Self.interval)
            firstBeats.insert(first.nanoseconds)
            #expect(machine.tick(now: first) == [.sendHeartbeat(sequence: 1)])
            #expect(machine.nextDeadline(now: first) == first + Self.interval)
        }
        #expect(firstBeats.count > 15, "jitter must vary the first beat")
    }

    @Test("a heartbeat request (op 1) is answered at once with the last sequence")
    func heartbeatRequest() {
        var machine = Self.connected()
        machine.receivedDispatch(sequence: 7)
        #expect(machine.receivedHeartbeatRequest(now: .zero + .seconds(1)) == [.sendHeartbeat(sequence: 7)])
    }

    @Test("no ACK between two beats closes with a resumable code and resumes on the resume URL")
    func zombie() {
        var machine = Self.connected()
        machine.receivedDispatch(sequence: 5)
        var now = machine.nextDeadline(now: .zero) ?? .zero
        #expect(machine.tick(now: now) == [.sendHeartbeat(sequence: 5)])
        now = now + Self.interval
        #expect(machine.tick(now: now) == [.close(code: 4000)])
        #expect(machine.counters.zombieCloses == 1)
        #expect(machine.connectionClosed(code: nil, now: now) == [.connect(url: "wss://resume.example/?v=10&encoding=json")])
        #expect(machine.connectionOpened(now: now).isEmpty)
        let actions = machine.receivedHello(heartbeatInterval: Self.interval, now: now)
        #expect(actions == [.sendResume(GatewaySession(sessionID: "abc", resumeGatewayURL: "wss://resume.example", sequence: 5, shardID: 0, shardCount: 1))])
        #expect(machine.receivedResumed(now: now).isEmpty)
        #expect(machine.phase == .connected)
    }

    @Test("a stalled reader suspends zombie detection instead of closing falsely")
    func stalledReader() {
        var machine = Self.connected()
        var now = machine.nextDeadline(now: .zero) ?? .zero
        _ = machine.tick(now: now)
        machine.readerStalled(true)
        now = now + Self.interval
        #expect(machine.tick(now: now) == [.sendHeartbeat(sequence: 1)])
        #expect(machine.counters.zombieChecksSkippedWhileStalled == 1)
        machine.readerStalled(false)
        _ = machine.receivedHeartbeatACK(now: now)
        now = now + Self.interval
        #expect(machine.tick(now: now) == [.sendHeartbeat(sequence: 1)])
    }

    @Test("op 7 closes actively and resumes")
    func reconnect() {
        var machine = Self.connected()
        #expect(machine.receivedReconnect(now: .zero) == [.close(code: 4000)])
        #expect(machine.connectionClosed(code: 1000, now: .zero) == [.connect(url: "wss://resume.example/?v=10&encoding=json")])
        #expect(machine.session != nil)
    }

    @Test("op 9 true resumes; op 9 false drops the session and identifies after 1-5 s on the base URL")
    func invalidSession() {
        var resumable = Self.connected()
        #expect(resumable.receivedInvalidSession(resumable: true, now: .zero) == [.close(code: 4000)])
        #expect(resumable.connectionClosed(code: nil, now: .zero) == [.connect(url: "wss://resume.example/?v=10&encoding=json")])

        var fresh = Self.connected()
        #expect(fresh.receivedInvalidSession(resumable: false, now: .zero) == [.close(code: 4000)])
        #expect(fresh.connectionClosed(code: nil, now: .zero).isEmpty)
        #expect(fresh.session == nil)
        guard let at = fresh.nextDeadline(now: .zero) else {
            Issue.record("no reconnect scheduled")
            return
        }
        #expect(at >= .zero + .seconds(1) && at <= .zero + .seconds(5))
        #expect(fresh.tick(now: at) == [.connect(url: "wss://gateway.example/?v=10&encoding=json")])
        _ = fresh.connectionOpened(now: at)
        #expect(fresh.receivedHello(heartbeatInterval: Self.interval, now: at) == [.requestIdentifyPermit])
    }

    @Test("close codes resume, re-identify or stop", arguments: [
        (UInt16?.none, "resume"), (1000, "resume"), (1001, "resume"), (1006, "resume"), (4000, "resume"), (4001, "resume"),
        (4002, "resume"), (4008, "backoff"), (4003, "identify"), (4005, "identify"), (4007, "identify"),
        (4009, "identify"), (4004, "fatal"), (4010, "fatal"), (4011, "fatal"), (4012, "fatal"), (4013, "fatal"),
        (4014, "fatal"),
    ] as [(UInt16?, String)])
    func closeCodes(code: UInt16?, expected: String) {
        var machine = Self.connected()
        let actions = machine.connectionClosed(code: code, now: .zero)
        switch expected {
        case "resume":
            #expect(actions == [.connect(url: "wss://resume.example/?v=10&encoding=json")])
        case "backoff":
            #expect(actions.isEmpty)
            #expect(machine.nextDeadline(now: .zero) == MonotonicTime.zero + GatewayTimings().rateLimitBackoff)
            #expect(machine.session != nil)
        case "identify":
            #expect(actions == [.connect(url: "wss://gateway.example/?v=10&encoding=json")])
            #expect(machine.session == nil)
        default:
            guard case .stopped(.fatalClose(let closeCode, _))? = actions.first else {
                Issue.record("expected a fatal stop, got \(actions)")
                return
            }
            #expect(closeCode == code)
            #expect(machine.phase == .stopped)
        }
    }

    @Test("repeated failures back off exponentially")
    func backoff() {
        var machine = Self.connected()
        var now = MonotonicTime.zero
        _ = machine.connectionClosed(code: nil, now: now)  // first reconnect is immediate
        var delays: [Duration] = []
        for _ in 0..<4 {
            _ = machine.connectionClosed(code: nil, now: now)
            guard let at = machine.nextDeadline(now: now) else { break }
            delays.append(at - now)
            now = at
            _ = machine.tick(now: now)
        }
        #expect(delays.count == 4)
        #expect(delays[0] >= .milliseconds(500) && delays[0] <= .seconds(1))
        #expect(delays[3] >= .seconds(4) && delays[3] <= .seconds(8))
    }

    @Test("user payloads wait for the send budget while heartbeats keep their reserve")
    func sendBudget() throws {
        var machine = Self.connected()
        let now = MonotonicTime.zero + .seconds(1)
        var sent = 0
        for _ in 0..<150 {
            sent += try machine.enqueue(payload: [1], now: now).count
        }
        let reserve = ShardStateMachine.heartbeatReserve(timings: GatewayTimings(), interval: Self.interval)
        #expect(sent == 120 - reserve - 1)  // one slot went to IDENTIFY
        #expect(machine.receivedHeartbeatRequest(now: now) == [.sendHeartbeat(sequence: 1)])
        _ = machine.receivedHeartbeatACK(now: now)
        let release = machine.nextDeadline(now: now)
        #expect(release != nil)
        let later = now + .seconds(64)
        let flushed = machine.tick(now: later).filter { if case .sendPayload = $0 { true } else { false } }
        #expect(flushed.count == 150 - sent)
    }

    @Test("a stop keeps the session resumable when asked, and the exported session carries the sequence")
    func stopAndExport() {
        var machine = Self.connected()
        machine.receivedDispatch(sequence: 42)
        #expect(machine.stop(keepSessionResumable: true, now: .zero) == [.close(code: 4000)])
        #expect(machine.connectionClosed(code: nil, now: .zero) == [.stopped(nil)])
        let exported = machine.exportSession()
        #expect(exported?.sequence == 42)
        #expect(exported?.sessionID == "abc")

        var restarted = Self.machine(session: exported)
        #expect(restarted.start(now: .zero) == [.connect(url: "wss://resume.example/?v=10&encoding=json")])
        _ = restarted.connectionOpened(now: .zero)
        #expect(restarted.receivedHello(heartbeatInterval: Self.interval, now: .zero) == [.sendResume(exported!)])
    }

    @Test("a HELLO that never comes times out and reconnects")
    func helloTimeout() {
        var machine = Self.machine()
        _ = machine.start(now: .zero)
        _ = machine.connectionOpened(now: .zero)
        let deadline = machine.nextDeadline(now: .zero)
        #expect(deadline == MonotonicTime.zero + GatewayTimings().helloTimeout)
        #expect(machine.tick(now: deadline ?? .zero) == [.close(code: 4000)])
    }
}
