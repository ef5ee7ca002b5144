import ApusCore
import Logging
import Synchronization

/// A ``GuildSettingsStore`` in front of another that keeps each guild's stored overrides in memory, so that reading a
/// guild's settings for every event (is this plugin on here? what are its rules?) costs no database round trip.
///
/// Writes go through to the inner store first and then replace the cached entry, so this process always reads its
/// own edits. Another process's edits to the same database are seen once an entry is older than `maximumAge`
/// (measured on the injected ``TimeSource``). At most `capacity` guilds are kept; past that the oldest entries are
/// dropped.
///
/// **Database outages.** When an entry has aged out and reading it again fails (the database is locked or
/// unreachable), the entry this process last read is served instead and trusted for `staleRetryInterval` more, so
/// a guild's rules keep applying through an outage instead of every message failing; each such read is counted
/// (``statistics``) and logged at most once a minute. A guild never read before has nothing to fall back on: its
/// failed read throws, and is not cached.
public final class CachingGuildSettingsStore: GuildSettingsStore {
    private struct Entry {
        var json: String?
        var loadedAt: MonotonicTime
        /// Order of insertion: decides which entries are oldest even when several share one `loadedAt`.
        var sequence: UInt64
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var hits = 0
        var misses = 0
        /// Bumped by every write and invalidation: a read that started before one does not cache what it read.
        var writes = 0
        /// The next entry's ``Entry/sequence``.
        var nextSequence: UInt64 = 0
        var staleReads = 0
        var staleWarnings = LogThrottle(interval: .seconds(60))
    }

    /// The store that holds the data.
    public let inner: any GuildSettingsStore
    /// How long an entry is trusted before it is read again.
    public let maximumAge: Duration
    /// How many guilds are kept at most.
    public let capacity: Int
    /// How long an aged-out entry is served again after a failed read before the next read is tried.
    public let staleRetryInterval: Duration
    private let timeSource: any TimeSource
    private let logger: Logger
    private let state = Mutex(State())

    /// Creates a cache over `inner`. `staleRetryInterval` is clamped to `0...maximumAge`.
    public init(
        _ inner: any GuildSettingsStore, maximumAge: Duration = .seconds(30), capacity: Int = 100_000,
        staleRetryInterval: Duration = .seconds(5), timeSource: any TimeSource = SystemTimeSource(),
        logger: Logger = Logger(label: "apus.settings")
    ) {
        self.inner = inner
        self.maximumAge = max(.zero, maximumAge)
        self.capacity = max(1, capacity)
        self.staleRetryInterval = min(max(.zero, staleRetryInterval), self.maximumAge)
        self.timeSource = timeSource
        self.logger = logger
    }

    /// The guild's overrides: from memory when the entry is fresh, otherwise from the inner store (or, when that
    /// read fails, the aged-out entry; see "Database outages" above).
    public func loadOverrides(guildID: UInt64) async throws -> String? {
        let now = timeSource.now()
        let (cached, stale, writesBefore) = state.withLock { state -> (Entry?, Entry?, Int) in
            guard let entry = state.entries[guildID], now - entry.loadedAt < maximumAge else {
                state.misses += 1
                return (nil, state.entries[guildID], state.writes)
            }
            state.hits += 1
            return (entry, nil, state.writes)
        }
        if let cached { return cached.json }
        let json: String?
        do {
            json = try await inner.loadOverrides(guildID: guildID)
        } catch {
            guard let stale else { throw error }
            let suppressed = state.withLock { state -> Int? in
                state.staleReads += 1
                // Trust the old entry a little longer, unless a write replaced it meanwhile.
                if state.writes == writesBefore, state.entries[guildID]?.sequence == stale.sequence {
                    state.entries[guildID]?.loadedAt = now - (maximumAge - staleRetryInterval)
                }
                return state.staleWarnings.admit(at: now)
            }
            if let suppressed {
                logger.warning("cannot read guild settings; using the copy read earlier", metadata: [
                    "guild": "\(guildID)", "error": "\(error)", "suppressed": "\(suppressed)"])
            }
            return stale.json
        }
        remember(json, guildID: guildID, at: now, unlessWrittenSince: writesBefore)
        return json
    }

    /// Saves through to the inner store, then caches what was saved.
    public func saveOverrides(_ json: String?, guildID: UInt64) async throws {
        do {
            try await inner.saveOverrides(json, guildID: guildID)
        } catch {
            // The stored state is unknown now: read it again next time.
            state.withLock { state in
                state.writes += 1
                state.entries.removeValue(forKey: guildID)
            }
            throw error
        }
        state.withLock { $0.writes += 1 }
        remember(json, guildID: guildID, at: timeSource.now(), unlessWrittenSince: nil)
    }

    /// Forgets every cached guild (the next read of each goes to the inner store).
    public func invalidateAll() {
        state.withLock { state in
            state.writes += 1
            state.entries.removeAll()
        }
    }

    /// Reads served from memory (`hits`), attempted on the inner store (`misses`), and served from an aged-out
    /// entry because the inner store failed (`staleReads`), since creation.
    public var statistics: (hits: Int, misses: Int, staleReads: Int) {
        state.withLock { ($0.hits, $0.misses, $0.staleReads) }
    }

    private func remember(_ json: String?, guildID: UInt64, at time: MonotonicTime, unlessWrittenSince writes: Int?) {
        state.withLock { state in
            if let writes, state.writes != writes { return }
            if state.entries[guildID] == nil, state.entries.count >= capacity {
                // Drop the oldest eighth at once, so a full cache does not scan on every insert.
                let drop = max(1, capacity / 8)
                let oldest = state.entries.sorted { $0.value.sequence < $1.value.sequence }.prefix(drop).map(\.key)
                for key in oldest { state.entries.removeValue(forKey: key) }
            }
            state.entries[guildID] = Entry(json: json, loadedAt: time, sequence: state.nextSequence)
            state.nextSequence += 1
        }
    }
}
