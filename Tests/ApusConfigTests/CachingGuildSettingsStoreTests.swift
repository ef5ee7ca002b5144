import ApusConfig
import ApusCore
import Synchronization
import Testing

/// A store that counts reads and can be told to fail, behind the cache under test.
private actor CountingStore: GuildSettingsStore {
    var overrides: [UInt64: String] = [:]
    var reads = 0
    var failWrites = false
    var failReads = false

    func loadOverrides(guildID: UInt64) throws -> String? {
        reads += 1
        if failReads { throw CountingStoreFailure() }
        return overrides[guildID]
    }

    func saveOverrides(_ json: String?, guildID: UInt64) throws {
        if failWrites { throw CountingStoreFailure() }
        overrides[guildID] = json
    }

    /// Another process writing the same database.
    func writeBehindTheCache(_ json: String?, guildID: UInt64) { overrides[guildID] = json }
    func setFailWrites(_ fail: Bool) { failWrites = fail }
    func setFailReads(_ fail: Bool) { failReads = fail }
}

private struct CountingStoreFailure: Error {}

@Suite("Caching guild settings store")
struct CachingGuildSettingsStoreTests {
    @Test("reads are served from memory until the entry is older than the maximum age; own writes are read at once")
    func cachesAndExpires() async throws {
        let inner = CountingStore()
        let clock = ManualTimeSource()
        let cache = CachingGuildSettingsStore(inner, maximumAge: .seconds(30), timeSource: clock)
        #expect(try await cache.loadOverrides(guildID: 1) == nil)
        #expect(try await cache.loadOverrides(guildID: 1) == nil, "a guild without overrides is cached too")
        #expect(await inner.reads == 1)
        try await cache.saveOverrides(#"{"levels":{"cooldown":5}}"#, guildID: 1)
        #expect(try await cache.loadOverrides(guildID: 1) == #"{"levels":{"cooldown":5}}"#)
        #expect(await inner.reads == 1, "this process's own write needs no read")
        // Another process changes the guild: seen only once the entry has aged out.
        await inner.writeBehindTheCache(#"{"levels":{"cooldown":9}}"#, guildID: 1)
        clock.advance(by: .seconds(29))
        #expect(try await cache.loadOverrides(guildID: 1) == #"{"levels":{"cooldown":5}}"#)
        clock.advance(by: .seconds(1))
        #expect(try await cache.loadOverrides(guildID: 1) == #"{"levels":{"cooldown":9}}"#)
        #expect(await inner.reads == 2)
        #expect(cache.statistics.hits == 3 && cache.statistics.misses == 2)
    }

    @Test("during a database outage an aged-out entry is served again (retried every staleRetryInterval); a guild never read fails")
    func staleIfError() async throws {
        let inner = CountingStore()
        let clock = ManualTimeSource()
        let cache = CachingGuildSettingsStore(inner, maximumAge: .seconds(30), staleRetryInterval: .seconds(5), timeSource: clock)
        try await cache.saveOverrides(#"{"levels":{"cooldown":5}}"#, guildID: 1)
        await inner.setFailReads(true)
        clock.advance(by: .seconds(31))
        #expect(try await cache.loadOverrides(guildID: 1) == #"{"levels":{"cooldown":5}}"#, "the outage does not fail the read")
        #expect(try await cache.loadOverrides(guildID: 1) == #"{"levels":{"cooldown":5}}"#)
        #expect(await inner.reads == 1, "within staleRetryInterval the store is not asked again")
        clock.advance(by: .seconds(5))
        #expect(try await cache.loadOverrides(guildID: 1) == #"{"levels":{"cooldown":5}}"#)
        #expect(await inner.reads == 2, "after staleRetryInterval the store is tried again")
        await #expect(throws: CountingStoreFailure.self) { try await cache.loadOverrides(guildID: 2) }
        #expect(cache.statistics.staleReads == 2)
        // The database is back: the next read after the interval sees its current value.
        await inner.writeBehindTheCache(#"{"levels":{"cooldown":7}}"#, guildID: 1)
        await inner.setFailReads(false)
        clock.advance(by: .seconds(5))
        #expect(try await cache.loadOverrides(guildID: 1) == #"{"levels":{"cooldown":7}}"#)
    }

    @Test("a failed write leaves nothing stale behind; invalidateAll forces fresh reads")
    func failedWrite() async throws {
        let inner = CountingStore()
        let cache = CachingGuildSettingsStore(inner, timeSource: ManualTimeSource())
        try await cache.saveOverrides(#"{"a":{"b":1}}"#, guildID: 7)
        await inner.setFailWrites(true)
        await #expect(throws: CountingStoreFailure.self) { try await cache.saveOverrides(#"{"a":{"b":2}}"#, guildID: 7) }
        #expect(try await cache.loadOverrides(guildID: 7) == #"{"a":{"b":1}}"#, "read again from the store, which kept the old value")
        #expect(await inner.reads == 1)
        await inner.writeBehindTheCache(nil, guildID: 7)
        cache.invalidateAll()
        #expect(try await cache.loadOverrides(guildID: 7) == nil)
    }

    @Test("capacity bounds the number of guilds kept; settings read through the cache layer like the store's")
    func capacityAndLayering() async throws {
        let inner = CountingStore()
        let cache = CachingGuildSettingsStore(inner, capacity: 8, timeSource: ManualTimeSource())
        for guild in UInt64(1)...20 { _ = try await cache.loadOverrides(guildID: guild) }
        #expect(await inner.reads == 20)
        _ = try await cache.loadOverrides(guildID: 20)
        #expect(await inner.reads == 20, "the newest guild is still cached")
        _ = try await cache.loadOverrides(guildID: 1)
        #expect(await inner.reads == 21, "the oldest were dropped")
        let settings = GuildSettings(base: try load("[levels]\ncooldown = 3\n"), store: cache)
        try await settings.set(path: "levels.cooldown", text: "10", guildID: 42)
        #expect(try await settings.resolved(guildID: 42).integer(at: "levels.cooldown") == 10)
        #expect(try await settings.resolved(guildID: 43).integer(at: "levels.cooldown") == 3)
    }
}
