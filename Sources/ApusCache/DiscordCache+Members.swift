import ApusModel

extension DiscordCache {
    func applyMemberAdd(_ event: GuildMemberAdd) {
        guard let user = event.user else { return }
        let now = nowSecond
        let outcome = withGuild(event.guildID.rawValue) { state, counters -> (isNew: Bool, evicted: [UInt64]) in
            state.info?.memberCount += 1
            guard configuration.members.isEnabled else { return (false, []) }
            let isNew = state.upsertMember(MemberFields(event, userID: user.id.rawValue), writtenAt: now)
            let evicted = enforceMemberLimit(&state, &counters)
            return (isNew, evicted)
        }
        finishMemberWrite(outcome, user: user)
    }

    func applyMemberUpdate(_ event: GuildMemberUpdate) {
        guard configuration.members.isEnabled else {
            refreshUser(event.user)
            return
        }
        let now = nowSecond
        let outcome = withGuild(event.guildID.rawValue) { state, counters -> (isNew: Bool, evicted: [UInt64]) in
            let isNew = state.upsertMember(MemberFields(event), writtenAt: now, isUpdate: true)
            let evicted = enforceMemberLimit(&state, &counters)
            return (isNew, evicted)
        }
        if outcome?.isNew == false { refreshUser(event.user) }
        finishMemberWrite(outcome, user: event.user)
    }

    func applyMemberRemove(_ event: GuildMemberRemove) {
        let removed = withGuild(event.guildID.rawValue) { state, _ -> Bool in
            if let count = state.info?.memberCount, count > 0 { state.info?.memberCount = count - 1 }
            _ = state.removePresence(event.user.id.rawValue)
            state.voiceStates.remove(event.user.id.rawValue)
            return state.removeMember(event.user.id.rawValue)
        }
        if removed == true { releaseUsers([event.user.id.rawValue]) }
    }

    func applyMembersChunk(_ chunk: GuildMembersChunk) {
        let fields = chunk.members.compactMap { member in member.user.map { MemberFields(member, userID: $0.id.rawValue) } }
        let now = nowSecond
        let outcome = withGuild(chunk.guildID.rawValue) { state, counters -> (new: [User], evicted: [UInt64]) in
            var new: [User] = []
            if configuration.members.isEnabled {
                for member in fields where state.upsertMember(member, writtenAt: now) {
                    if let user = member.user { new.append(user) }
                }
            }
            if configuration.presences.isEnabled {
                for presence in chunk.presences ?? [] {
                    state.upsertPresence(
                        userID: presence.user.id.rawValue, status: PresenceRecord.code(presence.status),
                        customStatus: PresenceRecord.customStatus(of: presence), writtenAt: now
                    )
                }
            }
            return (new, enforceMemberLimit(&state, &counters))
        }
        guard let outcome else { return }
        retainUsers(outcome.new)
        releaseUsers(outcome.evicted)
    }

    /// Applies the per-guild member bound; returns the evicted user ids.
    private func enforceMemberLimit(_ state: inout GuildState, _ counters: inout ShardCounters) -> [UInt64] {
        guard let limit = configuration.members.maximumPerContainer else { return [] }
        let evicted = state.enforceMemberLimit(limit)
        counters.evicted(.members, count: evicted.count)
        return evicted
    }

    /// Retains the user of a newly cached member and releases the users of evicted members.
    private func finishMemberWrite(_ outcome: (isNew: Bool, evicted: [UInt64])?, user: User) {
        guard let outcome else { return }
        if outcome.isNew { retainUsers([user]) }
        releaseUsers(outcome.evicted)
    }

    private func refreshUser(_ user: User) {
        refreshUser(
            id: user.id.rawValue, username: user.username, globalName: .some(user.globalName), avatar: .some(user.avatarHash),
            isBot: user.bot
        )
    }

    // MARK: - Lookups

    /// The cached member `user` of `guild`, with its shared user record attached when users are cached. A member
    /// older than the members' age bound is a miss (and is removed).
    public func member(guild: Snowflake, user: Snowflake) -> CachedMember? {
        let threshold = threshold(.members)
        let lookup = withGuild(guild.rawValue) { state, counters -> (CachedMember?, expired: Bool) in
            guard let record = state.members[user.rawValue] else {
                counters.miss(.members)
                return (nil, false)
            }
            if record.writtenAt < threshold {
                _ = state.removeMember(user.rawValue)
                counters.miss(.members)
                counters.evicted(.members)
                return (nil, true)
            }
            counters.hit(.members)
            return (state.cachedMember(record), false)
        }
        guard let lookup else {
            guildShard(guild.rawValue).with { $0.counters.miss(.members) }
            return nil
        }
        if lookup.expired { releaseUsers([user.rawValue]) }
        guard var member = lookup.0 else { return nil }
        if configuration.users.isEnabled {
            member.user = userShard(user.rawValue).with { shard in shard.users[user.rawValue].map { $0.cachedUser(in: shard.arena) } }
        }
        return member
    }

    /// Every cached member of a guild (unordered), with shared user records attached when users are cached; for
    /// name lookups such as a command's member argument. Costs one pass over the guild's members.
    public func members(guild: Snowflake) -> [CachedMember] {
        var members = withGuild(guild.rawValue) { state, _ in state.members.records.map { state.cachedMember($0) } } ?? []
        if configuration.users.isEnabled {
            for index in members.indices {
                let id = members[index].userID.rawValue
                members[index].user = userShard(id).with { shard in shard.users[id].map { $0.cachedUser(in: shard.arena) } }
            }
        }
        return members
    }

    /// The number of members cached for a guild (0 when the guild is not cached).
    public func memberCount(guild: Snowflake) -> Int {
        withGuild(guild.rawValue) { state, _ in state.members.count } ?? 0
    }

    /// The cached roles of a member, highest first (roles that are not cached, e.g. deleted ones, are skipped).
    public func roles(of member: CachedMember) -> [CachedRole] {
        withGuild(member.guildID.rawValue) { state, _ in
            member.roleIDs.compactMap { state.roles[$0.rawValue] }
                .sorted { ($0.position, $0.id) > ($1.position, $1.id) }
        } ?? []
    }
}
