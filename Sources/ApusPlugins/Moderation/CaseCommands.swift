import Apus
import ApusCommands
import ApusHTTP
import ApusInteractions
import ApusModel
import ApusText

/// `cases` (aliases `case`, `c`): `view [number]`, `search` with `-type/-user/-mod`, `modify <number>` with
/// `-status/-reason`; with no subcommand, the ten newest cases. The case view carries an "Edit reason" button that
/// opens a form, and `/cases view` suggests case numbers as the moderator types.
extension ModerationPlugin {
    /// The custom id of a case's "Edit reason" button.
    public static let editReasonButton = "moderation:case:{number}:edit"
    /// The custom id of the form that button opens.
    public static let editReasonModal = "moderation:case:{number}:reason"

    /// Who may read and change cases.
    static let casePermission: Permissions = .moderateMembers

    func casesCommand() -> Command {
        let checks: [CommandCheck] = [.guildOnly, .hasPermissions(Self.casePermission)]
        return Command(
            group: "cases", aliases: ["case", "c"], description: "Look up and edit moderation cases.", category: "Moderation",
            checks: checks, guildOnly: true, defaultMemberPermissions: Self.casePermission,
            handler: { [self] reply, arguments in
                try await list(CaseFilter(), arguments: arguments, reply: reply)
            }
        ) {
            Command("view", aliases: ["show", "get"], description: "Show one case, or the newest ones.", category: "Moderation",
                    parameters: [CommandParameter.integer("number", "The case number.", range: 1...1_000_000_000, required: false).autocompleting()],
                    checks: checks, guildOnly: true) { [self] reply, arguments in
                guard let number = arguments.integer("number") else {
                    try await list(CaseFilter(), arguments: arguments, reply: reply)
                    return
                }
                guard let cases, let guildID = arguments.invocation.guildID else { return }
                guard let found = try await cases.moderationCase(guildID: guildID.rawValue, number: number) else {
                    try await reply.reply("There is no case #\(number) in this server.", ephemeral: true)
                    return
                }
                let edit = Button(
                    customID: Self.editReasonButton.replacingOccurrences(of: "{number}", with: "\(number)"),
                    label: "Edit reason", style: .secondary)
                try await reply.reply(MessageCreatePayload(
                    content: CaseFormatter.detail(found), allowedMentions: AllowedMentions(parse: []),
                    components: try MessageComponents([ActionRow(buttons: [edit])]).json()))
            }
            Command("search", aliases: ["filter", "find", "list"], description: "Find cases by type, member or moderator.",
                    category: "Moderation", parameters: [.flags(ModerationFlags.search)], checks: checks, guildOnly: true) { [self] reply, arguments in
                let flags = arguments.flags
                let filter = CaseFilter(
                    type: flags?.string("type").flatMap(CaseType.init(name:)), userID: flags?.user("user")?.id.rawValue,
                    moderatorID: flags?.user("mod")?.id.rawValue)
                try await list(filter, arguments: arguments, reply: reply)
            }
            Command("modify", aliases: ["edit"], description: "Void or restore a case, or change its reason.",
                    category: "Moderation",
                    parameters: [.integer("number", "The case number.", range: 1...1_000_000_000), .flags(ModerationFlags.modify)],
                    checks: checks, guildOnly: true) { [self] reply, arguments in
                guard let cases, let guildID = arguments.invocation.guildID, let number = arguments.integer("number"),
                      let flags = arguments.flags else { return }
                let changed = try await cases.modify(
                    guildID: guildID.rawValue, number: number, isValid: flags.optionalBool("status"), reason: flags.string("reason"))
                guard let changed else {
                    try await reply.reply("There is no case #\(number) in this server.", ephemeral: true)
                    return
                }
                try await reply.reply(MessageCreatePayload(
                    content: "Case #\(number) updated.\n" + CaseFormatter.detail(changed), allowedMentions: AllowedMentions(parse: [])))
            }
        }
    }

    private func list(_ filter: CaseFilter, arguments: ParsedArguments, reply: any CommandContext) async throws {
        guard let cases, let guildID = arguments.invocation.guildID else { return }
        let found = try await cases.cases(guildID: guildID.rawValue, matching: filter, limit: 10)
        guard !found.isEmpty else {
            try await reply.reply("No cases match.", ephemeral: true)
            return
        }
        let text = found.map(CaseFormatter.summary).joined(separator: "\n")
        try await reply.reply(MessageCreatePayload(
            content: TextTruncation.truncate(text, toCodePoints: 2_000), allowedMentions: AllowedMentions(parse: [])))
    }

    /// The Edit-reason button and form, and the case-number suggestions.
    func registerCaseRoutes(on router: inout ComponentRouter) throws {
        try router.onComponent(Self.editReasonButton) { [self] click in
            guard let number = click.parameters["number"].flatMap({ Int($0) }), let guildID = click.interaction.guildID else { return }
            guard Self.mayEditCases(click.interaction) else {
                try await click.responder.reply("You need the Timeout Members permission to edit cases.", ephemeral: true)
                return
            }
            guard let cases, let found = try await cases.moderationCase(guildID: guildID.rawValue, number: number) else {
                try await click.responder.reply("There is no case #\(number) in this server.", ephemeral: true)
                return
            }
            try await click.responder.showModal(Modal(
                customID: Self.editReasonModal.replacingOccurrences(of: "{number}", with: "\(number)"),
                title: "Case #\(number)",
                inputs: [TextInput(customID: "reason", label: "Reason", style: .paragraph, required: true,
                                   maxLength: CaseStore.maximumReasonLength, value: found.reason)]))
        }
        try router.onModal(Self.editReasonModal) { [self] submit in
            guard let number = submit.parameters["number"].flatMap({ Int($0) }), let guildID = submit.interaction.guildID else { return }
            guard Self.mayEditCases(submit.interaction) else {
                try await submit.responder.reply("You need the Timeout Members permission to edit cases.", ephemeral: true)
                return
            }
            let reason = (submit.fields["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                try await submit.responder.reply("The reason cannot be empty; nothing was changed.", ephemeral: true)
                return
            }
            guard let cases, try await cases.modify(guildID: guildID.rawValue, number: number, isValid: nil, reason: reason) != nil else {
                try await submit.responder.reply("There is no case #\(number) in this server.", ephemeral: true)
                return
            }
            try await submit.responder.reply("Case #\(number): the reason is now “\(TextTruncation.truncate(reason, toCodePoints: 200))”.", ephemeral: true)
        }
        router.onAutocomplete(command: "cases view", option: "number") { [self] request in
            guard let cases, let guildID = request.interaction.guildID, Self.mayEditCases(request.interaction) else { return [] }
            let typed = request.text.trimmingCharacters(in: .whitespaces).trimmingPrefix("#")
            return try await cases.cases(guildID: guildID.rawValue, limit: 100)
                .filter { typed.isEmpty || String($0.number).hasPrefix(typed) }
                .prefix(25)
                .map { found in
                    AutocompleteChoice(
                        name: TextTruncation.truncate("#\(found.number) \(found.type.rawValue) · \(found.reason)", toCodePoints: 100),
                        number: Double(found.number))
                }
        }
    }

    /// Whether the member behind an interaction may read and edit cases (Discord sends their permissions in the
    /// channel with every guild interaction).
    static func mayEditCases(_ interaction: Interaction) -> Bool {
        guard let permissions = interaction.member?.permissions else { return false }
        return permissions.contains(.administrator) || permissions.contains(casePermission)
    }
}
