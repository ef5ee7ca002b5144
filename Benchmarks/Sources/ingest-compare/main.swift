import Foundation
import IngestApus
import IngestWorkload

// Gateway ingest, Apus beside discord.py in the same run:
//   swift run -c release --package-path Benchmarks ingest-compare [--rounds N] [--python PATH] [--file PATH]
// Generates the workload (fixed seed), writes it for the Python peer, runs Apus's inbound path and discord.py's on
// the same compressed bytes, refuses to report timings unless every round's checksums agree, then prints medians.

let options = CompareOptions.parse(CommandLine.arguments.dropFirst())
if options.decodeBench {
    let (_, messages) = try WorkloadFile.read(from: options.file)
    let best = IngestBreakdown.minimumDecodeTime(messages: messages)
    print("apus scan + decode + handler, sum of per-chunk minima: \(format(best.seconds, 4)) s")
    exit(0)
}
if options.profile {
    let (_, messages) = try WorkloadFile.read(from: options.file)
    for round in 0..<options.rounds {
        let result = try await ApusIngestRunner.run(messages: messages, mode: .oneCore)
        print("apus one-core round \(round): \(format(result.duration.seconds, 3)) s, checksum \(result.checksum)")
    }
    exit(0)
}
let machine = MachineDescription.current()
print("machine: \(machine)")

/// Generates the workload, writes the file both sides read, prints what it holds, and keeps only its sizes: the
/// generator's 130 MB of messages must not stay on Apus's heap while Apus is timed (the Python peer does not carry
/// them either).
func generateWorkloadFile(_ path: String) throws -> (dispatchCount: Int, jsonByteCount: Int) {
    let generationStart = Date()
    let workload = try IngestWorkload.generate()
    try WorkloadFile.write(workload, to: path)
    let ratio = Double(workload.jsonByteCount) / Double(workload.compressedByteCount)
    print("workload: \(workload.setupMessageCount) setup frames + \(workload.dispatchCount) dispatches, "
        + "\(workload.jsonByteCount) bytes of JSON, \(workload.compressedByteCount) bytes zstd-stream (level 3, "
        + "\(format(ratio, 2))x), generated in \(format(Date().timeIntervalSince(generationStart), 1)) s -> \(path)")
    print("mix: " + workload.eventCounts.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    return (workload.dispatchCount, workload.jsonByteCount)
}
let workload = try generateWorkloadFile(options.file)

// Apus: read the file back, so both sides consume exactly the bytes on disk.
let (_, messages) = try WorkloadFile.read(from: options.file)
// The sides take turns, one round each, so that both see the same machine: this machine is shared, and its speed
// drifts by 10-20% within minutes. discord.py runs in its own process per round (start-up and reading the file are
// not timed), never at the same time as Apus.
let peer = PythonPeer(python: options.python, script: options.peerScript)
var apus: [ApusIngestRunner.Mode: [ApusIngestRunner.Result]] = [:]
var pythonChecksum: [PythonPeer.Round] = []
var pythonParseOnly: [PythonPeer.Round] = []
for round in 0..<options.rounds {
    for mode in ApusIngestRunner.Mode.allCases {
        let result = try await ApusIngestRunner.run(messages: messages, mode: mode)
        apus[mode, default: []].append(result)
        print("apus \(mode.rawValue) round \(round): \(format(result.duration.seconds, 3)) s, handled \(result.handled), "
            + "undecodable \(result.undecodable), broken \(result.broken), checksum \(result.checksum)")
    }
    if options.apusOnly { continue }
    for mode in ["checksum", "parse-only"] {
        var results = try peer.run(file: options.file, rounds: 1, mode: mode)
        for index in results.indices { results[index].round = round }
        for result in results {
            print("discord.py \(result.mode) round \(round): \(format(result.seconds, 3)) s, handled \(result.handled), checksum \(result.checksum)")
        }
        if mode == "checksum" { pythonChecksum += results } else { pythonParseOnly += results }
    }
}

// Where Apus's time goes (cumulative stages, one pass each, after the rounds above).
let stages = IngestBreakdown.measure(messages: messages)
print("apus stages: zstd decompress \(format(stages.decompress.seconds, 3)) s, + envelope scan \(format(stages.scan.seconds, 3)) s, "
    + "+ decode of the six kinds \(format(stages.decode.seconds, 3)) s, + handler called directly "
    + "\(format(stages.handle.seconds, 3)) s (no queue)")

if options.apusOnly { exit(0) }

// Checksums first: no timing is reported unless every round of both sides read the same values.
let expected = pythonChecksum.first?.checksum ?? "none"
let apusResults = apus.values.flatMap { $0 }
let agree = !pythonChecksum.isEmpty && pythonChecksum.allSatisfy { $0.checksum == expected }
    && apusResults.allSatisfy { String($0.checksum) == expected && $0.undecodable == 0 && $0.broken == 0 }
    && apusResults.allSatisfy { $0.handled == workload.dispatchCount }
    && pythonChecksum.allSatisfy { $0.handled == workload.dispatchCount }
guard agree else {
    print("CHECKSUM MISMATCH or invalid round (python \(expected)); no timings reported.")
    exit(1)
}
print("checksums agree: \(expected) (\(workload.dispatchCount) events read by each side, every round)")

let events = Double(workload.dispatchCount)
let megabytes = Double(workload.jsonByteCount) / 1_000_000
func line(_ name: String, _ seconds: Double) -> String {
    "| \(name) | \(format(seconds, 3)) | \(format(events / seconds / 1000, 1))k | \(format(megabytes / seconds, 1)) |"
}
let apusOneCore = median(apus[.oneCore, default: []].map(\.duration.seconds))
let apusPipelined = median(apus[.pipelined, default: []].map(\.duration.seconds))
let pyChecksum = median(pythonChecksum.map(\.seconds))
let pyParseOnly = median(pythonParseOnly.map(\.seconds))
print("")
print("medians of \(options.rounds) interleaved rounds (100,000 dispatches after READY + GUILD_CREATE; MB/s = decompressed JSON):")
print("| side | seconds | events/s | MB/s JSON |")
print("|---|---|---|---|")
print(line("Apus, one core (decompress, scan, decode, deliver, handler reads fields)", apusOneCore))
print(line("Apus, reader + handler tasks (2 cores)", apusPipelined))
print(line("discord.py 2.7 (zstandard, orjson, ConnectionState parsers, handler reads fields)", pyChecksum))
print(line("discord.py 2.7, parsers only (no handler)", pyParseOnly))
print("")
print("ratio Apus one core / discord.py with handlers: \(format(pyChecksum / apusOneCore, 1))x")
let pairedRatios = zip(apus[.oneCore, default: []], pythonChecksum).map { $1.seconds / $0.duration.seconds }
print("the same ratio round by round (each Apus round beside the discord.py round that followed it): "
    + pairedRatios.map { format($0, 1) + "x" }.joined(separator: ", ") + "; median \(format(median(pairedRatios), 1))x")
print("ratio Apus one core / discord.py parsers only:  \(format(pyParseOnly / apusOneCore, 1))x (the stricter figure)")
print("goal 15x, floor 8x")

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
