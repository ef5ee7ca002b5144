/// The XP benchmark's input: 100,000 guild messages from 5,000 members in 10 guilds, each member's messages at least
/// 2 s apart, with the levels rules of the run (cooldown 1 s, exponent 2, level roles, role multipliers).
///
/// Generated with a fixed seed and written as text so that the Python peer reads exactly the same messages:
/// line 1 is the rules as JSON; every further line is `guild channel author timestamp_ms role,role,…`.
public struct XPWorkload: Sendable {
    /// One message.
    public struct Message: Sendable, Hashable {
        /// The guild id.
        public var guildID: UInt64
        /// The channel id.
        public var channelID: UInt64
        /// The author's user id.
        public var authorID: UInt64
        /// When it was sent, in milliseconds since the Unix epoch.
        public var timestampMilliseconds: Int64
        /// The author's role ids (without @everyone).
        public var roles: [UInt64]
    }

    /// Role id → multiplier.
    public var multipliers: [UInt64: Double]
    /// Level → reward role id.
    public var rewards: [Int: UInt64]
    /// Cooldown in seconds.
    public var cooldownSeconds: Int
    /// The curve's exponent.
    public var exponent: Int
    /// The messages in send order.
    public var messages: [Message]

    /// Generates the workload (deterministic for a given seed).
    public static func generate(
        messageCount: Int = 100_000, memberCount: Int = 5_000, guildCount: Int = 10, seed: UInt64 = 0xA9A5_2026
    ) -> XPWorkload {
        var random = SplitMix64(seed: seed)
        let baseID: UInt64 = 1_100_000_000_000_000_000
        let guilds = (0..<guildCount).map { baseID + UInt64($0) * 1_000_000 }
        var multipliers: [UInt64: Double] = [:]
        var rewards: [Int: UInt64] = [:]
        var guildRoles: [[UInt64]] = []
        var guildChannels: [[UInt64]] = []
        for guild in guilds {
            let roles = (1...10).map { guild + 100 + UInt64($0) }
            guildRoles.append(roles)
            guildChannels.append((1...8).map { guild + 500 + UInt64($0) })
            multipliers[roles[0]] = 1.5
            multipliers[roles[1]] = 2
        }
        // Reward roles are global ids here (one set for the run, as one `[levels]` section would configure).
        rewards[1] = baseID + 900_001
        rewards[2] = baseID + 900_002
        rewards[3] = baseID + 900_003

        struct Member {
            var guild: Int
            var userID: UInt64
            var roles: [UInt64]
            var nextAllowed: Int64
        }
        var members: [Member] = (0..<memberCount).map { index in
            let guild = index % guildCount
            let roleCount = Int(random.next() % 4)
            var roles: [UInt64] = []
            for _ in 0..<roleCount {
                let role = guildRoles[guild][Int(random.next() % 10)]
                if !roles.contains(role) { roles.append(role) }
            }
            // One member in ten already holds a reward role from elsewhere (a manual grant, an earlier bot), which
            // the first level-up replaces.
            if random.next() % 10 == 0 { roles.append(baseID + 900_003) }
            return Member(guild: guild, userID: baseID + 10_000_000 + UInt64(index), roles: roles, nextAllowed: 0)
        }
        var messages: [Message] = []
        messages.reserveCapacity(messageCount)
        var now: Int64 = 1_800_000_000_000
        let minimumGap: Int64 = 2_000
        while messages.count < messageCount {
            // Pick a member; if they spoke less than 2 s ago, the clock moves on until they may speak again.
            let index = Int(random.next() % UInt64(memberCount))
            now = max(now + Int64(random.next() % 3), members[index].nextAllowed)
            let member = members[index]
            let channel = guildChannels[member.guild][Int(random.next() % 8)]
            messages.append(Message(guildID: guilds[member.guild], channelID: channel, authorID: member.userID,
                                    timestampMilliseconds: now, roles: member.roles))
            members[index].nextAllowed = now + minimumGap + Int64(random.next() % 1_000)
        }
        return XPWorkload(multipliers: multipliers, rewards: rewards, cooldownSeconds: 1, exponent: 2, messages: messages)
    }

    /// The workload as the text file the Python peer reads.
    public func serialized() -> String {
        let multiplierJSON = multipliers.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",")
        let rewardJSON = rewards.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",")
        var text = "{\"cooldown\":\(cooldownSeconds),\"exponent\":\(exponent),\"multipliers\":{\(multiplierJSON)},\"rewards\":{\(rewardJSON)}}\n"
        text.reserveCapacity(messages.count * 90)
        for message in messages {
            text += "\(message.guildID) \(message.channelID) \(message.authorID) \(message.timestampMilliseconds) "
            text += message.roles.map(String.init).joined(separator: ",")
            text += "\n"
        }
        return text
    }
}

/// SplitMix64: a tiny, well-known deterministic generator, so the workload never depends on the standard
/// library's random number generator.
public struct SplitMix64: Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
