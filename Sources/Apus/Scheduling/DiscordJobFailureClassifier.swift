import ApusHTTP
import ApusScheduler

/// The scheduler's failure classifier for a Discord bot: what an error thrown by a job handler means for its job.
///
/// | Error | Kind |
/// |---|---|
/// | HTTP 401 (the token was refused) | ``JobFailureKind/unauthorized``: the scheduler pauses |
/// | HTTP 400, 403 (missing permission), 404 (unknown member, channel, ban…) and other 4xx | ``JobFailureKind/job``: buried |
/// | HTTP 408, 429, 5xx, rate-limit retries exhausted, a Cloudflare ban, a timeout, a connection error, a malformed response | ``JobFailureKind/transient`` |
/// | a request the client refused to build | ``JobFailureKind/job`` |
/// | any other error (the database away, a cancelled task) | ``JobFailureKind/transient`` |
///
/// ```swift
/// let scheduler = Scheduler(store: store, clock: SystemWallClock(), classifier: DiscordJobFailureClassifier())
/// ```
public struct DiscordJobFailureClassifier: JobFailureClassifier {
    /// Creates the classifier.
    public init() {}

    /// The kind of `error`: a ``DiscordHTTPError`` by its status or case, anything else transient.
    public func classify(_ error: any Error) -> JobFailureKind {
        guard let error = error as? DiscordHTTPError else { return .transient }
        return Self.classify(error)
    }

    /// The kind of a Discord REST error. (Written against ``DiscordHTTPError/status`` and its cases, so that a
    /// case added later is transient until it is classified here.)
    public static func classify(_ error: DiscordHTTPError) -> JobFailureKind {
        if let status = error.status {
            switch status {
            case 401: return .unauthorized
            case 408, 429: return .transient
            case 400...499: return .job
            default: return .transient
            }
        }
        if case .invalidRequest = error { return .job }
        return .transient
    }
}
