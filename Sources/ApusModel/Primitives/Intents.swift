/// Gateway intents: which event groups a connection subscribes to.
public struct Intents: OptionSet, Sendable, Hashable {
    /// The bit set.
    public var rawValue: Int
    /// Wraps raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The `guilds` intent (bit 0).
    public static let guilds = Intents(rawValue: 1 << 0)
    /// The `guildMembers` intent (bit 1); privileged.
    public static let guildMembers = Intents(rawValue: 1 << 1)
    /// The `guildModeration` intent (bit 2).
    public static let guildModeration = Intents(rawValue: 1 << 2)
    /// The `guildExpressions` intent (bit 3).
    public static let guildExpressions = Intents(rawValue: 1 << 3)
    /// The `guildIntegrations` intent (bit 4).
    public static let guildIntegrations = Intents(rawValue: 1 << 4)
    /// The `guildWebhooks` intent (bit 5).
    public static let guildWebhooks = Intents(rawValue: 1 << 5)
    /// The `guildInvites` intent (bit 6).
    public static let guildInvites = Intents(rawValue: 1 << 6)
    /// The `guildVoiceStates` intent (bit 7).
    public static let guildVoiceStates = Intents(rawValue: 1 << 7)
    /// The `guildPresences` intent (bit 8); privileged.
    public static let guildPresences = Intents(rawValue: 1 << 8)
    /// The `guildMessages` intent (bit 9).
    public static let guildMessages = Intents(rawValue: 1 << 9)
    /// The `guildMessageReactions` intent (bit 10).
    public static let guildMessageReactions = Intents(rawValue: 1 << 10)
    /// The `guildMessageTyping` intent (bit 11).
    public static let guildMessageTyping = Intents(rawValue: 1 << 11)
    /// The `directMessages` intent (bit 12).
    public static let directMessages = Intents(rawValue: 1 << 12)
    /// The `directMessageReactions` intent (bit 13).
    public static let directMessageReactions = Intents(rawValue: 1 << 13)
    /// The `directMessageTyping` intent (bit 14).
    public static let directMessageTyping = Intents(rawValue: 1 << 14)
    /// The `messageContent` intent (bit 15); privileged.
    public static let messageContent = Intents(rawValue: 1 << 15)
    /// The `guildScheduledEvents` intent (bit 16).
    public static let guildScheduledEvents = Intents(rawValue: 1 << 16)
    /// The `autoModerationConfiguration` intent (bit 20).
    public static let autoModerationConfiguration = Intents(rawValue: 1 << 20)
    /// The `autoModerationExecution` intent (bit 21).
    public static let autoModerationExecution = Intents(rawValue: 1 << 21)
    /// The `guildMessagePolls` intent (bit 24).
    public static let guildMessagePolls = Intents(rawValue: 1 << 24)
    /// The `directMessagePolls` intent (bit 25).
    public static let directMessagePolls = Intents(rawValue: 1 << 25)

    /// The intents that must be enabled in the developer portal.
    public static let privileged: Intents = [.guildMembers, .guildPresences, .messageContent]
    /// Every intent.
    public static let all: Intents = [
        .guilds, .guildMembers, .guildModeration, .guildExpressions, .guildIntegrations, .guildWebhooks,
        .guildInvites, .guildVoiceStates, .guildPresences, .guildMessages, .guildMessageReactions,
        .guildMessageTyping, .directMessages, .directMessageReactions, .directMessageTyping, .messageContent,
        .guildScheduledEvents, .autoModerationConfiguration, .autoModerationExecution, .guildMessagePolls,
        .directMessagePolls,
    ]
    /// Every non-privileged intent.
    public static let `default`: Intents = all.subtracting(privileged)
}
