import ApusModel

/// A typed gateway event a ``Bot`` handler can subscribe to: which kind to decode, and how to get its payload.
///
/// ```swift
/// bot.on(.messageCreate) { message in … }
/// bot.on(.guildCreate) { guild in … }
/// ```
public struct BotEvent<Payload: Sendable>: Sendable {
    /// The event kind decoded for this subscription.
    public let kind: EventKind
    /// Extracts the payload from a decoded event of that kind.
    public let extract: @Sendable (GatewayEvent) -> Payload?

    /// Creates a typed event from a kind and an extractor.
    public init(kind: EventKind, extract: @escaping @Sendable (GatewayEvent) -> Payload?) {
        self.kind = kind
        self.extract = extract
    }
}

extension BotEvent where Payload == Ready {
    /// READY: a new session with its user and guild list.
    public static var ready: Self { .init(kind: .ready) { if case .ready(let value) = $0 { value } else { nil } } }
}

extension BotEvent where Payload == Guild {
    /// GUILD_CREATE: a guild became available (at start-up, or the bot joined it).
    public static var guildCreate: Self { .init(kind: .guildCreate) { if case .guildCreate(let value) = $0 { value } else { nil } } }
}

extension BotEvent where Payload == Message {
    /// MESSAGE_CREATE.
    public static var messageCreate: Self { .init(kind: .messageCreate) { if case .messageCreate(let value) = $0 { value } else { nil } } }
}

extension BotEvent where Payload == MessageUpdate {
    /// MESSAGE_UPDATE (partial: only changed fields may be present).
    public static var messageUpdate: Self { .init(kind: .messageUpdate) { if case .messageUpdate(let value) = $0 { value } else { nil } } }
}

extension BotEvent where Payload == MessageDelete {
    /// MESSAGE_DELETE.
    public static var messageDelete: Self { .init(kind: .messageDelete) { if case .messageDelete(let value) = $0 { value } else { nil } } }
}

extension BotEvent where Payload == MessageReactionAdd {
    /// MESSAGE_REACTION_ADD.
    public static var messageReactionAdd: Self {
        .init(kind: .messageReactionAdd) { if case .messageReactionAdd(let value) = $0 { value } else { nil } }
    }
}

extension BotEvent where Payload == GuildMemberAdd {
    /// GUILD_MEMBER_ADD (needs the GUILD_MEMBERS intent).
    public static var guildMemberAdd: Self { .init(kind: .guildMemberAdd) { if case .guildMemberAdd(let value) = $0 { value } else { nil } } }
}

extension BotEvent where Payload == Interaction {
    /// INTERACTION_CREATE: a slash command, component or modal.
    public static var interactionCreate: Self {
        .init(kind: .interactionCreate) { if case .interactionCreate(let value) = $0 { value } else { nil } }
    }
}

extension BotEvent where Payload == Presence {
    /// PRESENCE_UPDATE (needs the GUILD_PRESENCES intent).
    public static var presenceUpdate: Self { .init(kind: .presenceUpdate) { if case .presenceUpdate(let value) = $0 { value } else { nil } } }
}
