/// The type of a message. Unknown values are kept as ``unknown(_:)``.
public enum MessageType: IntegerCodedEnum, Sendable {
    /// Wire value 0.
    case `default`
    /// Wire value 1.
    case recipientAdd
    /// Wire value 2.
    case recipientRemove
    /// Wire value 3.
    case call
    /// Wire value 4.
    case channelNameChange
    /// Wire value 5.
    case channelIconChange
    /// Wire value 6.
    case channelPinnedMessage
    /// Wire value 7.
    case userJoin
    /// Wire value 8.
    case guildBoost
    /// Wire value 9.
    case guildBoostTier1
    /// Wire value 10.
    case guildBoostTier2
    /// Wire value 11.
    case guildBoostTier3
    /// Wire value 12.
    case channelFollowAdd
    /// Wire value 14.
    case guildDiscoveryDisqualified
    /// Wire value 15.
    case guildDiscoveryRequalified
    /// Wire value 18.
    case threadCreated
    /// Wire value 19.
    case reply
    /// Wire value 20.
    case chatInputCommand
    /// Wire value 21.
    case threadStarterMessage
    /// Wire value 22.
    case guildInviteReminder
    /// Wire value 23.
    case contextMenuCommand
    /// Wire value 24.
    case autoModerationAction
    /// Wire value 25.
    case roleSubscriptionPurchase
    /// Wire value 26.
    case interactionPremiumUpsell
    /// Wire value 27.
    case stageStart
    /// Wire value 28.
    case stageEnd
    /// Wire value 29.
    case stageSpeaker
    /// Wire value 31.
    case stageTopic
    /// Wire value 32.
    case guildApplicationPremiumSubscription
    /// Wire value 46.
    case pollResult
    /// A value this version does not know.
    case unknown(Int)

    /// Maps a wire value.
    public init(rawValue: Int) {
        switch rawValue {
        case 0: self = .`default`
        case 1: self = .recipientAdd
        case 2: self = .recipientRemove
        case 3: self = .call
        case 4: self = .channelNameChange
        case 5: self = .channelIconChange
        case 6: self = .channelPinnedMessage
        case 7: self = .userJoin
        case 8: self = .guildBoost
        case 9: self = .guildBoostTier1
        case 10: self = .guildBoostTier2
        case 11: self = .guildBoostTier3
        case 12: self = .channelFollowAdd
        case 14: self = .guildDiscoveryDisqualified
        case 15: self = .guildDiscoveryRequalified
        case 18: self = .threadCreated
        case 19: self = .reply
        case 20: self = .chatInputCommand
        case 21: self = .threadStarterMessage
        case 22: self = .guildInviteReminder
        case 23: self = .contextMenuCommand
        case 24: self = .autoModerationAction
        case 25: self = .roleSubscriptionPurchase
        case 26: self = .interactionPremiumUpsell
        case 27: self = .stageStart
        case 28: self = .stageEnd
        case 29: self = .stageSpeaker
        case 31: self = .stageTopic
        case 32: self = .guildApplicationPremiumSubscription
        case 46: self = .pollResult
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: Int {
        switch self {
        case .`default`: 0
        case .recipientAdd: 1
        case .recipientRemove: 2
        case .call: 3
        case .channelNameChange: 4
        case .channelIconChange: 5
        case .channelPinnedMessage: 6
        case .userJoin: 7
        case .guildBoost: 8
        case .guildBoostTier1: 9
        case .guildBoostTier2: 10
        case .guildBoostTier3: 11
        case .channelFollowAdd: 12
        case .guildDiscoveryDisqualified: 14
        case .guildDiscoveryRequalified: 15
        case .threadCreated: 18
        case .reply: 19
        case .chatInputCommand: 20
        case .threadStarterMessage: 21
        case .guildInviteReminder: 22
        case .contextMenuCommand: 23
        case .autoModerationAction: 24
        case .roleSubscriptionPurchase: 25
        case .interactionPremiumUpsell: 26
        case .stageStart: 27
        case .stageEnd: 28
        case .stageSpeaker: 29
        case .stageTopic: 31
        case .guildApplicationPremiumSubscription: 32
        case .pollResult: 46
        case .unknown(let value): value
        }
    }
}
