import ApusCore
import ApusModel

/// The seeded benchmark workload: `guilds` GUILD_CREATE payloads of `membersPerGuild` members each, then
/// `messageCount` MESSAGE_CREATE payloads, as gateway `d` JSON.
///
/// Realism choices (stated in the output): 20 roles and 10 text channels per guild; each member has 1-5 roles,
/// a 5-15 character username, a global name on 60 %, a nickname on 30 %, an avatar hash on 80 %; message content
/// lengths are 5 + 395·u² characters (u uniform in [0, 1): mean ≈ 137, median ≈ 104, range 5-400; `uniformContent`
/// draws them uniformly from 5-400 instead, mean ≈ 202), 10 % with some
/// non-ASCII text; guild messages carry the author's user object (the same fields as in GUILD_CREATE) and partial
/// `member` as Discord sends them. Mentions, embeds, attachments and replies follow a ``MessageMix``.
struct Workload {
    /// One dispatch: its event name and its `d` JSON.
    struct Dispatch {
        var name: String
        var json: String
    }

    /// One generated member, kept so that messages carry the same user and member fields as GUILD_CREATE did.
    struct Member {
        var id: UInt64
        var roles: [UInt64]
        var name: String
        var globalName: String?
        var avatar: String?
        var nick: String?
        var joinedAt: String

        /// The user object, identical wherever the user appears (member list, message author, mentions).
        var userJSON: String {
            #"{"id":"\#(id)","username":"\#(name)","discriminator":"0","global_name":\#(Workload.json(globalName)),"avatar":\#(Workload.json(avatar)),"public_flags":0}"#
        }

        /// The role ids as JSON array elements.
        var rolesJSON: String { roles.map { "\"\($0)\"" }.joined(separator: ",") }

        /// The partial member object that messages carry (no `user`).
        var partialMemberJSON: String {
            #"{"roles":[\#(rolesJSON)],"premium_since":null,"pending":false,"nick":\#(Workload.json(nick)),"mute":false,"joined_at":"\#(joinedAt)","flags":0,"deaf":false,"communication_disabled_until":null,"avatar":null}"#
        }
    }

    var guildCreates: [Dispatch] = []
    var messageCreates: [Dispatch] = []
    var totalContentCharacters = 0
    /// The message mix the workload was generated with.
    let mix: MessageMix
    /// What the generated messages contain.
    var counts = MessageMixCounts()

    static let guilds = 100
    static let membersPerGuild = 1_000
    static let messageCount = 10_000
    static let rolesPerGuild = 20
    static let channelsPerGuild = 10

    init(seed: UInt64, uniformContent: Bool = false, mix: MessageMix = .corpus, contents: [String] = []) {
        self.mix = mix
        var random = SeededRandom(seed: seed)
        var ids = SnowflakeSequence()
        var guildMembers: [[Member]] = []
        var guildChannels: [[UInt64]] = []
        var guildIDs: [UInt64] = []
        for guildIndex in 0 ..< Self.guilds {
            let guildID = ids.next()
            guildIDs.append(guildID)
            let roleIDs = (0 ..< Self.rolesPerGuild).map { _ in ids.next() }
            let channelIDs = (0 ..< Self.channelsPerGuild).map { _ in ids.next() }
            var members: [Member] = []
            var memberJSON: [String] = []
            memberJSON.reserveCapacity(Self.membersPerGuild)
            for _ in 0 ..< Self.membersPerGuild {
                let userID = ids.next()
                let roles = (0 ..< Int.random(in: 1 ... 5, using: &random)).map { _ in roleIDs[Int.random(in: 0 ..< roleIDs.count, using: &random)] }
                let unique = Array(Set(roles)).sorted()
                let username = Self.word(length: Int.random(in: 5 ... 15, using: &random), using: &random)
                let globalName = random.chance(0.6) ? Self.displayName(using: &random) : nil
                let nick = random.chance(0.3) ? Self.displayName(using: &random) : nil
                let avatar = random.chance(0.8) ? Self.hex(32, using: &random) : nil
                let member = Member(
                    id: userID, roles: unique, name: username, globalName: globalName, avatar: avatar, nick: nick,
                    joinedAt: Self.timestamp(ids.milliseconds(of: userID))
                )
                members.append(member)
                memberJSON.append(
                    #"{"user":\#(member.userJSON),"roles":[\#(member.rolesJSON)],"nick":\#(Self.json(nick)),"avatar":null,"joined_at":"\#(member.joinedAt)","premium_since":null,"deaf":false,"mute":false,"flags":0,"pending":false,"communication_disabled_until":null}"#
                )
            }
            let everyone = #"{"id":"\#(guildID)","name":"@everyone","color":0,"hoist":false,"position":0,"permissions":"1071698660929","managed":false,"mentionable":false,"flags":0}"#
            let roleJSON = [everyone] + roleIDs.enumerated().map { index, id in
                #"{"id":"\#(id)","name":"\#(Self.word(length: 4 + index % 8, using: &random))","color":\#(Int.random(in: 0 ... 0xFFFFFF, using: &random)),"hoist":\#(index % 3 == 0),"position":\#(index + 1),"permissions":"\#(UInt64.random(in: 0 ... 0xFFFF_FFFF, using: &random))","managed":false,"mentionable":true,"flags":0}"#
            }
            let channelJSON = channelIDs.enumerated().map { index, id in
                #"{"id":"\#(id)","type":0,"guild_id":"\#(guildID)","name":"\#(Self.word(length: 6 + index % 6, using: &random))","position":\#(index),"parent_id":null,"topic":null,"nsfw":false,"last_message_id":null,"rate_limit_per_user":0,"permission_overwrites":[{"id":"\#(roleIDs[index])","type":0,"allow":"1024","deny":"2048"}]}"#
            }
            let guildJSON = #"{"id":"\#(guildID)","name":"Guild \#(guildIndex) \#(Self.word(length: 8, using: &random))","icon":null,"splash":null,"discovery_splash":null,"owner_id":"\#(members[0].id)","afk_channel_id":null,"afk_timeout":300,"verification_level":1,"default_message_notifications":1,"explicit_content_filter":2,"roles":[\#(roleJSON.joined(separator: ","))],"emojis":[],"features":["COMMUNITY","NEWS"],"mfa_level":0,"application_id":null,"system_channel_id":"\#(channelIDs[0])","system_channel_flags":0,"rules_channel_id":null,"max_members":500000,"vanity_url_code":null,"description":null,"banner":null,"premium_tier":1,"premium_subscription_count":3,"preferred_locale":"en-US","public_updates_channel_id":null,"nsfw_level":0,"premium_progress_bar_enabled":false,"joined_at":"2024-01-01T00:00:00.000000+00:00","large":true,"unavailable":false,"member_count":\#(Self.membersPerGuild),"voice_states":[],"members":[\#(memberJSON.joined(separator: ","))],"channels":[\#(channelJSON.joined(separator: ","))],"threads":[],"presences":[],"stage_instances":[],"guild_scheduled_events":[],"stickers":[]}"#
            guildCreates.append(Dispatch(name: "GUILD_CREATE", json: guildJSON))
            guildMembers.append(members)
            guildChannels.append(channelIDs)
        }
        var messages = MessageGenerator(
            guildIDs: guildIDs, members: guildMembers, channels: guildChannels, mix: mix, uniformContent: uniformContent,
            contents: contents
        )
        for _ in 0 ..< Self.messageCount {
            messageCreates.append(Dispatch(name: "MESSAGE_CREATE", json: messages.next(ids: &ids, random: &random)))
        }
        counts = messages.counts
        totalContentCharacters = counts.contentCharacters
    }

    /// The workload as the text file both sides read: one `NAME\tJSON\n` line per dispatch.
    var fileContents: String {
        var text = ""
        for dispatch in guildCreates + messageCreates {
            text += dispatch.name
            text += "\t"
            text += dispatch.json
            text += "\n"
        }
        return text
    }

    // MARK: - Generators

    private static let letters = Array("abcdefghijklmnopqrstuvwxyz")
    private static let words = ["the", "a", "lol", "yeah", "ok", "so", "I", "think", "that", "bot", "server", "game",
                                "tonight", "anyone", "play", "nice", "gg", "what", "is", "this", "update", "role",
                                "channel", "hello", "thanks", "when", "link", "code", "works", "broken", "fixed"]
    private static let nonASCII = ["é", "ü", "ñ", "日本", "中文", "😀", "🎉", "👍", "ß", "ø", "Привет", "—"]

    static func word(length: Int, using random: inout SeededRandom) -> String {
        String((0 ..< length).map { _ in letters[Int.random(in: 0 ..< letters.count, using: &random)] })
    }

    static func displayName(using random: inout SeededRandom) -> String {
        let name = word(length: Int.random(in: 4 ... 12, using: &random), using: &random)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    static func hex(_ count: Int, using random: inout SeededRandom) -> String {
        let digits = Array("0123456789abcdef")
        return String((0 ..< count).map { _ in digits[Int.random(in: 0 ..< 16, using: &random)] })
    }

    static func content(length: Int, nonASCII wantsNonASCII: Bool, using random: inout SeededRandom) -> String {
        var text = ""
        while text.count < length {
            if !text.isEmpty { text += " " }
            if wantsNonASCII, random.chance(0.2) {
                text += nonASCII[Int.random(in: 0 ..< nonASCII.count, using: &random)]
            } else {
                text += words[Int.random(in: 0 ..< words.count, using: &random)]
            }
        }
        return String(text.prefix(length))
    }

    static func json(_ text: String) -> String { "\"\(text)\"" }

    /// The text with JSON string escapes, as ApusModel's `JSONWriter` writes them, without the quotes.
    static func escaped(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes.dropFirst().dropLast(), as: UTF8.self)
    }

    /// A JSON string, or `null`.
    static func json(_ text: String?) -> String { text.map(json) ?? "null" }

    /// ISO 8601 with microseconds, as Discord sends it, for milliseconds since the Unix epoch.
    static func timestamp(_ milliseconds: UInt64) -> String {
        let seconds = Int64(milliseconds / 1000)
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        // Civil-from-days (proleptic Gregorian), valid for the dates used here.
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = milliseconds % 1000
        let fraction = String(millis + 1000).dropFirst() + "000"
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(fraction)+00:00"
    }
}

/// Increasing snowflakes starting at 2024-01-01, one millisecond apart.
struct SnowflakeSequence {
    private var milliseconds: UInt64 = 1_704_067_200_000 - 1_420_070_400_000
    private var counter: UInt64 = 0

    mutating func next() -> UInt64 {
        milliseconds += 1
        counter = (counter + 1) & 0xFFF
        return milliseconds << 22 | counter
    }

    func milliseconds(of id: UInt64) -> UInt64 { (id >> 22) + 1_420_070_400_000 }
}

extension SeededRandom {
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0 ..< 1, using: &self) < probability }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
