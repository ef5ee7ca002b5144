/// Everything the simulated Discord knows, as plain values; ``SimulatorWorld`` guards it with a mutex.
struct WorldState: Sendable {
    var guilds: [WorldGuild]
    var guildIndexByID: [UInt64: Int]
    var users: [UInt64: WorldUser]
    var dmChannels: [UInt64: WorldChannel] = [:]
    var messages: [UInt64: WorldChannelMessages] = [:]
    var commands: [WorldCommand] = []
    /// The increment part of the next generated snowflake.
    var increment: UInt64 = 0
    /// Messages created with `enforce_nonce`, by author and nonce: the message and when it was created (Unix
    /// milliseconds). Entries older than the nonce window are pruned as new ones arrive.
    var enforcedNonces: [WorldNonceKey: (channelID: UInt64, messageID: UInt64, createdMilliseconds: UInt64)] = [:]

    init(guilds: [WorldGuild], users: [UInt64: WorldUser]) {
        self.guilds = guilds
        self.users = users
        var index: [UInt64: Int] = [:]
        for (position, guild) in guilds.enumerated() { index[guild.id] = position }
        guildIndexByID = index
    }

    /// A fresh snowflake for `unixMilliseconds`.
    mutating func nextID(unixMilliseconds: UInt64) -> UInt64 {
        increment += 1
        return Snowflake.make(unixMilliseconds: unixMilliseconds, worker: 2, process: 0, increment: increment)
    }

    /// The guild with `id`.
    func guild(_ id: UInt64) -> WorldGuild? {
        guildIndexByID[id].map { guilds[$0] }
    }

    /// Where a channel lives: its guild's index (nil for DMs) and the channel.
    func channel(_ id: UInt64) -> (guildIndex: Int?, channel: WorldChannel)? {
        if let dm = dmChannels[id] { return (nil, dm) }
        for (guildIndex, guild) in guilds.enumerated() {
            if let channel = guild.channels.first(where: { $0.id == id }) { return (guildIndex, channel) }
        }
        return nil
    }

    /// Updates the stored channel `id` with `change`.
    mutating func updateChannel(_ id: UInt64, _ change: (inout WorldChannel) -> Void) {
        if dmChannels[id] != nil {
            if var channel = dmChannels[id] {
                change(&channel)
                dmChannels[id] = channel
            }
            return
        }
        for guildIndex in guilds.indices {
            if let channelIndex = guilds[guildIndex].channels.firstIndex(where: { $0.id == id }) {
                change(&guilds[guildIndex].channels[channelIndex])
                return
            }
        }
    }

    /// The message `id` in `channelID`.
    func message(channelID: UInt64, id: UInt64) -> WorldMessage? {
        messages[channelID]?.byID[id]
    }

    /// Stores a new message (ids only grow, so appending keeps the order).
    mutating func store(_ message: WorldMessage) {
        var channelMessages = messages[message.channelID] ?? WorldChannelMessages()
        channelMessages.order.append(message.id)
        channelMessages.byID[message.id] = message
        messages[message.channelID] = channelMessages
        updateChannel(message.channelID) { $0.lastMessageID = message.id }
    }

    /// Removes message `id`; returns it if it existed.
    @discardableResult
    mutating func removeMessage(channelID: UInt64, id: UInt64) -> WorldMessage? {
        guard var channelMessages = messages[channelID], let removed = channelMessages.byID.removeValue(forKey: id)
        else { return nil }
        channelMessages.order.removeAll { $0 == id }
        messages[channelID] = channelMessages
        return removed
    }
}
