import ApusModel
import Testing

@testable import ApusCommands

@Suite("Converters")
struct ConverterTests {
    let scope = ConversionScope(lookup: World.lookup, guildID: World.guildID)

    private func convert(_ text: String, _ kind: ParameterKind) async throws(CommandError) -> ArgumentValue {
        try await ArgumentConverter.convert(text, kind: kind, name: "arg", scope: scope)
    }

    @Test("members: mention, nickname mention, id, username, name#discrim, global name, nickname")
    func members() async throws {
        for text in ["<@\(World.aliceID)>", "<@!\(World.aliceID)>", "\(World.aliceID)", "alice", "alice#1234", "Alice A", "ali", "ALICE"] {
            #expect(try await convert(text, .member) == .member(World.alice), "\(text)")
        }
    }

    @Test("members: unknown, ambiguous, outside a guild")
    func memberErrors() async {
        await #expect(throws: CommandError.badArgument(parameter: "arg", expected: "a member of this server (mention, id or name)", given: "nobody")) {
            try await convert("nobody", .member)
        }
        await #expect(throws: CommandError.badArgument(parameter: "arg", expected: "a member of this server (mention, id or name)", given: "<@\(World.outsiderID)>")) {
            try await convert("<@\(World.outsiderID)>", .member)
        }
        // Two members have the global name "Bob".
        await #expect(throws: CommandError.badArgument(parameter: "arg", expected: "a unique member; 2 match, use a mention or an id", given: "Bob")) {
            try await convert("Bob", .member)
        }
        await #expect(throws: CommandError.checkFailed(.guildOnly)) {
            try await ArgumentConverter.convert("alice", kind: .member, name: "arg", scope: ConversionScope(lookup: World.lookup, guildID: nil))
        }
    }

    @Test("users: non-members by mention or id, members by name; a role mention is not a user")
    func users() async throws {
        #expect(try await convert("<@\(World.outsiderID)>", .user) == .user(World.outsider))
        #expect(try await convert("\(World.outsiderID)", .user) == .user(World.outsider))
        #expect(try await convert("modbob", .user) == .user(World.mod.user))
        await #expect(throws: CommandError.self) { try await convert("<@&\(World.modRoleID)>", .user) }
    }

    @Test("channels: mention, id, name with or without #; allowed types")
    func channels() async throws {
        #expect(try await convert("<#\(World.generalID)>", .channel(types: [])) == .channel(World.general))
        #expect(try await convert("#general", .channel(types: [.guildText])) == .channel(World.general))
        #expect(try await convert("lounge", .channel(types: [])) == .channel(World.voice))
        await #expect(throws: CommandError.badArgument(parameter: "arg", expected: "a channel of another type", given: "Lounge")) {
            try await convert("Lounge", .channel(types: [.guildText]))
        }
        await #expect(throws: CommandError.self) { try await convert("#nowhere", .channel(types: [])) }
    }

    @Test("roles: mention, id, exact then case-insensitive name")
    func roles() async throws {
        let moderator = try #require(World.guild.role(World.modRoleID))
        #expect(try await convert("<@&\(World.modRoleID)>", .role) == .role(moderator))
        #expect(try await convert("\(World.modRoleID)", .role) == .role(moderator))
        #expect(try await convert("moderator", .role) == .role(moderator))
        await #expect(throws: CommandError.self) { try await convert("Janitor", .role) }
    }

    @Test("integers and numbers with ranges")
    func numbers() async throws {
        #expect(try await convert("42", .integer(range: nil)) == .integer(42))
        #expect(try await convert("-3", .integer(range: -5...5)) == .integer(-3))
        await #expect(throws: CommandError.badArgument(parameter: "arg", expected: "a whole number from 1 to 10", given: "11")) {
            try await convert("11", .integer(range: 1...10))
        }
        await #expect(throws: CommandError.badArgument(parameter: "arg", expected: "a whole number", given: "4.5")) {
            try await convert("4.5", .integer(range: nil))
        }
        await #expect(throws: CommandError.self) { try await convert("99999999999999999999999", .integer(range: nil)) }
        #expect(try await convert("2.5", .number(range: 0...5)) == .number(2.5))
        await #expect(throws: CommandError.self) { try await convert("nan", .number(range: nil)) }
        await #expect(throws: CommandError.self) { try await convert("inf", .number(range: nil)) }
    }

    @Test("booleans use exactly the convert_bool sets")
    func booleans() async throws {
        for word in ["true", "t", "yes", "y", "1", "on", "active", "enable", "enabled", "YES"] {
            #expect(try await convert(word, .boolean) == .boolean(true), "\(word)")
        }
        for word in ["false", "f", "no", "n", "0", "off", "inactive", "disable", "disabled", "Off"] {
            #expect(try await convert(word, .boolean) == .boolean(false), "\(word)")
        }
        for word in ["maybe", "2", "", "nope"] {
            await #expect(throws: CommandError.badArgument(parameter: "arg", expected: "yes or no", given: word)) {
                try await convert(word, .boolean)
            }
        }
    }

    @Test("strings, choices, durations and length caps")
    func textKinds() async throws {
        #expect(try await convert("hello", .string(maxLength: 10)) == .string("hello"))
        await #expect(throws: CommandError.inputTooLong(what: "value of `arg`", limit: 3)) { try await convert("hello", .string(maxLength: 3)) }
        #expect(try await convert("Linux", .choice([CommandChoice("linux"), CommandChoice("Windows", value: "windows")])) == .string("linux"))
        #expect(try await convert("WINDOWS", .choice([CommandChoice("Windows", value: "windows")])) == .string("windows"))
        await #expect(throws: CommandError.self) { try await convert("bsd", .choice([CommandChoice("linux")])) }
        #expect(try await convert("60s", .duration(.singleUnit)) == .duration(.seconds(60)))
        #expect(try await convert("2w3d", .duration(.compactUnits)) == .duration(.seconds(1_468_800)))
        await #expect(throws: CommandError.invalidDuration(parameter: "arg", message: "Invalid time format: '1h30m'")) {
            try await convert("1h30m", .duration(.singleUnit))
        }
    }

    @Test("user input in error messages is shortened and cannot ping or break code spans")
    func sanitisedMessages() {
        let message = CommandError.badArgument(parameter: "level", expected: "a whole number", given: "@everyone `x`").userMessage
        #expect(message == "Invalid value for `level`: expected a whole number, got `@\u{200B}everyone 'x'`.")
        let long = CommandError.badArgument(parameter: "p", expected: "x", given: String(repeating: "a", count: 500)).userMessage
        #expect(long.count < 120)
    }
}
