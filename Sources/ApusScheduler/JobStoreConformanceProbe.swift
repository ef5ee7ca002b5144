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
}
