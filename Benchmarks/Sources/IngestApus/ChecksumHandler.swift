import ApusGateway
import ApusModel
import IngestWorkload

/// The benchmark's event handler: reads, for each event of the mix, the fields discord.py materialises and folds
/// them into a ``FieldChecksum`` in the order the Python peer (`peers/ingest_discordpy.py`) uses.
public struct ChecksumHandler: Sendable {
    /// The six event kinds of the ingest mix: the handler's subscription.
    public static let subscribedKinds: Set<EventKind> = [
        .messageCreate, .typingStart, .messageReactionAdd, .presenceUpdate, .guildMemberUpdate, .messageUpdate,
    ]

    /// The checksum so far.
    public private(set) var checksum = FieldChecksum()
    /// Events handled.
    public private(set) var handled = 0
    /// Deliveries whose body did not decode (must stay 0 for a valid run).
    public private(set) var undecodable = 0

    /// Creates a handler with an empty checksum.
    public init() {}

    /// Handles one delivery.
    public mutating func handle(_ delivery: GatewayDelivery) {
        guard case .event(let event) = delivery.payload else {
            undecodable += 1
            return
        }
        handled += 1
        switch event {
        case .messageCreate(let message): read(message)
        case .typingStart(let typing):
            fold(2, typing.channelID.rawValue, typing.guildID?.rawValue ?? 0, typing.userID.rawValue, count: 4)
            checksum.add(UInt64(bitPattern: typing.timestamp))
        case .messageReactionAdd(let reaction):
            fold(3, reaction.messageID.rawValue, reaction.userID.rawValue, reaction.channelID.rawValue,
                 reaction.guildID?.rawValue ?? 0, reaction.emoji.id?.rawValue ?? 0, count: 6)
            checksum.add(reaction.emoji.name)
            readRoles(reaction.member?.roles ?? [])
        case .presenceUpdate(let presence):
            fold(4, presence.user.id.rawValue, count: 2)
            checksum.add(presence.status?.rawValue)
            let activities = presence.activities ?? []
            checksum.add(activities.count)
            for activity in activities { checksum.add(activity.name) }
        case .guildMemberUpdate(let update):
            fold(5, update.user.id.rawValue, count: 2)
            checksum.add(update.user.username)
            checksum.add(update.nick)
            readRoles(update.roles)
        case .messageUpdate(let update):
            fold(6, update.id.rawValue, update.channelID.rawValue, update.guildID?.rawValue ?? 0, count: 4)
            checksum.add(update.content)
            checksum.add(Self.milliseconds(update.editedTimestamp))
        default:
            handled -= 1
        }
    }

    private mutating func read(_ message: Message) {
        fold(1, message.id.rawValue, message.channelID.rawValue, message.guildID?.rawValue ?? 0, message.author.id.rawValue, count: 5)
        checksum.add(message.author.username)
        checksum.add(message.author.globalName)
        readRoles(message.member?.roles ?? [])
        checksum.add(message.member?.nick)
        checksum.add(message.content)
        checksum.add(Self.milliseconds(message.timestamp))
        checksum.add(Self.milliseconds(message.editedTimestamp))
        checksum.add(message.mentions.count)
        for mentioned in message.mentions { checksum.add(mentioned.id.rawValue) }
        checksum.add(message.attachments.count)
        for attachment in message.attachments {
            checksum.add(attachment.id.rawValue)
            checksum.add(attachment.filename)
            checksum.add(attachment.size)
            checksum.add(attachment.url)
        }
        checksum.add(message.embeds.count)
        for embed in message.embeds {
            checksum.add(embed.title)
            checksum.add(embed.description)
            checksum.add(embed.url)
        }
    }

    /// Role ids fold as their sum (mod 2⁶⁴) and count: discord.py keeps them sorted, the wire does not.
    private mutating func readRoles(_ roles: [Snowflake]) {
        var sum: UInt64 = 0
        for role in roles { sum &+= role.rawValue }
        checksum.add(sum)
        checksum.add(roles.count)
    }

    // Fixed-arity folds: a variadic parameter would allocate an array per call.
    @inline(__always)
    private mutating func fold(_ a: UInt64, _ b: UInt64, _ c: UInt64 = 0, _ d: UInt64 = 0, _ e: UInt64 = 0,
                               _ f: UInt64 = 0, count: Int) {
        checksum.add(a)
        checksum.add(b)
        if count > 2 { checksum.add(c) }
        if count > 3 { checksum.add(d) }
        if count > 4 { checksum.add(e) }
        if count > 5 { checksum.add(f) }
    }

    private static func milliseconds(_ timestamp: DiscordTimestamp?) -> UInt64 {
        guard let timestamp else { return 0 }
        return UInt64(bitPattern: timestamp.microsecondsSinceEpoch / 1000)
    }
}
