import Apus
import ApusSimulator
import Synchronization
import Testing

/// The façade users import: typed handlers, `bot.rest`, `run()` and `shutdown()`, against the simulator.
@Suite("Bot façade", .serialized, .timeLimit(.minutes(2)))
struct BotTests {
    struct Boom: Error {}

    @Test("typed handlers see events, reply through bot.rest, errors are counted, and shutdown ends run()")
    func botRoundTrip() async throws {
        var simulatorConfiguration = SimulatorConfiguration()
        simulatorConfiguration.guildCount = 2
        let simulator = DiscordSimulator(configuration: simulatorConfiguration)
        try await simulator.start()
        var configuration = BotConfiguration(token: simulatorConfiguration.token, intents: [.guilds, .guildMessages, .messageContent])
        configuration.apiBaseURL = simulator.apiBaseURL
        configuration.timings = .fastForTesting
        configuration.seed = 3
        let bot = Bot(configuration: configuration)
        let guilds = Mutex(0)
        let readyUser = Mutex<Snowflake?>(nil)
        bot.on(.ready) { ready in readyUser.withLock { $0 = ready.user.id } }
        bot.on(.guildCreate) { _ in guilds.withLock { $0 += 1 } }
        bot.on(.messageCreate) { message in
            guard message.author.bot != true else { return }
            if message.content == "!fail" { throw Boom() }
            try await bot.rest.createMessage(channelID: message.channelID, MessageCreatePayload(content: "seen: \(message.content)"))
        }
        let running = Task { try await bot.run() }
        let deadline = ContinuousClock.now + .seconds(20)
        while guilds.withLock({ $0 }) < 2 {
            try #require(ContinuousClock.now < deadline, "both guilds should arrive")
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(readyUser.withLock { $0 } == Snowflake(simulatorConfiguration.botUserID))
        simulator.postMessage(content: "!fail")
        simulator.postMessage(content: "hello bot")
        let channel = try #require(simulator.world.textChannelIDs.first)
        while !simulator.rest.messages(channelID: channel).contains(where: { $0.contains("seen: hello bot") }) {
            try #require(ContinuousClock.now < deadline, "the bot should answer")
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(bot.handlerErrorCount == 1, "the failing handler call is counted, not fatal")
        #expect(!simulator.rest.messages(channelID: channel).contains { $0.contains("seen: !fail") })
        bot.shutdown()
        try await running.value
        #expect(simulator.counters().clientCloses[1000] == 1, "a plain shutdown ends the session with 1000")
        await bot.close()
        await simulator.shutdown()
    }
}
