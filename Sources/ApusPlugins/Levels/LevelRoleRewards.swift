/// The role rewards of the levels plugin: a role per level threshold, of which a member keeps exactly one.
///
/// When a member reaches level `L`, the reward with the highest threshold at or below `L` is added and every other
/// reward role the member holds is removed (so lower tiers go, and `levels set` can demote). Unlike the bot Apus
/// replaces, a role the member already has is not added again, and nothing is removed that the member does not hold,
/// so an unchanged member costs no REST call.
public struct LevelRoleRewards: Sendable, Hashable {
    /// One reward: reaching `level` grants `roleID`.
    public struct Reward: Sendable, Hashable {
        /// The level threshold.
        public var level: Int
        /// The role granted.
        public var roleID: UInt64

        /// Creates a reward.
        public init(level: Int, roleID: UInt64) {
            self.level = level
            self.roleID = roleID
        }
    }

    /// The role changes for one member.
    public struct Changes: Sendable, Hashable {
        /// The role to add, if the member lacks it.
        public var add: UInt64?
        /// Reward roles to remove, in ascending id order.
        public var remove: [UInt64]

        /// Creates a change set.
        public init(add: UInt64?, remove: [UInt64]) {
            self.add = add
            self.remove = remove
        }

        /// Whether nothing needs to change.
        public var isEmpty: Bool { add == nil && remove.isEmpty }
    }

    /// Rewards sorted by level (for equal levels, the later entry of the configuration wins, as a dictionary
    /// keyed by level does in the original).
    public let rewards: [Reward]

    /// Creates the reward table.
    public init(_ rewards: [Reward]) {
        var byLevel: [Int: UInt64] = [:]
        for reward in rewards { byLevel[reward.level] = reward.roleID }
        self.rewards = byLevel.map { Reward(level: $0.key, roleID: $0.value) }.sorted { $0.level < $1.level }
    }

    /// The highest reward level configured, or `nil` without rewards (the `ENABLE_XP_CAP` display limit).
    public var maximumLevel: Int? { rewards.last?.level }

    /// The changes that leave a member of `level` holding exactly the right reward role.
    public func changes(level: Int, memberRoles: some Sequence<UInt64>) -> Changes {
        let held = Set(memberRoles)
        let earned = rewards.last { $0.level <= level }?.roleID
        let add = earned.flatMap { held.contains($0) ? nil : $0 }
        let rewardRoles = Set(rewards.map(\.roleID))
        let remove = held.intersection(rewardRoles).subtracting(earned.map { [$0] } ?? []).sorted()
        return Changes(add: add, remove: remove)
    }
}
