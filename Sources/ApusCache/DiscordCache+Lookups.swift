import ApusModel

extension DiscordCache {
    /// The cached guild `id` (also while unavailable).
    public func guild(_ id: Snowflake) -> CachedGuild? {
        guildShard(id.rawValue).with { shard in
            shard.counters.record(.guilds, shard.guilds[id.rawValue]?.cachedGuild)
        }
    }

    /// The ids of every cached guild.
    public func guildIDs() -> [Snowflake] {
        guildShards.flatMap { shard in shard.with { $0.guilds.values.filter { $0.info != nil }.map { Snowflake($0.id) } } }
    }

    /// The cached channel or thread `id`.
    public func channel(_ id: Snowflake) -> CachedChannel? {
        let guildID = directoryShard(id.rawValue).with { $0.guildOfChannel[id.rawValue] }
        guard let guildID else {
            guildShards[Self.shardIndex(id.rawValue, count: guildShards.count)].with { $0.counters.miss(.channels) }
            return nil
        }
        return guildShard(guildID).with { shard in
            shard.counters.record(.channels, shard.guilds[guildID]?.channels[id.rawValue])
        }
    }

    /// The cached channels and threads of a guild, by position then id.
    public func channels(guild: Snowflake) -> [CachedChannel] {
        withGuild(guild.rawValue) { state, _ in
            state.channels.records.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        } ?? []
    }

    /// The cached role `id` of `guild`.
    public func role(_ id: Snowflake, guild: Snowflake) -> CachedRole? {
        guildShard(guild.rawValue).with { shard in
            shard.counters.record(.roles, shard.guilds[guild.rawValue]?.roles[id.rawValue])
        }
    }

    /// The cached roles of a guild, highest first.
    public func roles(guild: Snowflake) -> [CachedRole] {
        withGuild(guild.rawValue) { state, _ in
            state.roles.records.sorted { ($0.position, $0.id) > ($1.position, $1.id) }
        } ?? []
    }

    /// The cached presence of `user` in `guild`. A presence older than the presences' age bound is a miss.
    public func presence(guild: Snowflake, user: Snowflake) -> CachedPresence? {
        let threshold = threshold(.presences)
        return guildShard(guild.rawValue).with { shard -> CachedPresence? in
            guard var state = shard.guilds.removeValue(forKey: guild.rawValue) else {
                shard.counters.miss(.presences)
                return nil
            }
            defer { shard.guilds[guild.rawValue] = state }
            guard let record = state.presences[user.rawValue] else {
                shard.counters.miss(.presences)
                return nil
            }
            if record.writtenAt < threshold {
                _ = state.removePresence(user.rawValue)
                shard.counters.evicted(.presences)
                shard.counters.miss(.presences)
                return nil
            }
            shard.counters.hit(.presences)
            return record.cachedPresence(guildID: guild.rawValue, in: state.arena)
        }
    }

    /// The cached voice state of `user` in `guild` (nil when not in a voice channel).
    public func voiceState(guild: Snowflake, user: Snowflake) -> CachedVoiceState? {
        guildShard(guild.rawValue).with { shard in
            shard.counters.record(
                .voiceStates, shard.guilds[guild.rawValue]?.voiceStates[user.rawValue]?.cachedVoiceState(guildID: guild.rawValue)
            )
        }
    }

    /// The voice states of everyone in a voice channel of `guild`.
    public func voiceStates(guild: Snowflake, channel: Snowflake) -> [CachedVoiceState] {
        withGuild(guild.rawValue) { state, _ in
            state.voiceStates.records.filter { $0.channelID == channel.rawValue }.map { $0.cachedVoiceState(guildID: guild.rawValue) }
        } ?? []
    }

    /// Everything a permission check needs about a guild and, optionally, one of its channels (a thread's
    /// overwrites are its parent's). Nil when the guild or its roles are not cached.
    public func permissionView(guild: Snowflake, channel: Snowflake? = nil) -> GuildPermissionView? {
        withGuild(guild.rawValue) { state, _ -> GuildPermissionView? in
            guard let info = state.info, state.roles.count > 0 else { return nil }
            var overwrites: [CachedOverwrite] = []
            if let channel, var cached = state.channels[channel.rawValue] {
                if cached.isThread, let parent = cached.parentID, let parentChannel = state.channels[parent.rawValue] {
                    cached = parentChannel
                }
                overwrites = cached.overwrites
            }
            return GuildPermissionView(
                guildID: guild, ownerID: Snowflake(info.ownerID), roles: state.roles.records, channelOverwrites: overwrites
            )
        } ?? nil
    }
}
