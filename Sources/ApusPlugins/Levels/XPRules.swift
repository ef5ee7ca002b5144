/// The levels plugin's settings (the `[levels]` section of `apus.toml`, overridable per guild).
public struct XPRules: Sendable, Hashable {
    /// Channels where no XP is earned.
    public var blacklistedChannels: Set<UInt64>
    /// Role id → XP multiplier. The member's single largest applicable multiplier applies (not a sum); roles
    /// without an entry, including @everyone, count as 1, so a multiplier below 1 has no effect unless it is set on
    /// @everyone itself.
    public var multipliers: [UInt64: Double]
    /// Minimum time between two rewarded messages of one member, compared strictly (`elapsed < cooldown` earns
    /// nothing).
    public var cooldown: Duration
    /// The XP ↔ level curve.
    public var curve: LevelCurve
    /// Reward roles by level.
    public var rewards: LevelRoleRewards
    /// Whether a member's first message (the one that creates their row) earns XP. The bot Apus replaces creates
    /// the row with 0 XP and rewards only later messages; `false` keeps that behaviour.
    public var firstMessageEarnsXP: Bool

    /// Creates rules; the defaults are the original bot's (cooldown 1 s, exponent 2, nothing blacklisted).
    public init(
        blacklistedChannels: Set<UInt64> = [], multipliers: [UInt64: Double] = [:], cooldown: Duration = .seconds(1),
        curve: LevelCurve = LevelCurve(), rewards: LevelRoleRewards = LevelRoleRewards([]),
        firstMessageEarnsXP: Bool = false
    ) {
        self.blacklistedChannels = blacklistedChannels
        self.multipliers = multipliers
        self.cooldown = cooldown
        self.curve = curve
        self.rewards = rewards
        self.firstMessageEarnsXP = firstMessageEarnsXP
    }

    /// The XP one message earns for a member of `guildID` holding `roles` (role ids without @everyone, as Discord
    /// sends them; @everyone, whose id is the guild's, is added here).
    public func increment(guildID: UInt64, roles: some Sequence<UInt64>) -> Double {
        var best = multipliers[guildID] ?? 1
        for role in roles {
            let value = multipliers[role] ?? 1
            if value > best { best = value }
        }
        return best
    }
}
