import ApusText
import Foundation
import TextCorpus

// `swift run -c release --package-path Benchmarks text-compare [--rounds N] [--messages N] [--seed N] [--python PATH]
// [--engines re,regex]`: generates the seeded corpus, checks that Apus and each Python engine write byte-identical
// extraction records, then times the extraction alone on each side and prints medians and ratios.

struct TextCompareOptions {
    var rounds = 5
    var messages = 100_000
    var seed = CorpusGenerator.defaultSeed
    var engines = ["re", "regex"]
    var python: String
    var script: String
    var workDirectory = NSTemporaryDirectory()
    /// An existing corpus file to use instead of the generated corpus (for differential runs on other inputs).
    var corpusFile: String?

    static let benchmarksDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func parse(_ arguments: ArraySlice<String>) -> TextCompareOptions {
        var options = TextCompareOptions(
            python: ProcessInfo.processInfo.environment["APUS_PEER_PYTHON"]
                ?? benchmarksDirectory.deletingLastPathComponent().appendingPathComponent(".venv-peers/bin/python").path,
            script: benchmarksDirectory.appendingPathComponent("peers/text_re.py").path
        )
        var remaining = arguments
        while let argument = remaining.popFirst() {
            switch argument {
            case "--rounds": options.rounds = remaining.popFirst().flatMap { Int($0) }.map { max(1, $0) } ?? options.rounds
            case "--messages": options.messages = remaining.popFirst().flatMap { Int($0) }.map { max(1, $0) } ?? options.messages
            case "--seed": options.seed = remaining.popFirst().flatMap { UInt64($0) } ?? options.seed
            case "--python": options.python = remaining.popFirst() ?? options.python
            case "--engines": options.engines = (remaining.popFirst() ?? "").split(separator: ",").map(String.init)
            case "--dir": options.workDirectory = remaining.popFirst() ?? options.workDirectory
            case "--corpus-file": options.corpusFile = remaining.popFirst()
            default:
                print("usage: text-compare [--rounds N] [--messages N] [--seed N] [--python PATH] [--engines re,regex] [--dir D] [--corpus-file F]")
                exit(2)
            }
        }
        return options
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// The records of each message, split at the `M` lines, for reporting the first difference.
func messageBlocks(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var blocks: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "M"), index == 0 || bytes[index - 1] == UInt8(ascii: "\n"), index > start {
            blocks.append(bytes[start..<index])
            start = index
        }
        index += 1
    }
    if start < bytes.count { blocks.append(bytes[start...]) }
    return blocks
}

let options = TextCompareOptions.parse(CommandLine.arguments.dropFirst())
let messages: [String]
let corpusPath: String
if let file = options.corpusFile {
    guard let data = FileManager.default.contents(atPath: file), let decoded = CorpusFile.decode([UInt8](data)) else {
        print("error: cannot read the corpus file \(file)")
        exit(1)
    }
    messages = decoded
    corpusPath = file
} else {
    var generator = CorpusGenerator(seed: options.seed)
    messages = generator.messages(count: options.messages)
    corpusPath = (options.workDirectory as NSString).appendingPathComponent("apus-text-corpus.bin")
    FileManager.default.createFile(atPath: corpusPath, contents: Data(CorpusFile.encode(messages)))
}
let totalBytes = messages.reduce(0) { $0 + $1.utf8.count }
print("corpus: \(messages.count) messages, \(totalBytes) UTF-8 bytes, seed \(options.seed), file \(corpusPath)")

var apus = ApusExtraction()
let apusRecords = apus.records(for: messages)
let apusRecordsPath = (options.workDirectory as NSString).appendingPathComponent("apus-text-records-apus.tsv")
FileManager.default.createFile(atPath: apusRecordsPath, contents: Data(apusRecords))

var peers: [(engine: String, peer: PythonTextPeer)] = []
for engine in options.engines {
    let peer = PythonTextPeer(python: options.python, script: options.script, engine: engine)
    let path = (options.workDirectory as NSString).appendingPathComponent("apus-text-records-\(engine).tsv")
    do {
        try peer.writeRecords(corpus: corpusPath, records: path)
    } catch {
        print("error: \(error)")
        exit(1)
    }
    let peerRecords = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    if peerRecords != apusRecords {
        let ours = messageBlocks(apusRecords)
        let theirs = messageBlocks(peerRecords)
        let index = (0..<min(ours.count, theirs.count)).first { ours[$0] != theirs[$0] } ?? min(ours.count, theirs.count)
        print("MISMATCH between Apus and \(engine) at message \(index):")
        if index < messages.count { print("message: \(messages[index].debugDescription)") }
        print("--- Apus\n" + String(decoding: index < ours.count ? ours[index] : [], as: UTF8.self))
        print("--- \(engine)\n" + String(decoding: index < theirs.count ? theirs[index] : [], as: UTF8.self))
        exit(1)
    }
    print("records: Apus and \(engine) identical (\(apusRecords.count) bytes)")
    peers.append((engine, peer))
}

// Timing: the extraction alone, every side over the same in-memory messages. Wall time and this thread's CPU time
// are both reported; on a shared machine the CPU time is the fairer comparison.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

var apusRounds: [(wall: Double, cpu: Double)] = []
var checksum = 0
_ = apus.round(messages)  // warm-up
for _ in 0..<options.rounds {
    let clock = ContinuousClock()
    let cpuStart = threadCPUSeconds()
    let start = clock.now
    checksum &+= apus.round(messages)
    let elapsed = clock.now - start
    let cpu = threadCPUSeconds() - cpuStart
    apusRounds.append((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, cpu))
}
var results: [(name: String, wall: Double, cpu: Double)] = [
    ("Apus (ApusText)", median(apusRounds.map(\.wall)), median(apusRounds.map(\.cpu))),
]
for (engine, peer) in peers {
    do {
        let rounds = try peer.time(corpus: corpusPath, rounds: options.rounds)
        results.append(("Python \(engine)", median(rounds.map(\.wall)), median(rounds.map(\.cpu))))
    } catch {
        print("error: \(error)")
        exit(1)
    }
}

print("checksum \(checksum)")
print("median of \(options.rounds) rounds, \(messages.count) messages each (messages/s; ratio = Apus / peer):")
print("  side                 wall s     wall msg/s  ratio      CPU s      CPU msg/s  ratio")
let count = Double(messages.count)
for result in results {
    let label = result.name.padding(toLength: 18, withPad: " ", startingAt: 0)
    let wallRatio = result.name.hasPrefix("Apus") ? "" : String(format: "%5.1fx", result.wall / results[0].wall)
    let cpuRatio = result.name.hasPrefix("Apus") ? "" : String(format: "%5.1fx", result.cpu / results[0].cpu)
    print("  " + label + String(format: " %9.4f  %13.0f  ", result.wall, count / result.wall)
        + wallRatio.padding(toLength: 6, withPad: " ", startingAt: 0)
        + String(format: " %9.4f  %13.0f  ", result.cpu, count / result.cpu) + cpuRatio)
}
