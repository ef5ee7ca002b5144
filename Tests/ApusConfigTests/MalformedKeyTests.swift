import ApusConfig
import Testing

/// Found by `fuzz-config` (2026-12-07): `[= 9` made TOMLKit's parser (toml++) fail an assertion in `parse_key`, and
/// `inids = [}` one in `parse_value`, aborting the process in a debug build — `apus run --config` on such a file
/// died with SIGABRT. On 2026-12-08 the sender-mode run found a third: a date followed by a space and a digit
/// (`d = 1979-05-27 7`, reduced from `s=1--------- 6`) fails `!is_value_terminator(*cp)` in `parse_value`.
@Suite("A key that does not start where one is expected is a syntax error, never an abort")
struct MalformedKeyTests {
    @Test("the fuzzer's finding and its relatives are reported with their line",
          arguments: [
            ("[= 9", 1), ("[= 9\nratio = 1.5\nevery = \"1h30m\"\nmode&= \"b\"\n[[l", 1), ("[[ = 1", 1),
            ("[levels.]\ncooldown = 1", 1), ("[bot]\nprefix = \"!\"\n[levels. = 2", 3), ("a. = 1", 1),
            ("[bot]\n= 5", 2), ("[r_345678]\ninids = [}\nols = [1, \"\"\"]\ncooltown\\\ninids = []\ncoo", 2),
            ("a = ]", 1), ("a = ,", 1), ("[bot]\nprefix = \n", 2), ("a = [1, , 2]", 1), ("a = { b = }", 1),
            ("s=1--------- 6\n", 1), ("[bot]\nd = 1979-05-27 7\n", 2), ("s = 2024-01-01 6\n", 1), ("a = [2024-01-01 6]", 1),
            ("a = 1 2", 1), ("a = true false", 1),
          ])
    func reported(text: String, line: Int) throws {
        let found = try issues(text)
        #expect(found.first?.line == line, "\(found)")
        #expect(found.contains { if case .syntax = $0.kind { true } else { false } }, "\(found)")
    }

    @Test("loading the fuzzer's findings does not abort the process")
    func doesNotAbort() async {
        await #expect(processExitsWith: .success) {
            _ = try? ConfigLoader(schema: .core).load(text: "[= 9", environment: [:])
            _ = try? ConfigLoader(schema: .core).load(text: "[r]\ninids = [}\n", environment: [:])
            _ = try? ConfigLoader(schema: .core).load(text: "d = 1979-05-27 7\n", environment: [:])
        }
    }

    @Test("valid documents with quoted, dotted and inline-table keys still load")
    func validKeysStillLoad() throws {
        let config = try load("[bot]\n\"prefix\" = \"?\"\n[levels]\ncooldown = 2\nroles = [{ level = 1, role_id = 5 }, {level=2,role_id=6},]\nblacklist_channels = [\n  1, # one\n  2,\n]\n")
        #expect(config.bot.prefix == "?")
        #expect(config.integer(at: "levels.cooldown") == 2)
    }

    @Test("dates and times with a space, and values followed by spaces and comments, are not mistaken for the abort shape",
          arguments: ["a = 1979-05-27 07:32:00\n", "a = 1979-05-27 07:32:00Z # c\n", "a = 1979-05-27\n", "a = 1   \n",
                      "a = [1 , 2 ]\n", "a = { b = 1 }\n"])
    func spacedValuesStillParse(text: String) {
        #expect(TOMLLineMap(text: text).malformedKeyLine == nil)
    }
}
