import ApusModel
import Synchronization
import Testing
@testable import ApusGateway

/// Delivery without I/O: the synchronous offer, its asynchronous completion when a queue is full, and the queue's
/// batches (handed over whole or in parts), always in order and with nothing lost or duplicated.
@Suite("Event distributor and bounded queue")
struct EventDistributorTests {
    static func delivery(_ sequence: Int) -> GatewayDelivery {
        GatewayDelivery(shardID: 0, sequence: sequence, payload: .event(.resumed))
    }

    static func sequences(_ batch: [GatewayDelivery]?) -> [Int] {
        (batch ?? []).compactMap(\.sequence)
    }

    @Test("wants answers from the subscriptions so far: modelled kinds, unknown names, then everything")
    func wantsFollowsSubscriptions() {
        let distributor = EventDistributor()
        #expect(!distributor.wants(.messageCreate))
        _ = distributor.subscribe(to: [.messageCreate], capacity: 1, policy: .wait)
        #expect(distributor.wants(.messageCreate))
        #expect(!distributor.wants(.typingStart))
        #expect(!distributor.wants(.unknown("SOMETHING_NEW")))
        _ = distributor.subscribe(to: [.unknown("SOMETHING_NEW")], capacity: 1, policy: .wait)
        #expect(distributor.wants(.unknown("SOMETHING_NEW")))
        #expect(!distributor.wants(.unknown("SOMETHING_ELSE")))
        #expect(!distributor.wants(.typingStart))
        _ = distributor.subscribe(to: nil, capacity: 1, policy: .wait)
        #expect(distributor.wants(.typingStart))
        #expect(distributor.wants(.unknown("SOMETHING_ELSE")))
    }

    @Test("offer hands an event to every interested queue and to no other")
    func offerRoutesByInterest() async {
        let distributor = EventDistributor()
        let messages = distributor.subscribe(to: [.messageCreate], capacity: 8, policy: .wait)
        let typing = distributor.subscribe(to: [.typingStart], capacity: 8, policy: .wait)
        let everything = distributor.subscribe(to: nil, capacity: 8, policy: .wait)
        #expect(distributor.offer(Self.delivery(1), kind: .messageCreate) == nil)
        #expect(distributor.offer(Self.delivery(2), kind: .typingStart) == nil)
        #expect(distributor.offer(Self.delivery(3), kind: .unknown("SOMETHING_NEW")) == nil)
        #expect(Self.sequences(await messages.nextBatch()) == [1])
        #expect(Self.sequences(await typing.nextBatch()) == [2])
        #expect(Self.sequences(await everything.nextBatch()) == [1, 2, 3])
    }

    @Test("a full waiting queue leaves the offer pending; completing it waits for room and then serves the rest in order")
    func pendingDeliveryCompletesInOrder() async {
        let distributor = EventDistributor()
        let small = distributor.subscribe(to: [.resumed], capacity: 2, policy: .wait)
        let large = distributor.subscribe(to: nil, capacity: 16, policy: .wait)
        #expect(distributor.offer(Self.delivery(1), kind: .resumed) == nil)
        #expect(distributor.offer(Self.delivery(2), kind: .resumed) == nil)
        let pending = distributor.offer(Self.delivery(3), kind: .resumed)
        #expect(pending?.delivery.sequence == 3)
        // The later subscription has not been served yet: the delivery waits at the full queue first.
        #expect(large.statistics.enqueued == 2)

        let stalls = Mutex<[Bool]>([])
        let completion = Task {
            if let pending { await distributor.complete(pending) { stalled in stalls.withLock { $0.append(stalled) } } }
        }
        #expect(Self.sequences(await small.nextBatch()) == [1, 2])
        await completion.value
        #expect(stalls.withLock { $0 } == [true, false])
        #expect(Self.sequences(await small.nextBatch()) == [3])
        #expect(Self.sequences(await large.nextBatch()) == [1, 2, 3])
        #expect(small.statistics == .init(enqueued: 3, delivered: 3, dropped: 0, highWaterMark: 2))
    }

    @Test("a drop-oldest queue never leaves an offer pending and counts what it dropped")
    func dropOldestNeverPends() async {
        let distributor = EventDistributor()
        let queue = distributor.subscribe(to: nil, capacity: 2, policy: .dropOldest)
        for sequence in 1...5 { #expect(distributor.offer(Self.delivery(sequence), kind: .resumed) == nil) }
        #expect(Self.sequences(await queue.nextBatch()) == [4, 5])
        #expect(queue.statistics.dropped == 3)
        #expect(queue.statistics.delivered == 2)
    }

    @Test("batches come whole or in parts, oldest first, and pushes after a batch keep their order")
    func batchesKeepOrder() async {
        let queue = BoundedEventQueue<Int>(capacity: 16, policy: .wait)
        for value in 1...5 { #expect(queue.tryPush(value)) }
        #expect(await queue.nextBatch(maximum: 2) == [1, 2])
        #expect(queue.tryPush(6))
        #expect(await queue.nextBatch(maximum: 10) == [3, 4, 5, 6])
        // The whole buffer was handed over; the queue goes on with a new one.
        for value in 7...9 { #expect(queue.tryPush(value)) }
        #expect(await queue.nextBatch(maximum: 3) == [7, 8, 9])
        #expect(queue.tryPush(10))
        queue.finish()
        #expect(!queue.tryPush(11))
        #expect(await queue.nextBatch() == [10])
        #expect(await queue.nextBatch() == nil)
        #expect(queue.statistics == .init(enqueued: 10, delivered: 10, dropped: 0, highWaterMark: 5))
    }

    @Test("after finish, a pending delivery completes without waiting")
    func completeAfterFinish() async {
        let distributor = EventDistributor()
        let queue = distributor.subscribe(to: nil, capacity: 1, policy: .wait)
        #expect(distributor.offer(Self.delivery(1), kind: .resumed) == nil)
        let pending = distributor.offer(Self.delivery(2), kind: .resumed)
        #expect(pending != nil)
        distributor.finish()
        if let pending { await distributor.complete(pending) { _ in } }
        #expect(Self.sequences(await queue.nextBatch()) == [1])
        #expect(await queue.nextBatch() == nil)
    }
}
