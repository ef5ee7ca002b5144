import ApusHTTP
import ApusModel
import ApusSimulator
import Foundation

// REST under limits, Apus beside discord.py in the same run:
//   swift run -c release --package-path Benchmarks rest-compare [--rounds N] [--python PATH]
// 2,000 message sends spread over 100 channels against the in-process simulator, whose message-create buckets are
// 5 per 5 s per channel and whose global limit is raised so that the channel buckets bind. Each round gets fresh
// buckets; the simulator's own counters give the 429s.

let options = RESTCompareOptions.parse(CommandLine.arguments.dropFirst())
let channelCount = 100
let sendsPerChannel = 20
let raisedGlobalLimit = 10_000

var configuration = SimulatorConfiguration()
configuration.guildCount = 4
configuration.textChannelsPerGuild = channelCount / 4
configuration.rest.globalLimit = raisedGlobalLimit
configuration.rest.routeLimits = configuration.rest.routeLimits.map { row in
    var row = row
    if row.route == "POST /channels/{channel_id}/messages" { row.limit = 5; row.window = .seconds(5) }
    return row
}
let simulator = DiscordSimulator(configuration: configuration)
try await simulator.start()
let channels = Array(simulator.world.textChannelIDs.prefix(channelCount))
guard channels.count == channelCount else {
    print("the simulator has \(channels.count) text channels, need \(channelCount)")
    await simulator.shutdown()
    exit(1)
}
let minimum = simulator.rest.minimumWallTime(for: [.messageSends(perChannel: sendsPerChannel, channels: channelCount)])
print("simulator: \(simulator.apiBaseURL), \(channelCount) channels x \(sendsPerChannel) sends, buckets 5 per 5 s, "
    + "global limit \(raisedGlobalLimit)/s; minimum wall time its bucket table allows: \(format(minimum.seconds, 3)) s")

/// One side's round: wall time, 429s the simulator answered, messages it stored.
struct RESTRound {
    var seconds: Double
    var tooManyRequests: Int
    var stored: Int
    /// From the first to the last message send the simulator answered, on its clock: the client's pacing without
    /// process start-up or connection set-up.
    var serverSpan: Double
}

/// Runs `body` on fresh buckets; its result, when given, is the side's own timing of the sends (the Python peer
/// excludes interpreter start-up and login), otherwise the wall time of `body`.
func measure(_ body: () async throws -> Double?) async throws -> RESTRound {
    simulator.rest.resetRateLimits()
    let before = simulator.rest.counters()
    let storedBefore = simulator.rest.messageCounts().values.reduce(0, +)
    let roundStart = simulator.timeSource.now()
    let clock = ContinuousClock()
    let start = clock.now
    let reported = try await body()
    let seconds = reported ?? (clock.now - start).seconds
    let after = simulator.rest.counters()
    let sendTimes = simulator.rest.requestLog()
        .filter { $0.method == "POST" && $0.path.hasSuffix("/messages") && $0.time >= roundStart }
        .map(\.time.nanoseconds)
    let span = Double((sendTimes.max() ?? 0) - (sendTimes.min() ?? 0)) / 1e9
    return RESTRound(
        seconds: seconds, tooManyRequests: (after.statuses[429] ?? 0) - (before.statuses[429] ?? 0),
        stored: simulator.rest.messageCounts().values.reduce(0, +) - storedBefore, serverSpan: span)
}

var apusRounds: [RESTRound] = []
var pythonRounds: [RESTRound] = []
for round in 0..<options.rounds {
    let apus = try await measure {
        let rest = DiscordREST(configuration: DiscordRESTConfiguration(
            token: configuration.token, apiBaseURL: simulator.apiBaseURL,
            rateLimits: RateLimiterConfiguration(globalLimit: raisedGlobalLimit)))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<(channelCount * sendsPerChannel) {
                let channel = Snowflake(channels[index % channelCount])
                group.addTask { try await rest.createMessage(channelID: channel, MessageCreatePayload(content: "bench \(index)")) }
            }
            try await group.waitForAll()
        }
        try await rest.shutdown()
        return nil
    }
    apusRounds.append(apus)
    print("apus round \(round): \(format(apus.seconds, 3)) s (simulator saw sends over \(format(apus.serverSpan, 3)) s), 429s \(apus.tooManyRequests), stored \(apus.stored)")
    let python = try await measure {
        try await runPythonPeer(python: options.python, script: options.peerScript, base: simulator.apiBaseURL,
                          token: configuration.token, channels: channels, perChannel: sendsPerChannel)
    }
    pythonRounds.append(python)
    print("discord.py round \(round): \(format(python.seconds, 3)) s (sends only; simulator saw \(format(python.serverSpan, 3)) s), 429s \(python.tooManyRequests), stored \(python.stored)")
}
await simulator.shutdown()

let expected = channelCount * sendsPerChannel
guard (apusRounds + pythonRounds).allSatisfy({ $0.stored == expected }) else {
    print("a round did not store all \(expected) messages; no timings reported.")
    exit(1)
}
let apusMedian = median(apusRounds.map(\.seconds))
let pythonMedian = median(pythonRounds.map(\.seconds))
print("")
print("medians of \(options.rounds) rounds; minimum allowed by the bucket table: \(format(minimum.seconds, 3)) s")
print("| side | wall s | over minimum | first-to-last send seen by the simulator, s | 429s (median) |")
print("|---|---|---|---|---|")
print("| Apus DiscordREST | \(format(apusMedian, 3)) | \(format((apusMedian / minimum.seconds - 1) * 100, 1))% | \(format(median(apusRounds.map(\.serverSpan)), 3)) | \(median(apusRounds.map { Double($0.tooManyRequests) })) |")
print("| discord.py 2.7 HTTPClient | \(format(pythonMedian, 3)) | \(format((pythonMedian / minimum.seconds - 1) * 100, 1))% | \(format(median(pythonRounds.map(\.serverSpan)), 3)) | \(median(pythonRounds.map { Double($0.tooManyRequests) })) |")
print("goal: within 10% of the minimum and zero 429s")

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
