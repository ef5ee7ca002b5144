/// A time source whose time moves only when ``advance(by:)`` is called: sleepers wake in deadline order.
///
/// ```swift
/// let clock = ManualTimeSource()
/// async let woke: Void = clock.sleep(for: .seconds(5))
/// clock.advance(by: .seconds(5))   // the sleeper resumes
/// ```
public final class ManualTimeSource: TimeSource {
    private let sleepers = ManualSleepers(start: MonotonicTime.zero)

    /// Creates a manual time source at time zero.
    public init() {}

    public func now() -> MonotonicTime {
        sleepers.now
    }

    /// The number of tasks currently sleeping on this time source.
    public var sleeperCount: Int {
        sleepers.sleeperCount
    }

    public func sleep(until deadline: MonotonicTime) async throws {
        try await sleepers.sleep(until: deadline)
    }

    /// Moves time forward by `duration` and wakes every sleeper whose deadline has passed, earliest first.
    public func advance(by duration: Duration) {
        sleepers.move { $0 + duration }
    }
}
