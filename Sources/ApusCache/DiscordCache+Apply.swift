import ApusModel

extension DiscordCache {
    /// Applies one gateway event to the cache. Events for guilds the cache does not hold, and events of switched-off
    /// resources, are ignored. Never throws and never traps on unexpected input.
    public func apply(_ event: GatewayEvent) {
        switch event {
        case .ready(let ready): applyReady(ready)
        case .guildCreate(let guild): applyGuildCreate(guild)
        case .guildUpdate(let guild): applyGuildUpdate(guild)
        case .guildDelete(let guild): applyGuildDelete(guild)
        case .channelCreate(let channel), .channelUpdate(let channel), .threadCreate(let channel),
             .threadUpdate(let channel):
            upsertChannel(channel)
        case .channelDelete(let channel), .threadDelete(let channel): removeChannel(channel)
        case .guildRoleCreate(let event), .guildRoleUpdate(let event): upsertRole(event.role, guildID: event.guildID)
        case .guildRoleDelete(let event): removeRole(event.roleID, guildID: event.guildID)
        case .guildMemberAdd(let event): applyMemberAdd(event)
        case .guildMemberUpdate(let event): applyMemberUpdate(event)
        case .guildMemberRemove(let event): applyMemberRemove(event)
        case .guildMembersChunk(let chunk): applyMembersChunk(chunk)
        case .messageCreate(let message): applyMessageCreate(message)
        case .messageUpdate(let update): applyMessageUpdate(update)
        case .messageDelete(let event): removeMessages([event.id], channelID: event.channelID)
        case .messageDeleteBulk(let event): removeMessages(event.ids, channelID: event.channelID)
        case .presenceUpdate(let presence): applyPresence(presence)
        case .voiceStateUpdate(let state): applyVoiceState(state)
        case .userUpdate(let user):
            refreshUser(
                id: user.id.rawValue, username: user.username, globalName: .some(user.globalName),
                avatar: .some(user.avatarHash), isBot: user.bot
            )
        default: break
        }
    }

    // MARK: - Guilds

    private func applyReady(_ ready: Ready) {
        pinUser(ready.user)
        guard configuration.guilds.isEnabled else { return }
        for guild in ready.guilds {
            let id = guild.id.rawValue
            guildShard(id).with { shard in
                if shard.guilds[id] == nil {
                    var state = GuildState(id: id)
                    state.info = GuildInfo(unavailable: ())
                    shard.guilds[id] = state
                }
            }
        }
    }

    private func applyGuildCreate(_ guild: Guild) {
        let id = guild.id.rawValue
        if guild.unavailable == true {
            markUnavailable(id)
            return
        }
        let now = nowSecond
        let memberFields = configuration.members.isEnabled
            ? (guild.members ?? []).compactMap { member in member.user.map { MemberFields(member, userID: $0.id.rawValue) } }
            : []
        let channels = configuration.channels.isEnabled ? (guild.channels ?? []) + (guild.threads ?? []) : []
        var fresh = GuildState(id: id)
        if configuration.guilds.isEnabled { fresh.info = GuildInfo(guild) }
        if configuration.roles.isEnabled { fresh.roles = Self.roleTable(guild.roles) }
        for channel in channels { fresh.channels.upsert(CachedChannel(channel, guildID: guild.id)) }
        fresh.members.reserveCapacity(memberFields.count)
        var newUsers: [User] = []
        for fields in memberFields where fresh.upsertMember(fields, writtenAt: now) {
            if let user = fields.user { newUsers.append(user) }
        }
        fresh.shrinkToFit()
        var evicted: [UInt64] = []
        if let limit = configuration.members.maximumPerContainer { evicted = fresh.enforceMemberLimit(limit) }
        if configuration.presences.isEnabled {
            for presence in guild.presences ?? [] {
                fresh.upsertPresence(
                    userID: presence.user.id.rawValue, status: PresenceRecord.code(presence.status),
                    customStatus: PresenceRecord.customStatus(of: presence), writtenAt: now
                )
            }
            if let limit = configuration.presences.maximumPerContainer { _ = fresh.enforcePresenceLimit(limit) }
        }
        if configuration.voiceStates.isEnabled {
            for state in guild.voiceStates ?? [] {
                if let record = VoiceStateRecord(state) { fresh.voiceStates.upsert(record) }
            }
        }
        let isEmpty = fresh.info == nil && fresh.roles.count == 0 && fresh.channels.count == 0 && fresh.members.count == 0
            && fresh.presences.count == 0 && fresh.voiceStates.count == 0
        let replaced = guildShard(id).with { shard -> GuildState? in
            shard.counters.evicted(.members, count: evicted.count)
            let old = shard.guilds.removeValue(forKey: id)
            if !isEmpty { shard.guilds[id] = fresh }
            return old
        }
        if let replaced { forgetContents(of: replaced, keepingChannels: fresh.channels.records.map(\.id.rawValue)) }
        registerChannels(fresh.channels.records.map(\.id.rawValue), guildID: id)
        let evictedSet = Set(evicted)
        retainUsers(newUsers.filter { !evictedSet.contains($0.id.rawValue) })
    }

    private func applyGuildUpdate(_ guild: Guild) {
        let id = guild.id.rawValue
        _ = withGuild(id) { state, _ in
            if configuration.guilds.isEnabled {
                var info = GuildInfo(guild)
                if guild.memberCount == nil, let old = state.info { info.memberCount = old.memberCount }
                state.info = info
            }
            if configuration.roles.isEnabled { state.roles = Self.roleTable(guild.roles) }
        }
    }

    private func applyGuildDelete(_ guild: UnavailableGuild) {
        if guild.unavailable == true {
            markUnavailable(guild.id.rawValue)
            return
        }
        let id = guild.id.rawValue
        let removed = guildShard(id).with { shard in shard.guilds.removeValue(forKey: id) }
        if let removed { forgetContents(of: removed, keepingChannels: []) }
    }

    /// Drops a guild's contents and keeps an unavailable placeholder (with its last name and owner).
    private func markUnavailable(_ id: UInt64) {
        let removed = guildShard(id).with { shard -> GuildState? in
            let old = shard.guilds.removeValue(forKey: id)
            if configuration.guilds.isEnabled {
                var placeholder = GuildState(id: id)
                var info = old?.info ?? GuildInfo(unavailable: ())
                info.isUnavailable = true
                placeholder.info = info
                shard.guilds[id] = placeholder
            }
            return old
        }
        if let removed { forgetContents(of: removed, keepingChannels: []) }
    }

    /// Releases what a dropped guild state referred to outside its shard: user references, channel directory entries
    /// and the messages of channels that no longer exist.
    private func forgetContents(of state: GuildState, keepingChannels kept: [UInt64]) {
        releaseUsers(state.memberIDs)
        let keptSet = Set(kept)
        let gone = state.channels.records.map(\.id.rawValue).filter { !keptSet.contains($0) }
        for channelID in gone {
            directoryShard(channelID).with { directory in _ = directory.guildOfChannel.removeValue(forKey: channelID) }
            _ = messageShard(channelID).with { shard in shard.removeChannel(channelID) }
        }
    }

    static func roleTable(_ roles: [Role]) -> IDTable<CachedRole> {
        var table = IDTable<CachedRole>()
        table.reserveCapacity(roles.count)
        for role in roles { table.upsert(CachedRole(role)) }
        return table
    }

    // MARK: - Channels and roles

    private func registerChannels(_ channelIDs: [UInt64], guildID: UInt64) {
        var groups: [Int: [UInt64]] = [:]
        for id in channelIDs { groups[Self.shardIndex(id, count: directoryShards.count), default: []].append(id) }
        for (index, ids) in groups {
            directoryShards[index].with { directory in
                for id in ids { directory.guildOfChannel[id] = guildID }
            }
        }
    }

    private func upsertChannel(_ channel: Channel) {
        guard configuration.channels.isEnabled, let guildID = channel.guildID else { return }
        let stored = withGuild(guildID.rawValue) { state, _ in
            state.channels.upsert(CachedChannel(channel, guildID: guildID))
        }
        if stored != nil { registerChannels([channel.id.rawValue], guildID: guildID.rawValue) }
    }

    private func removeChannel(_ channel: Channel) {
        let channelID = channel.id.rawValue
        if let guildID = channel.guildID {
            _ = withGuild(guildID.rawValue) { state, _ in state.channels.remove(channelID) }
        }
        directoryShard(channelID).with { directory in _ = directory.guildOfChannel.removeValue(forKey: channelID) }
        _ = messageShard(channelID).with { shard in shard.removeChannel(channelID) }
    }

    private func upsertRole(_ role: Role, guildID: Snowflake) {
        guard configuration.roles.isEnabled else { return }
        _ = withGuild(guildID.rawValue) { state, _ in state.roles.upsert(CachedRole(role)) }
    }

    private func removeRole(_ roleID: Snowflake, guildID: Snowflake) {
        _ = withGuild(guildID.rawValue) { state, _ in state.roles.remove(roleID.rawValue) }
    }

    // MARK: - Presences and voice

    private func applyPresence(_ presence: Presence) {
        let user = presence.user
        if user.username != nil || user.globalName != nil || user.avatarHash != nil {
            refreshUser(
                id: user.id.rawValue, username: user.username, globalName: user.globalName.map { .some($0) },
                avatar: user.avatarHash.map { .some($0) }, isBot: user.bot
            )
        }
        guard configuration.presences.isEnabled, let guildID = presence.guildID else { return }
        let now = nowSecond
        _ = withGuild(guildID.rawValue) { state, counters in
            state.upsertPresence(
                userID: user.id.rawValue, status: PresenceRecord.code(presence.status),
                customStatus: PresenceRecord.customStatus(of: presence), writtenAt: now
            )
            if let limit = configuration.presences.maximumPerContainer {
                counters.evicted(.presences, count: state.enforcePresenceLimit(limit))
            }
        }
    }

    private func applyVoiceState(_ voiceState: VoiceState) {
        guard configuration.voiceStates.isEnabled, let guildID = voiceState.guildID else { return }
        _ = withGuild(guildID.rawValue) { state, _ in
            if let record = VoiceStateRecord(voiceState) {
                state.voiceStates.upsert(record)
            } else {
                state.voiceStates.remove(voiceState.userID.rawValue)
            }
        }
    }
}
