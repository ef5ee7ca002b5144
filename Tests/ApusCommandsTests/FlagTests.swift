import ApusModel
import Testing

@testable import ApusCommands

/// Flag parsing against the behaviour of §4.2 (`AstromortyFlagConverter`).
@Suite("Flags")
struct FlagTests {
    private func parse(_ text: String, _ set: FlagSet) async throws(CommandError) -> ParsedFlags {
        let raw = try FlagTokenizer.split(text, set: set, usage: "usage")
        return try await FlagConverter.convert(
            positional: raw.positional.map { .text($0) }, occurrences: raw.occurrences.map { ($0.flag, .text($0.value)) },
            set: set, scope: ConversionScope(lookup: World.lookup, guildID: World.guildID)
        )
    }

    @Test("BanFlags: positional reason before the first flag, values between flags")
    func banFlags() async throws {
        let flags = try await parse("spamming links -p 3 -s", ModerationFlags.ban)
        #expect(flags.string("reason") == "spamming links")
        #expect(flags.integer("purge") == 3)
        #expect(flags.bool("silent"))
    }

    @Test("BanFlags defaults: reason 'No reason provided', purge 0, silent false")
    func banDefaults() async throws {
        let flags = try await parse("", ModerationFlags.ban)
        #expect(flags.string("reason") == "No reason provided")
        #expect(flags.integer("purge") == 0)
        #expect(flags.bool("silent") == false)
    }

    @Test("a trailing bool flag matches thanks to the appended space, and means true")
    func trailingBool() async throws {
        let flags = try await parse("-silent", ModerationFlags.ban)
        #expect(flags.bool("silent"))
        #expect(flags.string("reason") == "No reason provided")
    }

    @Test("names and aliases are case-insensitive")
    func caseInsensitive() async throws {
        let flags = try await parse("Rude -P 2 -QUIET", ModerationFlags.ban)
        #expect(flags.string("reason") == "Rude")
        #expect(flags.integer("purge") == 2)
        #expect(flags.bool("silent"))
    }

    @Test("bool flags take convert_bool words; a bool flag followed by text takes that text as its value")
    func boolValues() async throws {
        #expect(try await parse("-s no", ModerationFlags.ban).bool("silent") == false)
        #expect(try await parse("-s Enabled", ModerationFlags.ban).bool("silent") == true)
        await #expect(throws: CommandError.badArgument(parameter: "silent", expected: "yes or no", given: "b")) {
            try await parse("a -silent b", ModerationFlags.ban)
        }
    }

    @Test("no word boundary before the prefix: 'x-s y' contains the token '-s '")
    func noWordBoundary() async throws {
        let flags = try await parse("x-s y", ModerationFlags.ban)
        #expect(flags.string("reason") == "x")
        #expect(flags.bool("silent"))
    }

    @Test("a flag needs a space after its name to be a token")
    func tokenNeedsDelimiter() async throws {
        let flags = try await parse("-purge3 is not a flag", ModerationFlags.ban)
        #expect(flags.string("reason") == "-purge3 is not a flag")
        #expect(flags.integer("purge") == 0)
    }

    @Test("purge is Range[int, 0, 7]; a missing value and a repeated flag are errors")
    func purgeErrors() async {
        await #expect(throws: CommandError.badArgument(parameter: "purge", expected: "a whole number from 0 to 7", given: "9")) {
            try await parse("-p 9", ModerationFlags.ban)
        }
        await #expect(throws: CommandError.missingFlagValue(flag: "purge")) { try await parse("spam -p", ModerationFlags.ban) }
        await #expect(throws: CommandError.missingFlagValue(flag: "purge")) { try await parse("-p -s", ModerationFlags.ban) }
        await #expect(throws: CommandError.tooManyFlagValues(flag: "purge")) { try await parse("-p 1 -purge 2", ModerationFlags.ban) }
    }

    @Test("TempBanFlags: duration required, read with the summed-units grammar")
    func tempBan() async throws {
        let flags = try await parse("raiding -t 1h30m -p 1", ModerationFlags.tempBan)
        #expect(flags.duration("duration") == .seconds(5400))
        #expect(flags.string("reason") == "raiding")
        #expect(try await parse("-d 1,5h", ModerationFlags.tempBan).duration("duration") == .seconds(5400))
        await #expect(throws: CommandError.missingFlag(flag: "duration")) { try await parse("raiding", ModerationFlags.tempBan) }
        do {
            _ = try await parse("-e 1w", ModerationFlags.tempBan)
            Issue.record("1w must be rejected by TimeConverter")
        } catch {
            guard case .invalidDuration(let parameter, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(parameter == "duration")
            #expect(message == "Invalid time format. Use digits followed by s, m, h, or d (e.g., '1h30m').")
        }
    }

    @Test("TimeoutFlags keep the duration as a string")
    func timeout() async throws {
        let flags = try await parse("calm down -t 10m", ModerationFlags.timeout)
        #expect(flags.string("duration") == "10m")
        #expect(flags.string("reason") == "calm down")
    }

    @Test("CasesViewFlags: all optional, converters run, no positional")
    func casesView() async throws {
        let none = try await parse("", ModerationFlags.casesView)
        #expect(none.values.isEmpty)
        let flags = try await parse("-t ban -u <@\(World.aliceID)> -m modbob", ModerationFlags.casesView)
        #expect(flags.string("type") == "BAN")
        #expect(flags.user("user")?.id == World.aliceID)
        #expect(flags.user("mod")?.id == World.modID)
        await #expect(throws: CommandError.tooManyArguments(usage: "usage")) { try await parse("hello", ModerationFlags.casesView) }
        await #expect(throws: CommandError.unknownFlag("-x")) { try await parse("-x 1", ModerationFlags.casesView) }
        await #expect(throws: CommandError.badArgument(
            parameter: "type", expected: "one of `BAN`, `UNBAN`, `KICK`, `TIMEOUT`, `WARN`", given: "mute"
        )) { try await parse("-t mute", ModerationFlags.casesView) }
    }

    @Test("CaseModifyFlags: at least one of status or reason")
    func caseModify() async throws {
        await #expect(throws: CommandError.invalidFlags(message: "Status or reason must be provided.")) {
            try await parse("", ModerationFlags.caseModify)
        }
        #expect(try await parse("-s false", ModerationFlags.caseModify).optionalBool("status") == false)
        #expect(try await parse("-r typo fixed", ModerationFlags.caseModify).string("reason") == "typo fixed")
    }

    @Test("TldrFlags: defaults (show_long true), longest name first, aliases")
    func tldr() async throws {
        let defaults = try await parse("", ModerationFlags.tldr)
        #expect(defaults.bool("show_long"))
        #expect(!defaults.bool("show_short"))
        #expect(defaults.string("platform") == nil)
        let flags = try await parse("-lang fr -p linux -short", ModerationFlags.tldr)
        #expect(flags.string("language") == "fr")
        #expect(flags.string("platform") == "linux")
        #expect(flags.bool("show_short"))
    }

    @Test("list and last-wins repetition")
    func repetition() async throws {
        let set = FlagSet(name: "Tags", flags: [
            FlagDefinition("tag", "A tag", kind: .string(maxLength: 20), repetition: .list),
            FlagDefinition("mode", "A mode", kind: .string(maxLength: 20), repetition: .lastWins),
        ])
        let flags = try await parse("-tag a -tag b -mode x -mode y", set)
        #expect(flags.all("tag") == [.string("a"), .string("b")])
        #expect(flags.string("mode") == "y")
    }
}
