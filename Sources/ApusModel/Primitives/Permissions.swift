/// Discord permission bits (a 64-bit set sent as a decimal string).
public struct Permissions: OptionSet, Sendable, Hashable {
    /// The bit set.
    public var rawValue: UInt64
    /// Wraps raw bits.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The `createInstantInvite` permission (bit 0).
    public static let createInstantInvite = Permissions(rawValue: 1 << 0)
    /// The `kickMembers` permission (bit 1).
    public static let kickMembers = Permissions(rawValue: 1 << 1)
    /// The `banMembers` permission (bit 2).
    public static let banMembers = Permissions(rawValue: 1 << 2)
    /// The `administrator` permission (bit 3).
    public static let administrator = Permissions(rawValue: 1 << 3)
    /// The `manageChannels` permission (bit 4).
    public static let manageChannels = Permissions(rawValue: 1 << 4)
    /// The `manageGuild` permission (bit 5).
    public static let manageGuild = Permissions(rawValue: 1 << 5)
    /// The `addReactions` permission (bit 6).
    public static let addReactions = Permissions(rawValue: 1 << 6)
    /// The `viewAuditLog` permission (bit 7).
    public static let viewAuditLog = Permissions(rawValue: 1 << 7)
    /// The `prioritySpeaker` permission (bit 8).
    public static let prioritySpeaker = Permissions(rawValue: 1 << 8)
    /// The `stream` permission (bit 9).
    public static let stream = Permissions(rawValue: 1 << 9)
    /// The `viewChannel` permission (bit 10).
    public static let viewChannel = Permissions(rawValue: 1 << 10)
    /// The `sendMessages` permission (bit 11).
    public static let sendMessages = Permissions(rawValue: 1 << 11)
    /// The `sendTTSMessages` permission (bit 12).
    public static let sendTTSMessages = Permissions(rawValue: 1 << 12)
    /// The `manageMessages` permission (bit 13).
    public static let manageMessages = Permissions(rawValue: 1 << 13)
    /// The `embedLinks` permission (bit 14).
    public static let embedLinks = Permissions(rawValue: 1 << 14)
    /// The `attachFiles` permission (bit 15).
    public static let attachFiles = Permissions(rawValue: 1 << 15)
    /// The `readMessageHistory` permission (bit 16).
    public static let readMessageHistory = Permissions(rawValue: 1 << 16)
    /// The `mentionEveryone` permission (bit 17).
    public static let mentionEveryone = Permissions(rawValue: 1 << 17)
    /// The `useExternalEmojis` permission (bit 18).
    public static let useExternalEmojis = Permissions(rawValue: 1 << 18)
    /// The `viewGuildInsights` permission (bit 19).
    public static let viewGuildInsights = Permissions(rawValue: 1 << 19)
    /// The `connect` permission (bit 20).
    public static let connect = Permissions(rawValue: 1 << 20)
    /// The `speak` permission (bit 21).
    public static let speak = Permissions(rawValue: 1 << 21)
    /// The `muteMembers` permission (bit 22).
    public static let muteMembers = Permissions(rawValue: 1 << 22)
    /// The `deafenMembers` permission (bit 23).
    public static let deafenMembers = Permissions(rawValue: 1 << 23)
    /// The `moveMembers` permission (bit 24).
    public static let moveMembers = Permissions(rawValue: 1 << 24)
    /// The `useVAD` permission (bit 25).
    public static let useVAD = Permissions(rawValue: 1 << 25)
    /// The `changeNickname` permission (bit 26).
    public static let changeNickname = Permissions(rawValue: 1 << 26)
    /// The `manageNicknames` permission (bit 27).
    public static let manageNicknames = Permissions(rawValue: 1 << 27)
    /// The `manageRoles` permission (bit 28).
    public static let manageRoles = Permissions(rawValue: 1 << 28)
    /// The `manageWebhooks` permission (bit 29).
    public static let manageWebhooks = Permissions(rawValue: 1 << 29)
    /// The `manageGuildExpressions` permission (bit 30).
    public static let manageGuildExpressions = Permissions(rawValue: 1 << 30)
    /// The `useApplicationCommands` permission (bit 31).
    public static let useApplicationCommands = Permissions(rawValue: 1 << 31)
    /// The `requestToSpeak` permission (bit 32).
    public static let requestToSpeak = Permissions(rawValue: 1 << 32)
    /// The `manageEvents` permission (bit 33).
    public static let manageEvents = Permissions(rawValue: 1 << 33)
    /// The `manageThreads` permission (bit 34).
    public static let manageThreads = Permissions(rawValue: 1 << 34)
    /// The `createPublicThreads` permission (bit 35).
    public static let createPublicThreads = Permissions(rawValue: 1 << 35)
    /// The `createPrivateThreads` permission (bit 36).
    public static let createPrivateThreads = Permissions(rawValue: 1 << 36)
    /// The `useExternalStickers` permission (bit 37).
    public static let useExternalStickers = Permissions(rawValue: 1 << 37)
    /// The `sendMessagesInThreads` permission (bit 38).
    public static let sendMessagesInThreads = Permissions(rawValue: 1 << 38)
    /// The `useEmbeddedActivities` permission (bit 39).
    public static let useEmbeddedActivities = Permissions(rawValue: 1 << 39)
    /// The `moderateMembers` permission (bit 40).
    public static let moderateMembers = Permissions(rawValue: 1 << 40)
    /// The `viewCreatorMonetizationAnalytics` permission (bit 41).
    public static let viewCreatorMonetizationAnalytics = Permissions(rawValue: 1 << 41)
    /// The `useSoundboard` permission (bit 42).
    public static let useSoundboard = Permissions(rawValue: 1 << 42)
    /// The `createGuildExpressions` permission (bit 43).
    public static let createGuildExpressions = Permissions(rawValue: 1 << 43)
    /// The `createEvents` permission (bit 44).
    public static let createEvents = Permissions(rawValue: 1 << 44)
    /// The `useExternalSounds` permission (bit 45).
    public static let useExternalSounds = Permissions(rawValue: 1 << 45)
    /// The `sendVoiceMessages` permission (bit 46).
    public static let sendVoiceMessages = Permissions(rawValue: 1 << 46)
    /// The `sendPolls` permission (bit 49).
    public static let sendPolls = Permissions(rawValue: 1 << 49)
    /// The `useExternalApps` permission (bit 50).
    public static let useExternalApps = Permissions(rawValue: 1 << 50)
    /// The `pinMessages` permission (bit 51).
    public static let pinMessages = Permissions(rawValue: 1 << 51)
    /// The `bypassSlowmode` permission (bit 52).
    public static let bypassSlowmode = Permissions(rawValue: 1 << 52)
}

extension Permissions: JSONDecodable {
    /// Reads the decimal string form (an integer is accepted too).
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        rawValue = try Snowflake(from: &reader).rawValue
    }
}
