import ApusCore
import ApusPlugins
import Testing

@Suite("XP award: the per-message algorithm")
struct XPAwardTests {
    let guild: UInt64 = 1000
    let start = WallTime(secondsSinceEpoch: 1_800_000_000)

    func message(roles: [UInt64]? = [], channel: UInt64 = 5, bot: Bool = false, command: Bool = false, guildID: UInt64? = 1000) -> XPMessage {
        XPMessage(guildID: guildID, channelID: channel, authorID: 42, authorIsBot: bot, isCommand: command, memberRoles: roles)
    }

    @Test("skips in the original's order")
    func skips() {
        let rules = XPRules(blacklistedChannels: [9])
        let row = XPLedgerRow(xp: 10, level: 0, blacklisted: true, lastMessage: start)
        #expect(XPAward.evaluate(message(bot: true), row: row, rules: rules, now: start) == .skipped(.bot))
        #expect(XPAward.evaluate(message(guildID: nil), row: row, rules: rules, now: start) == .skipped(.directMessage))
        #expect(XPAward.evaluate(message(channel: 9), row: row, rules: rules, now: start) == .skipped(.blacklistedChannel))
        #expect(XPAward.evaluate(message(command: true), row: row, rules: rules, now: start) == .skipped(.command))
        #expect(XPAward.evaluate(message(roles: nil), row: row, rules: rules, now: start) == .skipped(.unknownMember))
        #expect(XPAward.evaluate(message(), row: row, rules: rules, now: start + .seconds(5)) == .skipped(.blacklistedMember))
    }

    @Test("the first message creates a row with 0 XP; the option makes it count")
    func firstMessage() {
        let created = XPAward.evaluate(message(), row: nil, rules: XPRules(), now: start)
        #expect(created == .write(row: XPLedgerRow(xp: 0, level: 0, blacklisted: false, lastMessage: start), created: true, levelUp: nil))
        let counted = XPAward.evaluate(message(), row: nil, rules: XPRules(firstMessageEarnsXP: true), now: start)
        #expect(counted == .write(row: XPLedgerRow(xp: 1, level: 0, blacklisted: false, lastMessage: start), created: true, levelUp: nil))
    }

    @Test("the cooldown is strict: exactly the cooldown later earns")
    func cooldown() {
        let row = XPLedgerRow(xp: 0, level: 0, blacklisted: false, lastMessage: start)
        let rules = XPRules(cooldown: .seconds(1))
        #expect(XPAward.evaluate(message(), row: row, rules: rules, now: start + .milliseconds(999)) == .skipped(.cooldown))
        guard case .write(let updated, false, nil) = XPAward.evaluate(message(), row: row, rules: rules, now: start + .seconds(1)) else {
            Issue.record("expected a write")
            return
        }
        #expect(updated.xp == 1 && updated.lastMessage == start + .seconds(1))
    }

    @Test("the largest multiplier applies, not the sum; below 1 has no effect except on @everyone")
    func multipliers() {
        let rules = XPRules(multipliers: [7: 2, 8: 3, 9: 0.5])
        #expect(rules.increment(guildID: guild, roles: [7, 8]) == 3)
        #expect(rules.increment(guildID: guild, roles: [9]) == 1)
        #expect(rules.increment(guildID: guild, roles: []) == 1)
        let everyoneHalf = XPRules(multipliers: [guild: 0.5])
        #expect(everyoneHalf.increment(guildID: guild, roles: []) == 0.5)
    }

    @Test("a level-up keeps exactly the highest earned reward role")
    func levelUpRewards() {
        let rewards = LevelRoleRewards([.init(level: 1, roleID: 101), .init(level: 5, roleID: 105), .init(level: 10, roleID: 110)])
        let rules = XPRules(rewards: rewards)
        // 19 XP is level 0 (20 is level 1): one message crosses into level 1.
        let row = XPLedgerRow(xp: 19, level: 0, blacklisted: false, lastMessage: start)
        let award = XPAward.evaluate(message(roles: [110, 3]), row: row, rules: rules, now: start + .seconds(2))
        guard case .write(let updated, false, let levelUp?) = award else {
            Issue.record("expected a level-up, got \(award)")
            return
        }
        #expect(updated.level == 1)
        #expect(levelUp.add == 101 && levelUp.remove == [110])
        #expect(rewards.changes(level: 7, memberRoles: [105]).isEmpty)
        #expect(rewards.changes(level: 0, memberRoles: [101, 105]) == .init(add: nil, remove: [101, 105]))
        #expect(rewards.maximumLevel == 10)
    }
}
