import ApusModel

/// Runs ``CommandCheck``s against an invocation, using the lookup for guilds, members and channels.
struct CheckEvaluator: Sendable {
    var lookup: any CommandLookup
    var botUserID: Snowflake
    var ownerIDs: Set<Snowflake>

    /// Runs `checks` (only those of the given phase), throwing the first failure.
    func run(_ checks: [CommandCheck], beforeParsing: Bool, invocation: CommandInvocation, arguments: ParsedArguments) async throws(CommandError) {
        for check in checks where check.runsBeforeParsing == beforeParsing {
            if let failure = await evaluate(check, invocation: invocation, arguments: arguments) {
                throw .checkFailed(failure)
            }
        }
    }

    /// The failure of one check, or nil when it passes.
    func evaluate(_ check: CommandCheck, invocation: CommandInvocation, arguments: ParsedArguments) async -> CheckFailure? {
        switch check {
        case .guildOnly:
            return invocation.guildID == nil ? .guildOnly : nil
        case .ownerOnly:
            return ownerIDs.contains(invocation.author.id) ? nil : .ownerOnly
        case .hasPermissions(let required):
            guard invocation.guildID != nil else { return .guildOnly }
            let granted: Permissions
            if let given = invocation.memberPermissions {
                granted = given
            } else {
                granted = await permissions(of: invocation.author.id, member: invocation.member, invocation: invocation)
            }
            let missing = required.subtracting(granted)
            return missing.isEmpty ? nil : .missingPermissions(missing)
        case .botHasPermissions(let required):
            guard invocation.guildID != nil else { return .guildOnly }
            let granted: Permissions
            if let given = invocation.botPermissions {
                granted = given
            } else {
                granted = await permissions(of: botUserID, member: nil, invocation: invocation)
            }
            let missing = required.subtracting(granted)
            return missing.isEmpty ? nil : .botMissingPermissions(missing)
        case .hierarchy(let parameter):
            return await hierarchy(target: arguments.member(parameter), invocation: invocation)
        case .custom(let predicate):
            return await predicate(invocation, arguments).map(CheckFailure.custom)
        }
    }

    /// A user's permissions in the invocation's channel, computed from the cache.
    private func permissions(of userID: Snowflake, member knownMember: CommandMember?, invocation: CommandInvocation) async -> Permissions {
        guard let guildID = invocation.guildID, let guild = await lookup.guild(guildID) else { return [] }
        var member = knownMember
        if member == nil { member = await lookup.member(userID, in: guildID) }
        guard let member else { return [] }
        let channel = await lookup.channel(invocation.channelID)
        return guild.permissions(of: member, in: channel)
    }

    /// Role hierarchy: nobody acts on the owner or on themselves; the invoker (unless owner) and the bot must be
    /// strictly above the target.
    private func hierarchy(target: CommandMember?, invocation: CommandInvocation) async -> CheckFailure? {
        guard let target else { return nil }
        guard let guildID = invocation.guildID else { return .guildOnly }
        guard let guild = await lookup.guild(guildID) else { return .hierarchy("I could not load this server's roles; try again.") }
        if target.id == guild.ownerID { return .hierarchy("Nobody can do that to the server owner.") }
        if target.id == invocation.author.id { return .hierarchy("You cannot do that to yourself.") }
        let targetTop = guild.topPosition(of: target)
        if invocation.author.id != guild.ownerID {
            var actor = invocation.member
            if actor == nil { actor = await lookup.member(invocation.author.id, in: guildID) }
            guard let actor, guild.topPosition(of: actor) > targetTop else {
                return .hierarchy("You can only do that to members whose highest role is below yours.")
            }
        }
        if target.id == botUserID { return .hierarchy("I cannot do that to myself.") }
        guard let bot = await lookup.member(botUserID, in: guildID), guild.topPosition(of: bot) > targetTop else {
            return .hierarchy("My highest role must be above the member's highest role.")
        }
        return nil
    }
}
