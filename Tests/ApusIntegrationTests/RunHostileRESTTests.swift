import Foundation
import Testing

/// `apus run` against a Discord (or a proxy in front of it) whose REST answers carry hostile numbers: each one
/// used to kill the process with SIGILL. Every answer goes to the bot's reply to a command, each in a channel of its
/// own (a hostile reset may close that channel's bucket for good), and the bot must keep running, keep answering
/// elsewhere, and stop cleanly on SIGTERM.
@Suite("apus run survives hostile REST numbers (subprocesses)", .serialized, .timeLimit(.minutes(3)))
struct RunHostileRESTTests {
    static let route = "POST /channels/{channel_id}/messages"

    /// The control API's forced faults, one per case.
    static var cases: [(name: String, fault: [String: Any])] { [
        ("X-RateLimit-Reset-After: 1e10 on a success", ["fault": "headers", "headers": ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": "1e10"]]),
        ("a 429 whose body says retry_after 1e10", ["fault": "raw", "status": 429, "headers": ["Content-Type": "application/json", "X-RateLimit-Scope": "user"],
                                                     "body": #"{"message": "You are being rate limited.", "retry_after": 1e10, "global": false}"#]),
        ("X-RateLimit-Remaining: Int64.max without a limit", ["fault": "headers", "headers": ["X-RateLimit-Remaining": "9223372036854775807", "X-RateLimit-Limit": ""]]),
        ("negative, NaN and huge header values", ["fault": "headers", "headers": ["X-RateLimit-Remaining": "-5", "X-RateLimit-Limit": "-1", "X-RateLimit-Reset-After": "nan",
                                                                                  "X-RateLimit-Reset": "1e308"]]),
        ("a 429 with retry_after 1e400 and Retry-After of 20 digits", ["fault": "raw", "status": 429,
                                                                         "headers": ["Content-Type": "application/json", "Retry-After": "99999999999999999999"],
                                                                         "body": #"{"message": "slow down", "retry_after": 1e400, "global": true}"#]),
        ("a success whose body is not JSON", ["fault": "raw", "status": 200, "headers": ["Content-Type": "application/json"], "body": "{\"id\": "]),
    ] }

    @Test("each hostile REST answer leaves apus run running and answering, and SIGTERM still stops it with status 0",
          .enabled(if: RunLifecycleTests.enabled))
    func hostileAnswers() async throws {
        let sim = try await RunLifecycleTests.Sim.start(["--message-interval", "0", "--channels", "8"])
        defer { if sim.process.isRunning { sim.process.terminate() } }
        let drill = try Drill.Bot("hostile-rest", sim: sim, configuration: """
            [bot]
            log_level = "warning"
            [chat]
            enabled = false
            """)
        defer { drill.remove() }
        let (bot, output) = try await drill.startAndIdentify(sim: sim)
        defer { if bot.isRunning { bot.terminate() } }
        try await Drill.waitFor("the simulator sent the guild", output: output) { try await !Self.textChannels(sim: sim).isEmpty }
        let channels = try await Self.textChannels(sim: sim)
        try #require(channels.count > Self.cases.count, "a channel per case and one to check the bot still answers")

        let cases = Self.cases
        for (index, item) in cases.enumerated() {
            var fault = item.fault
            fault["route"] = Self.route
            let before = try await Self.answeredRequests(sim: sim, channelID: channels[index])
            try await DrillOutageTests.restFault(sim, fault)
            try await sim.post("!level", channelID: channels[index])
            try await Drill.waitFor("the bot's reply met \(item.name)", output: output) {
                try await Self.answeredRequests(sim: sim, channelID: channels[index]) > before
            }
            // The bot is alive and answers in a channel no hostile answer touched.
            let spare = channels[Self.cases.count]
            let answers = try await sim.restLogCount("Total XP:")
            try await sim.post("!level", channelID: spare)
            try await Drill.waitFor("the bot answered after \(item.name)", output: output) {
                try await sim.restLogCount("Total XP:") > answers
            }
            #expect(bot.isRunning, "\(item.name): output:\n\(output.text)")
        }
        try await RunLifecycleTests.terminate(bot)
        #expect(bot.terminationReason == .exit && bot.terminationStatus == 0, "output:\n\(output.text)")
        #expect(output.text.contains("apus run: stopped"))
        #expect(!output.text.contains("Fatal error"), "output:\n\(output.text)")
        try await sim.stop()
    }

    /// Requests the bot made to create a message in `channelID` (answered by the simulator, forced or not).
    static func answeredRequests(sim: RunLifecycleTests.Sim, channelID: String) async throws -> Int {
        let log = try #require(try await sim.json("/rest/log")["requests"] as? [[String: Any]])
        return log.filter {
            $0["method"] as? String == "POST" && ($0["path"] as? String)?.hasSuffix("/channels/\(channelID)/messages") == true
        }.count
    }

    /// The guild's text channels, from the GUILD_CREATE the simulator sent the bot (after it identified).
    static func textChannels(sim: RunLifecycleTests.Sim) async throws -> [String] {
        let records = try #require(try await sim.json("/wire")["records"] as? [[String: Any]])
        for record in records where record["t"] as? String == "GUILD_CREATE" {
            guard let text = record["text"] as? String,
                  let frame = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let guild = frame["d"] as? [String: Any], let channels = guild["channels"] as? [[String: Any]]
            else { continue }
            return channels.filter { $0["type"] as? Int == 0 }.compactMap { $0["id"] as? String }
        }
        return []
    }
}
