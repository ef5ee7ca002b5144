import ApusCore

/// Generates the workload's MESSAGE_CREATE payloads, one at a time, following a ``MessageMix``.
struct MessageGenerator {
    let guildIDs: [UInt64]
    let members: [[Workload.Member]]
    let channels: [[UInt64]]
    let mix: MessageMix
    let uniformContent: Bool
    /// Message texts to use in turn instead of generated ones (`--content-corpus`), or empty.
    let contents: [String]
    /// What has been generated so far.
    private(set) var counts = MessageMixCounts()
    /// The ids of the latest messages, which replies point at.
    private var recent: [UInt64] = []

    init(
        guildIDs: [UInt64], members: [[Workload.Member]], channels: [[UInt64]], mix: MessageMix, uniformContent: Bool,
        contents: [String]
    ) {
        self.contents = contents
        self.guildIDs = guildIDs
        self.members = members
        self.channels = channels
        self.mix = mix
        self.uniformContent = uniformContent
    }

    /// The next message's `d` JSON.
    mutating func next(ids: inout SnowflakeSequence, random: inout SeededRandom) -> String {
        let guild = Int.random(in: 0 ..< guildIDs.count, using: &random)
        let guildMembers = members[guild]
        let channel = channels[guild][Int.random(in: 0 ..< channels[guild].count, using: &random)]
        let author = guildMembers[Int.random(in: 0 ..< guildMembers.count, using: &random)]
        let id = ids.next()
        let unit = Double.random(in: 0 ..< 1, using: &random)
        let length = uniformContent ? 5 + Int(396 * unit) : 5 + Int(395 * unit * unit)
        var content = Workload.content(length: length, nonASCII: random.chance(0.1), using: &random)
        if !contents.isEmpty { content = contents[counts.messages % contents.count] }

        var mentioned: [Workload.Member] = []
        if random.chance(mix.mentionShare) {
            for _ in 0 ..< Int.random(in: mix.mentionsPerMessage, using: &random) {
                mentioned.append(guildMembers[Int.random(in: 0 ..< guildMembers.count, using: &random)])
            }
            if let first = mentioned.first { content = "<@\(first.id)> " + content }
        }
        let mentions = mentioned.map { member in
            String(member.userJSON.dropLast()) + #","member":\#(member.partialMemberJSON)}"#
        }

        var embeds: [String] = []
        if random.chance(mix.embedShare) { embeds.append(Self.embed(using: &random)) }

        var attachments: [String] = []
        if random.chance(mix.attachmentShare) {
            for _ in 0 ..< Int.random(in: mix.attachmentsPerMessage, using: &random) {
                attachments.append(Self.attachment(id: ids.next(), channel: channel, using: &random))
            }
        }

        var reference = ""
        if random.chance(mix.replyShare), let target = recent.randomElement(using: &random) {
            reference = #","message_reference":{"type":0,"message_id":"\#(target)","channel_id":"\#(channel)","guild_id":"\#(guildIDs[guild])"}"#
            counts.replies += 1
        }
        recent.append(id)
        if recent.count > 50 { recent.removeFirst() }

        counts.messages += 1
        counts.contentCharacters += content.count
        counts.contentBytes += content.utf8.count
        if !mentions.isEmpty { counts.withMentions += 1 }
        counts.mentions += mentions.count
        if !embeds.isEmpty { counts.withEmbed += 1 }
        if !attachments.isEmpty { counts.withAttachments += 1 }
        counts.attachments += attachments.count

        return #"{"type":0,"tts":false,"timestamp":"\#(Workload.timestamp(ids.milliseconds(of: id)))","pinned":false,"nonce":"\#(id)","mentions":[\#(mentions.joined(separator: ","))],"mention_roles":[],"mention_everyone":false,"member":\#(author.partialMemberJSON),"id":"\#(id)","flags":0,"embeds":[\#(embeds.joined(separator: ","))],"edited_timestamp":null,"content":"\#(Workload.escaped(content))","components":[],"channel_id":"\#(channel)","author":\#(author.userJSON),"attachments":[\#(attachments.joined(separator: ","))],"guild_id":"\#(guildIDs[guild])"\#(reference)}"#
    }

    /// An image attachment on Discord's CDN.
    static func attachment(id: UInt64, channel: UInt64, using random: inout SeededRandom) -> String {
        let filename = Workload.word(length: 8, using: &random) + ".png"
        let url = "https://cdn.discordapp.com/attachments/\(channel)/\(id)/\(filename)"
        return #"{"id":"\#(id)","filename":"\#(filename)","size":\#(Int.random(in: 1000 ... 900_000, using: &random)),"url":"\#(url)","proxy_url":"\#(url.replacingPrefix("https://cdn.", with: "https://media."))","width":800,"height":600,"content_type":"image/png"}"#
    }

    /// A rich embed shaped like the ingest workload's: a four-word title, a chat-line description, a url, a color
    /// and a two-word footer.
    static func embed(using random: inout SeededRandom) -> String {
        let title = (0 ..< 4).map { _ in Workload.displayName(using: &random) }.joined(separator: " ")
        let description = Workload.content(length: Int.random(in: 20 ... 200, using: &random), nonASCII: false, using: &random)
        let footer = (0 ..< 2).map { _ in Workload.displayName(using: &random) }.joined(separator: " ")
        let token = Workload.word(length: 10, using: &random)
        let color = Int.random(in: 0 ... 0xFF_FFFF, using: &random)
        return #"{"type":"rich","title":"\#(title)","description":"\#(description)","url":"https://example.com/\#(token)","color":\#(color),"footer":{"text":"\#(footer)"},"fields":[]}"#
    }
}

extension MessageGenerator {
    /// Reads message texts from a text-compare corpus file (per message: its UTF-8 length as 4 little-endian bytes,
    /// then the bytes); nil when the file is truncated.
    static func contents(ofCorpusFile bytes: [UInt8]) -> [String]? {
        var messages: [String] = []
        var offset = 0
        while offset < bytes.count {
            guard offset + 4 <= bytes.count else { return nil }
            var length = 0
            for shift in 0 ..< 4 { length |= Int(bytes[offset + shift]) << (8 * shift) }
            offset += 4
            guard offset + length <= bytes.count else { return nil }
            messages.append(String(decoding: bytes[offset ..< offset + length], as: UTF8.self))
            offset += length
        }
        return messages
    }
}
