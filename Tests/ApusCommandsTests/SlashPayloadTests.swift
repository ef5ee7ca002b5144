import ApusCommands
import ApusHTTP
import ApusModel
import Testing

@Suite("Slash registration payloads")
struct SlashPayloadTests {
    private func option(_ options: [JSONValue]?, _ index: Int) -> [String: JSONValue] {
        guard let options, options.indices.contains(index), case .object(let object) = options[index] else { return [:] }
        return object
    }

    @Test("a hybrid command with flags: one option per flag, required first, limits, permissions, guild context")
    func banPayload() throws {
        let payload = SlashPayloadBuilder.payload(for: CommandsFixture.ban())
        #expect(payload.name == "ban")
        #expect(payload.type == 1)
        #expect(payload.defaultMemberPermissions == "4")
        #expect(payload.contexts == [0])
        #expect(payload.options?.count == 4)
        #expect(option(payload.options, 0) == ["type": 6, "name": "target", "description": "Who to ban", "required": true])
        #expect(option(payload.options, 1) == ["type": 3, "name": "reason", "description": "The reason", "max_length": 1024])
        #expect(option(payload.options, 2) == [
            "type": 4, "name": "purge", "description": "Days of messages to delete (0-7)", "min_value": 0, "max_value": 7,
        ])
        #expect(option(payload.options, 3) == ["type": 5, "name": "silent", "description": "Don't DM the member"])
    }

    @Test("required flags move before optional ones")
    func requiredFirst() {
        let payload = SlashPayloadBuilder.payload(for: CommandsFixture.tempban())
        let names = (payload.options ?? []).compactMap { value -> String? in
            guard case .object(let object) = value, case .string(let name) = object["name"] else { return nil }
            return name
        }
        #expect(names == ["target", "duration", "reason", "purge", "silent"])
    }

    @Test("groups become subcommand options; choices and channel types are sent")
    func groupsAndChoices() throws {
        let levels = SlashPayloadBuilder.payload(for: CommandsFixture.levels())
        let set = option(levels.options, 0)
        #expect(set["type"] == 1)
        #expect(set["name"] == "set")
        guard case .array(let setOptions) = set["options"] else {
            Issue.record("set has no options")
            return
        }
        #expect(option(setOptions, 1) == [
            "type": 4, "name": "new_level", "description": "The level", "required": true, "min_value": 0, "max_value": 1000,
        ])
        #expect(levels.contexts == [0])

        let poll = SlashPayloadBuilder.payload(for: CommandsFixture.slashOnly())
        #expect(option(poll.options, 0)["choices"] == [["name": "Yes/No", "value": "yesno"], ["name": "Multiple", "value": "multi"]])
        let slowmode = SlashPayloadBuilder.payload(for: CommandsFixture.slowmode())
        #expect(option(slowmode.options, 0)["channel_types"] == [0])
        #expect(slowmode.contexts == nil)
        #expect(slowmode.defaultMemberPermissions == nil)
    }

    @Test("the tree registers hybrid and slash-only commands, not prefix-only ones")
    func treePayloads() throws {
        let names = try CommandsFixture.tree().slashPayloads().map(\.name)
        #expect(names.contains("poll"))
        #expect(!names.contains("avatar"))
        #expect(names.contains("ban"))
    }

    @Test("an autocompleting parameter is sent with autocomplete: true; it cannot have choices or a non-text kind")
    func autocomplete() {
        let noop: Command.Handler = { _, _ in }
        let command = Command("case", description: "x", parameters: [
            CommandParameter.integer("number", "Which", range: 1...100).autocompleting(), .string("note", "d", required: false),
        ], handler: noop)
        let payload = SlashPayloadBuilder.payload(for: command)
        #expect(option(payload.options, 0)["autocomplete"] == .bool(true))
        #expect(option(payload.options, 1)["autocomplete"] == nil, "only the marked option autocompletes")
        #expect(throws: CommandDefinitionError.invalidChoices(path: "x", detail: "'c' cannot both autocomplete and have fixed choices")) {
            _ = try CommandTree([Command("x", description: "x", parameters: [
                CommandParameter.choice("c", "d", [CommandChoice("a")]).autocompleting()], handler: noop)])
        }
        #expect(throws: CommandDefinitionError.invalidChoices(path: "x", detail: "'m': only text and number options can autocomplete")) {
            _ = try CommandTree([Command("x", description: "x", parameters: [CommandParameter.member("m", "d").autocompleting()], handler: noop)])
        }
    }

    @Test("Discord's limits are enforced when the tree is built")
    func limits() {
        func tree(_ command: Command) throws(CommandDefinitionError) { _ = try CommandTree([command]) }
        let noop: Command.Handler = { _, _ in }
        #expect(throws: CommandDefinitionError.invalidName(path: "Ban", name: "Ban")) {
            try tree(Command("Ban", description: "x", handler: noop))
        }
        #expect(throws: CommandDefinitionError.invalidName(path: "two words", name: "two words")) {
            try tree(Command("two words", description: "x", handler: noop))
        }
        #expect(throws: CommandDefinitionError.invalidName(path: "x", name: String(repeating: "a", count: 33))) {
            try tree(Command("x", description: "x", parameters: [.string(String(repeating: "a", count: 33), "d")], handler: noop))
        }
        #expect(throws: CommandDefinitionError.invalidDescription(path: "x", length: 101)) {
            try tree(Command("x", description: String(repeating: "d", count: 101), handler: noop))
        }
        #expect(throws: CommandDefinitionError.invalidDescription(path: "x", length: 0)) {
            try tree(Command("x", description: "", handler: noop))
        }
        #expect(throws: CommandDefinitionError.tooManyOptions(path: "x", count: 26)) {
            try tree(Command("x", description: "x", parameters: (0..<26).map { .integer("p\($0)", "d") }, handler: noop))
        }
        #expect(throws: CommandDefinitionError.invalidChoices(path: "x", detail: "'c' has 26 choices (1-25 allowed)")) {
            try tree(Command("x", description: "x", parameters: [.choice("c", "d", (0..<26).map { CommandChoice("c\($0)") })], handler: noop))
        }
        #expect(throws: CommandDefinitionError.restParameterNotLast(path: "x", parameter: "rest")) {
            try tree(Command("x", description: "x", parameters: [.text("rest", "d"), .integer("n", "d")], handler: noop))
        }
        #expect(throws: CommandDefinitionError.duplicateName(path: "x", name: "reason")) {
            try tree(Command("x", description: "x", parameters: [.string("reason", "d"), .flags(ModerationFlags.ban)], handler: noop))
        }
        #expect(throws: CommandDefinitionError.duplicateName(path: "(top level)", name: "b")) {
            _ = try CommandTree([CommandsFixture.ban(), Command("b", description: "x", handler: noop)])
        }
        #expect(throws: CommandDefinitionError.nestingTooDeep(path: "a b c")) {
            try tree(Command(group: "a", description: "x") {
                Command(group: "b", description: "x") {
                    Command(group: "c", description: "x") { Command("d", description: "x", handler: noop) }
                }
            })
        }
        // Prefix-only commands may use names Discord would reject for slash commands.
        #expect(throws: Never.self) { try tree(Command("Ping", description: "", availability: .prefixOnly, handler: noop)) }
        #expect(DefinitionValidatorProbe.valid("héllo-wörld_2"))
        #expect(!DefinitionValidatorProbe.valid("hello!"))
    }
}

/// Exercises the name rule through a throw-away tree.
enum DefinitionValidatorProbe {
    static func valid(_ name: String) -> Bool {
        (try? CommandTree([Command(name, description: "d") { _, _ in }])) != nil
    }
}
