import ApusCompression
import ApusModel
import Foundation
import Testing
@testable import ApusGateway

/// The inbound path without I/O: the envelope shortcut (taking `d` to the frame's end when `op`, `s` and `t` come
/// first) must never change what is delivered, whatever the key order or trailing bytes.
@Suite("Inbound pipeline")
struct InboundPipelineTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/discord-corpus")

    /// The `d` of a real MESSAGE_CREATE from the corpus, re-serialised.
    static func messageData() throws -> String {
        let data = try Data(contentsOf: corpus.appendingPathComponent("discordbm__MESSAGE_CREATE__1.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let d = try #require(object["d"] ?? object as Any?)
        let body = try JSONSerialization.data(withJSONObject: d)
        return String(decoding: body, as: UTF8.self)
    }

    static func process(_ frame: String) throws -> InboundItem {
        let pipeline = try InboundPipeline(
            shardID: 0, compression: .none, maximumMessageSize: 1 << 20, distributor: distributor
        )
        return Array(frame.utf8).withUnsafeBytes { pipeline.process(message: $0) }
    }

    static let distributor: EventDistributor = {
        let distributor = EventDistributor()
        _ = distributor.subscribe(to: nil, capacity: 16, policy: .dropOldest)
        return distributor
    }()

    static func decodedMessage(_ item: InboundItem) -> (sequence: Int?, message: Message)? {
        guard case .dispatch(let sequence, _, let delivery?, _) = item,
              case .event(.messageCreate(let message)) = delivery.payload else { return nil }
        return (sequence, message)
    }

    @Test("the same message decodes identically in Discord's key order, with trailing keys, and in other orders")
    func keyOrders() throws {
        let d = try Self.messageData()
        let frames = [
            #"{"t":"MESSAGE_CREATE","s":3,"op":0,"d":\#(d)}"#,
            #"{"t":"MESSAGE_CREATE","s":3,"op":0,"d":\#(d),"extra":{"a":[1,{"b":"}"}]}}"#,
            #"{"d":\#(d),"op":0,"s":3,"t":"MESSAGE_CREATE"}"#,
            #" { "op" : 0 , "t" : "MESSAGE_CREATE" , "s" : 3 , "d" : \#(d) } "#,
        ]
        let decoded = try frames.map { frame in try #require(Self.decodedMessage(try Self.process(frame)), "\(frame.prefix(80))") }
        #expect(decoded.allSatisfy { $0.sequence == 3 })
        #expect(Set(decoded.map(\.message)).count == 1, "every variant gives the same message")
    }

    @Test("the shortcut applies only when op, s and t precede d", arguments: [
        (#"{"t":"X","s":1,"op":0,"d":{"a":1}}"#, true),
        (#"{"t":"X","op":0,"d":{"a":1},"s":1}"#, false),
        (#"{"d":{"a":1},"t":"X","s":1,"op":0}"#, false),
        (#"{"op":10,"d":{"heartbeat_interval":1}}"#, true),
    ])
    func tentativeOnlyWhenSafe(frame: String, tentative: Bool) throws {
        let envelope = try Array(frame.utf8).withUnsafeBytes { try GatewayEnvelope.scan($0, allowTentativeData: true) }
        #expect(envelope.dataRangeIsTentative == tentative)
        let exact = try Array(frame.utf8).withUnsafeBytes { try GatewayEnvelope.scan($0) }
        #expect(exact.opcode == envelope.opcode && exact.sequence == envelope.sequence)
    }

    @Test("bytes after the frame's end make it unscannable even on the shortcut path")
    func trailingGarbage() throws {
        let d = try Self.messageData()
        for frame in [#"{"t":"MESSAGE_CREATE","s":3,"op":0,"d":\#(d)}}"#, #"{"t":"MESSAGE_CREATE","s":3,"op":0,"d":\#(d)}x"#] {
            guard case .broken = try Self.process(frame) else {
                Issue.record("expected a broken stream for \(frame.suffix(20))")
                continue
            }
        }
    }

    @Test("a HELLO with a trailing key still gives its interval")
    func helloWithTrailingKey() throws {
        guard case .hello(let interval) = try Self.process(#"{"op":10,"d":{"heartbeat_interval":41250},"_x":[1]}"#) else {
            Issue.record("expected HELLO")
            return
        }
        #expect(interval == .milliseconds(41_250))
    }
}
