import ApusCommands
import Testing

@Suite("Help and usage")
struct HelpTests {
    @Test("usage follows generate_usage: substitutions, <required>, [optional], [reason], -required, [-a | -b]")
    func usage() throws {
        let tree = try CommandsFixture.tree()
        let ban = try #require(tree.command(named: "ban"))
        #expect(UsageFormatter.usage(of: ban, qualifiedName: "ban") == "ban @member [reason] [-purge | -silent]")
        let tempban = try #require(tree.command(named: "tempban"))
        #expect(UsageFormatter.usage(of: tempban, qualifiedName: "tempban") == "tempban @member [reason] -duration [-purge | -silent]")
        let set = try #require(tree.command(at: ["levels", "set"]))
        #expect(UsageFormatter.usage(of: set, qualifiedName: "levels set") == "levels set @member <new_level>")
        let show = try #require(tree.command(at: ["levels", "show"]))
        #expect(UsageFormatter.usage(of: show, qualifiedName: "levels show") == "levels show [@member]")
        let levels = try #require(tree.command(named: "levels"))
        #expect(UsageFormatter.usage(of: levels, qualifiedName: "levels") == "levels <set|show>")
        let slowmode = try #require(tree.command(named: "slowmode"))
        #expect(UsageFormatter.usage(of: slowmode, qualifiedName: "slowmode") == "slowmode #general <enabled>")
        #expect(UsageFormatter.substitution(for: "search_term") == "CIA")
        #expect(UsageFormatter.substitution(for: "comic_id") == "1337")
        #expect(UsageFormatter.substitution(for: "username") == "@member")
        let casesView = Command("cases", description: "View cases", parameters: [.flags(ModerationFlags.casesView)]) { _, _ in }
        #expect(UsageFormatter.usage(of: casesView, qualifiedName: "cases") == "cases [-type | -user | -mod]")
    }

    @Test("the overview groups by category and lists prefix commands")
    func overview() throws {
        let text = HelpFormatter.overview(of: try CommandsFixture.tree().commands, prefix: "$")
        #expect(text.hasPrefix("**Levels**\n`$levels` — Manage levels\n**Moderation**\n`$ban` — Ban a member\n`$slowmode`"))
        #expect(!text.contains("$poll"), "slash-only commands are not prefix help entries")
        #expect(text.hasSuffix("Type `$help <command>` for details."))
    }

    @Test("details show usage, aliases, subcommands and flags")
    func detail() throws {
        let tree = try CommandsFixture.tree()
        let ban = try #require(tree.command(named: "ban"))
        #expect(HelpFormatter.detail(of: ban, qualifiedName: "ban", prefix: "$") == """
            **ban** — Ban a member
            Usage: `$ban @member [reason] [-purge | -silent]`
            Aliases: `b`
            Flags:
            `reason` (text before the first flag) — The reason
            `-purge` (`-p`) — Days of messages to delete (0-7)
            `-silent` (`-s`, `-quiet`) — Don't DM the member
            """)
        let levels = try #require(tree.command(named: "levels"))
        #expect(HelpFormatter.detail(of: levels, qualifiedName: "levels", prefix: "$").contains("`$levels set` — Set a member's level"))
    }
}
