import ApusModel

extension DiscordCache {
    func applyMessageCreate(_ message: Message) {
        let author = message.author
        refreshUser(
            id: author.id.rawValue, username: author.username, globalName: .some(author.globalName),
            avatar: .some(author.avatarHash), isBot: author.bot
        )
        guard configuration.messages.isEnabled else { return }
        let record = MessageRecord(id: message.id.rawValue, authorID: author.id.rawValue, blob: 0, writtenAt: nowSecond)
        let channelID = message.channelID.rawValue
        let blob = MessageRecord.pack(
            id: message.id.rawValue, channelID: channelID,
            .init(
                content: message.content, timestamp: message.timestamp.microsecondsSinceEpoch,
                editedTimestamp: message.editedTimestamp?.microsecondsSinceEpoch,
                referencedMessageID: message.messageReference?.messageID?.rawValue, attachmentURLs: message.attachments.map(\.url),
                mentionedUserIDs: message.mentions.map(\.id.rawValue), mentionedRoleIDs: message.mentionRoles.map(\.rawValue)
            ),
            compressingContent: configuration.compressesMessageContent
        )
        let perChannel = configuration.messages.maximumPerContainer
        let shardTotal = messageShareLimit(channelID: channelID)
        messageShard(channelID).with { shard in
            let evicted = shard.insert(
                record, channelID: channelID, guildID: message.guildID?.rawValue ?? 0, blob: blob, perChannel: perChannel,
                shardTotal: shardTotal
            )
            shard.counters.evicted(.messages, count: evicted)
        }
    }

    func applyMessageUpdate(_ update: MessageUpdate) {
        guard configuration.messages.isEnabled else { return }
        let channelID = update.channelID.rawValue
        let now = nowSecond
        messageShard(channelID).with { shard in
            guard var record = shard.channels[channelID]?.record(update.id.rawValue) else { return }
            var details = record.details(in: shard.arena, channelID: channelID)
            if let content = update.content { details.content = content }
            if let attachments = update.attachments { details.attachmentURLs = attachments.map(\.url) }
            if let edited = update.editedTimestamp { details.editedTimestamp = edited.microsecondsSinceEpoch }
            if let mentions = update.mentions { details.mentionedUserIDs = mentions.map(\.id.rawValue) }
            if let roles = update.mentionRoles { details.mentionedRoleIDs = roles.map(\.rawValue) }
            shard.arena.release(record.blob)
            record.blob = shard.arena.append(MessageRecord.pack(
                id: record.id, channelID: channelID, details, compressingContent: configuration.compressesMessageContent
            ))
            record.writtenAt = now
            shard.replace(record, channelID: channelID)
        }
    }

    func removeMessages(_ ids: [Snowflake], channelID: Snowflake) {
        let channel = channelID.rawValue
        messageShard(channel).with { shard in
            for id in ids { _ = shard.remove(id.rawValue, channelID: channel) }
        }
    }

    // MARK: - Lookups

    /// The cached message `id` in `channel`. A message older than the messages' age bound is a miss.
    public func message(_ id: Snowflake, channel: Snowflake) -> CachedMessage? {
        let threshold = threshold(.messages)
        return messageShard(channel.rawValue).with { shard -> CachedMessage? in
            guard let log = shard.channels[channel.rawValue], let record = log.record(id.rawValue) else {
                shard.counters.miss(.messages)
                return nil
            }
            if record.writtenAt < threshold {
                _ = shard.remove(id.rawValue, channelID: channel.rawValue)
                shard.counters.evicted(.messages)
                shard.counters.miss(.messages)
                return nil
            }
            shard.counters.hit(.messages)
            return record.cachedMessage(channelID: channel.rawValue, guildID: log.guildID, in: shard.arena)
        }
    }

    /// The cached message `id` when its channel is unknown: searches every message shard (O(channels × log n)).
    public func message(_ id: Snowflake) -> CachedMessage? {
        for shard in messageShards {
            let channel = shard.with { shard in
                shard.channels.records.first { $0.position(of: id.rawValue) != nil }?.channelID
            }
            if let channel { return message(id, channel: Snowflake(channel)) }
        }
        messageShards[Self.shardIndex(id.rawValue, count: messageShards.count)].with { $0.counters.miss(.messages) }
        return nil
    }

    /// Up to `limit` of a channel's cached messages, newest first (expired ones are skipped).
    public func messages(channel: Snowflake, limit: Int = 50) -> [CachedMessage] {
        let threshold = threshold(.messages)
        return messageShard(channel.rawValue).with { shard in
            guard let log = shard.channels[channel.rawValue], limit > 0 else {
                shard.counters.miss(.messages)
                return []
            }
            shard.counters.hit(.messages)
            return log.live.reversed().lazy.filter { $0.writtenAt >= threshold }.prefix(limit).map {
                $0.cachedMessage(channelID: channel.rawValue, guildID: log.guildID, in: shard.arena)
            }
        }
    }
}
