/// What a failed run says about its job, which decides what the scheduler does next.
public enum JobFailureKind: Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Trying again later can succeed (a connection error, a timeout, a 5xx, a 429): the job is retried with capped
    /// exponential backoff and jitter, and never buried for it, however long the outage lasts.
    case transient
    /// The bot's credentials were refused (an invalid token): no job can succeed, so the whole scheduler pauses
    /// instead of burying every job (see ``Scheduler/resume()``).
    case unauthorized
    /// About the job itself (the request is invalid, the bot lacks a permission, the member or channel is gone):
    /// retrying cannot help, so the job is buried now, keeping its last error.
    case job

    public var description: String {
        switch self {
        case .transient: "transient"
        case .unauthorized: "unauthorized"
        case .job: "about the job"
        }
    }
}

/// Decides what kind of failure an error thrown by a job handler is. The scheduler knows nothing of the services
/// handlers call; the bot injects a classifier that does (the Discord one maps HTTP statuses).
public protocol JobFailureClassifier: Sendable {
    /// The kind of failure `error` is.
    func classify(_ error: any Error) -> JobFailureKind
}

/// The classifier of a scheduler given none: every thrown error is ``JobFailureKind/transient``, so nothing is
/// buried because of an error the scheduler cannot interpret. A handler that knows better returns
/// ``JobOutcome/permanentFailure(_:)`` or ``JobOutcome/unauthorized(_:)`` itself.
public struct TransientJobFailureClassifier: JobFailureClassifier {
    /// Creates the classifier.
    public init() {}

    /// Always ``JobFailureKind/transient``.
    public func classify(_ error: any Error) -> JobFailureKind {
        .transient
    }
}

/// A classifier made of a closure (tests, or a bot with its own errors).
public struct ClosureJobFailureClassifier: JobFailureClassifier {
    private let body: @Sendable (any Error) -> JobFailureKind

    /// Creates a classifier that calls `body`.
    public init(_ body: @escaping @Sendable (any Error) -> JobFailureKind) {
        self.body = body
    }

    /// The closure's answer.
    public func classify(_ error: any Error) -> JobFailureKind {
        body(error)
    }
}

extension JobOutcome {
    /// The outcome of a run whose handler threw `error`, classified by `classifier`; the message is the error's
    /// description.
    public static func failure(_ error: any Error, classifiedBy classifier: any JobFailureClassifier) -> JobOutcome {
        let message = String(describing: error)
        switch classifier.classify(error) {
        case .transient: return .failed(message)
        case .unauthorized: return .unauthorized(message)
        case .job: return .permanentFailure(message)
        }
    }
}
