import ApusCompression
import ApusCore
import ApusGateway
import ApusModel
import ApusSimulator
import Testing

/// §5.8 points 1-6 of the protocol research, against the simulator over loopback with the real shard.
@Suite("Checklist: handshake, heartbeats, reconnects, close codes", .serialized, .timeLimit(.minutes(2)))
struct ChecklistConnectionTests {
    @Test("1. handshake: HELLO, IDENTIFY, READY and GUILD_CREATEs, then heartbeats with the last sequence")
    func handshake() async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        try await harness.waitUntil("two heartbeats were sent") {
            harness.clientRecords().filter { $0.opcode == 1 }.count >= 2
        }
        let log = harness.simulator.wireLog()
        let helloIndex = try #require(log.firstIndex { $0.direction == .serverToClient && $0.opcode == 10 })
        let identifyIndex = try #require(log.firstIndex { $0.direction == .clientToServer && $0.opcode == 2 })
        let readyIndex = try #require(log.firstIndex { $0.eventName == "READY" })
        #expect(helloIndex < identifyIndex && identifyIndex < readyIndex)
        #expect(log[identifyIndex].identify?.token == harness.simulator.configuration.token)
        let beats = log.filter { $0.direction == .clientToServer && $0.opcode == 1 }
        #expect(beats.allSatisfy { $0.index > helloIndex })
        try await harness.waitUntil("both GUILD_CREATEs were delivered") {
            harness.collector.names.filter { $0 == "GUILD_CREATE" }.count == 2
        }
        #expect(harness.collector.names.first == "READY")
        #expect(harness.shard.counters.zombieCloses == 0)
        await harness.stop()
    }

    @Test("2. a server heartbeat request (op 1) is answered at once")
    func serverHeartbeatRequest() async throws {
        let harness = try await GatewayHarness.start(configureSimulator: { $0.gateway.heartbeatInterval = .seconds(30) })
        try await harness.waitUntilConnected()
        let before = harness.simulator.wireLog().count
        #expect(harness.simulator.requestHeartbeat() == 1)
        try await harness.waitUntil("the client answered op 1") {
            harness.simulator.wireLog().dropFirst(before).contains { $0.direction == .clientToServer && $0.opcode == 1 }
        }
        let after = harness.simulator.wireLog().dropFirst(before)
        let request = try #require(after.first { $0.direction == .serverToClient && $0.opcode == 1 })
        let answer = try #require(after.first { $0.direction == .clientToServer && $0.opcode == 1 })
        #expect(request.index < answer.index)
        await harness.stop()
    }

    @Test("3. dropped ACKs: the client closes with a non-1000/1001 code within an interval and resumes")
    func zombieConnection() async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        try await harness.waitUntil("a heartbeat was ACKed") { harness.shard.counters.heartbeatACKs >= 1 }
        harness.simulator.dropHeartbeatACKs(true)
        try await harness.waitUntil("the client resumed") { harness.simulator.counters().resumes >= 1 }
        let log = harness.simulator.wireLog()
        let clientClose = try #require(log.first { $0.direction == .clientToServer && $0.kind == .close })
        #expect(clientClose.closeCode != 1000 && clientClose.closeCode != 1001)
        let resume = try #require(log.first { $0.direction == .clientToServer && $0.opcode == 6 })
        #expect(resume.index > clientClose.index)
        #expect(harness.shard.counters.zombieCloses == 1)
        // Between the last ACKed beat and the close, the client sent exactly one unanswered beat.
        let lastACK = try #require(log.lastIndex { $0.index < clientClose.index && $0.opcode == 11 })
        let beatsAfterACK = log.filter { $0.index > lastACK && $0.index < clientClose.index && $0.direction == .clientToServer && $0.opcode == 1 }
        #expect(beatsAfterACK.count == 1)
        try await harness.waitUntilConnected()
        await harness.stop()
    }

    @Test("4. op 7: the client closes actively (the server keeps the socket open) and resumes")
    func reconnectRequest() async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        #expect(harness.simulator.sendReconnect() == 1)
        try await harness.waitUntil("the client resumed") { harness.simulator.counters().resumes == 1 }
        // The simulator counts the RESUME when it accepts it; RESUMED enters the wire log when it is written, a moment
        // later, on the connection's event loop.
        try await harness.waitUntil("RESUMED was sent") {
            harness.simulator.wireLog().contains { $0.eventName == "RESUMED" }
        }
        let log = harness.simulator.wireLog()
        let op7 = try #require(log.first { $0.opcode == 7 })
        let close = try #require(log.first { $0.kind == .close && $0.index > op7.index })
        #expect(close.direction == .clientToServer, "the client, not the server, must close after op 7")
        #expect(close.closeCode != 1000 && close.closeCode != 1001)
        let resumed = try #require(log.first { $0.eventName == "RESUMED" })
        #expect(resumed.index > close.index)
        try await harness.waitUntilConnected()
        await harness.stop()
    }

    @Test("5. op 9 true resumes; op 9 false closes the old socket and identifies a new session", arguments: [true, false])
    func invalidSession(resumable: Bool) async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        let firstConnection = try #require(harness.simulator.connections().first?.id)
        #expect(harness.simulator.sendInvalidSession(resumable: resumable) == 1)
        if resumable {
            try await harness.waitUntil("the client resumed") { harness.simulator.counters().resumes == 1 }
        } else {
            try await harness.waitUntil("the client identified again") { harness.simulator.counters().identifies == 2 }
        }
        try await harness.waitUntil("the old socket is closed") {
            harness.simulator.connections().first { $0.id == firstConnection }?.isOpen == false
        }
        let log = harness.simulator.wireLog()
        let op9 = try #require(log.first { $0.opcode == 9 })
        let nextCommand = try #require(log.first { $0.index > op9.index && $0.direction == .clientToServer && ($0.opcode == 2 || $0.opcode == 6) })
        #expect(nextCommand.opcode == (resumable ? 6 : 2))
        #expect(nextCommand.connectionID != firstConnection)
        await harness.stop()
    }

    @Test("6. close-code matrix: resume, re-identify or stop with a clear error", arguments: [
        4000, 4001, 4002, 4003, 4004, 4005, 4007, 4008, 4009, 4010, 4011, 4012, 4013, 4014, 1000, 1001,
    ])
    func closeCodes(code: Int) async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        let firstConnection = try #require(harness.simulator.connections().first?.id)
        #expect(harness.simulator.close(code: code) == 1)
        switch CloseCodePolicy.action(forServerClose: UInt16(code)) {
        case .resume, .resumeAfterBackoff:
            try await harness.waitUntil("the client resumed after \(code)") { harness.simulator.counters().resumes == 1 }
            #expect(harness.simulator.counters().identifies == 1)
        case .reidentify:
            try await harness.waitUntil("the client identified again after \(code)") {
                harness.simulator.counters().identifies == 2
            }
            #expect(harness.simulator.counters().resumes == 0)
        case .fatal:
            await #expect(throws: GatewayError.self) { try await harness.runTask.value }
            #expect(harness.shard.phase == .stopped)
            #expect(harness.simulator.connections().filter { $0.id != firstConnection }.isEmpty)
        }
        await harness.stop()
    }

    @Test("6b. a TCP drop without a close frame (1006) resumes")
    func abnormalClosure() async throws {
        let harness = try await GatewayHarness.start()
        try await harness.waitUntilConnected()
        #expect(harness.simulator.cutTCP() == 1)
        try await harness.waitUntil("the client resumed") { harness.simulator.counters().resumes == 1 }
        try await harness.waitUntilConnected()
        await harness.stop()
    }
}
