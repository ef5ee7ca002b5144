import ApusCore
import ApusModel
import Testing
@testable import ApusCache

/// The packed record layouts: every field survives a round trip, including edge cases, and bad bytes never trap.
@Suite("Packed record layouts")
struct PackedLayoutTests {
    static let messageID: UInt64 = 1_300_000_000_000_000_000
    static let channelID: UInt64 = 1_200_000_000_000_000_001

    private func roundTrip(_ details: MessageRecord.Details, channelID: UInt64 = channelID) -> MessageRecord.Details {
        var arena = ByteArena()
        _ = arena.append([1, 2, 3])  // not the first blob, so offsets are exercised
        let blob = arena.append(MessageRecord.pack(id: Self.messageID, channelID: channelID, details))
        let record = MessageRecord(id: Self.messageID, authorID: 5, blob: blob, writtenAt: 0)
        return record.details(in: arena, channelID: channelID)
    }

    private func details(
        content: String = "", offset: Int64 = 0, edited: Int64? = nil, reference: UInt64? = nil, urls: [String] = [],
        users: [UInt64] = [], roles: [UInt64] = []
    ) -> MessageRecord.Details {
        let created = MessageRecord.creationMicroseconds(Self.messageID)
        return MessageRecord.Details(
            content: content, timestamp: created + offset, editedTimestamp: edited.map { created + $0 },
            referencedMessageID: reference, attachmentURLs: urls, mentionedUserIDs: users, mentionedRoleIDs: roles
        )
    }

    @Test func messageWithEveryFieldRoundTrips() {
        let original = details(
            content: "héllo <@77> 🎉", offset: -1, edited: 9_000_000, reference: UInt64.max,
            urls: ["https://cdn.discordapp.com/attachments/\(Self.channelID)/1300000000000000001/cat.png?ex=abc&is=def"],
            users: [77, 1, UInt64.max], roles: [3]
        )
        #expect(roundTrip(original) == original)
    }

    @Test(arguments: [0, 1, 127, 128, 4_000, 16_000])
    func contentOfAnyLengthRoundTrips(length: Int) {
        let text = String(repeating: "ab✨", count: length / 3 + 1).prefix(length)
        let original = details(content: String(text))
        #expect(roundTrip(original) == original)
    }

    @Test func emptyMessageIsOneByte() {
        #expect(MessageRecord.pack(id: Self.messageID, channelID: 1, details()).count == 1)
        #expect(roundTrip(details()) == details())
    }

    @Test func manyAttachmentsOfEveryShapeRoundTrip() {
        let prefix = "https://cdn.discordapp.com/attachments/"
        var urls: [String] = []
        for index in 0 ..< 60 {
            switch index % 6 {
            case 0: urls.append("\(prefix)\(Self.channelID)/\(1_000 + index)/file\(index).png")
            case 1: urls.append("\(prefix)\(UInt64.max)/\(index)/other-channel.txt")
            case 2: urls.append("\(prefix)0123/\(index)/leading-zero.png")  // not canonical: verbatim
            case 3: urls.append("\(prefix)18446744073709551616/1/overflow.png")  // 2^64: verbatim
            case 4: urls.append("https://media.discordapp.net/attachments/1/2/x.png")
            default: urls.append("\(prefix)\(Self.channelID)/\(index)")  // no slash after the id: verbatim
            }
        }
        urls += ["", prefix, "\(prefix)1/2/", "\(prefix)0/0/ünïcode name.png"]
        let original = details(urls: urls)
        #expect(roundTrip(original) == original)
    }

    @Test func cdnAttachmentURLsAreStoredCompactly() {
        let url = "https://cdn.discordapp.com/attachments/\(Self.channelID)/1300000000000000001/cat.png"
        var writer = PackedFieldsWriter()
        AttachmentURLCodec.append(url, channelID: Self.channelID, to: &writer)
        #expect(writer.bytes.count <= 1 + 9 + 1 + 7)
        var reader = PackedFieldsReader(writer.bytes[...])
        #expect(AttachmentURLCodec.read(from: &reader, channelID: Self.channelID) == url)
        #expect(AttachmentURLCodec.read(from: &reader, channelID: Self.channelID) == nil)
    }

    @Test func corruptMessageBlobsReadAsEmptyFieldsWithoutTrapping() {
        var random = SeededRandom(seed: 11)
        let full = MessageRecord.pack(
            id: Self.messageID, channelID: Self.channelID,
            details(content: "text", edited: 1, reference: 2, urls: ["https://x/y"], users: [3], roles: [4])
        )
        for length in 0 ... full.count {
            var arena = ByteArena()
            let record = MessageRecord(id: Self.messageID, authorID: 1, blob: arena.append(full.prefix(length)), writtenAt: 0)
            _ = record.details(in: arena, channelID: Self.channelID)
        }
        for _ in 0 ..< 200 {
            let noise = (0 ..< Int(random.next() % 40)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var arena = ByteArena()
            let record = MessageRecord(id: Self.messageID, authorID: 1, blob: arena.append(noise), writtenAt: 0)
            _ = record.details(in: arena, channelID: Self.channelID)
        }
    }

    private func member(roles: [Snowflake]) throws -> GuildMember {
        var member = try GuildMember(jsonBytes: Array(#"{"roles":[]}"#.utf8))
        member.roles = roles
        return member
    }

    @Test func memberRecordRoundTripsEveryField() throws {
        var arena = ByteArena()
        var ordinals = RoleOrdinals()
        // More than 127 distinct roles: ordinals past 127 take two varint bytes.
        let roles = (1 ... 200).map { Snowflake(rawValue: UInt64($0) << 30) }
        let joined = try #require(DiscordTimestamp(iso8601: "2024-05-01T10:00:00+00:00"))
        let timeout = try #require(DiscordTimestamp(iso8601: "2030-01-01T00:00:00+00:00"))
        let userID: UInt64 = 0xFEDC_BA98_7654_3210
        for (nick, flags, pending) in [("nïck ✨", 1 << 40, true), (nil, 0, false), ("", Int.max, false)] as [(String?, Int, Bool)] {
            var member = try self.member(roles: roles)
            member.joinedAt = joined
            member.nick = nick
            member.communicationDisabledUntil = timeout
            member.flags = flags
            member.pending = pending
            let fields = MemberFields(member, userID: userID)
            let record = fields.record(in: &arena, ordinals: &ordinals, writtenAt: 9)
            #expect(record.userID == userID)
            #expect(record.key == userID)
            let cached = record.cachedMember(guildID: 3, in: arena, ordinals: ordinals)
            #expect(cached.userID.rawValue == userID)
            #expect(cached.guildID == 3)
            #expect(cached.roleIDs == roles)
            #expect(cached.nick == nick)
            #expect(cached.joinedAt == joined)
            #expect(cached.communicationDisabledUntil == timeout)
            #expect(cached.flags == flags)
            #expect(cached.isPending == pending)
        }
    }

    @Test func memberUpdateKeepsFieldsTheEventOmits() throws {
        var state = GuildState(id: 3)
        var member = try self.member(roles: [])
        let joined = try #require(DiscordTimestamp(iso8601: "2024-05-01T10:00:00+00:00"))
        member.joinedAt = joined
        member.flags = 10
        member.pending = true
        state.upsertMember(MemberFields(member, userID: 8), writtenAt: 1)
        var update = try self.member(roles: [Snowflake(rawValue: 99)])
        update.nick = "new"
        state.upsertMember(MemberFields(update, userID: 8), writtenAt: 2, isUpdate: true)
        let record = try #require(state.members[8])
        let cached = state.cachedMember(record)
        #expect(cached.nick == "new")
        #expect(cached.roleIDs == [99])
        #expect(cached.flags == 10)
        #expect(cached.isPending)
        #expect(cached.joinedAt == member.joinedAt)
        #expect(record.writtenAt == 2)
    }

    @Test(arguments: [1, 7, 8, 9, 100, 1_000, 5_000, 70_000])
    func idTableOfAnySizeFindsEveryKeyAndSurvivesRemovals(count: Int) {
        struct Entry: IDKeyedRecord {
            var key: UInt64
        }
        var table = IDTable<Entry>()
        table.reserveCapacity(count / 2)
        var random = SeededRandom(seed: UInt64(count))
        let keys = (0 ..< count).map { _ in random.next() | 1 }
        for key in keys { table.upsert(Entry(key: key)) }
        #expect(table.count == Set(keys).count)
        for key in keys { #expect(table[key] != nil) }
        for key in keys.prefix(count / 2) { table.remove(key) }
        for key in keys.dropFirst(count / 2) { #expect(table[key] != nil) }
        for key in keys.prefix(count / 2) { #expect(table[key] == nil) }
    }

    @Test func reservedTableIndexUsesFiveQuartersOfABucketPerRecord() {
        struct Entry: IDKeyedRecord {
            var key: UInt64
        }
        var table = IDTable<Entry>()
        table.reserveCapacity(1_000)
        for key in 1 ... 1_000 { table.upsert(Entry(key: UInt64(key) << 22)) }
        // 1,000 records of 8 bytes plus 1,250 two-byte buckets (a power-of-two index would need 2,048).
        #expect(table.allocatedBytes <= 1_000 * 8 + 1_250 * 2 + 64)
    }

    @Test func smallArraysGrowWithoutSpareSlotsAndLargeOnesByAnEighth() {
        var small: [UInt64] = []
        for value in 0 ..< 8 {
            small.reserveForAppending(1)
            small.append(UInt64(value))
            #expect(small.capacity - small.count <= 1)  // malloc may round up one 8-byte slot
        }
        var large = [UInt8](repeating: 0, count: 8_000)
        large.append(contentsOf: [UInt8](repeating: 0, count: large.capacity - large.count))  // full: the next append grows
        let before = large.capacity
        large.reserveForAppending(1)
        #expect(large.capacity >= before + 1)
        #expect(large.capacity <= before + before / 8 + 32)
    }

    @Test func cachedMessagesKeepMentionsAttachmentsAndNoGuild() throws {
        let cache = DiscordCache(timeSource: ManualTimeSource())
        let url = "https://cdn.discordapp.com/attachments/20/31/a.png?ex=1"
        let json = #"{"id":"30","channel_id":"20","author":\#(Payloads.user(42)),"content":"<@7> hi","timestamp":"2024-05-01T10:00:00.000000+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,"mentions":[{"id":"7","username":"seven","member":{"roles":[],"joined_at":"2024-05-01T10:00:00.000000+00:00","deaf":false,"mute":false}},{"id":"8","username":"eight"}],"mention_roles":["9"],"attachments":[{"id":"31","filename":"a.png","size":1,"url":"\#(url)","proxy_url":"\#(url)"}],"embeds":[],"pinned":false,"type":0}"#
        cache.apply(try Payloads.event("MESSAGE_CREATE", json))
        let message = try #require(cache.message(30, channel: 20))
        #expect(message.guildID == nil)
        #expect(message.mentionedUserIDs == [7, 8])
        #expect(message.mentionedRoleIDs == [9])
        #expect(message.attachmentURLs == [url])
        #expect(message.content == "<@7> hi")
        let update = #"{"id":"30","channel_id":"20","content":"edited","edited_timestamp":"2024-05-01T10:01:00.000000+00:00","mentions":[]}"#
        cache.apply(try Payloads.event("MESSAGE_UPDATE", update))
        let edited = try #require(cache.message(30, channel: 20))
        #expect(edited.content == "edited")
        #expect(edited.mentionedUserIDs.isEmpty)
        #expect(edited.mentionedRoleIDs == [9])
        #expect(edited.attachmentURLs == [url])
        #expect(edited.editedTimestamp == DiscordTimestamp(iso8601: "2024-05-01T10:01:00+00:00"))
    }
}
