import Apus
import ApusCommands
import ApusConfig
import ApusModel
import Synchronization
import Testing

/// A test plugin whose behaviour each test chooses.
struct ProbePlugin: Plugin {
    let name: String
    var failSetUp = false
    var failEvents = false
    var commandNames: [String] = []
    let handled = Counter()

    final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    var listenedEvents: Set<EventKind> { [.resumed] }

    func setUp(context: PluginContext) async throws {
        if failSetUp { throw ProbeError(message: "\(name) cannot start") }
    }

    func handle(_ event: GatewayEvent, guildID: UInt64?, context: PluginContext) async throws {
        handled.increment()
        if failEvents { throw ProbeError(message: "\(name) broke on an event") }
    }

    func commands() -> [Command] {
        commandNames.map { Command($0, description: "probe", handler: { _, _ in }) }
    }
}

struct ProbeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

@Suite("Plugin host: declarations, switches and isolation")
struct PluginHostTests {
    func context(_ host: PluginHost, toml: String = "") async throws -> (PluginContext, ResolvedConfig) {
        let config = try ConfigLoader(schema: try host.configSchema()).load(text: toml, environment: [:])
        return (PluginContext(settings: GuildSettings(base: config, store: InMemoryGuildSettingsStore())), config)
    }

    @Test("a plugin whose set-up throws is marked failed; the others run")
    func failedSetUp() async throws {
        let broken = ProbePlugin(name: "broken", failSetUp: true)
        let healthy = ProbePlugin(name: "healthy")
        let host = try PluginHost(plugins: [broken, healthy])
        let (context, config) = try await context(host)
        await host.start(config: config, context: context)
        #expect(await host.dispatch(.resumed, guildID: 1, context: context) == 1)
        #expect(broken.handled.count == 0 && healthy.handled.count == 1)
        let statuses = host.statuses()
        guard case .failed(let reason) = statuses[0].state else {
            Issue.record("expected the broken plugin to be failed, got \(statuses[0].state)")
            return
        }
        #expect(reason.contains("cannot start"))
        #expect(statuses[1].state == .running)
    }

    @Test("an event handler that throws is counted and isolated; the next event reaches it again")
    func throwingHandler() async throws {
        let flaky = ProbePlugin(name: "flaky", failEvents: true)
        let steady = ProbePlugin(name: "steady")
        let host = try PluginHost(plugins: [flaky, steady])
        let (context, config) = try await context(host)
        await host.start(config: config, context: context)
        for _ in 0..<3 { await host.dispatch(.resumed, guildID: nil, context: context) }
        #expect(flaky.handled.count == 3 && steady.handled.count == 3)
        let statuses = host.statuses()
        #expect(statuses[0].failures == 3 && statuses[0].lastError == "flaky broke on an event")
        #expect(statuses[0].state == .running)
        #expect(statuses[1].failures == 0 && statuses[1].handledEvents == 3)
    }

    @Test("enabled = false in the file turns a plugin off; a guild override turns it off in that guild only")
    func switches() async throws {
        let off = ProbePlugin(name: "off")
        let perGuild = ProbePlugin(name: "per_guild")
        let host = try PluginHost(plugins: [off, perGuild])
        let (context, config) = try await context(host, toml: "[off]\nenabled = false\n")
        await host.start(config: config, context: context)
        #expect(host.statuses().map(\.state) == [.disabled, .running])
        _ = try await context.settings.set(path: "per_guild.enabled", text: "false", guildID: 7)
        await host.dispatch(.resumed, guildID: 7, context: context)
        await host.dispatch(.resumed, guildID: 8, context: context)
        #expect(off.handled.count == 0)
        #expect(perGuild.handled.count == 1)
        #expect(await host.isEnabled("per_guild", guildID: 7, context: context) == false)
        #expect(await host.isEnabled("per_guild", guildID: 8, context: context) == true)
    }

    @Test("a command name clash fails the later plugin, not the bot")
    func commandClash() async throws {
        let first = ProbePlugin(name: "first", commandNames: ["ping"])
        let second = ProbePlugin(name: "second", commandNames: ["pong", "ping"])
        let host = try PluginHost(plugins: [first, second])
        let (context, config) = try await context(host)
        await host.start(config: config, context: context)
        #expect(host.commands().map(\.name) == ["ping"])
        #expect(host.statuses()[1].lastError?.contains("'ping'") == true)
    }

    @Test("duplicate and malformed names are refused before anything runs")
    func names() {
        #expect(throws: PluginHostError.duplicateName("a")) { try PluginHost(plugins: [ProbePlugin(name: "a"), ProbePlugin(name: "a")]) }
        #expect(throws: PluginHostError.invalidName("Bad-Name")) { try PluginHost(plugins: [ProbePlugin(name: "Bad-Name")]) }
    }
}
