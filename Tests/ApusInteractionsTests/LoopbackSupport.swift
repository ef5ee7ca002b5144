import ApusCore
import ApusHTTP
import ApusInteractions
import ApusModel
import ApusSimulator
import Synchronization
import Testing

/// A running simulator plus a REST client pointed at it, for loopback tests; always shut down by ``withLoopback``.
struct Loopback {
    let simulator: DiscordSimulator
    let rest: DiscordREST

    var applicationID: Snowflake { Snowflake(simulator.configuration.applicationID) }

    /// The decoded INTERACTION_CREATE of a scripted interaction.
    func interaction(_ scripted: ScriptedInteraction) throws -> Interaction {
        try Interaction(jsonBytes: Array(scripted.json.utf8))
    }

    /// A responder for a scripted interaction.
    func responder(_ scripted: ScriptedInteraction) throws -> InteractionResponder {
        try #require(InteractionResponder(interaction: interaction(scripted), applicationID: applicationID, rest: rest))
    }

    /// The methods and paths of the simulator's request log.
    var requests: [String] { simulator.rest.requestLog().map { "\($0.method) \($0.route ?? $0.path)" } }
}

/// Starts a simulator on 127.0.0.1 port 0, runs `body`, and shuts everything down even when `body` throws.
func withLoopback(_ body: (Loopback) async throws -> Void) async throws {
    var configuration = SimulatorConfiguration()
    configuration.guildCount = 1
    configuration.membersPerGuild = 6
    configuration.gateway.heartbeatInterval = .seconds(1)
    let simulator = DiscordSimulator(configuration: configuration)
    try await simulator.start()
    let rest = DiscordREST(configuration: DiscordRESTConfiguration(
        token: configuration.token, apiBaseURL: simulator.apiBaseURL, requestTimeout: .seconds(5)))
    let loopback = Loopback(simulator: simulator, rest: rest)
    do {
        try await body(loopback)
    } catch {
        try? await rest.shutdown()
        await simulator.shutdown()
        throw error
    }
    try? await rest.shutdown()
    await simulator.shutdown()
}

/// Records what routed handlers saw.
final class HandlerLog: Sendable {
    private let entries = Mutex<[String]>([])

    func append(_ entry: String) { entries.withLock { $0.append(entry) } }

    var all: [String] { entries.withLock { $0 } }
}
