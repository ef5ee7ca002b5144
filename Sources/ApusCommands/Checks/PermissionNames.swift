import ApusModel

/// Human-readable names of permission bits, as Discord's client shows them.
public enum PermissionNames {
    private static let table: [(Permissions, String)] = [
        (.createInstantInvite, "Create Invite"), (.kickMembers, "Kick Members"), (.banMembers, "Ban Members"),
        (.administrator, "Administrator"), (.manageChannels, "Manage Channels"), (.manageGuild, "Manage Server"),
        (.addReactions, "Add Reactions"), (.viewAuditLog, "View Audit Log"), (.prioritySpeaker, "Priority Speaker"),
        (.stream, "Video"), (.viewChannel, "View Channel"), (.sendMessages, "Send Messages"),
        (.sendTTSMessages, "Send Text-to-Speech Messages"), (.manageMessages, "Manage Messages"),
        (.embedLinks, "Embed Links"), (.attachFiles, "Attach Files"), (.readMessageHistory, "Read Message History"),
        (.mentionEveryone, "Mention Everyone"), (.useExternalEmojis, "Use External Emojis"),
        (.viewGuildInsights, "View Server Insights"), (.connect, "Connect"), (.speak, "Speak"),
        (.muteMembers, "Mute Members"), (.deafenMembers, "Deafen Members"), (.moveMembers, "Move Members"),
        (.useVAD, "Use Voice Activity"), (.changeNickname, "Change Nickname"), (.manageNicknames, "Manage Nicknames"),
        (.manageRoles, "Manage Roles"), (.manageWebhooks, "Manage Webhooks"),
        (.manageGuildExpressions, "Manage Expressions"), (.useApplicationCommands, "Use Application Commands"),
        (.requestToSpeak, "Request to Speak"), (.manageEvents, "Manage Events"), (.manageThreads, "Manage Threads"),
        (.createPublicThreads, "Create Public Threads"), (.createPrivateThreads, "Create Private Threads"),
        (.useExternalStickers, "Use External Stickers"), (.sendMessagesInThreads, "Send Messages in Threads"),
        (.useEmbeddedActivities, "Use Activities"), (.moderateMembers, "Timeout Members"),
        (.viewCreatorMonetizationAnalytics, "View Creator Monetization Analytics"), (.useSoundboard, "Use Soundboard"),
        (.createGuildExpressions, "Create Expressions"), (.createEvents, "Create Events"),
        (.useExternalSounds, "Use External Sounds"), (.sendVoiceMessages, "Send Voice Messages"),
        (.sendPolls, "Create Polls"), (.useExternalApps, "Use External Apps"), (.pinMessages, "Pin Messages"),
        (.bypassSlowmode, "Bypass Slowmode"),
    ]

    /// The names of every bit in `permissions`, in bit order; unknown bits appear as "Permission bit N".
    public static func names(_ permissions: Permissions) -> [String] {
        var names: [String] = []
        for bit in 0..<64 where permissions.rawValue & (1 << UInt64(bit)) != 0 {
            let flag = Permissions(rawValue: 1 << UInt64(bit))
            names.append(table.first { $0.0 == flag }?.1 ?? "Permission bit \(bit)")
        }
        return names
    }

    /// The names of `permissions` in backticks, joined with commas ("`Ban Members`, `Kick Members`").
    public static func list(_ permissions: Permissions) -> String {
        names(permissions).map { "`\($0)`" }.joined(separator: ", ")
    }
}
