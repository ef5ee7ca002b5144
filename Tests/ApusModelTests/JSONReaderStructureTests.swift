import Foundation
import Testing
@testable import ApusModel

@Suite struct JSONReaderStructureTests {
    static let wellFormed = [
        "{}", "[]", " { } ", #"{"a":1}"#, #"{"a":[1,2,{"b":null}],"c":"d"}"#, "[[[]]]", #"[1,-2.5e3,true,false,null,"x"]"#,
        "\n\t{\r\n\"k\" :\t[ ] }\n",
    ]

    @Test(arguments: wellFormed)
    func skipsWellFormedValues(json: String) throws {
        let range = try withReader(json) { reader throws(JSONDecodingError) in try reader.skipValueRange() }.get()
        let trimmed = json.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(range.count == trimmed.utf8.count)
    }

    static let malformed = [
        "", " ", "{", "}", "[", "]", "{]", "[}", #"{"a"}"#, #"{"a":}"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":1,}"#, "[1,]",
        "[,1]", "[1 2]", #"{"a":1 "b":2}"#, "{} x", "[] []", "nul", "tru", "fals", "'a'", #"{"a":1}}"#, "[1,,2]",
        #"{,"a":1}"#, "\u{0}", "[01]", #"{"a":-}"#,
    ]

    @Test(arguments: malformed)
    func rejectsMalformedStructure(json: String) {
        #expect(throws: JSONDecodingError.self, "\(json.debugDescription)") {
            try withReader(json) { reader throws(JSONDecodingError) in try reader.skipValue() }.get()
        }
        #expect(throws: JSONDecodingError.self, "raw \(json.debugDescription)") { try RawJSON(jsonString: json) }
    }

    @Test func rejectsTrailingGarbageInDocuments() {
        #expect(throws: JSONDecodingError.self) { try User(jsonString: #"{"id":"1","username":"a"} x"#) }
        #expect(throws: JSONDecodingError.self) { try Int(jsonString: "1 2") }
        #expect((try? User(jsonString: #" {"id":"1","username":"a"}  "#)) != nil)
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        _ = try RawJSON(jsonString: ok)
        let tooDeep = String(repeating: "[", count: JSONReader.maximumDepth + 1)
            + String(repeating: "]", count: JSONReader.maximumDepth + 1)
        let error = #expect(throws: JSONDecodingError.self) { try RawJSON(jsonString: tooDeep) }
        #expect(error?.reason == .tooDeep)
        // Far deeper input must error, not overflow the stack.
        let absurd = String(repeating: #"{"a":"#, count: 100_000)
        #expect(throws: JSONDecodingError.self) { try RawJSON(jsonString: absurd) }
        #expect(throws: JSONDecodingError.self) { try GatewayEnvelope.scan(Array((#"{"op":0,"d":"# + absurd).utf8)) }
    }

    @Test func rawJSONKeepsExactBytes() throws {
        let json = #"{"keep":  {"b" : [1, 2.50, "\u00e9"] } ,"x":1}"#
        let raw = try withReader(json) { reader throws(JSONDecodingError) -> RawJSON? in
            var captured: RawJSON?
            try reader.beginObject()
            while let key = try reader.nextKey() {
                if key == "keep" { captured = try reader.readRawJSON() } else { try reader.skipValue() }
            }
            return captured
        }.get()
        #expect(raw?.string == #"{"b" : [1, 2.50, "\u00e9"] }"#)
    }

    @Test func errorsCarryOffsetAndReason() {
        let error = #expect(throws: JSONDecodingError.self) { try User(jsonString: #"{"id":"1","username":5}"#) }
        #expect(error?.offset == 21)
        #expect(error?.reason == .typeMismatch(expected: "string"))
        #expect(error?.path == "username")
        let missing = #expect(throws: JSONDecodingError.self) { try User(jsonString: #"{"id":"1"}"#) }
        #expect(missing?.reason == .missingField("username"))
        #expect(missing?.description.contains("username") == true)
    }

    /// Every strict prefix of a real payload must throw (never trap), through every entry point.
    @Test func everyTruncationOfARealPayloadThrows() throws {
        let url = Corpus.directory.appendingPathComponent("discordeno-bench__MESSAGE_CREATE__1.json")
        let full = try [UInt8](Data(contentsOf: url))
        _ = try GatewayEnvelope.scan(full)
        for length in 0..<full.count {
            let prefix = Array(full[0..<length])
            // A prefix that ends in whitespace after the closing brace would be complete; the file has no such tail.
            #expect(throws: JSONDecodingError.self, "prefix \(length)") { try GatewayEnvelope.scan(prefix) }
            #expect(throws: JSONDecodingError.self, "raw prefix \(length)") { try RawJSON(jsonBytes: prefix) }
        }
        let envelope = try GatewayEnvelope.scan(full)
        let range = try #require(envelope.dataRange)
        let data = Array(full[range])
        _ = try Message(jsonBytes: data)
        for length in 0..<data.count {
            #expect(throws: JSONDecodingError.self, "message prefix \(length)") { try Message(jsonBytes: data[0..<length]) }
        }
    }

    /// Flipping bytes of a real payload must never crash (it may or may not still decode).
    @Test func corruptedBytesNeverTrap() throws {
        let url = Corpus.directory.appendingPathComponent("accord__MESSAGE_CREATE__1.json")
        let full = try [UInt8](Data(contentsOf: url))
        var random = SplitMix(seed: 42)
        let replacements: [UInt8] = [0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x00, 0xFF, 0x80, 0x30, 0x6E]
        for _ in 0..<2_000 {
            var bytes = full
            let position = Int(random.next() % UInt64(bytes.count))
            bytes[position] = replacements[Int(random.next() % UInt64(replacements.count))]
            if let envelope = try? GatewayEnvelope.scan(bytes), let range = envelope.dataRange {
                _ = try? bytes.withUnsafeBytes { buffer in
                    try Result { () throws(JSONDecodingError) in
                        try GatewayEvent.decode(kind: envelope.eventName ?? .unknown(""),
                                                data: UnsafeRawBufferPointer(rebasing: buffer[range]))
                    }.get()
                }
            }
        }
    }
}

/// A tiny deterministic generator for fuzz-style tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
