/// What a job handler reports when it returns.
///
/// A handler that throws gets the outcome its error's ``JobFailureKind`` names, as the scheduler's
/// ``JobFailureClassifier`` decides (see ``failure(_:classifiedBy:)``).
public enum JobOutcome: Sendable, Equatable {
    /// The job's effect happened (or had already happened): the job is completed.
    case succeeded
    /// A transient failure (a timeout, a 5xx, a 429, the database away): the job is retried with the
    /// ``JobRetryPolicy``'s capped backoff and never buried for it.
    case failed(String)
    /// The bot's credentials were refused: the job is put back and the scheduler pauses (see
    /// ``Scheduler/resume()``).
    case unauthorized(String)
    /// A failure that retrying cannot fix (the guild is gone, the bot lacks a permission): the job is buried now and
    /// keeps this message as its last error.
    case permanentFailure(String)
}

/// How one run of a job ended, as the scheduling state machine sees it.
public enum JobRunResult: Sendable, Equatable {
    /// The handler returned this outcome (a thrown error arrives classified, see ``JobOutcome``).
    case outcome(JobOutcome)
    /// No handler is registered for the job's kind (its plugin may be disabled). The job is not dropped: it is
    /// retried after ``JobRetryPolicy/unknownKindDelay`` and never buried for this reason.
    case noHandler
}
