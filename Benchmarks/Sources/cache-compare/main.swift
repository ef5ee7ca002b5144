// cache-compare: bytes per cached member and per cached message, counted by the allocator, for Apus's cache and
// discord.py's caches fed the same seeded payloads in the same run.
//
//   swift build -c release --package-path Benchmarks --product cache-compare
//   Benchmarks/.build/release/cache-compare [--file PATH] [--python PATH] [--seed N] [--uniform-content]
//                                           [--plain-messages] [--uncompressed] [--content-corpus FILE] [--apus-only]
//
// Messages follow the ingest workload's corpus-derived mix by default (20 % with 1-3 mentions carrying their
// `member`, 8 % with a rich embed, 10 % with attachments, 20 % replies); `--plain-messages` keeps the earlier mix
// without mentions and embeds. The mix and what was generated are printed. ApusCache keeps message content
// compressed with its fixed chat-text code by default; `--uncompressed` turns that off
// (`CacheConfiguration.compressesMessageContent = false`) to show the cost of the plain UTF-8 content.
// `--content-corpus FILE` takes the message texts, in order, from a text-compare corpus file (`apus-text-corpus.bin`:
// mentions, links, emoji, code, markdown, non-ASCII) instead of the built-in word list, to see how the compression
// fares on more varied chat text.
// Content lengths are skewed towards short chat messages by default (5 + 395·u², mean ≈ 137 characters);
// `--uniform-content` draws them uniformly from 5-400 (mean ≈ 202).
import ApusCache
import Foundation

var arguments = ArraySlice(CommandLine.arguments.dropFirst())
var file = FileManager.default.temporaryDirectory.appendingPathComponent("apus-cache-workload.txt").path
var python = ProcessInfo.processInfo.environment["APUS_PEER_PYTHON"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".venv-peers/bin/python").path
var seed: UInt64 = 20_251_123
var apusOnly = false
var uniformContent = false
var mix = MessageMix.corpus
var compressesContent = true
var contentCorpus: String?
let usage = "usage: cache-compare [--file PATH] [--python PATH] [--seed N] [--uniform-content] [--plain-messages] "
    + "[--uncompressed] [--content-corpus FILE] [--apus-only]"
while let argument = arguments.popFirst() {
    switch argument {
    case "--file": file = arguments.popFirst() ?? file
    case "--python": python = arguments.popFirst() ?? python
    case "--seed": seed = arguments.popFirst().flatMap { UInt64($0) } ?? seed
    case "--apus-only": apusOnly = true
    case "--uniform-content": uniformContent = true
    case "--plain-messages": mix = .plain
    case "--uncompressed": compressesContent = false
    case "--content-corpus": contentCorpus = arguments.popFirst()
    default:
        print(usage)
        exit(2)
    }
}
let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("peers/cache_discordpy.py").path

guard AllocatorProbe.isAvailable else {
    print("cache-compare needs glibc's mallinfo2 (Linux)")
    exit(1)
}

// 1. The workload, written once so that both sides read the same bytes.
do {
    var contents: [String] = []
    if let contentCorpus {
        guard let decoded = MessageGenerator.contents(ofCorpusFile: try [UInt8](Data(contentsOf: URL(fileURLWithPath: contentCorpus)))),
              !decoded.isEmpty
        else {
            print("cannot read the content corpus \(contentCorpus)")
            exit(1)
        }
        contents = decoded
        print("message texts from \(contentCorpus) (\(decoded.count) texts, used in order)")
    }
    let workload = Workload(seed: seed, uniformContent: uniformContent, mix: mix, contents: contents)
    try workload.fileContents.write(toFile: file, atomically: true, encoding: .utf8)
    let averageContent = Double(workload.totalContentCharacters) / Double(Workload.messageCount)
    print("workload: \(Workload.guilds) guilds × \(Workload.membersPerGuild) members, \(Workload.messageCount) messages "
        + "(seed \(seed), \(contentCorpus != nil ? "corpus-file" : uniformContent ? "uniform" : "skewed") content lengths, mean \(String(format: "%.0f", averageContent)) characters) → \(file)")
    print(mix.summary)
    print(workload.counts.summary)
}

// 2. Apus.
let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
let apus = try ApusSide.measure(file: bytes, compressesContent: compressesContent)
let apusPerMember = Double(apus.memberBytes) / Double(max(1, apus.members))
let apusPerMessage = Double(apus.messageBytes) / Double(max(1, apus.messages))
print("apus:       \(apus.members) members, \(apus.memberBytes) B → \(String(format: "%.1f", apusPerMember)) B/member; "
    + "\(apus.messages) messages, \(apus.messageBytes) B → \(String(format: "%.1f", apusPerMessage)) B/message "
    + "(content \(compressesContent ? "compressed" : "uncompressed"))")
func microseconds(_ duration: Duration, per count: Int) -> String {
    let (seconds, attoseconds) = duration.components
    let total = Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    return String(format: "%.2f", total / Double(max(1, count)))
}
print("  time (informational, shared machine): decode + apply \(microseconds(apus.messagesPhase, per: apus.messages)) µs/message, "
    + "read back \(microseconds(apus.readBack, per: apus.readBackHits)) µs/message (\(apus.readBackHits) found, each equal to its payload)")
for resource in CacheResource.allCases {
    let counters = apus.statistics[resource]
    guard counters.entries > 0 else { continue }
    print("  stats \(resource.rawValue): \(counters.entries) entries, estimated \(counters.estimatedBytes) B")
}
if apusOnly { exit(0) }

// 3. discord.py, same file.
guard FileManager.default.isExecutableFile(atPath: python) else {
    print("no Python at \(python): run `bash scripts/install-deps.sh --python` or pass --python")
    exit(1)
}
let process = Process()
process.executableURL = URL(fileURLWithPath: python)
process.arguments = [script, file]
let pipe = Pipe()
process.standardOutput = pipe
try process.run()
let output = pipe.fileHandleForReading.readDataToEndOfFile()
process.waitUntilExit()
guard process.terminationStatus == 0,
      let line = String(data: output, encoding: .utf8)?.split(separator: "\n").last,
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
      let memberBytes = object["member_bytes"] as? Int, let members = object["members"] as? Int,
      let messageBytes = object["message_bytes"] as? Int, let messages = object["messages"] as? Int
else {
    print("discord.py peer failed (status \(process.terminationStatus)): \(String(decoding: output, as: UTF8.self))")
    exit(1)
}
if messages != Workload.messageCount || members != Workload.guilds * Workload.membersPerGuild {
    print("warning: discord.py cached \(members) members and \(messages) messages, not every one of the workload's")
}
let pyPerMember = Double(memberBytes) / Double(max(1, members))
let pyPerMessage = Double(messageBytes) / Double(max(1, messages))
print("discord.py: \(members) members, \(memberBytes) B → \(String(format: "%.1f", pyPerMember)) B/member; "
    + "\(messages) messages, \(messageBytes) B → \(String(format: "%.1f", pyPerMessage)) B/message "
    + "(\(object["version"] as? String ?? "?"), tracemalloc)")
print(String(format: "ratio apus/discord.py: members %.3f (goal ≤ 0.1), messages %.3f (goal ≤ 0.1)",
             apusPerMember / pyPerMember, apusPerMessage / pyPerMessage))
