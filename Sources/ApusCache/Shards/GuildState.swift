/// Everything cached about one guild, guarded by its guild shard's lock. Members and presences share one
/// ``ByteArena`` for their role lists, nicknames and custom statuses.
struct GuildState: Sendable {
    /// The guild id.
    let id: UInt64
    /// The guild's own fields; nil when the guilds resource is off.
    var info: GuildInfo?
    var roles = IDTable<CachedRole>()
    var channels = IDTable<CachedChannel>()
    var members = IDTable<MemberRecord>()
    var presences = IDTable<PresenceRecord>()
    var voiceStates = IDTable<VoiceStateRecord>()
    var arena = ByteArena()
    /// Numbering of the role ids members refer to.
    var roleOrdinals = RoleOrdinals()

    init(id: UInt64) { self.id = id }

    /// Inserts or replaces a member; `isUpdate` keeps fields the event omitted. Returns true when the member is new.
    @discardableResult
    mutating func upsertMember(_ fields: MemberFields, writtenAt: UInt32, isUpdate: Bool = false) -> Bool {
        var fields = fields
        var keptJoinedAt: UInt32?
        if isUpdate, let previous = members[fields.userID] {
            let old = previous.details(in: arena)
            if fields.pending == nil { fields.pending = old.isPending }
            if fields.flags == nil { fields.flags = Int(truncatingIfNeeded: old.flags) }
            if fields.joinedAt == nil { keptJoinedAt = previous.joinedAt }
        }
        var record = fields.record(in: &arena, ordinals: &roleOrdinals, writtenAt: writtenAt)
        if let keptJoinedAt { record.joinedAt = keptJoinedAt }
        let previous = members.upsert(record)
        if let previous { arena.release(previous.blob) }
        compactIfNeeded()
        return previous == nil
    }

    /// Removes a member; true when it was cached.
    mutating func removeMember(_ userID: UInt64) -> Bool {
        guard let removed = members.remove(userID) else { return false }
        arena.release(removed.blob)
        compactIfNeeded()
        return true
    }

    /// Inserts or replaces a presence.
    mutating func upsertPresence(userID: UInt64, status: UInt8, customStatus: String?, writtenAt: UInt32) {
        var blob: BlobRef = 0
        if let customStatus {
            var writer = PackedFieldsWriter()
            writer.append(customStatus)
            blob = arena.append(writer.bytes)
        }
        let record = PresenceRecord(userID: userID, blob: blob, writtenAt: writtenAt, status: status)
        if let previous = presences.upsert(record) { arena.release(previous.blob) }
        compactIfNeeded()
    }

    /// Removes a presence; true when it was cached.
    mutating func removePresence(_ userID: UInt64) -> Bool {
        guard let removed = presences.remove(userID) else { return false }
        arena.release(removed.blob)
        return true
    }

    /// Evicts the members written longest ago until at most `maximum` remain; returns the evicted user ids.
    mutating func enforceMemberLimit(_ maximum: Int) -> [UInt64] {
        guard members.count > maximum else { return [] }
        let excess = members.count - maximum
        let victims = members.records.sorted { ($0.writtenAt, $0.userID) < ($1.writtenAt, $1.userID) }.prefix(excess)
        let ids = victims.map(\.userID)
        for id in ids { _ = removeMember(id) }
        return ids
    }

    /// Evicts the presences written longest ago until at most `maximum` remain; returns how many were evicted.
    mutating func enforcePresenceLimit(_ maximum: Int) -> Int {
        guard presences.count > maximum else { return 0 }
        let excess = presences.count - maximum
        let victims = presences.records.sorted { ($0.writtenAt, $0.userID) < ($1.writtenAt, $1.userID) }.prefix(excess)
        for victim in victims.map(\.userID) { _ = removePresence(victim) }
        return excess
    }

    /// Removes members written before `threshold`; returns their user ids.
    mutating func expireMembers(before threshold: UInt32) -> [UInt64] {
        guard threshold > 0 else { return [] }
        let ids = members.records.filter { $0.writtenAt < threshold }.map(\.userID)
        for id in ids { _ = removeMember(id) }
        return ids
    }

    /// Removes presences written before `threshold`; returns how many.
    mutating func expirePresences(before threshold: UInt32) -> Int {
        guard threshold > 0 else { return 0 }
        let ids = presences.records.filter { $0.writtenAt < threshold }.map(\.userID)
        for id in ids { _ = removePresence(id) }
        return ids.count
    }

    /// The public value of a stored member.
    func cachedMember(_ record: MemberRecord) -> CachedMember {
        record.cachedMember(guildID: id, in: arena, ordinals: roleOrdinals)
    }

    /// Releases spare capacity after a bulk load.
    mutating func shrinkToFit() {
        arena.shrinkToFit()
    }

    /// The user ids of every cached member.
    var memberIDs: [UInt64] { members.records.map(\.userID) }

    /// Copies live blobs into a fresh arena once more than half of it is garbage.
    mutating func compactIfNeeded() {
        guard arena.shouldCompact else { return }
        let old = arena
        var fresh = ByteArena()
        fresh.reserve(old.bytes.count - old.garbage)
        members.updateAll { $0.blob = fresh.copy($0.blob, from: old) }
        presences.updateAll { $0.blob = fresh.copy($0.blob, from: old) }
        arena = fresh
    }

    /// The public guild value, if guild fields are cached.
    var cachedGuild: CachedGuild? {
        guard let info else { return nil }
        return CachedGuild(
            id: .init(id), name: info.name, ownerID: .init(info.ownerID), memberCount: info.memberCount,
            features: info.features, isUnavailable: info.isUnavailable, roleIDs: roles.records.map(\.id),
            channelIDs: channels.records.map(\.id)
        )
    }
}
