/// A check of ``JobStoreConformance`` that a ``JobStore`` implementation did not pass.
///
/// For implementors of ``JobStore``: `check` names the documented behaviour (for example
/// `"claimDue.leaseHidesJob"`) and `detail` says what was expected and what the store did.
public struct JobStoreConformanceFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name of the failed check, `<method>.<behaviour>`.
    public var check: String
    /// What was expected and what was observed.
    public var detail: String

    /// Creates a failure for `check`.
    public init(check: String, detail: String) {
        self.check = check
        self.detail = detail
    }

    public var description: String {
        "JobStore conformance check '\(check)' failed: \(detail)"
    }
}
