import ApusCore
import Logging
import Synchronization

/// Runs a process's graceful stop within one deadline, and forces it when the deadline passes or a second signal
/// arrives.
///
/// The first ``requestStop()`` (a SIGTERM or SIGINT, see ``SignalTrap``) calls the `beginStop` handler (the bot
/// closes its shards resumably) and starts the deadline (30 s by default). The process then finishes whatever
/// it was doing (the bot's `run()` returns once its handlers have drained) and calls ``finish()``, which runs the
/// steps given to ``prepare(_:)`` (store sessions, flush buffers, close the store).
/// A second request, or the deadline, calls `forceExit` with a ``ShutdownReport`` naming the step that was
/// interrupted, the steps never started and whatever the pending probes say is not flushed; `forceExit` exits the
/// process with a non-zero status (tests record the report instead). `forceExit` is called at most once, and
/// never after ``finish()`` has returned.
///
/// ```swift
/// let coordinator = ShutdownCoordinator(beginStop: { bot.shutdown(keepSessionsResumable: true) },
///                                       forceExit: { report in print(report); exit(1) })
/// let trap = SignalTrap { coordinator.requestStop() }
/// coordinator.prepare([ShutdownStep("close the store") { await db.close(); return nil }])
/// try await bot.run()
/// let report = await coordinator.finish()
/// ```
public final class ShutdownCoordinator: Sendable {
    private enum Phase {
        case running
        case stopping(stepsStarted: Bool)
        case finished
    }

    private struct State {
        var phase = Phase.running
        var currentStep: String?
        var steps: [ShutdownStep] = []
        var remainingSteps: [String] = []
        var notes: [String] = []
        var probes: [@Sendable () async -> String?] = []
        var deadlineTask: Task<Void, Never>?
        var forcedReport: ShutdownReport?
    }

    /// How long the stop may take from the first request.
    public let deadline: Duration
    /// How long the pending probes may take when a stop is forced.
    public let probeTimeout: Duration = .seconds(1)
    private let state = Mutex(State())
    private let timeSource: any TimeSource
    private let beginStop: @Sendable () -> Void
    private let forceExit: @Sendable (ShutdownReport) -> Void
    private let logger: Logger

    /// Creates a coordinator. `beginStop` runs on the first request; `forceExit` runs at most once, when the stop is
    /// forced, and should not return in production (it exits the process).
    public init(
        deadline: Duration = .seconds(30), timeSource: any TimeSource = SystemTimeSource(),
        logger: Logger = Logger(label: "apus.lifecycle"),
        beginStop: @escaping @Sendable () -> Void, forceExit: @escaping @Sendable (ShutdownReport) -> Void
    ) {
        self.deadline = deadline
        self.timeSource = timeSource
        self.logger = logger
        self.beginStop = beginStop
        self.forceExit = forceExit
    }

    /// Adds a probe that describes what is still pending (for example "40 XP changes"), or nil when nothing is;
    /// read only when a stop is forced, and given ``probeTimeout`` to answer (a probe that does not answer in time is
    /// reported as unknown, so a stuck component never delays the forced exit).
    public func addPendingProbe(_ probe: @escaping @Sendable () async -> String?) {
        state.withLock { $0.probes.append(probe) }
    }

    /// Whether a stop has been requested.
    public var isStopping: Bool {
        state.withLock { if case .running = $0.phase { false } else { true } }
    }

    /// Asks the process to stop: the first call begins a graceful stop and starts the deadline; a later call while
    /// the stop is still running forces it. Safe to call from any thread.
    public func requestStop() {
        enum Action { case begin, force, none }
        let action = state.withLock { state -> Action in
            switch state.phase {
            case .running:
                state.phase = .stopping(stepsStarted: false)
                return .begin
            case .stopping: return .force
            case .finished: return .none
            }
        }
        switch action {
        case .begin:
            logger.notice("stopping: closing the gateway resumably, then flushing and closing the store (deadline \(deadline))")
            let task = Task { [self, timeSource, deadline] in
                do {
                    try await timeSource.sleep(for: deadline)
                } catch {
                    return
                }
                await force(.deadline)
            }
            state.withLock { $0.deadlineTask = task }
            beginStop()
        case .force:
            Task { await force(.secondSignal) }
        case .none:
            break
        }
    }

    /// Sets the steps ``finish()`` runs, so that a stop forced before they start names them all. Calling it again
    /// replaces them (until ``finish()`` starts).
    public func prepare(_ steps: [ShutdownStep]) {
        state.withLock { state in
            state.steps = steps
            state.remainingSteps = steps.map(\.name)
        }
    }

    /// Runs the prepared steps in order (each step's error or note is recorded, and the next step still runs), then
    /// returns the report. Call once, after the work that ``requestStop()`` ends has returned, or on any other exit
    /// path (an early failure; then the steps run without a deadline unless a stop was requested).
    public func finish() async -> ShutdownReport {
        let steps = state.withLock { state -> [ShutdownStep] in
            switch state.phase {
            case .running, .stopping: state.phase = .stopping(stepsStarted: true)
            case .finished: return []
            }
            return state.steps
        }
        for step in steps {
            let proceed = state.withLock { state -> Bool in
                guard case .stopping = state.phase else { return false }
                state.currentStep = step.name
                state.remainingSteps.removeFirst()
                return true
            }
            guard proceed else { break }
            do {
                if let note = try await step.run() { record("\(step.name): \(note)") }
            } catch {
                record("\(step.name) failed: \(error)")
                logger.error("\(step.name) failed: \(error)")
            }
        }
        let (notes, task, forced) = state.withLock { state -> ([String], Task<Void, Never>?, ShutdownReport?) in
            state.phase = .finished
            state.currentStep = nil
            let task = state.deadlineTask
            state.deadlineTask = nil
            return (state.notes, task, state.forcedReport)
        }
        task?.cancel()
        if let forced { return forced }
        return ShutdownReport(forced: nil, interruptedStep: nil, skippedSteps: [], notes: notes, pending: [])
    }

    private func record(_ note: String) {
        state.withLock { $0.notes.append(note) }
    }

    private func force(_ reason: ShutdownReport.ForceReason) async {
        let captured = state.withLock { state -> (ShutdownReport, [@Sendable () async -> String?])? in
            guard case .stopping(let stepsStarted) = state.phase else { return nil }
            state.phase = .finished
            let report = ShutdownReport(
                forced: reason,
                interruptedStep: state.currentStep ?? (stepsStarted ? nil : "draining the gateway and handlers"),
                skippedSteps: state.remainingSteps, notes: state.notes, pending: [])
            return (report, state.probes)
        }
        guard let (captured, probes) = captured else { return }
        var report = captured
        report.pending = await Self.ask(probes, within: probeTimeout, timeSource: timeSource)
        state.withLock { $0.forcedReport = report }
        logger.critical("\(report)")
        forceExit(report)
    }

    /// The probes' answers in order; a probe that has not answered within `timeout` is reported as unknown. The
    /// probes run in tasks of their own that are not awaited, so a probe stuck for good cannot hold this up.
    private static func ask(
        _ probes: [@Sendable () async -> String?], within timeout: Duration, timeSource: any TimeSource
    ) async -> [String] {
        guard !probes.isEmpty else { return [] }
        let collector = ProbeAnswers(count: probes.count)
        let answers = await withCheckedContinuation { (continuation: CheckedContinuation<[Int: String?], Never>) in
            collector.start(continuation)
            for (index, probe) in probes.enumerated() {
                Task { collector.answer(index, await probe()) }
            }
            Task {
                try? await timeSource.sleep(for: timeout)
                collector.finish()
            }
        }
        return probes.indices.compactMap { index in
            guard let answer = answers[index] else { return "unknown (a component did not answer within \(timeout))" }
            return answer
        }
    }
}

/// Collects probe answers and hands them over once: when all have answered, or at the timeout.
private final class ProbeAnswers: Sendable {
    private struct State {
        var answers: [Int: String?] = [:]
        var continuation: CheckedContinuation<[Int: String?], Never>?
    }

    private let count: Int
    private let state = Mutex(State())

    init(count: Int) {
        self.count = count
    }

    func start(_ continuation: CheckedContinuation<[Int: String?], Never>) {
        state.withLock { $0.continuation = continuation }
    }

    func answer(_ index: Int, _ answer: String?) {
        let ready = state.withLock { state -> (CheckedContinuation<[Int: String?], Never>, [Int: String?])? in
            guard state.continuation != nil else { return nil }
            state.answers[index] = .some(answer)
            guard state.answers.count == count, let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, state.answers)
        }
        if let (continuation, answers) = ready { continuation.resume(returning: answers) }
    }

    func finish() {
        let ready = state.withLock { state -> (CheckedContinuation<[Int: String?], Never>, [Int: String?])? in
            guard let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, state.answers)
        }
        if let (continuation, answers) = ready { continuation.resume(returning: answers) }
    }
}
