import ApusCommands
import ApusCore
import ApusModel
import Testing

@Suite("Cooldowns")
struct CooldownTests {
    let policy = CooldownPolicy(rate: 2, per: .seconds(10), bucket: .user)

    private func key(_ policy: CooldownPolicy, user: Snowflake = 1, channel: Snowflake = 10, guild: Snowflake? = 100) -> CooldownTracker.Key {
        CooldownTracker.key(command: "daily", policy: policy, userID: user, channelID: channel, guildID: guild)
    }

    @Test("N uses per period, then the time left, then a fresh window")
    func window() {
        var tracker = CooldownTracker()
        let start = MonotonicTime.zero
        #expect(tracker.use(key(policy), policy: policy, now: start) == nil)
        #expect(tracker.use(key(policy), policy: policy, now: start + .seconds(1)) == nil)
        #expect(tracker.use(key(policy), policy: policy, now: start + .milliseconds(6800)) == .milliseconds(3200))
        #expect(tracker.use(key(policy), policy: policy, now: start + .seconds(10)) == nil)
    }

    @Test("buckets: user, channel, guild, member, global")
    func buckets() {
        let one = CooldownPolicy(rate: 1, per: .seconds(5), bucket: .user)
        var tracker = CooldownTracker()
        #expect(tracker.use(key(one, user: 1, channel: 10), policy: one, now: .zero) == nil)
        #expect(tracker.use(key(one, user: 1, channel: 11), policy: one, now: .zero) != nil, "same user, other channel")
        #expect(tracker.use(key(one, user: 2, channel: 10), policy: one, now: .zero) == nil, "other user")

        let channel = CooldownPolicy(rate: 1, per: .seconds(5), bucket: .channel)
        #expect(tracker.use(key(channel, user: 1, channel: 10), policy: channel, now: .zero) == nil)
        #expect(tracker.use(key(channel, user: 2, channel: 10), policy: channel, now: .zero) != nil, "same channel")
        #expect(tracker.use(key(channel, user: 2, channel: 11), policy: channel, now: .zero) == nil)

        let guild = CooldownPolicy(rate: 1, per: .seconds(5), bucket: .guild)
        #expect(tracker.use(key(guild, user: 1, guild: 100), policy: guild, now: .zero) == nil)
        #expect(tracker.use(key(guild, user: 2, channel: 12, guild: 100), policy: guild, now: .zero) != nil)
        #expect(tracker.use(key(guild, user: 2, guild: 101), policy: guild, now: .zero) == nil)

        let member = CooldownPolicy(rate: 1, per: .seconds(5), bucket: .member)
        #expect(tracker.use(key(member, user: 1, guild: 100), policy: member, now: .zero) == nil)
        #expect(tracker.use(key(member, user: 1, guild: 101), policy: member, now: .zero) == nil, "same user, other guild")
        #expect(tracker.use(key(member, user: 1, channel: 99, guild: 100), policy: member, now: .zero) != nil)

        let global = CooldownPolicy(rate: 1, per: .seconds(5), bucket: .global)
        #expect(tracker.use(key(global, user: 1), policy: global, now: .zero) == nil)
        #expect(tracker.use(key(global, user: 2, guild: 5), policy: global, now: .zero) != nil)
    }

    @Test("memory stays bounded: expired windows are pruned, the cap evicts")
    func bounded() {
        var tracker = CooldownTracker(maximumEntries: 100)
        for user in 0..<1000 {
            _ = tracker.use(key(policy, user: Snowflake(UInt64(user))), policy: policy, now: .zero)
            #expect(tracker.entryCount <= 100)
        }
        tracker.prune(now: .zero + .seconds(11))
        #expect(tracker.entryCount == 0)
    }

    @Test("the message says how long to wait, rounded up to a tenth")
    func message() {
        #expect(CommandError.onCooldown(retryAfter: .milliseconds(3150)).userMessage == "This command is on cooldown. Try again in 3.2 s.")
    }
}
