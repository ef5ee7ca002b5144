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
        }
        return queue
    }

    /// Whether any handler wants events of `kind`.
    public func wants(_ kind: EventKind) -> Bool {
        let bit = kind.knownBit
        return state.withLock { $0.wantsEverything || (bit != 0 ? $0.unionMask & bit != 0 : $0.union.contains(kind)) }
    }

    /// The statistics of every subscription's queue, in subscription order.
    public var queueStatistics: [BoundedEventQueue<GatewayDelivery>.Statistics] {
        state.withLock { $0.subscriptions.map(\.queue.statistics) }
    }

    /// Delivers to every interested handler. When a ``OverflowPolicy/wait`` queue is full, `stalled(true)` is
    /// called before waiting for room and `stalled(false)` after.
    public func deliver(_ delivery: GatewayDelivery, kind: EventKind, stalled: (Bool) -> Void) async {
        let subscriptions = state.withLock { $0.subscriptions }
        let bit = kind.knownBit
        for subscription in subscriptions where subscription.wants(kind, bit: bit) {
            if !subscription.queue.tryPush(delivery) {
                stalled(true)
                await subscription.queue.push(delivery)
                stalled(false)
            }
        }
    }

    /// Ends every queue; handlers drain what is left and stop.
    public func finish() {
        let subscriptions = state.withLock { $0.subscriptions }
        for subscription in subscriptions { subscription.queue.finish() }
    }
}
