import ApusPlugins
import Testing

@Suite("[levels] enable_xp_cap: the level command shows the highest reward level as the limit (display only)")
struct LevelsXPCapTests {
    static let rules = XPRules(rewards: LevelRoleRewards([.init(level: 5, roleID: 1), .init(level: 10, roleID: 2)]))

    @Test("the cap applies only when on, with reward levels, at or past the highest", arguments: [
        (true, 10, Optional(10), Optional(2_000)), (true, 37, 10, 2_000), (true, 9, nil, nil), (false, 37, nil, nil),
    ] as [(Bool, Int, Int?, Int?)])
    func cap(enabled: Bool, level: Int, shownLevel: Int?, shownXP: Int?) {
        let shown = LevelsPlugin.displayedCap(enabled: enabled, level: level, rules: Self.rules)
        #expect(shown?.level == shownLevel)
        #expect(shown?.xp == shownXP, "xp_for(10) with exponent 2 is 500 · (10/5)² = 2,000")
    }

    @Test("without reward levels there is nothing to cap at")
    func noRewards() {
        #expect(LevelsPlugin.displayedCap(enabled: true, level: 50, rules: XPRules())?.level == nil)
    }
}
