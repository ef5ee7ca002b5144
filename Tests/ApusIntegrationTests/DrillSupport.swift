import ApusStore
import Foundation
import Testing

/// What the drills on real processes share: `apus run` started against a running `apus sim` with a configuration
/// file, killed or stopped, and the simulator's wire log turned into the XP each member must have.
enum Drill {
    /// One `apus run` configuration in a directory of its own, with the arguments and environment to start it.
    struct Bot {
        let directory: URL
        let arguments: [String]
        let environment: [String: String]

        /// Writes `configuration` to `apus.toml` in a new temporary directory; `databaseURL` nil uses a SQLite file
        /// `bot.sqlite` there (``sqlitePath``).
        init(_ label: String, sim: RunLifecycleTests.Sim, configuration: String, databaseURL: String? = nil) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("apus-drill-\(label)-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let configPath = directory.appendingPathComponent("apus.toml").path
            try configuration.write(toFile: configPath, atomically: true, encoding: .utf8)
            var arguments = ["run", "--config", configPath, "--api-base", sim.apiBase, "--gateway-url", sim.gateway]
            var environment = ["DISCORD_TOKEN": sim.token, "APUS_DATABASE_URL": ""]
            if let databaseURL {
                environment["APUS_DATABASE_URL"] = databaseURL
            } else {
                arguments += ["--database", directory.appendingPathComponent("bot.sqlite").path]
            }
            self.arguments = arguments
            self.environment = environment
        }

        var sqlitePath: String { directory.appendingPathComponent("bot.sqlite").path }

        func start() throws -> (Process, OutputBuffer) {
            try CLIProcessTests.start(arguments, environment: environment)
        }

        /// Starts the bot and waits until it has identified (the simulator's first IDENTIFY); a bot that does not
        /// get there is terminated before the error is thrown.
        func startAndIdentify(sim: RunLifecycleTests.Sim) async throws -> (Process, OutputBuffer) {
            let (process, output) = try start()
            do {
                try await Drill.waitFor("the bot identified", output: output) { try await sim.counter("identifies") == 1 }
            } catch {
                process.terminate()
                throw error
            }
            return (process, output)
        }

        func remove() {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// The simulator's first guild as the drills see it.
    struct Guild {
        let botUserID: String
        let guildID: String
        /// The guild's owner (every permission).
        let owner: String
        /// Members other than the owner and the bot.
        let otherMembers: [String]

        static func of(_ sim: RunLifecycleTests.Sim) async throws -> Guild {
            let info = try await sim.json("/info")
            let botUserID = try #require(info["bot_user_id"] as? String)
            let guildID = try #require((info["guild_ids"] as? [String])?.first)
            let owner = try await sim.guildOwner()
            let others = try await sim.guildMembers(guildID: guildID).filter { $0 != owner && $0 != botUserID }
            return Guild(botUserID: botUserID, guildID: guildID, owner: owner, otherMembers: others)
        }
    }

    /// Kills `process` with SIGKILL (no handler runs, nothing is flushed) and waits until it is gone.
    static func kill9(_ process: Process) async throws {
        kill(process.processIdentifier, SIGKILL)
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
    }

    /// One member message the simulator dispatched: its sequence number and author.
    struct Dispatched {
        let sequence: Int
        let author: String
    }

    /// The XP-earning messages the simulator dispatched (each sequence number once, in order): members' messages
    /// that are not commands (`!…`) and not the bot's own. Under the drills' rules (no cooldown, first message earns,
    /// no multipliers) each earns exactly one XP.
    static func earningMessages(sim: RunLifecycleTests.Sim, botUserID: String) async throws -> [Dispatched] {
        let records = try #require(try await sim.json("/wire")["records"] as? [[String: Any]])
        var seen: Set<Int> = []
        var messages: [Dispatched] = []
        for record in records where record["t"] as? String == "MESSAGE_CREATE" {
            guard let sequence = record["s"] as? Int, !seen.contains(sequence),
                  let text = record["text"] as? String,
                  let frame = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let data = frame["d"] as? [String: Any], let author = data["author"] as? [String: Any],
                  let authorID = author["id"] as? String, let content = data["content"] as? String
            else { continue }
            seen.insert(sequence)
            if authorID != botUserID && !content.hasPrefix("!") {
                messages.append(Dispatched(sequence: sequence, author: authorID))
            }
        }
        return messages.sorted { $0.sequence < $1.sequence }
    }

    /// XP per member from the messages with a sequence number up to `sequence` (all when nil).
    static func xp(of messages: [Dispatched], upTo sequence: Int? = nil) -> [String: Double] {
        var totals: [String: Double] = [:]
        for message in messages where sequence.map({ message.sequence <= $0 }) ?? true {
            totals[message.author, default: 0] += 1
        }
        return totals
    }

    /// Each member's stored XP, by member id, read from `database`.
    static func storedXP(_ database: any Database) async throws -> [String: Double] {
        var result: [String: Double] = [:]
        for row in try await database.query("SELECT member_id, xp FROM levels") {
            result[String(UInt64(bitPattern: try row.int64("member_id")))] = try row.double("xp")
        }
        return result
    }

    /// The last sequence number of the stored gateway session (written at a graceful stop).
    static func storedSequence(_ database: any Database) async throws -> Int {
        let session = try await database.queryFirst("SELECT sequence FROM gateway_sessions")
        return Int(try #require(session).int64("sequence"))
    }

    /// Waits until `condition` holds, polling every 50 ms for up to `seconds`.
    static func waitFor(_ what: String, output: OutputBuffer? = nil, seconds: Int = 60, _ condition: () async throws -> Bool) async throws {
        try await RunLifecycleTests.waitFor(what, output: output, seconds: seconds, condition)
    }

    /// Posts `!level` (the levels plugin's command; the drills turn the chat plugin and its `ping` off) and waits
    /// for the bot's answer: it is serving commands.
    static func commandAnswered(sim: RunLifecycleTests.Sim, output: OutputBuffer, seconds: Int = 30) async throws {
        let before = try await sim.restLogCount("Total XP:")
        try await sim.post("!level")
        try await waitFor("the bot answered !level", output: output, seconds: seconds) {
            try await sim.restLogCount("Total XP:") > before
        }
    }
}
