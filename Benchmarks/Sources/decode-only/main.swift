import ApusCompression
import ApusModel
import IngestWorkload

// A decode-only run for instruction counts under callgrind: the ingest workload's messages, decompressed when the
// file is read, then each scanned and decoded as the production inbound path does (`GatewayEnvelope.scan` with `allowTentativeData`, then
// `GatewayEvent.decode`), with no decompression, queue or handler.
//
//   decode-only generate FILE   writes the workload (as `ingest-generate` does)
//   decode-only FILE [PASSES]   decodes every message of FILE PASSES times (default 1)
//
// Compare totals with `valgrind --tool=callgrind --toggle-collect='*decodeEveryMessage*' decode-only FILE`: only the
// decoding is counted, not reading the file.

/// Scans and decodes every message; returns how many dispatches decoded and a value derived from each event, so
/// that the optimiser cannot drop the work.
@inline(never)
func decodeEveryMessage(_ messages: [[UInt8]]) -> (decoded: Int, failed: Int, digest: UInt64) {
    var decoded = 0
    var failed = 0
    var digest: UInt64 = 0
    for message in messages {
        message.withUnsafeBytes { json in
            guard var envelope = try? GatewayEnvelope.scan(json, allowTentativeData: true) else {
                failed += 1
                return
            }
            if envelope.dataRangeIsTentative && envelope.opcode != 0, let exact = try? GatewayEnvelope.scan(json) {
                envelope = exact
            }
            guard envelope.opcode == 0, let range = envelope.dataRange else { return }
            let kind = envelope.eventName ?? .unknown("")
            do {
                let event = try GatewayEvent.decode(kind: kind, data: UnsafeRawBufferPointer(rebasing: json[range]))
                decoded += 1
                digest = digest &* 31 &+ UInt64(event.kind.knownIndex ?? 99)
            } catch {
                failed += 1
            }
        }
    }
    return (decoded, failed, digest)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "generate", arguments.count == 2 {
    let workload = try IngestWorkload.generate()
    try WorkloadFile.write(workload, to: arguments[1])
    print("wrote \(arguments[1]): \(workload.jsonMessages.count) messages, \(workload.jsonByteCount) JSON bytes")
} else if let path = arguments.first {
    let passes = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 1) : 1
    let (_, compressed) = try WorkloadFile.read(from: path)
    let decompressor = try ZstdStreamDecompressor()
    let messages = try compressed.map { try decompressor.decompress($0) }
    var total = (decoded: 0, failed: 0, digest: UInt64(0))
    for _ in 0..<passes {
        let result = decodeEveryMessage(messages)
        total = (total.decoded + result.decoded, total.failed + result.failed, total.digest ^ result.digest)
    }
    print("\(messages.count) messages × \(passes): \(total.decoded) decoded, \(total.failed) failed, digest \(total.digest)")
} else {
    print("usage: decode-only generate FILE | decode-only FILE [PASSES]")
}
