/// Counters of one resource.
///
/// `estimatedBytes` is the capacity of the resource's own storage, summed over shards: for each table
/// `records.capacity × MemoryLayout<Record>.stride + index.capacity × 4`, plus the capacity of its byte arenas
/// (strings, role-id lists) — allocator headers (about 16 bytes per array) are not counted.
public struct ResourceStatistics: Sendable, Hashable {
    /// Entries currently stored.
    public var entries: Int = 0
    /// Lookups that found an entry.
    public var hits: Int = 0
    /// Lookups that found nothing (or an expired entry).
    public var misses: Int = 0
    /// Entries removed by a count or age bound (not by Discord deleting the object).
    public var evictions: Int = 0
    /// Estimated bytes of storage (see the type's documentation).
    public var estimatedBytes: Int = 0

    /// Creates zeroed counters.
    public init() {}

    /// Adds another set of counters to this one.
    public mutating func add(_ other: ResourceStatistics) {
        entries += other.entries
        hits += other.hits
        misses += other.misses
        evictions += other.evictions
        estimatedBytes += other.estimatedBytes
    }
}

/// Counters of every resource.
public struct CacheStatistics: Sendable, Hashable {
    /// Counters per resource (every resource is present, zeroed when disabled).
    public var resources: [CacheResource: ResourceStatistics]

    /// Creates zeroed counters for every resource.
    public init() {
        resources = Dictionary(uniqueKeysWithValues: CacheResource.allCases.map { ($0, ResourceStatistics()) })
    }

    /// The counters of one resource.
    public subscript(resource: CacheResource) -> ResourceStatistics {
        get { resources[resource] ?? ResourceStatistics() }
        set { resources[resource] = newValue }
    }

    /// Adds another set of counters to this one, resource by resource.
    public mutating func add(_ other: CacheStatistics) {
        for (resource, counters) in other.resources { self[resource].add(counters) }
    }
}

/// Hit/miss/eviction counters kept inside one shard (entries and bytes are computed on demand).
struct ShardCounters: Sendable {
    var hits = [Int](repeating: 0, count: CacheResource.allCases.count)
    var misses = [Int](repeating: 0, count: CacheResource.allCases.count)
    var evictions = [Int](repeating: 0, count: CacheResource.allCases.count)

    mutating func hit(_ resource: CacheResource) { hits[resource.ordinal] += 1 }
    mutating func miss(_ resource: CacheResource) { misses[resource.ordinal] += 1 }
    mutating func evicted(_ resource: CacheResource, count: Int = 1) { evictions[resource.ordinal] += count }

    /// Records a hit when `value` is non-nil, else a miss, and passes the value through.
    mutating func record<Value>(_ resource: CacheResource, _ value: Value?) -> Value? {
        if value == nil { miss(resource) } else { hit(resource) }
        return value
    }

    func write(into statistics: inout CacheStatistics) {
        for resource in CacheResource.allCases {
            statistics[resource].hits += hits[resource.ordinal]
            statistics[resource].misses += misses[resource.ordinal]
            statistics[resource].evictions += evictions[resource.ordinal]
        }
    }
}

extension CacheResource {
    /// Position in `allCases`, for counter arrays.
    var ordinal: Int {
        switch self {
        case .guilds: 0
        case .channels: 1
        case .roles: 2
        case .members: 3
        case .users: 4
        case .presences: 5
        case .messages: 6
        case .voiceStates: 7
        }
    }
}
