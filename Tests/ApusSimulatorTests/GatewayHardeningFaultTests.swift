import ApusCompression
@testable import ApusSimulator
import Foundation
import Testing

/// The simulator's faults for client hardening tests: hostile HELLO intervals and a zlib stream that ends.
@Suite(.timeLimit(.minutes(1)))
struct GatewayHardeningFaultTests {
    @Test("a HELLO interval fault sends the raw JSON text to later connections until it is cleared", arguments: [
        ("0", "0"), ("-1", "-1"), ("9223372036854775807", "9223372036854775807"), (#""41250""#, #""41250""#),
        ("1e400", "1e400"),
    ])
    func helloInterval(raw: String, expected: String) async throws {
        try await withSimulator({ $0.gateway.heartbeatInterval = .milliseconds(41_250) }) { simulator in
            simulator.inject(.helloHeartbeatInterval(raw))
            let client = TestGatewayClient(url: simulator.connectURL())
            guard case .message(let text) = try await client.next() else {
                Issue.record("expected HELLO")
                return
            }
            #expect(text.contains(#""heartbeat_interval":\#(expected),"#), "\(text)")
            simulator.inject(.helloHeartbeatInterval(nil))
            let restored = TestGatewayClient(url: simulator.connectURL())
            guard case .message(let second) = try await restored.next() else {
                Issue.record("expected HELLO")
                return
            }
            #expect(second.contains(#""heartbeat_interval":41250"#))
        }
    }

    @Test("an empty HELLO interval fault leaves the key out")
    func helloWithoutInterval() async throws {
        try await withSimulator { simulator in
            simulator.inject(.helloHeartbeatInterval(""))
            let hello = try await TestGatewayClient(url: simulator.connectURL()).nextPayload()
            #expect(hello["op"] as? Int == 10)
            #expect((hello["d"] as? [String: Any])?["heartbeat_interval"] == nil)
        }
    }

    @Test("ending the zlib stream sends a finished stream plus 00 00 FF FF, which no inflater accepts")
    func endCompressedStream() async throws {
        try await withSimulator { simulator in
            let identified = try await connectAndIdentify(simulator, compression: .zlibStream)
            #expect(simulator.inject(.endCompressedStream(text: #"{"op":11,"d":null}"#), target: .connection(1)) == 1)
            guard case .undecodable = try await identified.client.next() else {
                Issue.record("bytes after the end of the zlib stream must not decompress")
                return
            }
            #expect(simulator.wireLog().contains { $0.kind == .raw && $0.text.hasPrefix("zlib stream end") })
        }
    }

    @Test("the control API reads the new faults")
    func controlAPI() throws {
        let (hello, target) = try SimulatorControlAPI.parseFault(["fault": "hello_interval", "value": "0"]).get()
        #expect(hello == .helloHeartbeatInterval("0") && target == .all)
        #expect(try SimulatorControlAPI.parseFault(["fault": "hello_interval", "value": NSNull()]).get().0
            == .helloHeartbeatInterval(nil))
        #expect((try? SimulatorControlAPI.parseFault(["fault": "hello_interval", "value": 5]).get()) == nil)
        let (ended, _) = try SimulatorControlAPI.parseFault(["fault": "end_compressed_stream", "connection": 2]).get()
        guard case .endCompressedStream = ended else {
            Issue.record("expected endCompressedStream, got \(ended)")
            return
        }
    }
}
