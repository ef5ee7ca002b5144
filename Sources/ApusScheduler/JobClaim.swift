/// The fencing token of one claim of a job: "the `attempt`-th claim of job `jobID`".
///
/// ``JobStore/claimDue(now:leaseUntil:limit:)`` increments a job's ``StoredJob/attempts`` on every claim, so the
/// pair `(id, attempts)` of a claimed job names that claim and no other. Only the holder of the *current* claim may
/// record the job's outcome (``JobStore/complete(_:now:)``, ``JobStore/retry(_:error:retryAt:now:)``,
/// ``JobStore/bury(_:error:now:)``): once the lease expired and someone claimed the job again, or the job was
/// rescheduled, retried, finished or cancelled, the old claim is *superseded* and its outcome is not recorded.
///
/// The token is not a secret: it protects the job from a worker that fell behind (a slow handler, a paused
/// process), not from a caller that forges one.
///
/// ```swift
/// for job in try await store.claimDue(now: now, leaseUntil: now + .seconds(300), limit: 4) {
///     let outcome = await run(job)
///     if try await store.complete(job.claim, now: clock.now()) == .superseded {
///         // Someone else owns this job now; our result is discarded.
///     }
/// }
/// ```
public struct JobClaim: Sendable, Hashable, CustomStringConvertible {
    /// The claimed job's identifier.
    public var jobID: Int64
    /// The job's ``StoredJob/attempts`` right after this claim (1 for the first claim).
    public var attempt: Int

    /// Creates the token of the `attempt`-th claim of job `jobID`.
    public init(jobID: Int64, attempt: Int) {
        self.jobID = jobID
        self.attempt = attempt
    }

    public var description: String {
        "job \(jobID) claim \(attempt)"
    }
}

extension StoredJob {
    /// The fencing token of this job's latest claim: meaningful for a job returned by
    /// ``JobStore/claimDue(now:leaseUntil:limit:)``, which is what a worker passes back to finish it.
    public var claim: JobClaim {
        JobClaim(jobID: id, attempt: attempts)
    }
}

/// What ``JobStore/complete(_:now:)``, ``JobStore/retry(_:error:retryAt:now:)`` and ``JobStore/bury(_:error:now:)``
/// did with a claim's outcome.
public enum JobFinishResult: Sendable, Equatable {
    /// The claim was current: the outcome was recorded.
    case applied
    /// The claim was no longer current (the job was claimed again after the lease expired, rescheduled, already
    /// finished or cancelled): nothing was changed.
    case superseded
}
