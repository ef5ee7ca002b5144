/// Where each guild's configuration overrides live: one JSON text per guild (a table of section tables,
/// as written by ``ConfigJSON``), so that any database can hold them.
public protocol GuildSettingsStore: Sendable {
    /// The stored overrides of a guild, or `nil` when it has none.
    func loadOverrides(guildID: UInt64) async throws -> String?
    /// Stores a guild's overrides; `nil` deletes them.
    func saveOverrides(_ json: String?, guildID: UInt64) async throws
}

/// A ``GuildSettingsStore`` in memory, for tests and for bots without a database.
public actor InMemoryGuildSettingsStore: GuildSettingsStore {
    private var overrides: [UInt64: String]

    /// Creates a store holding `overrides` (JSON text by guild id).
    public init(overrides: [UInt64: String] = [:]) {
        self.overrides = overrides
    }

    /// The stored overrides of a guild.
    public func loadOverrides(guildID: UInt64) -> String? {
        overrides[guildID]
    }

    /// Stores or deletes a guild's overrides.
    public func saveOverrides(_ json: String?, guildID: UInt64) {
        overrides[guildID] = json
    }

    /// The ids of the guilds that have overrides, sorted.
    public var guildIDs: [UInt64] {
        overrides.keys.sorted()
    }
}
