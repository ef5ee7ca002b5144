/// The store under test plus the name of the running check, with assertion helpers that throw
/// ``JobStoreConformanceFailure``.
struct Probe: Sendable {
    /// The running check's name.
    let name: String
    /// A fresh store for this check.
    let store: any JobStore

    /// Throws a failure with `detail` unless `condition` holds.
    func expect(_ condition: Bool, _ detail: @autoclosure () -> String) throws(JobStoreConformanceFailure) {
        if !condition {
            throw JobStoreConformanceFailure(check: name, detail: detail())
        }
    }

    /// Throws a failure naming `what` unless `actual == expected`.
    func equal<Value: Equatable>(
        _ actual: Value, _ expected: Value, _ what: String
    ) throws(JobStoreConformanceFailure) {
        if actual != expected {
            throw JobStoreConformanceFailure(check: name, detail: "\(what): expected \(expected), got \(actual)")
        }
    }

    /// The claim token of `job` among the jobs a ``JobStore/claimDue(now:leaseUntil:limit:)`` call returned;
    /// throws a failure if that call did not claim it.
    func claim(of job: StoredJob, in claimed: [StoredJob]) throws(JobStoreConformanceFailure) -> JobClaim {
        guard let match = claimed.first(where: { $0.id == job.id }) else {
            throw JobStoreConformanceFailure(
                check: name, detail: "job \(job.id) was not claimed; claimed ids were \(claimed.map(\.id))")
        }
        return match.claim
    }
}
