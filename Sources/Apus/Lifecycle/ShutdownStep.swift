/// One step of a graceful stop (close the shards, store the sessions, flush buffered writes, close the store),
/// run by a ``ShutdownCoordinator`` in order.
///
/// A step returns a note when it finished with something left undone (for example "12 XP changes not committed"),
/// or nil when it completed; a thrown error is recorded as that step's note and the next step still runs.
public struct ShutdownStep: Sendable {
    /// A short name for logs and the forced-exit line, such as `"flush buffered XP"`.
    public var name: String
    /// The work.
    public var run: @Sendable () async throws -> String?

    /// Creates a step.
    public init(_ name: String, _ run: @escaping @Sendable () async throws -> String?) {
        self.name = name
        self.run = run
    }
}

/// How a graceful stop ended.
public struct ShutdownReport: Sendable, Equatable, CustomStringConvertible {
    /// Why a stop was cut short.
    public enum ForceReason: String, Sendable, Equatable {
        /// The shutdown deadline passed.
        case deadline
        /// A second SIGTERM or SIGINT arrived.
        case secondSignal = "second signal"
    }

    /// Nil when every step ran; otherwise why the stop was cut short.
    public var forced: ForceReason?
    /// The step that was running when the stop was cut short.
    public var interruptedStep: String?
    /// Steps that never started.
    public var skippedSteps: [String]
    /// Notes of steps that finished with something left undone or failed, as `"step: note"`.
    public var notes: [String]
    /// What was still pending when the stop was cut short, from the coordinator's pending probes.
    public var pending: [String]

    /// Whether everything was flushed and closed.
    public var isClean: Bool { forced == nil && notes.isEmpty }

    /// One line for the operator.
    public var description: String {
        guard let forced else {
            return notes.isEmpty ? "stopped cleanly" : "stopped; left undone: " + notes.joined(separator: "; ")
        }
        var parts = ["forced exit (\(forced.rawValue))"]
        if let interruptedStep { parts.append("interrupted while: \(interruptedStep)") }
        if !skippedSteps.isEmpty { parts.append("not done: " + skippedSteps.joined(separator: ", ")) }
        parts += notes
        parts += pending.map { "not flushed: \($0)" }
        return parts.joined(separator: "; ")
    }
}
