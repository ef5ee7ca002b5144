import ApusCore
import Synchronization

/// A message to the scheduler's loop task.
enum SchedulerLoopMessage: Sendable {
    /// `start()` was called.
    case started
    /// `job` was committed (as the store returned it).
    case scheduled(StoredJob)
    /// The timer armed as `generation` went off (stale generations are ignored).
    case timerFired(generation: UInt64)
    /// A handler returned.
    case finished(id: Int64, result: JobRunResult)
    /// `shutdown()` was called.
    case shutdown
    /// `resume()` was called.
    case resume
}

/// The state that the public ``Scheduler`` and its loop task share, behind one lock.
///
/// The loop owns the ``SchedulerMachine``; after each message it publishes a snapshot here (counters, phase,
/// running count, timer deadline) so that callers can read it and wait for the loop to become idle.
final class SchedulerShared: Sendable {
    struct State {
        var handlers: [String: Scheduler.Handler] = [:]
        var counters = SchedulerCounters()
        var phase: SchedulerMachine.Phase = .notStarted
        var pause: SchedulerMachine.Pause?
        var runningCount = 0
        var timerDeadline: WallTime?
        var pendingMessages = 0
        var loopTask: Task<Void, Never>?
        var idleWaiters: [(ignoringHandlers: Bool, continuation: CheckedContinuation<Void, Never>)] = []
        var hasStarted = false
        var hasEnded = false

        /// Whether the loop has nothing to do: no message queued, the timer (if any) not due yet, and, unless
        /// `ignoringHandlers`, no handler running.
        func isIdle(now: WallTime, ignoringHandlers: Bool) -> Bool {
            if hasEnded || !hasStarted { return true }
            return pendingMessages == 0 && (ignoringHandlers || runningCount == 0)
                && (timerDeadline.map { now < $0 } ?? true)
        }
    }

    let state = Mutex(State())
    let continuation: AsyncStream<SchedulerLoopMessage>.Continuation
    let clock: any WallClock

    init(continuation: AsyncStream<SchedulerLoopMessage>.Continuation, clock: any WallClock) {
        self.continuation = continuation
        self.clock = clock
    }

    /// Queues `message` for the loop; dropped once the loop has ended.
    func post(_ message: SchedulerLoopMessage) {
        state.withLock { $0.pendingMessages += 1 }
        if case .terminated = continuation.yield(message) {
            state.withLock { $0.pendingMessages -= 1 }
        }
    }

    /// Called by the loop after it has handled one message.
    func messageHandled(_ machine: SchedulerMachine) {
        publish(machine, handledMessages: 1)
    }

    /// Called by the loop whenever the machine changed outside a message (for example at start).
    func publish(_ machine: SchedulerMachine, handledMessages: Int = 0) {
        let now = clock.now()
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.pendingMessages -= handledMessages
            state.counters = machine.counters
            state.phase = machine.phase
            state.pause = machine.pause
            state.runningCount = machine.running.count
            state.timerDeadline = machine.timerDeadline
            return state.takeIdleWaiters(now: now)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Called by the loop when it has ended, for whatever reason.
    func loopEnded() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.hasEnded = true
            if state.phase != .stopped { state.phase = .stopped }
            return state.takeIdleWaiters(now: nil)
        }
        continuation.finish()
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until the loop is idle (see ``Scheduler/waitUntilIdle()``).
    func waitUntilIdle(ignoringHandlers: Bool) async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let now = clock.now()
            let idle = state.withLock { state -> Bool in
                if state.isIdle(now: now, ignoringHandlers: ignoringHandlers) { return true }
                state.idleWaiters.append((ignoringHandlers, waiter))
                return false
            }
            if idle { waiter.resume() }
        }
    }
}

extension SchedulerShared.State {
    /// Removes and returns the waiters whose idleness condition holds at `now` (all of them when `now` is nil).
    fileprivate mutating func takeIdleWaiters(now: WallTime?) -> [CheckedContinuation<Void, Never>] {
        let idleWithHandlers = now.map { isIdle(now: $0, ignoringHandlers: true) } ?? true
        let idleWithoutHandlers = now.map { isIdle(now: $0, ignoringHandlers: false) } ?? true
        var ready: [CheckedContinuation<Void, Never>] = []
        var waiting: [(ignoringHandlers: Bool, continuation: CheckedContinuation<Void, Never>)] = []
        for waiter in idleWaiters {
            if waiter.ignoringHandlers ? idleWithHandlers : idleWithoutHandlers {
                ready.append(waiter.continuation)
            } else {
                waiting.append(waiter)
            }
        }
        idleWaiters = waiting
        return ready
    }
}
