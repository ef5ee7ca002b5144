import ApusCore
import ApusPlugins
import ApusStore
import Foundation
import XPWorkload

// Durable XP updates per second, Apus beside the original bot's per-message logic on aiosqlite, same input:
//   swift run -c release --package-path Benchmarks xp-compare [--rounds N] [--python-messages N] [--postgres URL]
// Apus runs the full per-message algorithm (cooldown, multipliers, curve, level-up role changes) through
// `LevelsLedger` and its write-behind buffer on SQLite (WAL, synchronous=FULL) and, with --postgres or
// APUS_TEST_POSTGRES_URL, on PostgreSQL; the timed region ends when the last group commit has returned.
// The Python peer commits once per message, so it runs on a prefix of the input (default 20,000 messages, about
// half a minute); both sides also run that prefix untimed first and must end with identical tables.

struct Options {
    var rounds = 3
    var pythonMessages = 20_000
    var postgresURL = ProcessInfo.processInfo.environment["APUS_TEST_POSTGRES_URL"]
    var python = ProcessInfo.processInfo.environment["APUS_PEER_PYTHON"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".venv-peers/bin/python").path
    var maxRows = 4_000
    var maxDelayMilliseconds = 50

    static func parse() -> Options {
        var options = Options()
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--rounds": options.rounds = arguments.popFirst().flatMap { Int($0) }.map { max(1, $0) } ?? options.rounds
            case "--python-messages": options.pythonMessages = arguments.popFirst().flatMap { Int($0) } ?? options.pythonMessages
            case "--postgres": options.postgresURL = arguments.popFirst()
            case "--python": options.python = arguments.popFirst() ?? options.python
            case "--max-rows": options.maxRows = arguments.popFirst().flatMap { Int($0) } ?? options.maxRows
            case "--max-delay-ms": options.maxDelayMilliseconds = arguments.popFirst().flatMap { Int($0) } ?? options.maxDelayMilliseconds
            default:
                print("usage: xp-compare [--rounds N] [--python-messages N] [--postgres URL] [--python PATH] [--max-rows N] [--max-delay-ms N]")
                exit(2)
            }
        }
        return options
    }
}

struct RunResult {
    var seconds: Double
    var writes: Int
    var levelUps: Int
    var roleAdds: Int
    var roleRemoves: Int
    var checksum: UInt64
    var commits: Int
}

func rules(of workload: XPWorkload) -> XPRules {
    XPRules(
        multipliers: workload.multipliers, cooldown: .seconds(workload.cooldownSeconds),
        curve: LevelCurve(exponent: Double(workload.exponent)),
        rewards: LevelRoleRewards(workload.rewards.map { .init(level: $0.key, roleID: $0.value) }))
}

func openFresh(_ configuration: StoreConfiguration) async throws -> any Database {
    if case .sqlite(let path) = configuration {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    let database = try await configuration.open()
    if case .postgres = configuration {
        try await database.execute("DROP TABLE IF EXISTS levels")
        // The migrations table exists once anything has migrated this database; a fresh one has none yet.
        _ = try? await database.execute("DELETE FROM apus_migrations WHERE owner = 'levels'")
    }
    _ = try await Migrator(database: database).migrate([LevelsMigrations.list])
    return database
}

func runApus(_ workload: XPWorkload, messages: ArraySlice<XPWorkload.Message>, configuration: StoreConfiguration,
             options: Options) async throws -> RunResult {
    let database = try await openFresh(configuration)
    let ledger = LevelsLedger(
        database: database,
        limits: .init(maxDelay: .milliseconds(options.maxDelayMilliseconds), maxRows: options.maxRows))
    let levelRules = rules(of: workload)
    var result = RunResult(seconds: 0, writes: 0, levelUps: 0, roleAdds: 0, roleRemoves: 0, checksum: 0, commits: 0)
    let clock = ContinuousClock()
    let start = clock.now
    for message in messages {
        let award = try await ledger.record(
            XPMessage(guildID: message.guildID, channelID: message.channelID, authorID: message.authorID,
                      authorIsBot: false, isCommand: false, memberRoles: message.roles),
            rules: levelRules, now: WallTime(millisecondsSinceEpoch: message.timestampMilliseconds))
        if case .write(_, _, let levelUp) = award {
            result.writes += 1
            if let levelUp {
                result.levelUps += 1
                if levelUp.add != nil { result.roleAdds += 1 }
                result.roleRemoves += levelUp.remove.count
            }
        }
    }
    try await ledger.flush()
    let elapsed = clock.now - start
    result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    try await ledger.close()
    var checksum: UInt64 = 0
    for row in try await database.query("SELECT member_id, guild_id, xp, level FROM levels ORDER BY guild_id, member_id") {
        let member = UInt64(bitPattern: try row.int64("member_id"))
        let guild = UInt64(bitPattern: try row.int64("guild_id"))
        checksum = checksum &* 31 &+ member &+ guild &+ UInt64(Int64(try row.double("xp") * 2)) &+ UInt64(try row.int("level"))
    }
    result.checksum = checksum
    await database.close()
    return result
}

func runPython(options: Options, workloadPath: String, databasePath: String) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: options.python)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("peers/xp_aiosqlite.py").path
    process.arguments = [script, workloadPath, databasePath]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
          let seconds = object["seconds"] as? Double, let writes = object["writes"] as? Int,
          let levelUps = object["level_ups"] as? Int, let adds = object["role_adds"] as? Int,
          let removes = object["role_removes"] as? Int, let checksumText = object["checksum"] as? String,
          let checksum = UInt64(checksumText)
    else {
        throw NSError(domain: "xp-compare", code: 1, userInfo: [NSLocalizedDescriptionKey: "the Python peer failed: \(String(decoding: data, as: UTF8.self))"])
    }
    return RunResult(seconds: seconds, writes: writes, levelUps: levelUps, roleAdds: adds, roleRemoves: removes,
                     checksum: checksum, commits: writes)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func describe(_ result: RunResult) -> String {
    "\(String(format: "%.3f", result.seconds)) s, \(result.writes) writes, \(result.levelUps) level-ups "
        + "(+\(result.roleAdds)/-\(result.roleRemoves) roles), checksum \(result.checksum)"
}

let options = Options.parse()
let workload = XPWorkload.generate()
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apus-xp-bench")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
let fullPath = directory.appendingPathComponent("workload.txt").path
try workload.serialized().write(toFile: fullPath, atomically: true, encoding: .utf8)
var prefix = workload
prefix.messages = Array(workload.messages.prefix(options.pythonMessages))
let prefixPath = directory.appendingPathComponent("workload-prefix.txt").path
try prefix.serialized().write(toFile: prefixPath, atomically: true, encoding: .utf8)
print("workload: \(workload.messages.count) messages, 5000 members, 10 guilds, cooldown \(workload.cooldownSeconds) s, "
    + "exponent \(workload.exponent), \(workload.multipliers.count) multiplier roles, \(workload.rewards.count) reward levels")
print("apus write-behind: maxRows \(options.maxRows), maxDelay \(options.maxDelayMilliseconds) ms")

let sqlite = StoreConfiguration.sqlite(path: directory.appendingPathComponent("apus.sqlite").path)
var engines: [(String, StoreConfiguration)] = [("sqlite", sqlite)]
if let url = options.postgresURL {
    engines.append(("postgres", try StoreConfiguration.from(environment: ["APUS_DATABASE_URL": url], defaultPath: "unused")))
} else {
    print("postgres: skipped (pass --postgres URL or set APUS_TEST_POSTGRES_URL)")
}

// Correctness first, untimed: a dense workload (few members, many level-ups and role changes), both sides must end
// with identical tables and counts.
let dense = XPWorkload.generate(messageCount: 3_000, memberCount: 60, guildCount: 3, seed: 7)
let densePath = directory.appendingPathComponent("workload-dense.txt").path
try dense.serialized().write(toFile: densePath, atomically: true, encoding: .utf8)
func check(_ name: String, python: RunResult, apus: RunResult) {
    print("check \(name): python \(describe(python))")
    print("check \(name): apus   \(describe(apus))")
    guard python.checksum == apus.checksum, python.writes == apus.writes, python.levelUps == apus.levelUps,
          python.roleAdds == apus.roleAdds, python.roleRemoves == apus.roleRemoves
    else {
        print("MISMATCH between Apus and the Python peer: no timings reported")
        exit(1)
    }
}
check("dense 3,000 messages", python: try runPython(options: options, workloadPath: densePath, databasePath: directory.appendingPathComponent("peer.sqlite").path),
      apus: try await runApus(dense, messages: dense.messages[...], configuration: sqlite, options: options))
// The Python peer's timed run: the first messages of the real workload (one commit each), checked as well.
let pythonPrefix = try runPython(options: options, workloadPath: prefixPath, databasePath: directory.appendingPathComponent("peer.sqlite").path)
check("first \(prefix.messages.count) messages", python: pythonPrefix,
      apus: try await runApus(workload, messages: prefix.messages[...], configuration: sqlite, options: options))

var rates: [String: [Double]] = [:]
for round in 0..<options.rounds {
    for (name, configuration) in engines {
        let result = try await runApus(workload, messages: workload.messages[...], configuration: configuration, options: options)
        let rate = Double(result.writes) / result.seconds
        rates[name, default: []].append(rate)
        print("apus \(name) round \(round): \(describe(result)), \(Int(rate)) durable updates/s")
    }
}
let pythonRate = Double(pythonPrefix.writes) / pythonPrefix.seconds
print("python aiosqlite (one commit per message, \(prefix.messages.count) messages): \(Int(pythonRate)) durable updates/s")
for (name, _) in engines {
    let rate = median(rates[name] ?? [])
    print("median apus \(name): \(Int(rate)) durable updates/s = \(String(format: "%.0f", rate / pythonRate))x python aiosqlite")
}
