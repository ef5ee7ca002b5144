import ApusCore
import ApusGateway
import Logging
import Synchronization

/// Runs a ``Bot`` as a service with a graceful stop: the first SIGTERM or SIGINT closes the shards with a
/// resumable code and lets the handlers drain; then the sessions are stored (so the next start RESUMEs), the
/// caller's steps run in order (stop the scheduler, flush buffered writes, close the store), and the REST client
/// closes — all within the shutdown deadline. A second signal, or the deadline, forces the exit with a line saying
/// what was not flushed (see ``ShutdownCoordinator``).
///
/// ```swift
/// let runner = BotRunner(bot: bot, sessions: GatewaySessionStore(database: database), shutdownTimeout: .seconds(30))
/// runner.addStep("stop the scheduler") { await scheduler.shutdown(); return nil }
/// runner.addStep("close the database") { await database.close(); return nil }
/// let report = try await runner.run()       // returns after SIGTERM; throws a fatal gateway error after cleanup
/// ```
public final class BotRunner: Sendable {
    /// The bot run.
    public let bot: Bot
    /// The coordinator of the stop (for pending probes and tests that request a stop without a signal).
    public let coordinator: ShutdownCoordinator
    private let sessions: GatewaySessionStore?
    private let steps = Mutex<[ShutdownStep]>([])
    private let logger: Logger

    /// Creates a runner. `forceExit` is called (once) when a stop is forced; the default prints the report to
    /// standard error and exits with status 1.
    public init(
        bot: Bot, sessions: GatewaySessionStore?, shutdownTimeout: Duration = .seconds(30),
        timeSource: any TimeSource = SystemTimeSource(), logger: Logger = Logger(label: "apus.lifecycle"),
        forceExit: @escaping @Sendable (ShutdownReport) -> Void = BotRunner.exitProcess
    ) {
        self.bot = bot
        self.sessions = sessions
        self.logger = logger
        coordinator = ShutdownCoordinator(
            deadline: shutdownTimeout, timeSource: timeSource, logger: logger,
            beginStop: { bot.shutdown(keepSessionsResumable: true) }, forceExit: forceExit)
    }

    /// Adds a step run after the sessions are stored and before the REST client closes, in the order added.
    public func addStep(_ name: String, _ run: @escaping @Sendable () async throws -> String?) {
        steps.withLock { $0.append(ShutdownStep(name, run)) }
    }

    /// Runs the bot until a stop is requested (by a signal when `trapSignals`, or ``ShutdownCoordinator/requestStop()``)
    /// or the gateway fails fatally, then stops gracefully. Returns the stop's report, or throws the gateway's
    /// error once everything is shut down.
    public func run(trapSignals: Bool = true) async throws -> ShutdownReport {
        let trap = trapSignals ? SignalTrap { [coordinator] in coordinator.requestStop() } : nil
        defer { trap?.cancel() }
        coordinator.prepare(plannedSteps())
        var failure: (any Error)?
        do {
            try await bot.run()
        } catch {
            logger.error("the gateway stopped: \(error)")
            failure = error
        }
        let report = await coordinator.finish()
        if let failure { throw failure }
        return report
    }

    /// Runs only the stop's steps (for a process that fails before ``run(trapSignals:)``): store nothing, run the
    /// caller's steps, close the REST client.
    public func shutDownWithoutRunning() async -> ShutdownReport {
        coordinator.prepare(plannedSteps(storeSessions: false))
        return await coordinator.finish()
    }

    private func plannedSteps(storeSessions: Bool = true) -> [ShutdownStep] {
        var planned: [ShutdownStep] = []
        if storeSessions, let sessions {
            planned.append(ShutdownStep("store the gateway sessions") { [bot] in
                let exported = bot.exportSessions()
                try await sessions.save(exported)
                return nil
            })
        }
        planned += steps.withLock { $0 }
        planned.append(ShutdownStep("close the REST client") { [bot] in
            await bot.close()
            return nil
        })
        return planned
    }

    /// Prints the report to standard error and exits with status 1.
    @Sendable public static func exitProcess(_ report: ShutdownReport) {
        FileDescriptorWriter.standardError("apus: \(report)\n")
        terminateProcess(status: 1)
    }
}
