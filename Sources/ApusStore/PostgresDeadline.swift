import Synchronization

/// Waiting with a bound on work that may not notice cancellation (such as a pool that is shutting down).
enum PostgresDeadline {
    /// Returns when `work` finishes or `limit` has passed, whichever is first. `work` keeps running in the
    /// background if the limit passes first.
    static func waitForEither(_ work: @escaping @Sendable () async -> Void, orAfter limit: Duration) async {
        let signal = OnceSignal()
        let worker = Task {
            await work()
            signal.fire()
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            signal.fire()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            signal.install(continuation)
        }
        timer.cancel()
        _ = worker
    }
}

/// A continuation resumed by the first of several callers of ``fire()``; later calls do nothing.
private final class OnceSignal: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Void, Never>?
        var fired = false
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<Void, Never>) {
        let fireNow = state.withLock { state -> Bool in
            if state.fired { return true }
            state.continuation = continuation
            return false
        }
        if fireNow { continuation.resume() }
    }

    func fire() {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.fired else { return nil }
            state.fired = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume()
    }
}
