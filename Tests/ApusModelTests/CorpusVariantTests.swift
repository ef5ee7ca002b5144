import Foundation
import Testing
@testable import ApusModel

/// The differential test of JSON conformance: every decodable corpus payload, re-encoded in seeded variants that are
/// the same JSON value (whitespace around every token, `\u` escapes and `\/` in every string and key, shuffled keys,
/// floats in exponent form, timestamps in other ISO 8601 forms of the same instant), must decode to exactly the
/// values its plain form decodes to.
@Suite struct CorpusVariantTests {
    /// Variants per payload: many for small payloads, fewer for large ones, so that the whole run stays a few
    /// thousand variants and a few megabytes per file.
    static func variantCount(size: Int) -> Int {
        max(1, min(24, 3_000_000 / max(1, size * 8)))
    }

    @Test func everyCorpusPayloadDecodesToTheSameValuesInEveryEquivalentForm() throws {
        let entries = try Corpus.entries()
        var failures: [String] = []
        var failingVariants = 0
        var variants = 0
        var payloads = 0
        for (fileIndex, entry) in entries.enumerated() where corpusSkips[entry.file] == nil {
            let bytes = try [UInt8](Data(contentsOf: Corpus.directory.appendingPathComponent(entry.file)))
            let plain: String
            do {
                plain = try Self.decodedDump(entry: entry, bytes: bytes)
            } catch {
                failures.append("\(entry.file): the plain form does not decode: \(error)")
                continue
            }
            guard let tree = JSONTree.parse(bytes) else {
                failures.append("\(entry.file): the test's own parser rejects the plain form")
                continue
            }
            payloads += 1
            let plainCanonical = tree.canonical
            var fileFailures = 0
            for variant in 0..<Self.variantCount(size: bytes.count) {
                let seed = UInt64(fileIndex) << 32 | UInt64(variant)
                var profileRandom = SplitMix(seed: seed ^ 0x5EED)
                let profile = VariantProfile.random(&profileRandom)
                var writer = VariantWriter(seed: seed, profile: profile)
                writer.write(tree)
                let variantBytes = writer.output
                variants += 1
                // The generator itself must keep the value.
                guard JSONTree.parse(variantBytes)?.canonical == plainCanonical else {
                    failingVariants += 1
                    failures.append("\(entry.file) seed \(seed): the generator changed the value")
                    continue
                }
                let decoded: String
                do {
                    decoded = try Self.decodedDump(entry: entry, bytes: variantBytes)
                } catch {
                    failingVariants += 1
                    fileFailures += 1
                    if fileFailures <= 2 {
                        failures.append("\(entry.file) seed \(seed) [\(profile)]: \(error) near "
                            + Self.excerpt(variantBytes, around: error))
                    }
                    continue
                }
                if decoded != plain {
                    failingVariants += 1
                    fileFailures += 1
                    if fileFailures <= 2 {
                        failures.append("\(entry.file) seed \(seed) [\(profile)]: different values: "
                            + Self.firstDifference(plain, decoded))
                    }
                }
            }
        }
        #expect(payloads >= 180, "payloads tried: \(payloads)")
        #expect(variants >= 2_000, "variants tried: \(variants)")
        let report = "\(failingVariants) of \(variants) variants of \(payloads) payloads do not decode to the plain "
            + "form's values (at most two shown per file):\n" + failures.prefix(40).joined(separator: "\n")
        #expect(failures.isEmpty, "\(report)")
    }

    /// The bytes around an error's offset, for the failure message.
    static func excerpt(_ bytes: [UInt8], around error: any Error) -> String {
        guard let error = error as? JSONDecodingError else { return "?" }
        let start = max(0, min(bytes.count, error.offset - 40))
        let end = min(bytes.count, error.offset + 40)
        return String(decoding: bytes[start..<end], as: UTF8.self).debugDescription
    }

    /// Where two dumps first differ, with some context.
    static func firstDifference(_ plain: String, _ variant: String) -> String {
        let a = Array(plain.utf8), b = Array(variant.utf8)
        var index = 0
        while index < a.count, index < b.count, a[index] == b[index] { index += 1 }
        let from = max(0, index - 60)
        return "plain …\(String(decoding: a[from..<min(a.count, index + 60)], as: UTF8.self))… variant …"
            + "\(String(decoding: b[from..<min(b.count, index + 60)], as: UTF8.self))…"
    }

    /// Decodes `bytes` with the model the corpus test uses for `entry` and returns a canonical dump of the values.
    static func decodedDump(entry: CorpusEntry, bytes: [UInt8]) throws -> String {
        switch entry.kind {
        case "frame", "send":
            let envelope = try GatewayEnvelope.scan(bytes)
            let tentative = try bytes.withUnsafeBytes { buffer in
                try Result { () throws(JSONDecodingError) in
                    try GatewayEnvelope.scan(buffer, allowTentativeData: true)
                }.get()
            }
            var dump = "op \(envelope.opcode) s \(String(describing: envelope.sequence)) "
                + "t \(String(describing: envelope.eventName?.name))"
            let tentativeDump = "op \(tentative.opcode) s \(String(describing: tentative.sequence)) "
                + "t \(String(describing: tentative.eventName?.name))"
            if tentativeDump != dump { dump += " tentative scan: " + tentativeDump }
            if let range = envelope.dataRange {
                let data = Array(bytes[range])
                if entry.kind == "frame", envelope.opcode == 0 {
                    dump += " d " + DecodedDump.of(try Self.event(envelope.eventName ?? .unknown(""), data))
                } else if envelope.opcode == 10 {
                    dump += " d " + DecodedDump.of(try Hello(jsonBytes: data))
                } else {
                    dump += " d " + DecodedDump.of(try RawJSON(jsonBytes: data))
                }
            }
            return dump
        case "bare":
            return DecodedDump.of(try Self.event(EventKind(name: entry.subject), bytes))
        case "REST":
            return try restDump(subject: entry.subject, bytes: bytes)
        case "error":
            return DecodedDump.of(try DiscordErrorBody(jsonBytes: bytes))
        case "429":
            return DecodedDump.of(try RateLimitedBody(jsonBytes: bytes))
        case "interaction" where entry.row.contains("partial"):
            return DecodedDump.of(try PartialInteractionExcerpt(jsonBytes: bytes))
        case "interaction":
            return DecodedDump.of(try Interaction(jsonBytes: bytes))
        case "object":
            switch entry.subject {
            case "obj-activity": return DecodedDump.of(try Activity(jsonBytes: bytes))
            case "obj-emoji-partial": return DecodedDump.of(try Emoji(jsonBytes: bytes))
            case "obj-interaction-resolved": return DecodedDump.of(try ResolvedData(jsonBytes: bytes))
            case "obj-presence-list": return DecodedDump.of(try [Presence](jsonBytes: bytes))
            default: return DecodedDump.of(try RawJSON(jsonBytes: bytes))
            }
        default:
            throw CorpusKindError(kind: entry.kind)
        }
    }

    struct CorpusKindError: Error {
        var kind: String
    }

    static func event(_ kind: EventKind, _ data: [UInt8]) throws -> GatewayEvent {
        try data.withUnsafeBytes { buffer in
            try Result { () throws(JSONDecodingError) in try GatewayEvent.decode(kind: kind, data: buffer) }.get()
        }
    }

    static func restDump(subject: String, bytes: [UInt8]) throws -> String {
        switch subject {
        case "rest-channel": DecodedDump.of(try Channel(jsonBytes: bytes))
        case "rest-channel-list": DecodedDump.of(try [Channel](jsonBytes: bytes))
        case "rest-emoji": DecodedDump.of(try Emoji(jsonBytes: bytes))
        case "rest-emoji-list": DecodedDump.of(try [Emoji](jsonBytes: bytes))
        case "rest-gateway-bot": DecodedDump.of(try GatewayBot(jsonBytes: bytes))
        case "rest-guild-member": DecodedDump.of(try GuildMember(jsonBytes: bytes))
        case "rest-guild-member-list": DecodedDump.of(try [GuildMember](jsonBytes: bytes))
        case "rest-guild": DecodedDump.of(try Guild(jsonBytes: bytes))
        case "rest-guild-unavailable": DecodedDump.of(try UnavailableGuild(jsonBytes: bytes))
        case "rest-message": DecodedDump.of(try Message(jsonBytes: bytes))
        case "rest-role": DecodedDump.of(try Role(jsonBytes: bytes))
        case "rest-role-list": DecodedDump.of(try [Role](jsonBytes: bytes))
        case "rest-user": DecodedDump.of(try User(jsonBytes: bytes))
        case "rest-application": DecodedDump.of(try Application(jsonBytes: bytes))
        case "rest-ban": DecodedDump.of(try Ban(jsonBytes: bytes))
        case "rest-voice-state": DecodedDump.of(try VoiceState(jsonBytes: bytes))
        case "rest-sticker": DecodedDump.of(try Sticker(jsonBytes: bytes))
        case "rest-partial-guild-list": DecodedDump.of(try [PartialGuild](jsonBytes: bytes))
        default: DecodedDump.of(try RawJSON(jsonBytes: bytes))
        }
    }
}
