import ApusSimulator
import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `apus sim`: serves the local Discord simulator until SIGINT or SIGTERM.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Serve the local Discord simulator (gateway, REST and the /_sim control API) on one port."
    )

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8_080

    @Option(help: "How many guilds the bot is in.")
    var guilds: Int = 1

    @Option(help: "How many members each guild has.")
    var members: Int = 20

    @Option(help: "How many text channels each guild has.")
    var channels: Int = 3

    @Option(name: .customLong("message-interval"), help: "Seconds between scripted member messages (0 turns chatter off).")
    var messageInterval: Double = 5

    @Option(name: .customLong("max-concurrency"), help: "The gateway's max_concurrency (identify buckets).")
    var maxConcurrency: Int = 1

    @Option(name: .customLong("heartbeat-interval"), help: "The heartbeat interval sent in HELLO, in milliseconds.")
    var heartbeatInterval: Int = 41_250

    @Option(help: "Transport compressions accepted: any, zlib-stream, zstd-stream or none.")
    var compression: String = "any"

    @Flag(name: .customLong("shuffle-keys"), help: "Shuffle JSON key order and add whitespace in gateway payloads.")
    var shuffleKeys = false

    @Option(help: "The seed for generated names, ids and scripted chatter.")
    var seed: UInt64 = 42

    @Option(help: "The bot token the simulator accepts.")
    var token: String = "apus-simulator-token"

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard guilds >= 0, members >= 0 else { throw ValidationError("--guilds and --members must not be negative") }
        guard (1...500).contains(channels) else { throw ValidationError("--channels must be from 1 to 500") }
        guard maxConcurrency >= 1 else { throw ValidationError("--max-concurrency must be at least 1") }
        guard heartbeatInterval >= 1 else { throw ValidationError("--heartbeat-interval must be positive") }
        guard messageInterval >= 0, messageInterval <= 86_400 else {
            throw ValidationError("--message-interval must be from 0 to 86400 seconds")
        }
        guard ["any", "zlib-stream", "zstd-stream", "none"].contains(compression) else {
            throw ValidationError("--compression must be any, zlib-stream, zstd-stream or none")
        }
        guard !token.isEmpty else { throw ValidationError("--token must not be empty") }
    }

    /// The simulator configuration these options describe.
    func simulatorConfiguration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.guildCount = guilds
        configuration.membersPerGuild = members
        configuration.textChannelsPerGuild = channels
        configuration.scriptedMessageInterval = messageInterval > 0 ? .secondsDouble(messageInterval) : nil
        configuration.gateway.maxConcurrency = maxConcurrency
        configuration.gateway.heartbeatInterval = .milliseconds(heartbeatInterval)
        configuration.gateway.allowedCompressions = switch compression {
        case "zlib-stream": ["zlib-stream"]
        case "zstd-stream": ["zstd-stream"]
        case "none": []
        default: ["zlib-stream", "zstd-stream"]
        }
        configuration.gateway.shuffleKeys = shuffleKeys
        configuration.gateway.addWhitespace = shuffleKeys
        configuration.seed = seed
        configuration.token = token
        return configuration
    }

    func run() async throws {
        let simulator = DiscordSimulator(configuration: simulatorConfiguration())
        try await simulator.start()
        print("""
            Apus simulator running
              token:          \(simulator.configuration.token)
              bot user id:    \(simulator.configuration.botUserID)
              application id: \(simulator.configuration.applicationID)
              gateway URL:    \(simulator.gatewayURL)
              API base URL:   \(simulator.apiBaseURL)
              control URL:    \(simulator.controlURL)
            Press Ctrl-C to stop.
            """)
        fflush(nil)  // flush every stream, so a parent process reading a pipe sees the banner now
        await Self.waitForTerminationSignal()
        print("Stopping the simulator.")
        await simulator.shutdown()
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    private static func waitForTerminationSignal() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue(label: "apus.sim.signals"))
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        for await _ in stream { break }
        sources.forEach { $0.cancel() }
    }
}
