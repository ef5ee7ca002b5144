import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

/// Pure parts of the gateway: limiters, the replay buffer, JSON variation, the upgrade query.
@Suite struct GatewayPartsTests {
    @Test func identifyLimiterAllowsOnePerKeyPerWindow() {
        var limiter = IdentifyRateLimiter(window: .seconds(5), maxConcurrency: 2, perKey: 1)
        let results = [
            limiter.admit(shardID: 0, at: .zero),
            limiter.admit(shardID: 1, at: .zero),  // a different key
            limiter.admit(shardID: 2, at: .zero),  // key 0 again: refused
            limiter.admit(shardID: 2, at: .zero + .seconds(5)),
        ]
        #expect(results == [true, true, false, true])
    }

    @Test func sessionStartCounterRunsOutAndResets() {
        var counter = SessionStartCounter(total: 2, resetInterval: .seconds(100), now: .zero)
        let takes = [counter.take(at: .zero), counter.take(at: .zero), counter.take(at: .zero)]
        #expect(takes == [true, true, false])
        let snapshot = counter.snapshot(at: .zero + .seconds(40), maxConcurrency: 1)
        #expect(snapshot == SessionStartLimitSnapshot(total: 2, remaining: 0, resetAfterMilliseconds: 60_000, maxConcurrency: 1))
        let afterReset = counter.take(at: .zero + .seconds(100))
        #expect(afterReset)
    }

    @Test func replayBufferReturnsMissedDispatchesInOrder() throws {
        var session = SimulatedSession(id: "s", shardID: 0, shardCount: 1, replayLimit: 3)
        for index in 1...5 { _ = session.nextDispatch(eventName: "E", json: "{\"n\":\(index)}") }
        #expect(try #require(session.replay(after: 3)).map(\.sequence) == [4, 5])
        #expect(try #require(session.replay(after: 5)).isEmpty)
        #expect(session.replay(after: 1) == nil)  // seq 2 is no longer kept
    }

    @Test func jsonVariationKeepsTheValueAndChangesTheText() throws {
        let original = #"{"t":"MESSAGE_CREATE","s":12,"op":0,"d":{"id":"1","content":"a \"quoted\", {b}","n":1.50,"x":[1,{"y":null,"z":true}],"e":{}}}"#
        var variation = JSONVariation(shuffleKeys: true, addWhitespace: true, random: SeededRandom(seed: 7))
        var sawDifferentText = false
        for _ in 0..<5 {
            let varied = variation.apply(to: original)
            if varied != original { sawDifferentText = true }
            let lhs = try JSONSerialization.jsonObject(with: Data(original.utf8)) as? NSDictionary
            let rhs = try JSONSerialization.jsonObject(with: Data(varied.utf8)) as? NSDictionary
            #expect(lhs == rhs)
            #expect(varied.contains("1.50"))  // scalars are copied byte for byte
        }
        #expect(sawDifferentText)
        var off = JSONVariation(shuffleKeys: false, addWhitespace: false, random: SeededRandom(seed: 1))
        let unchanged = off.apply(to: original)
        #expect(unchanged == original)
        var on = JSONVariation(shuffleKeys: true, addWhitespace: false, random: SeededRandom(seed: 1))
        let invalid = on.apply(to: "{not json")
        #expect(invalid == "{not json")
    }

    @Test func upgradeQueryIsParsed() {
        let settings = GatewaySimulationSettings()
        let zstd = GatewayUpgradeRequest(uri: "/?v=10&encoding=json&compress=zstd-stream", settings: settings)
        #expect(zstd.isAcceptable && zstd.compression == .zstdStream && zstd.refusal == nil && zstd.version == 10)
        let resume = GatewayUpgradeRequest(uri: "/resume?v=10&encoding=json", settings: settings)
        #expect(resume.path == "/resume" && resume.compression == .none)
        #expect(GatewayUpgradeRequest(uri: "/?v=3", settings: settings).refusal?.code == 4012)
        #expect(GatewayUpgradeRequest(uri: "/?v=10&encoding=etf", settings: settings).refusal?.code == 4002)
        #expect(!GatewayUpgradeRequest(uri: "/?v=10&compress=brotli", settings: settings).isAcceptable)
    }

    @Test func controlAPIParsesFaults() throws {
        let (fault, target) = try SimulatorControlAPI.parseFault(["fault": "close", "code": 4000, "shard": 1]).get()
        #expect(fault == .close(code: 4000, reason: "") && target == .shard(1))
        #expect((try? SimulatorControlAPI.parseFault(["fault": "close"]).get()) == nil)
        #expect((try? SimulatorControlAPI.parseFault(["fault": "nonsense"]).get()) == nil)
    }
}
