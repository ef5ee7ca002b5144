import Synchronization

/// What a bounded queue does when a producer meets it full.
public enum OverflowPolicy: Sendable, Equatable {
    /// The producer waits for room (backpressure reaches the socket reader).
    case wait
    /// The oldest queued element is dropped and counted.
    case dropOldest
}

/// A bounded, multi-producer single-consumer queue that hands out elements in batches.
///
/// Each event handler owns one, so a slow handler slows (``OverflowPolicy/wait``) or loses (``OverflowPolicy/dropOldest``)
/// only its own events, and every drop is counted.
public final class BoundedEventQueue<Element: Sendable>: Sendable {
    /// Counters of one queue.
    public struct Statistics: Equatable, Sendable {
        /// Elements accepted.
        public var enqueued = 0
        /// Elements handed to the consumer.
        public var delivered = 0
        /// Elements dropped by ``OverflowPolicy/dropOldest``.
        public var dropped = 0
        /// The largest number of elements ever waiting.
        public var highWaterMark = 0
    }

    private struct State {
        var buffer: [Element] = []
        var head = 0
        var finished = false
        // Unsafe rather than checked continuations: a checked one is a resilient type whose every copy and optional
        // test goes through its value witnesses, on the per-event path. Each continuation is stored under the lock
        // and taken out of the state (set to nil, or the list emptied) under the lock by whoever resumes it, so each
        // is resumed exactly once; `finish()` takes and resumes any left.
        var consumer: UnsafeContinuation<Void, Never>?
        var producers: [UnsafeContinuation<Void, Never>] = []
        var statistics = Statistics()
        var count: Int { buffer.count - head }

        mutating func compact() {
            if head > 1024 && head * 2 > buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
        }
    }

    /// The most elements the queue holds.
    public let capacity: Int
    /// What happens when it is full.
    public let policy: OverflowPolicy
    private let state = Mutex(State())

    /// Creates a queue holding at most `capacity` elements.
    public init(capacity: Int, policy: OverflowPolicy) {
        self.capacity = max(1, capacity)
        self.policy = policy
    }

    /// The queue's counters.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// Adds an element without waiting. Returns false only under ``OverflowPolicy/wait`` when the queue is full (or
    /// when it is finished); under ``OverflowPolicy/dropOldest`` it always succeeds, dropping the oldest element.
    public func tryPush(_ element: Element) -> Bool {
        let consumer = state.withLock { state -> UnsafeContinuation<Void, Never>?? in
            if state.finished { return .none }
            if state.count >= capacity {
                guard policy == .dropOldest else { return .none }
                state.head += 1
                state.statistics.dropped += 1
                state.compact()
            }
            state.buffer.append(element)
            state.statistics.enqueued += 1
            state.statistics.highWaterMark = max(state.statistics.highWaterMark, state.count)
            let consumer = state.consumer
            state.consumer = nil
            return .some(consumer)
        }
        guard let consumer else { return false }
        consumer?.resume()
        return true
    }

    /// Adds an element, waiting for room under ``OverflowPolicy/wait``. Returns false if the queue was finished.
    @discardableResult
    public func push(_ element: Element) async -> Bool {
        while true {
            if tryPush(element) { return true }
            let finished = state.withLock { $0.finished }
            if finished { return false }
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.finished || state.count < capacity { return true }
                    state.producers.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    /// Waits for at least one element and returns up to `maximum` of them, oldest first; nil once the queue is
    /// finished and empty. One consumer only.
    public func nextBatch(maximum: Int = 256) async -> [Element]? {
        while true {
            let result = state.withLock { state -> (batch: [Element]?, done: Bool, producers: [UnsafeContinuation<Void, Never>]) in
                if state.count > 0 {
                    let batch: [Element]
                    if state.head == 0 && state.buffer.count <= max(1, maximum) {
                        // Everything queued fits in one batch: hand over the buffer itself (no copy, no retain
                        // and release per element) and start a new one of the same size.
                        batch = state.buffer
                        state.buffer = []
                        state.buffer.reserveCapacity(batch.count)
                    } else {
                        let end = min(state.buffer.count, state.head + max(1, maximum))
                        batch = Array(state.buffer[state.head..<end])
                        state.head = end
                        if state.head == state.buffer.count {
                            state.buffer.removeAll(keepingCapacity: true)
                            state.head = 0
                        } else {
                            state.compact()
                        }
                    }
                    state.statistics.delivered += batch.count
                    let producers = state.producers
                    state.producers.removeAll()
                    return (batch, false, producers)
                }
                return (nil, state.finished, [])
            }
            for producer in result.producers { producer.resume() }
            if let batch = result.batch { return batch }
            if result.done { return nil }
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.count > 0 || state.finished { return true }
                    state.consumer = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    /// Ends the queue: producers stop waiting, the consumer drains what is left and then gets nil.
    public func finish() {
        let (consumer, producers) = state.withLock { state in
            state.finished = true
            let consumer = state.consumer
            state.consumer = nil
            let producers = state.producers
            state.producers.removeAll()
            return (consumer, producers)
        }
        consumer?.resume()
        for producer in producers { producer.resume() }
    }
}
