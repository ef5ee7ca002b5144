/// A wall clock whose time moves only when ``advance(by:)`` or ``set(to:)`` is called; sleepers wake in deadline
/// order. Used by tests of anything persistent (the scheduler, stored cooldowns).
public final class ManualWallClock: WallClock {
    private let sleepers: ManualSleepers<WallTime>

    /// Creates a manual wall clock that starts at `start` (by default 2026-01-01T00:00:00Z).
    public init(start: WallTime = WallTime(millisecondsSinceEpoch: 1_767_225_600_000)) {
        sleepers = ManualSleepers(start: start)
    }

    public func now() -> WallTime {
        sleepers.now
    }

    /// The number of tasks currently sleeping on this clock.
    public var sleeperCount: Int {
        sleepers.sleeperCount
    }

    public func sleep(until deadline: WallTime) async throws {
        try await sleepers.sleep(until: deadline)
    }

    /// Moves time forward by `duration` and wakes every sleeper whose deadline has passed, earliest first.
    public func advance(by duration: Duration) {
        sleepers.move { $0 + duration }
    }

    /// Sets the time (forwards or backwards, as a system clock can step) and wakes every sleeper now due.
    public func set(to time: WallTime) {
        sleepers.move { _ in time }
    }
}
