import ApusConfig
import ApusPlugins
import ApusStore
import Testing

@Suite("[levels] write_* keys become the XP ledger's write-behind limits")
struct LevelsWriteLimitsTests {
    static func limits(_ toml: String) throws -> WriteBehindBuffer<MemberKey, XPLedgerRow>.Limits {
        let schema = try ConfigSchema(registering: [LevelsSettings.section])
        return LevelsSettings.writeLimits(from: try ConfigLoader(schema: schema).load(text: toml, environment: [:]))
    }

    @Test("the defaults are the buffer's own defaults")
    func defaults() throws {
        #expect(try Self.limits("") == WriteBehindBuffer<MemberKey, XPLedgerRow>.Limits())
    }

    @Test("values are applied and clamped", arguments: [
        ("[levels]\nwrite_delay = \"1h\"\nwrite_batch_rows = 2\nwrite_max_pending = 2", Duration.seconds(3_600), 2, 2),
        ("[levels]\nwrite_delay = \"3h\"", Duration.seconds(3_600), 1_000, 2_000),
        ("[levels]\nwrite_delay = \"0ms\"", Duration.milliseconds(1), 1_000, 2_000),
        ("[levels]\nwrite_batch_rows = 50\nwrite_max_pending = 10", Duration.milliseconds(50), 50, 50),
    ])
    func applied(toml: String, delay: Duration, rows: Int, pending: Int) throws {
        let limits = try Self.limits(toml)
        #expect(limits.maxDelay == delay)
        #expect(limits.maxRows == rows)
        #expect(limits.maxPending == pending)
    }

    @Test("the keys are file-wide: a guild cannot override them")
    func notPerGuild() {
        let keys = LevelsSettings.section.keys.filter { $0.name.hasPrefix("write_") }
        #expect(keys.count == 3)
        #expect(keys.allSatisfy { !$0.isGuildOverridable })
    }
}
