import ApusCore

/// What the levels plugin needs to know about one message.
public struct XPMessage: Sendable, Hashable {
    /// The guild, or `nil` for a DM.
    public var guildID: UInt64?
    /// The channel.
    public var channelID: UInt64
    /// The author.
    public var authorID: UInt64
    /// Whether the author is a bot.
    public var authorIsBot: Bool
    /// Whether the message invoked a command (commands earn nothing).
    public var isCommand: Bool
    /// The author's role ids in the guild (without @everyone), or `nil` when the member is unknown.
    public var memberRoles: [UInt64]?

    /// Creates the description of a message.
    public init(
        guildID: UInt64?, channelID: UInt64, authorID: UInt64, authorIsBot: Bool, isCommand: Bool, memberRoles: [UInt64]?
    ) {
        self.guildID = guildID
        self.channelID = channelID
        self.authorID = authorID
        self.authorIsBot = authorIsBot
        self.isCommand = isCommand
        self.memberRoles = memberRoles
    }
}

/// The levels plugin's decision for one message: the pure per-message algorithm, with no I/O.
public enum XPAward: Sendable, Hashable {
    /// Why a message earned nothing and changed nothing.
    public enum Skip: Sendable, Hashable {
        /// The author is a bot.
        case bot
        /// Not in a guild.
        case directMessage
        /// The channel is blacklisted.
        case blacklistedChannel
        /// The message was a command.
        case command
        /// The author is not a known member of the guild.
        case unknownMember
        /// The member is blacklisted.
        case blacklistedMember
        /// Less than the cooldown since the member's last rewarded message.
        case cooldown
    }

    /// Nothing to write.
    case skipped(Skip)
    /// Write `row` (a new row when the member had none). `levelUp` is set when the level rose, with the reward role
    /// changes to apply.
    case write(row: XPLedgerRow, created: Bool, levelUp: LevelRoleRewards.Changes?)

    /// Decides what `message`, sent at `now`, does to the author's `row` (`nil` when the member has none yet) under
    /// `rules`. The order of the checks is the original bot's.
    public static func evaluate(_ message: XPMessage, row: XPLedgerRow?, rules: XPRules, now: WallTime) -> XPAward {
        if message.authorIsBot { return .skipped(.bot) }
        guard let guildID = message.guildID else { return .skipped(.directMessage) }
        if rules.blacklistedChannels.contains(message.channelID) { return .skipped(.blacklistedChannel) }
        if message.isCommand { return .skipped(.command) }
        guard let roles = message.memberRoles else { return .skipped(.unknownMember) }
        guard let row else {
            // The original's UPDATE matches no row, then a row is created with 0 XP: the first message earns nothing.
            guard rules.firstMessageEarnsXP else {
                return .write(row: XPLedgerRow(xp: 0, level: 0, blacklisted: false, lastMessage: now), created: true, levelUp: nil)
            }
            return award(from: XPLedgerRow(xp: 0, level: 0, blacklisted: false, lastMessage: now), created: true,
                         guildID: guildID, roles: roles, rules: rules, now: now)
        }
        if row.blacklisted { return .skipped(.blacklistedMember) }
        if now - row.lastMessage < rules.cooldown { return .skipped(.cooldown) }
        return award(from: row, created: false, guildID: guildID, roles: roles, rules: rules, now: now)
    }

    private static func award(
        from row: XPLedgerRow, created: Bool, guildID: UInt64, roles: [UInt64], rules: XPRules, now: WallTime
    ) -> XPAward {
        let xp = row.xp + rules.increment(guildID: guildID, roles: roles)
        let level = rules.curve.level(forXP: xp)
        let updated = XPLedgerRow(xp: xp, level: level, blacklisted: row.blacklisted, lastMessage: now)
        let levelUp = level > row.level ? rules.rewards.changes(level: level, memberRoles: roles) : nil
        return .write(row: updated, created: created, levelUp: levelUp)
    }
}
