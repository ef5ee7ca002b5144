import Synchronization

/// A wall clock whose time moves only when ``advance(by:)`` or ``set(to:)`` is called; sleepers wake in deadline
/// order. Used by tests of anything persistent (the scheduler, stored cooldowns).
public final class ManualWallClock: WallClock {
    private struct Sleeper {
        let id: UInt64
        let deadline: WallTime
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: WallTime
        var nextID: UInt64 = 0
        var sleepers: [Sleeper] = []
    }

    private let state: Mutex<State>

    /// Creates a manual wall clock that starts at `start` (by default 2026-01-01T00:00:00Z).
    public init(start: WallTime = WallTime(millisecondsSinceEpoch: 1_767_225_600_000)) {
        state = Mutex(State(now: start))
    }

    public func now() -> WallTime {
        state.withLock { $0.now }
    }

    /// The number of tasks currently sleeping on this clock.
    public var sleeperCount: Int {
        state.withLock { $0.sleepers.count }
    }

    public func sleep(until deadline: WallTime) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { state -> Bool in
                    if deadline <= state.now { return true }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward by `duration` and wakes every sleeper whose deadline has passed, earliest first.
    public func advance(by duration: Duration) {
        move { $0 + duration }
    }

    /// Sets the time (forwards or backwards, as a system clock can step) and wakes every sleeper now due.
    public func set(to time: WallTime) {
        move { _ in time }
    }

    private func move(_ change: (WallTime) -> WallTime) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = change(state.now)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}
