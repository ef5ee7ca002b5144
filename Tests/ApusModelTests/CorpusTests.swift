import Foundation
import Testing
@testable import ApusModel

/// Walks ../shared/discord-corpus and decodes every payload with the matching model, comparing values with
/// Foundation's `JSONSerialization` parse of the same bytes.
@Suite struct CorpusTests {
    /// Outcome of one file.
    enum Outcome {
        case decoded(checks: Int)
        case failed(String)
    }

    @Test func everyCorpusFileDecodesOrIsAListedSkip() throws {
        let entries = try Corpus.entries()
        #expect(entries.count >= 190, "SOURCES.md should list the corpus files")
        var problems: [String] = []
        var totalChecks = 0
        for entry in entries {
            let url = Corpus.directory.appendingPathComponent(entry.file)
            let bytes = try [UInt8](Data(contentsOf: url))
            let json = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            let outcome = Self.decode(entry: entry, bytes: bytes, json: json)
            switch (outcome, corpusSkips[entry.file]) {
            case (.decoded(let checks), nil):
                totalChecks += checks
            case (.decoded, .some):
                problems.append("\(entry.file) is listed in corpusSkips but now decodes: remove it from the table")
            case (.failed(let reason), nil):
                problems.append("\(entry.file) [\(entry.kind)]: \(reason)")
            case (.failed, .some):
                if !entry.isMaskedOrLegacy {
                    problems.append("\(entry.file) is skipped but SOURCES.md does not mark it masked or legacy")
                }
            }
        }
        for file in corpusSkips.keys where !entries.contains(where: { $0.file == file }) {
            problems.append("corpusSkips lists \(file), which is not in SOURCES.md")
        }
        #expect(problems.isEmpty, "\(problems.count) corpus problems:\n\(problems.joined(separator: "\n"))")
        #expect(totalChecks > 1000, "value comparisons performed: \(totalChecks)")
    }

    static func decode(entry: CorpusEntry, bytes: [UInt8], json: Any) -> Outcome {
        var checker = Checker()
        do {
            switch entry.kind {
            case "frame", "send":
                let envelope = try GatewayEnvelope.scan(bytes)
                let object = json as? [String: Any] ?? [:]
                checker.int(envelope.opcode, object["op"], "op")
                checker.int(envelope.sequence, object["s"], "s")
                checker.string(envelope.eventName?.name, object["t"], "t")
                checker.expect((envelope.dataRange == nil) == (object["d"] == nil || object["d"] is NSNull), "d range")
                if entry.kind == "frame", envelope.opcode == 0, let range = envelope.dataRange {
                    let kind = envelope.eventName ?? .unknown("")
                    let event = try bytes.withUnsafeBytes { buffer in
                        try Result { () throws(JSONDecodingError) in
                            try GatewayEvent.decode(kind: kind, data: UnsafeRawBufferPointer(rebasing: buffer[range]))
                        }.get()
                    }
                    compare(event: event, json: object["d"], checker: &checker)
                } else if envelope.opcode == 10, let range = envelope.dataRange {
                    let hello = try Hello(jsonBytes: bytes[range])
                    checker.int(Int(hello.heartbeatInterval), (object["d"] as? [String: Any])?["heartbeat_interval"], "hello")
                }
            case "bare":
                let event = try bytes.withUnsafeBytes { buffer in
                    try Result { () throws(JSONDecodingError) in
                        try GatewayEvent.decode(kind: EventKind(name: entry.subject), data: buffer)
                    }.get()
                }
                compare(event: event, json: json, checker: &checker)
            case "REST":
                try decodeREST(subject: entry.subject, bytes: bytes, json: json, checker: &checker)
            case "error":
                let body = try DiscordErrorBody(jsonBytes: bytes)
                let object = json as? [String: Any] ?? [:]
                checker.int(body.code, object["code"], "code")
                checker.string(body.message, object["message"], "message")
                checker.expect(body.errors.count == countErrorLeaves(object["errors"]), "errors leaves")
            case "429":
                let body = try RateLimitedBody(jsonBytes: bytes)
                let object = json as? [String: Any] ?? [:]
                checker.string(body.message, object["message"], "message")
                checker.expect(body.retryAfter == (object["retry_after"] as? NSNumber)?.doubleValue, "retry_after")
                checker.expect(body.global == (object["global"] as? Bool), "global")
            case "interaction" where entry.row.contains("partial"):
                // A documentation excerpt showing only `type` and `data` of an interaction.
                let partial = try PartialInteractionExcerpt(jsonBytes: bytes)
                let object = json as? [String: Any] ?? [:]
                checker.int(partial.type?.rawValue, object["type"], "type")
                let data = object["data"] as? [String: Any]
                checker.string(partial.data?.name, data?["name"], "data.name")
                checker.count(partial.data?.options?.count, data?["options"], "data.options")
            case "interaction":
                checker.interaction(try Interaction(jsonBytes: bytes), json, "interaction")
            case "object":
                try decodeObject(subject: entry.subject, bytes: bytes, json: json, checker: &checker)
            default:
                return .failed("unknown kind \(entry.kind)")
            }
        } catch {
            return .failed("\(error)")
        }
        if !checker.mismatches.isEmpty {
            return .failed("value mismatches: " + checker.mismatches.prefix(5).joined(separator: "; "))
        }
        return .decoded(checks: checker.checks)
    }

    static func countErrorLeaves(_ json: Any?) -> Int {
        guard let object = json as? [String: Any] else { return 0 }
        var total = 0
        for (key, value) in object {
            if key == "_errors" {
                total += (value as? [Any])?.count ?? 0
            } else {
                total += countErrorLeaves(value)
            }
        }
        return total
    }
}

/// The `type` and `data` of an interaction, for documentation excerpts that show nothing else.
struct PartialInteractionExcerpt: JSONDecodable {
    var type: InteractionType?
    var data: InteractionData?

    init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "type": type = try reader.decode()
            case "data": data = try reader.decode()
            default: try reader.skipValue()
            }
        }
    }
}
