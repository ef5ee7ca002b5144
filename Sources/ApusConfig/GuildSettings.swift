/// Per-guild settings layered over the file: schema defaults → `apus.toml` (and environment) → the guild's
/// overrides, deep-merged (tables key by key; arrays and scalars replace).
///
/// Only keys marked ``ConfigKey/isGuildOverridable`` can be set per guild. Edits are checked against the
/// schema before they are saved. Edits of one guild made through one instance run one at a time (a
/// per-guild lock held across the store's load and save), so two `config set` commands on one guild do
/// not lose each other's change. Several processes editing the same guild need the store's own locking.
public actor GuildSettings {
    /// The configuration every guild starts from.
    public let base: ResolvedConfig
    /// Where overrides are stored.
    public let store: any GuildSettingsStore
    /// Guilds with an edit in progress.
    private var editing: Set<UInt64> = []
    /// Edits waiting for a guild's edit in progress, oldest first.
    private var waiting: [UInt64: [CheckedContinuation<Void, Never>]] = [:]

    /// Creates the layer over `base`, storing overrides in `store`.
    public init(base: ResolvedConfig, store: any GuildSettingsStore) {
        self.base = base
        self.store = store
    }

    /// The guild's view of the configuration. Stored entries that no longer fit the schema (a key removed
    /// or no longer overridable, a value now out of range) are left out; ``storedIssues(guildID:)`` lists them.
    public func resolved(guildID: UInt64) async throws(GuildSettingsError) -> ResolvedConfig {
        let (overrides, _) = try await loadChecked(guildID: guildID)
        return base.layering(overrides)
    }

    /// The problems in a guild's stored overrides (empty when all of them apply).
    public func storedIssues(guildID: UInt64) async throws(GuildSettingsError) -> [ConfigIssue] {
        try await loadChecked(guildID: guildID).issues
    }

    /// The guild's own overrides (typed), without the file's values.
    public func overrides(guildID: UInt64) async throws(GuildSettingsError) -> ConfigValue {
        try await loadChecked(guildID: guildID).overrides
    }

    /// Sets `path` (`"levels.cooldown"`) for a guild from command text, read by the key's type (arrays as
    /// TOML inline arrays: `[123, 456]`). A table value replaces the guild's earlier override of that
    /// table (it still merges over the file). Saving also drops stored entries that no longer fit the
    /// schema. Returns the typed value saved.
    @discardableResult
    public func set(path: String, text: String, guildID: UInt64) async throws(GuildSettingsError) -> ConfigValue {
        let origin = ConfigIssue.Origin.edit(guildID: guildID)
        let (keys, key) = try editableKey(path, origin: origin)
        let configPath = ConfigPath(keys: keys)
        let typed: ConfigValue
        switch ConfigTextParser.raw(from: text, as: key.type, secret: key.isSecret) {
        case .problem(let kind):
            throw .invalid(ConfigError(issues: [ConfigIssue(kind, path: configPath, line: nil, origin: origin)]))
        case .value(let raw):
            var checker = ValueChecker(origin: origin, completesTables: false)
            guard let value = checker.check(raw, as: key.type, secret: key.isSecret, at: configPath) else {
                throw .invalid(ConfigError(issues: checker.issues))
            }
            typed = value
        }
        await beginEdit(guildID)
        defer { endEdit(guildID) }
        let current = try await loadChecked(guildID: guildID).overrides
        try await save(current.setting(typed, atKeys: keys), guildID: guildID)
        return typed
    }

    /// Removes a guild's override of `path`, so the file's value applies again.
    public func unset(path: String, guildID: UInt64) async throws(GuildSettingsError) {
        let origin = ConfigIssue.Origin.edit(guildID: guildID)
        let (keys, _) = try editableKey(path, origin: origin)
        await beginEdit(guildID)
        defer { endEdit(guildID) }
        let current = try await loadChecked(guildID: guildID).overrides
        try await save(current.setting(nil, atKeys: keys), guildID: guildID)
    }

    /// Removes every override of a guild.
    public func reset(guildID: UInt64) async throws(GuildSettingsError) {
        await beginEdit(guildID)
        defer { endEdit(guildID) }
        try await save(.table([:]), guildID: guildID)
    }

    /// Waits until no other edit of the guild is in progress, then marks one as in progress.
    private func beginEdit(_ guildID: UInt64) async {
        guard editing.contains(guildID) else {
            editing.insert(guildID)
            return
        }
        // The finishing edit hands its mark over to this one (see `endEdit`).
        await withCheckedContinuation { continuation in
            waiting[guildID, default: []].append(continuation)
        }
    }

    /// Ends an edit: hands the guild to the oldest waiting edit, or clears the mark.
    private func endEdit(_ guildID: UInt64) {
        if var queue = waiting[guildID], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[guildID] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            editing.remove(guildID)
        }
    }

    private func editableKey(_ path: String, origin: ConfigIssue.Origin) throws(GuildSettingsError) -> ([String], ConfigKey) {
        let keys = path.split(separator: ".", omittingEmptySubsequences: false).map { String($0).lowercased() }
        let configPath = ConfigPath(keys: keys)
        guard let key = base.schema.key(atKeys: keys) else {
            let issue = ConfigIssue(
                .unknownKey(suggestion: NearMiss.pathSuggestion(for: keys, in: base.schema)), path: configPath,
                line: nil, origin: origin)
            throw .invalid(ConfigError(issues: [issue]))
        }
        guard isOverridable(keys) else {
            throw .invalid(ConfigError(issues: [ConfigIssue(.notGuildOverridable, path: configPath, line: nil, origin: origin)]))
        }
        return (keys, key)
    }

    /// Whether the section-level key of `keys` is guild-overridable (deeper keys follow their table).
    private func isOverridable(_ keys: [String]) -> Bool {
        guard keys.count >= 2 else { return false }
        return base.schema.key(atKeys: Array(keys.prefix(2)))?.isGuildOverridable ?? false
    }

    private func save(_ overrides: ConfigValue, guildID: UInt64) async throws(GuildSettingsError) {
        let isEmpty = overrides.tableEntries?.isEmpty ?? true
        do {
            try await store.saveOverrides(isEmpty ? nil : ConfigJSON.encode(overrides), guildID: guildID)
        } catch {
            throw .storage(guildID: guildID, message: "\(error)")
        }
    }

    private func loadChecked(guildID: UInt64) async throws(GuildSettingsError) -> (overrides: ConfigValue, issues: [ConfigIssue]) {
        let json: String?
        do {
            json = try await store.loadOverrides(guildID: guildID)
        } catch {
            throw .storage(guildID: guildID, message: "\(error)")
        }
        guard let json else { return (.table([:]), []) }
        let raw: ConfigValue
        do {
            raw = try ConfigJSON.decode(json)
        } catch {
            throw .corruptStoredSettings(guildID: guildID, message: error.description)
        }
        let origin = ConfigIssue.Origin.guildSettings(guildID: guildID)
        guard case .table(let sections) = raw else {
            throw .corruptStoredSettings(guildID: guildID, message: "expected a JSON object of sections")
        }
        var checker = ValueChecker(origin: origin, completesTables: false)
        var typed: [String: ConfigValue] = [:]
        for sectionName in sections.keys.sorted() {
            let sectionPath = ConfigPath(keys: [sectionName])
            guard let section = base.schema.section(named: sectionName) else {
                checker.report(.unknownKey(suggestion: nil), at: sectionPath)
                continue
            }
            guard case .table(let entries) = sections[sectionName] else {
                checker.report(.wrongType(expected: "table", found: sections[sectionName]?.kindName ?? "nothing"), at: sectionPath)
                continue
            }
            var allowed: [String: ConfigValue] = [:]
            for (name, value) in entries {
                if section.key(named: name)?.isGuildOverridable == false {
                    checker.report(.notGuildOverridable, at: sectionPath.appending(key: name))
                } else {
                    allowed[name] = value
                }
            }
            let checked = checker.checkTable(allowed, fields: section.keys, at: sectionPath, complete: false)
            if !checked.isEmpty { typed[sectionName] = .table(checked) }
        }
        return (.table(typed), checker.issues)
    }
}

/// Why reading or editing a guild's settings failed.
public enum GuildSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The edit was rejected: unknown key, key not overridable per guild, or a bad value.
    case invalid(ConfigError)
    /// The store failed.
    case storage(guildID: UInt64, message: String)
    /// The stored JSON cannot be read at all.
    case corruptStoredSettings(guildID: UInt64, message: String)

    /// A message naming the key or the guild.
    public var description: String {
        switch self {
        case .invalid(let error): error.issues.map(\.description).joined(separator: "\n")
        case .storage(let guildID, let message): "settings store failed for guild \(guildID): \(message)"
        case .corruptStoredSettings(let guildID, let message): "stored settings of guild \(guildID) are unreadable: \(message)"
        }
    }
}
