import ApusModel
import Synchronization

/// Hands dispatches to the event handlers that asked for them, each through its own bounded queue.
///
/// The union of the handlers' interests decides which events are decoded at all: an event nobody subscribed to
/// is skipped after the envelope scan.
public final class EventDistributor: Sendable {
    struct Subscription: Sendable {
        let interest: Set<EventKind>?
        /// The modelled kinds of `interest` as a bit mask (``EventKind/knownBit``), so that the per-event test of a
        /// modelled kind is one AND instead of hashing the kind.
        let knownMask: UInt64
        let queue: BoundedEventQueue<GatewayDelivery>

        init(interest: Set<EventKind>?, queue: BoundedEventQueue<GatewayDelivery>) {
            self.interest = interest
            self.knownMask = interest.map(EventDistributor.mask) ?? ~0
            self.queue = queue
        }

        func wants(_ kind: EventKind, bit: UInt64) -> Bool {
            guard let interest else { return true }
            return bit != 0 ? knownMask & bit != 0 : interest.contains(kind)
        }
    }

    private struct State {
        var subscriptions: [Subscription] = []
        var wantsEverything = false
        var union: Set<EventKind> = []
        /// `union`'s modelled kinds as a bit mask.
        var unionMask: UInt64 = 0
    }

    /// The bit mask of the modelled kinds in `kinds`.
    static func mask(_ kinds: Set<EventKind>) -> UInt64 {
        kinds.reduce(0) { $0 | $1.knownBit }
    }

    private let state = Mutex(State())
    /// The modelled kinds anyone wants, as a bit mask (all ones once a subscription wants everything): a copy of
    /// `State.unionMask` that ``wants(_:)`` reads without the lock, because it asks once per dispatch. Written only
    /// under the lock, after the subscription it describes is in place.
    private let wantedMask = Atomic<UInt64>(0)

    /// Creates a distributor with no subscribers.
    public init() {}

    /// Subscribes to `kinds` (nil: every event, including unknown ones) and returns the queue to read batches from.
    public func subscribe(
        to kinds: Set<EventKind>?, capacity: Int = 4_096, policy: OverflowPolicy = .wait
    ) -> BoundedEventQueue<GatewayDelivery> {
        let queue = BoundedEventQueue<GatewayDelivery>(capacity: capacity, policy: policy)
        state.withLock { state in
            state.subscriptions.append(Subscription(interest: kinds, queue: queue))
            if let kinds {
                state.union.formUnion(kinds)
                state.unionMask |= Self.mask(kinds)
            } else {
                state.wantsEverything = true
            }
            wantedMask.store(state.wantsEverything ? ~0 : state.unionMask, ordering: .releasing)
        }
        return queue
    }

    /// Whether any handler wants events of `kind`.
    public func wants(_ kind: EventKind) -> Bool {
        let bit = kind.knownBit
        // A modelled kind: one atomic load. An unknown name: the set, under the lock.
        if bit != 0 { return wantedMask.load(ordering: .acquiring) & bit != 0 }
        return state.withLock { $0.wantsEverything || $0.union.contains(kind) }
    }

    /// The statistics of every subscription's queue, in subscription order.
    public var queueStatistics: [BoundedEventQueue<GatewayDelivery>.Statistics] {
        state.withLock { $0.subscriptions.map(\.queue.statistics) }
    }

    /// A delivery that some interested queue had no room for: what ``offer(_:kind:)`` could not hand over without
    /// waiting. Finish it with ``complete(_:stalled:)``.
    public struct PendingDelivery: Sendable {
        /// The delivery.
        public let delivery: GatewayDelivery
        /// Its event kind.
        public let kind: EventKind
        /// The first subscription (in subscription order) that has not received it yet; subscriptions are only
        /// ever appended, so the index stays valid.
        let nextSubscription: Int
    }

    /// Hands `delivery` to every interested queue that has room, without waiting and without suspending. Returns
    /// nil when every interested queue took it, or what is left when a ``OverflowPolicy/wait`` queue was full: the
    /// caller finishes it with ``complete(_:stalled:)``, so deliveries stay in order.
    ///
    /// This is the per-event fast path of a shard's reader: the distributor's lock and each interested queue's, and
    /// no asynchronous call unless a queue is full.
    public func offer(_ delivery: GatewayDelivery, kind: EventKind) -> PendingDelivery? {
        offer(delivery, kind: kind, from: 0)
    }

    private func offer(_ delivery: GatewayDelivery, kind: EventKind, from start: Int) -> PendingDelivery? {
        let bit = kind.knownBit
        // The queues' locks are taken inside the distributor's; a queue never takes the distributor's lock, so
        // the order is fixed and cannot deadlock.
        let stoppedAt = state.withLock { state -> Int? in
            var index = start
            while index < state.subscriptions.count {
                let subscription = state.subscriptions[index]
                if subscription.wants(kind, bit: bit), !subscription.queue.tryPush(delivery) { return index }
                index += 1
            }
            return nil
        }
        guard let stoppedAt else { return nil }
        return PendingDelivery(delivery: delivery, kind: kind, nextSubscription: stoppedAt)
    }

    /// Finishes a delivery that ``offer(_:kind:)`` could not complete: waits for room in the full queue, then goes
    /// on with the remaining subscriptions. `stalled(true)` is called before each wait and `stalled(false)` after.
    public func complete(_ pending: PendingDelivery, stalled: (Bool) -> Void) async {
        var next: PendingDelivery? = pending
        while let current = next {
            let queue = state.withLock { $0.subscriptions[current.nextSubscription].queue }
            stalled(true)
            await queue.push(current.delivery)
            stalled(false)
            next = offer(current.delivery, kind: current.kind, from: current.nextSubscription + 1)
        }
    }

    /// Delivers to every interested handler. When a ``OverflowPolicy/wait`` queue is full, `stalled(true)` is
    /// called before waiting for room and `stalled(false)` after. Equivalent to ``offer(_:kind:)`` followed, when
    /// something is left, by ``complete(_:stalled:)``.
    public func deliver(_ delivery: GatewayDelivery, kind: EventKind, stalled: (Bool) -> Void) async {
        guard let pending = offer(delivery, kind: kind) else { return }
        await complete(pending, stalled: stalled)
    }

    /// Ends every queue; handlers drain what is left and stop.
    public func finish() {
        let subscriptions = state.withLock { $0.subscriptions }
        for subscription in subscriptions { subscription.queue.finish() }
    }
}
