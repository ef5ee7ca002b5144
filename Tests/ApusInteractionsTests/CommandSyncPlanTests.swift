import ApusHTTP
import ApusInteractions
import Testing

/// The semantic command diff.
@Suite("Command sync plan")
struct CommandSyncPlanTests {
    static let desired = [
        ApplicationCommandPayload(
            name: "poll", description: "Polls", options: [
                ["type": 1, "name": "create", "description": "Create", "options": [
                    ["type": 3, "name": "question", "description": "Q", "required": true],
                    ["type": 7, "name": "where", "description": "W", "channel_types": [5, 0]],
                ]],
            ]),
        ApplicationCommandPayload(name: "ping", description: "Ping", type: 1),
    ]

    /// What Discord returns for `desired`: server fields, defaults filled in, commands in another order.
    static let discordHas: [JSONValue] = [
        ["id": "2", "application_id": "9", "version": "77", "type": 1, "name": "ping", "description": "Ping",
         "default_member_permissions": nil, "nsfw": false, "contexts": [0, 1, 2], "integration_types": [0],
         "dm_permission": true, "name_localizations": nil, "description_localizations": nil],
        ["id": "1", "application_id": "9", "version": "78", "type": 1, "name": "poll", "description": "Polls",
         "default_member_permissions": nil, "nsfw": false, "contexts": nil, "integration_types": [0],
         "options": [
            ["type": 1, "name": "create", "description": "Create", "options": [
                ["type": 3, "name": "question", "description": "Q", "required": true],
                ["type": 7, "name": "where", "description": "W", "required": false, "channel_types": [0, 5]],
            ]],
         ]],
    ]

    @Test func sameCommandsWithDiscordDefaultsAreUpToDate() {
        let plan = CommandSyncPlan(desired: Self.desired, existing: Self.discordHas)
        #expect(plan.isUpToDate, "\(plan)")
    }

    @Test func additionsRemovalsAndChangesAreNamed() {
        var desired = Self.desired
        desired[1].description = "Ping the bot"
        desired.append(ApplicationCommandPayload(name: "Report", type: 3))
        let plan = CommandSyncPlan(desired: desired, existing: Self.discordHas + [["id": "3", "application_id": "9", "version": "1", "name": "old", "description": "Old"]])
        #expect(plan.changed == ["/ping"])
        #expect(plan.added == ["Report (type 3)"])
        #expect(plan.removed == ["/old"])
        #expect(!plan.isUpToDate)
    }

    @Test func optionOrderAndRequiredMatterButDefaultsDoNot() {
        var reordered = Self.desired
        reordered[0].options = [["type": 1, "name": "create", "description": "Create", "options": [
            ["type": 7, "name": "where", "description": "W", "channel_types": [0, 5]],
            ["type": 3, "name": "question", "description": "Q", "required": true],
        ]]]
        #expect(CommandSyncPlan(desired: reordered, existing: Self.discordHas).changed == ["/poll"])
        var notRequired = Self.desired
        notRequired[0].options = [["type": 1, "name": "create", "description": "Create", "options": [
            ["type": 3, "name": "question", "description": "Q"],
            ["type": 7, "name": "where", "description": "W", "channel_types": [0, 5]],
        ]]]
        #expect(CommandSyncPlan(desired: notRequired, existing: Self.discordHas).changed == ["/poll"])
        var explicitDefaults = Self.desired
        explicitDefaults[1].nsfw = false
        explicitDefaults[1].contexts = [2, 1, 0]
        #expect(CommandSyncPlan(desired: explicitDefaults, existing: Self.discordHas).isUpToDate)
        var permissions = Self.desired
        permissions[1].defaultMemberPermissions = "8"
        #expect(CommandSyncPlan(desired: permissions, existing: Self.discordHas).changed == ["/ping"])
        var guildOnly = Self.desired
        guildOnly[1].contexts = [0]
        #expect(CommandSyncPlan(desired: guildOnly, existing: Self.discordHas).changed == ["/ping"])
    }

    @Test func duplicateDeclarationsAreProblems() {
        let plan = CommandSyncPlan(desired: [Self.desired[1], Self.desired[1]], existing: [])
        #expect(plan.problems == ["/ping is declared twice"])
    }
}
