import PostgresNIO
import Synchronization

/// One pooled connection lent by the task that holds its pool lease to the task that runs statements on it, with
/// the deadline and cancellation that end the loan early.
///
/// postgres-nio waits for a pool connection in a way that task cancellation stops, but a query already sent waits
/// for the server's answer no matter what. So the store leases in a child task (``deliver(_:)`` then
/// ``waitUntilReturned()``), runs statements in the caller's task (``connection()``), and when the deadline passes
/// or the caller is cancelled (``expire()``, ``abandon()``) it closes the leased connection: the query in flight
/// fails at once (``answer(to:)`` stops waiting for it even if postgres-nio never answers), and the pool drops that
/// connection instead of lending it again in the middle of a transaction.
final class PostgresLeaseHandoff: Sendable {
    private enum Phase {
        /// No connection yet; the statement task may be waiting for one.
        case waiting(CheckedContinuation<PostgresConnection, any Error>?)
        /// The statement task has the connection.
        case lent(PostgresConnection)
        /// The loan ended (returned, failed, expired or abandoned); no connection may be lent any more.
        case over
    }

    private struct State {
        var phase: Phase = .waiting(nil)
        var expired = false
        var closedConnection = false
        var returned = false
        var returnWaiter: CheckedContinuation<Void, Never>?
        /// The error ``connection()`` throws when the loan ended before it started.
        var failure: (any Error)?
        /// Statements waiting for their answer, by number; failed when the loan ends early.
        var statementWaiters: [Int: @Sendable (any Error) -> Void] = [:]
        var nextStatement = 0
        /// The error statements fail with once the loan ended early.
        var endError: (any Error)?
    }

    private let state = Mutex(State())
    /// The error thrown to the statement task when the deadline passes before a connection is lent.
    private let timeoutError: StoreError

    /// Creates a handoff whose deadline, if it passes before a connection is lent, fails with `timeoutError`.
    init(timeoutError: StoreError) {
        self.timeoutError = timeoutError
    }

    /// Whether the deadline passed before the loan ended.
    var didExpire: Bool { state.withLock { $0.expired } }

    /// Whether ``expire()`` or ``abandon()`` closed the lent connection.
    var closedConnection: Bool { state.withLock { $0.closedConnection } }

    /// Lends `connection` (called by the lease task). Returns `false` when the statement task no longer wants
    /// one (it gave up or failed); the lease task then returns the connection to the pool at once.
    func deliver(_ connection: PostgresConnection) -> Bool {
        let waiter = state.withLock { state -> CheckedContinuation<PostgresConnection, any Error>?? in
            guard case .waiting(let waiter) = state.phase else { return .none }
            state.phase = .lent(connection)
            return .some(waiter)
        }
        guard case .some(let waiter) = waiter else { return false }
        waiter?.resume(returning: connection)
        return true
    }

    /// Ends the loan because leasing failed (called by the lease task); ``connection()`` throws `error`.
    func failLease(_ error: any Error) {
        let waiter = state.withLock { state -> CheckedContinuation<PostgresConnection, any Error>? in
            guard case .waiting(let waiter) = state.phase else { return nil }
            state.phase = .over
            state.failure = error
            return waiter
        }
        waiter?.resume(throwing: error)
    }

    /// Waits for the lent connection (called by the statement task).
    func connection() async throws -> PostgresConnection {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PostgresConnection, any Error>) in
            let outcome = state.withLock { state -> Result<PostgresConnection, any Error>? in
                switch state.phase {
                case .waiting:
                    state.phase = .waiting(continuation)
                    return nil
                case .lent(let connection):
                    return .success(connection)
                case .over:
                    return .failure(state.failure ?? timeoutError)
                }
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    /// Suspends the lease task until the statement task gives the connection back (``giveBack()``).
    func waitUntilReturned() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let returnedAlready = state.withLock { state -> Bool in
                if state.returned { return true }
                state.returnWaiter = continuation
                return false
            }
            if returnedAlready { continuation.resume() }
        }
    }

    /// Ends the loan normally (called by the statement task when it is done, successfully or not).
    func giveBack() {
        let (waiter, connectionWaiter) = state.withLock {
            state -> (CheckedContinuation<Void, Never>?, CheckedContinuation<PostgresConnection, any Error>?) in
            state.returned = true
            var connectionWaiter: CheckedContinuation<PostgresConnection, any Error>? = nil
            if case .waiting(let waiting) = state.phase { connectionWaiter = waiting }
            state.phase = .over
            defer { state.returnWaiter = nil }
            return (state.returnWaiter, connectionWaiter)
        }
        connectionWaiter?.resume(throwing: CancellationError())
        waiter?.resume()
    }

    /// Waits for the answer to a statement sent on the lent connection, or fails as soon as the loan ends early
    /// (``expire()``, ``abandon()``): a statement written to a connection as it closes may never be answered.
    func answer<Value: Sendable>(to future: EventLoopFuture<Value>) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let registration = state.withLock { state -> Result<Int, any Error> in
                if let endError = state.endError { return .failure(endError) }
                let id = state.nextStatement
                state.nextStatement += 1
                state.statementWaiters[id] = { error in continuation.resume(throwing: error) }
                return .success(id)
            }
            switch registration {
            case .failure(let error):
                continuation.resume(throwing: error)
            case .success(let id):
                future.whenComplete { result in
                    let stillWaiting = self.state.withLock { $0.statementWaiters.removeValue(forKey: id) != nil }
                    if stillWaiting { continuation.resume(with: result) }
                }
            }
        }
    }

    /// The deadline passed: fails a statement task still waiting for a connection with the time-out error, or
    /// closes the lent connection so that the statement in flight fails.
    func expire() {
        end(markExpired: true)
    }

    /// The statement task was cancelled: like ``expire()`` but not counted as a time-out.
    func abandon() {
        end(markExpired: false)
    }

    private func end(markExpired: Bool) {
        let (waiter, lent, error) = state.withLock {
            state -> (CheckedContinuation<PostgresConnection, any Error>?, PostgresConnection?, any Error) in
            let error: any Error = markExpired ? timeoutError : CancellationError()
            switch state.phase {
            case .waiting(let waiter):
                state.phase = .over
                state.failure = error
                if markExpired { state.expired = true }
                return (waiter, nil, error)
            case .lent(let connection):
                if markExpired { state.expired = true }
                state.closedConnection = true
                state.endError = error
                return (nil, connection, error)
            case .over:
                return (nil, nil, error)
            }
        }
        waiter?.resume(throwing: error)
        let statements = state.withLock { state -> [@Sendable (any Error) -> Void] in
            defer { state.statementWaiters = [:] }
            return Array(state.statementWaiters.values)
        }
        for statement in statements { statement(error) }
        // Closing the channel fails the query in flight and every later one on this connection; the pool then
        // forgets the connection when the lease task returns it.
        let closing: EventLoopFuture<Void>? = lent?.close()
        _ = closing
    }
}
