/// What a job handler reports when it returns.
///
/// A handler that throws is treated like ``failed(_:)`` with the error's description.
public enum JobOutcome: Sendable, Equatable {
    /// The job's effect happened (or had already happened): the job is completed.
    case succeeded
    /// A failure worth retrying (a timeout, a 5xx): the job is retried by the ``JobRetryPolicy``, and buried once
    /// it has used up its attempts.
    case failed(String)
    /// A failure that retrying cannot fix (the guild is gone, the bot lacks a permission): the job is buried now.
    case permanentFailure(String)
}

/// How one run of a job ended, as the scheduling state machine sees it.
public enum JobRunResult: Sendable, Equatable {
    /// The handler returned this outcome (a thrown error arrives as ``JobOutcome/failed(_:)``).
    case outcome(JobOutcome)
    /// No handler is registered for the job's kind (its plugin may be disabled). The job is not dropped: it is
    /// retried after ``JobRetryPolicy/unknownKindDelay`` and never buried for this reason.
    case noHandler
}
