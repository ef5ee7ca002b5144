import ApusCompression
import ApusSimulator
import Foundation
import Testing

/// Faults performed by the simulator, seen by a client and in the wire log.
@Suite(.timeLimit(.minutes(1)))
struct GatewayFaultTests {
    @Test func controlOpcodesReachTheClientAndKeepTheSocketOpen() async throws {
        try await withSimulator { simulator in
            let identified = try await connectAndIdentify(simulator)
            let client = identified.client
            #expect(simulator.requestHeartbeat() == 1)
            #expect(try await client.nextPayload()["op"] as? Int == 1)
            simulator.sendReconnect()
            #expect(try await client.nextPayload()["op"] as? Int == 7)
            simulator.sendInvalidSession(resumable: true)
            let resumable = try await client.nextPayload()
            #expect(resumable["op"] as? Int == 9 && resumable["d"] as? Bool == true)
            simulator.sendUnknownDispatch(eventName: "DOESNT_MATTER")
            let unknown = try await client.nextPayload()
            #expect(unknown["t"] as? String == "DOESNT_MATTER" && unknown["s"] as? Int == identified.lastSequence + 1)
            simulator.sendGarbageDispatch()
            let garbage = try await client.nextPayload()
            #expect(garbage["t"] as? String == "MESSAGE_CREATE" && garbage["s"] as? Int == identified.lastSequence + 2)
            #expect((garbage["d"] as? [String: Any])?["author"] as? String == "garbage")
            simulator.sendRaw(text: #"{"op":0,"t":"MESS"#)
            #expect(try await client.next() == .message(#"{"op":0,"t":"MESS"#))
            simulator.sendInvalidSession(resumable: false)
            #expect(try await client.nextPayload()["d"] as? Bool == false)
            #expect(simulator.gateway.sessionIDs().isEmpty)
            #expect(simulator.connections().first?.isOpen == true)
            let outboundOps = simulator.wireLog()
                .filter { $0.direction == .serverToClient && $0.kind == .payload }
                .compactMap(\.opcode)
            #expect(Array(outboundOps.suffix(6)) == [1, 7, 9, 0, 0, 9])
            #expect(simulator.wireLog().contains { $0.kind == .raw && $0.text.hasPrefix(#"{"op":0"#) })
        }
    }

    @Test func dropHeartbeatACKsWithholdsOp11() async throws {
        try await withSimulator { simulator in
            let identified = try await connectAndIdentify(simulator)
            simulator.dropHeartbeatACKs(true)
            identified.client.send(#"{"op":1,"d":1}"#)
            try await simulator.waitUntil(timeout: .seconds(5)) { $0.counters().droppedHeartbeatACKs == 1 }
            simulator.dropHeartbeatACKs(false)
            identified.client.send(#"{"op":1,"d":2}"#)
            #expect(try await identified.client.nextPayload()["op"] as? Int == 11)
            #expect(simulator.counters().heartbeatACKs == 1)
        }
    }

    @Test func closeWithCodeKeepsTheSessionResumable() async throws {
        try await withSimulator { simulator in
            let identified = try await connectAndIdentify(simulator)
            simulator.close(code: 4000, reason: "test")
            #expect(try await identified.client.closeCode() == 4000)
            #expect(simulator.gateway.sessionIDs() == [identified.sessionID])
            let info = try #require(simulator.connections().first)
            #expect(info.closeCode == 4000 && info.closedBy == "server")
        }
    }

    @Test func cutTCPEndsWithoutACloseFrame() async throws {
        try await withSimulator { simulator in
            let identified = try await connectAndIdentify(simulator)
            #expect(simulator.cutTCP(target: .shard(0)) == 1)
            #expect(try await identified.client.closeCode() == nil)
            try await simulator.waitUntil(timeout: .seconds(5)) { $0.connections().first?.isOpen == false }
            #expect(simulator.connections().first?.closeCode == nil)
            #expect(simulator.gateway.sessionIDs() == [identified.sessionID])
        }
    }

    @Test(arguments: [TransportCompression.zlibStream, .zstdStream])
    func corruptCompressedBytesFailTheClientsDecompressor(_ compression: TransportCompression) async throws {
        try await withSimulator { simulator in
            let identified = try await connectAndIdentify(simulator, compression: compression)
            simulator.sendCorruptCompressed(target: .connection(1))
            guard case .undecodable = try await identified.client.next() else {
                Issue.record("the corrupt bytes should not decompress")
                return
            }
            #expect(simulator.wireLog().contains { $0.kind == .raw && $0.text.hasPrefix("corrupt") })
        }
    }

    @Test func targetsSelectConnections() async throws {
        try await withSimulator { simulator in
            _ = try await connectAndIdentify(simulator)
            #expect(simulator.requestHeartbeat(target: .shard(3)) == 0)
            #expect(simulator.requestHeartbeat(target: .connection(99)) == 0)
            #expect(simulator.requestHeartbeat(target: .connection(1)) == 1)
        }
    }
}
