import ApusCore
import Synchronization

/// Lets a driver loop sleep until the state machine's next deadline, and be woken early when an input moved that
/// deadline (a HELLO scheduled a heartbeat, a payload was queued, a stop was requested).
final class DeadlineSleeper: Sendable {
    private struct State {
        var signalled = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())
    private let timeSource: any TimeSource

    init(timeSource: any TimeSource) {
        self.timeSource = timeSource
    }

    /// Wakes the current (or next) sleeper.
    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.signalled = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns when `deadline` has passed, when ``signal()`` is called, or when the task is cancelled. A nil
    /// deadline waits for a signal only.
    func sleep(until deadline: MonotonicTime?) async {
        if state.withLock({ state in
            defer { state.signalled = false }
            return state.signalled
        }) { return }
        await withTaskGroup(of: Void.self) { group in
            if let deadline {
                group.addTask { [timeSource] in try? await timeSource.sleep(until: deadline) }
            }
            group.addTask { [self] in await waitForSignal() }
            await group.next()
            group.cancelAll()
            // Unblock the signal waiter if the deadline fired first.
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }

    private func waitForSignal() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.signalled || Task.isCancelled {
                        state.signalled = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
