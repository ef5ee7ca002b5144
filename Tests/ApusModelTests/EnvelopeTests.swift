import Testing
@testable import ApusModel

@Suite struct EnvelopeTests {
    static let members = [#""op":0"#, #""s":42"#, #""t":"MESSAGE_CREATE""#, #""d":{"id":"1","nested":{"op":9,"d":[1]}}"#]

    static func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        var result: [[T]] = []
        for (index, item) in items.enumerated() {
            var rest = items
            rest.remove(at: index)
            for tail in permutations(rest) { result.append([item] + tail) }
        }
        return result
    }

    @Test func everyKeyOrderAndWhitespaceGivesTheSameEnvelope() throws {
        let orders = Self.permutations(Self.members)
        #expect(orders.count == 24)
        for order in orders {
            for separator in [",", " , ", ",\n\t", "\r\n,  "] {
                let json = "\n{ " + order.joined(separator: separator) + " }\t"
                let bytes = Array(json.utf8)
                let envelope = try GatewayEnvelope.scan(bytes)
                #expect(envelope.opcode == 0)
                #expect(envelope.sequence == 42)
                #expect(envelope.eventName == .messageCreate)
                let range = try #require(envelope.dataRange)
                #expect(String(decoding: bytes[range], as: UTF8.self) == #"{"id":"1","nested":{"op":9,"d":[1]}}"#)
            }
        }
    }

    @Test func nullAndAbsentFields() throws {
        let hello = try scanEnvelope(#"{"op":10,"d":{"heartbeat_interval":41250}}"#)
        #expect(hello.opcode == 10 && hello.sequence == nil && hello.eventName == nil && hello.dataRange != nil)
        let ack = try scanEnvelope(#"{"op":11}"#)
        #expect(ack.dataRange == nil)
        let nulls = try scanEnvelope(#"{"t":null,"s":null,"op":1,"d":null}"#)
        #expect(nulls.opcode == 1 && nulls.sequence == nil && nulls.eventName == nil && nulls.dataRange == nil)
        let invalidSession = try scanEnvelope(#"{"op":9,"d":false}"#)
        #expect(invalidSession.dataRange != nil)
    }

    @Test func unknownKeysAndEventNames() throws {
        let envelope = try scanEnvelope(#"{"_trace":["x"],"t":"BRAND_NEW_EVENT","op":0,"s":7,"extra":{"a":[1,{}]},"d":{}}"#)
        #expect(envelope.eventName == .unknown("BRAND_NEW_EVENT"))
        #expect(envelope.sequence == 7)
        let escaped = try scanEnvelope(#"{"t":"READ\u0059","op":0}"#)
        #expect(escaped.eventName == .ready)
    }

    @Test func everyKnownEventNameRoundTrips() {
        for kind in EventKind.allKnown {
            #expect(EventKind(name: kind.name) == kind)
        }
        #expect(EventKind(name: "MESSAGE_CREATEX") == .unknown("MESSAGE_CREATEX"))
    }

    static let broken = [
        #"{"t":"X","s":1,"d":{}}"#,  // no op
        #"{"op":"0"}"#,
        #"{"op":0,"s":"1"}"#,
        #"{"op":0,"t":5}"#,
        #"{"op":0,"d":{"a":1}"#,
        #"{"op":0,"d":{"a":"}"}"#,
        #"{"op":0,"d":[}"#,
        #"{"op":0,"d":{]}"#,
        #"{"op":0} trailing"#,
        #"[{"op":0}]"#,
        "",
    ]

    @Test(arguments: broken)
    func unscannableFramesThrow(json: String) {
        #expect(throws: JSONDecodingError.self) { try scanEnvelope(json) }
    }

    @Test func bracketsAndQuotesInsideStringsDoNotConfuseTheSkip() throws {
        let data = #"{"content":"}]{[ \" \\\" ok","list":["]","}"],"deep":[[{"a":"\\"}]]}"#
        let json = #"{"op":0,"d":"# + data + #","s":5,"t":"MESSAGE_UPDATE"}"#
        let bytes = Array(json.utf8)
        let envelope = try GatewayEnvelope.scan(bytes)
        let range = try #require(envelope.dataRange)
        #expect(String(decoding: bytes[range], as: UTF8.self) == data)
        #expect(envelope.sequence == 5 && envelope.eventName == .messageUpdate)
    }

    @Test func undecodableBodyStillGivesEnvelope() throws {
        let json = #"{"t":"MESSAGE_CREATE","s":99,"op":0,"d":{"id":"not a number"}}"#
        let envelope = try scanEnvelope(json)
        #expect(envelope.sequence == 99 && envelope.eventName == .messageCreate)
        let bytes = Array(json.utf8)
        let range = try #require(envelope.dataRange)
        #expect(throws: JSONDecodingError.self) {
            try bytes.withUnsafeBytes { buffer in
                try Result { () throws(JSONDecodingError) in
                    try GatewayEvent.decode(kind: .messageCreate, data: UnsafeRawBufferPointer(rebasing: buffer[range]))
                }.get()
            }
        }
    }
}
