import ApusModel

/// The shared user records: reference-counted by cached memberships, grouped by user shard so that a batch takes each
/// shard lock once.
extension DiscordCache {
    /// Adds one reference to each user (inserting or refreshing its record).
    func retainUsers(_ users: [User]) {
        guard configuration.users.isEnabled, !users.isEmpty else { return }
        for (index, group) in groupByShard(users, id: { $0.id.rawValue }) {
            userShards[index].with { shard in
                for user in group { shard.retain(user) }
                shard.compactIfNeeded()
            }
        }
    }

    /// Drops one reference from each user id; records reaching zero references are removed.
    func releaseUsers(_ userIDs: [UInt64]) {
        guard configuration.users.isEnabled, !userIDs.isEmpty else { return }
        for (index, group) in groupByShard(userIDs, id: { $0 }) {
            userShards[index].with { shard in
                for id in group { shard.release(id) }
                shard.compactIfNeeded()
            }
        }
    }

    /// Refreshes a cached user's fields (no reference is added; uncached users are ignored).
    func refreshUser(id: UInt64, username: String?, globalName: String??, avatar: ImageHash??, isBot: Bool?) {
        guard configuration.users.isEnabled else { return }
        userShard(id).with { shard in
            guard let slot = shard.users.slot(of: id) else { return }
            var record = shard.users[slot: slot]
            let current = record.cachedUser(in: shard.arena)
            let packed = UserRecord.pack(
                username: username ?? current.username, globalName: globalName ?? current.globalName,
                avatar: avatar ?? current.avatar.map(ImageHash.init)
            )
            // Most refreshes (every MESSAGE_CREATE's author) change nothing: rewriting the blob anyway would leave
            // garbage in the arena on every message.
            if record.avatarKind != packed.avatarKind || !shard.arena.blob(record.blob).elementsEqual(packed.blob) {
                shard.arena.release(record.blob)
                record.blob = shard.arena.append(packed.blob)
                record.setAvatarKind(packed.avatarKind)
            }
            if let isBot { record.bits = isBot ? record.bits | 1 : record.bits & ~1 }
            shard.users[slot: slot] = record
            shard.compactIfNeeded()
        }
    }

    /// Keeps the bot's own user forever (READY).
    func pinUser(_ user: User) {
        guard configuration.users.isEnabled else { return }
        userShard(user.id.rawValue).with { shard in
            shard.retain(user)
            if let slot = shard.users.slot(of: user.id.rawValue) { shard.users[slot: slot].bits |= 2 }
        }
    }

    /// The cached user with `id`.
    public func user(_ id: Snowflake) -> CachedUser? {
        userShard(id.rawValue).with { shard in
            let found = shard.users[id.rawValue].map { $0.cachedUser(in: shard.arena) }
            return shard.counters.record(.users, found)
        }
    }

    /// Splits items into groups per user shard.
    private func groupByShard<Item>(_ items: [Item], id: (Item) -> UInt64) -> [Int: [Item]] {
        var groups: [Int: [Item]] = [:]
        for item in items { groups[Self.shardIndex(id(item), count: userShards.count), default: []].append(item) }
        return groups
    }
}

extension UserShard {
    /// Adds a reference to a user, inserting or refreshing its record.
    mutating func retain(_ user: User) {
        let packed = UserRecord.pack(username: user.username, globalName: user.globalName, avatar: user.avatarHash)
        let bot: UInt8 = user.bot == true ? 1 : 0
        if let slot = users.slot(of: user.id.rawValue) {
            var record = users[slot: slot]
            if record.avatarKind != packed.avatarKind || !arena.blob(record.blob).elementsEqual(packed.blob) {
                arena.release(record.blob)
                record.blob = arena.append(packed.blob)
            }
            record.references &+= record.references == .max ? 0 : 1
            record.bits = (record.bits & ~1) | bot
            record.setAvatarKind(packed.avatarKind)
            users[slot: slot] = record
        } else {
            var record = UserRecord(id: user.id.rawValue, blob: arena.append(packed.blob), references: 1, bits: bot)
            record.setAvatarKind(packed.avatarKind)
            users.upsert(record)
        }
    }

    /// Drops a reference; removes the record at zero unless pinned.
    mutating func release(_ id: UInt64) {
        guard let slot = users.slot(of: id) else { return }
        var record = users[slot: slot]
        record.references = record.references > 0 ? record.references - 1 : 0
        if record.references == 0, !record.isPinned {
            arena.release(record.blob)
            users.remove(id)
        } else {
            users[slot: slot] = record
        }
    }
}
