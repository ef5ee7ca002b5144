import ApusCommands
import ApusModel
import Testing

@Suite("Permission calculator")
struct PermissionCalculatorTests {
    let guild: Snowflake = 1
    let owner: Snowflake = 2
    let member: Snowflake = 3
    let roleA: Snowflake = 10
    let roleB: Snowflake = 11

    private func channel(_ overwrites: [PermissionCalculator.Overwrite], roles: [Snowflake] = [10, 11],
                         rolePermissions: [Permissions] = [], everyone: Permissions = [.viewChannel, .sendMessages],
                         memberID: Snowflake = 3, timedOut: Bool = false) -> Permissions {
        PermissionCalculator.channelPermissions(
            memberID: memberID, guildID: guild, ownerID: owner, everyonePermissions: everyone, memberRoleIDs: roles,
            rolePermissions: rolePermissions, overwrites: overwrites, isTimedOut: timedOut
        )
    }

    @Test("base permissions are @everyone OR every role")
    func base() {
        let permissions = PermissionCalculator.basePermissions(
            memberID: member, ownerID: owner, everyonePermissions: [.viewChannel], rolePermissions: [[.kickMembers], [.banMembers]]
        )
        #expect(permissions == [.viewChannel, .kickMembers, .banMembers])
    }

    @Test("the owner and administrators get everything, even against overwrites")
    func ownerAndAdmin() {
        #expect(channel([.init(id: owner, target: .member, deny: [.viewChannel])], memberID: owner) == PermissionCalculator.all)
        #expect(channel([.init(id: member, target: .member, deny: [.viewChannel])], rolePermissions: [[.administrator]]) == PermissionCalculator.all)
    }

    @Test("overwrite order: @everyone, then roles (deny then allow, combined), then member")
    func overwriteOrder() {
        // @everyone denies send; role A allows it back.
        #expect(channel([
            .init(id: guild, target: .role, deny: [.sendMessages]),
            .init(id: roleA, target: .role, allow: [.sendMessages]),
        ]).contains(.sendMessages))
        // A role allow wins over another role's deny (allows are applied after all denies).
        #expect(channel([
            .init(id: roleA, target: .role, deny: [.sendMessages]),
            .init(id: roleB, target: .role, allow: [.sendMessages]),
        ]).contains(.sendMessages))
        // The member overwrite beats role overwrites.
        #expect(!channel([
            .init(id: roleA, target: .role, allow: [.sendMessages]),
            .init(id: member, target: .member, deny: [.sendMessages]),
        ]).contains(.sendMessages))
        // Overwrites of roles the member lacks do not apply.
        #expect(!channel([.init(id: 99, target: .role, allow: [.banMembers])]).contains(.banMembers))
        // @everyone allow adds a permission.
        #expect(channel([.init(id: guild, target: .role, allow: [.embedLinks])]).contains(.embedLinks))
    }

    @Test("implicit: no View Channel means nothing; no Send Messages removes attach/embed/mention everyone/TTS")
    func implicit() {
        #expect(channel([.init(id: guild, target: .role, deny: [.viewChannel])], rolePermissions: [[.banMembers]]) == [])
        let muted = channel([.init(id: guild, target: .role, deny: [.sendMessages])],
                            everyone: [.viewChannel, .sendMessages, .attachFiles, .embedLinks, .addReactions])
        #expect(muted == [.viewChannel, .addReactions])
    }

    @Test("a timed-out member keeps only View Channel and Read Message History")
    func timeout() {
        let permissions = channel([], rolePermissions: [[.banMembers, .readMessageHistory]], timedOut: true)
        #expect(permissions == [.viewChannel, .readMessageHistory])
        let base = PermissionCalculator.basePermissions(
            memberID: member, ownerID: owner, everyonePermissions: [.viewChannel, .sendMessages], rolePermissions: [], isTimedOut: true
        )
        #expect(base == [.viewChannel])
        // Administrators are not restricted by a timeout.
        #expect(channel([], rolePermissions: [[.administrator]], timedOut: true) == PermissionCalculator.all)
    }

    @Test("permission names for messages")
    func names() {
        #expect(PermissionNames.list([.banMembers, .kickMembers]) == "`Kick Members`, `Ban Members`")
        #expect(CheckFailure.missingPermissions(.banMembers).userMessage == "You need the `Ban Members` permission to use this command.")
    }
}
