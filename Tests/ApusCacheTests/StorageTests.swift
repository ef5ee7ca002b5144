import ApusCore
import ApusModel
import Testing
@testable import ApusCache

private struct Entry: IDKeyedRecord {
    var key: UInt64
    var value: Int
}

@Suite("Compact storage")
struct StorageTests {
    @Test func idTableInsertsFindsAndRemovesUnderChurn() {
        var table = IDTable<Entry>()
        var reference: [UInt64: Int] = [:]
        var random = SeededRandom(seed: 7)
        for step in 0 ..< 20_000 {
            let key = random.next() % 3_000 + 1
            if random.next() % 3 == 0 {
                #expect((table.remove(key) != nil) == (reference.removeValue(forKey: key) != nil))
            } else {
                table.upsert(Entry(key: key, value: step))
                reference[key] = step
            }
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key]?.value == value) }
        #expect(table[999_999] == nil)
    }

    @Test func arenaStoresReleasesAndCompacts() {
        var arena = ByteArena()
        let short = arena.append(Array("hi".utf8))
        let long = arena.append([UInt8](repeating: 7, count: 300))
        #expect(Array(arena.blob(short)) == Array("hi".utf8))
        #expect(arena.blob(long).count == 300)
        #expect(arena.blob(0).isEmpty)
        #expect(arena.blob(999_999).isEmpty)
        for _ in 0 ..< 10 {
            let ref = arena.append([UInt8](repeating: 1, count: 200))
            arena.release(ref)
        }
        #expect(arena.shouldCompact)
        var fresh = ByteArena()
        let moved = fresh.copy(long, from: arena)
        #expect(fresh.blob(moved).count == 300)
        #expect(fresh.allocatedBytes < arena.allocatedBytes)
    }

    @Test func packedFieldsRoundTripAndTolerateTruncation() {
        var writer = PackedFieldsWriter()
        writer.append(ids: [1, UInt64.max, 42])
        writer.append("nïck ✨")
        writer.append(nil)
        var reader = PackedFieldsReader(writer.bytes[...])
        #expect(reader.readIDs() == [1, UInt64.max, 42])
        #expect(reader.readString() == "nïck ✨")
        #expect(reader.readString() == nil)
        var truncated = PackedFieldsReader(writer.bytes.prefix(10))
        #expect(truncated.readIDs() == [])
        #expect(truncated.readString() == nil)
    }

    @Test func avatarHashesRoundTrip() {
        for hash in ["af7c23e2b8c19c4787f6ec7ddbfe328f", "a_0123456789abcdef0123456789abcdef", "not-a-hash", "",
                     "AF7C23E2B8C19C4787F6EC7DDBFE328F"] {
            let encoded = AvatarHash.encode(ImageHash(hash))
            #expect(AvatarHash.decode(kind: encoded.kind, encoded.payload[...])?.string == hash)
        }
        #expect(AvatarHash.decode(kind: AvatarHash.encode(nil).kind, []) == nil)
        #expect(AvatarHash.encode(ImageHash("af7c23e2b8c19c4787f6ec7ddbfe328f")).payload.count == 16)
        #expect(AvatarHash.encode(ImageHash("AF7C23E2B8C19C4787F6EC7DDBFE328F")).kind == AvatarHash.verbatim,
                "upper-case digits are not Discord's form: kept as text so that they read back unchanged")
    }

    @Test func messageDetailsRoundTrip() {
        let id: UInt64 = 1_300_000_000_000_000_000
        let created = MessageRecord.creationMicroseconds(id)
        let details = MessageRecord.Details(
            content: "héllo", timestamp: created + 123, editedTimestamp: created - 5_000_000, referencedMessageID: 77,
            attachmentURLs: ["https://cdn.example/a.png", "https://cdn.example/b.png"]
        )
        var arena = ByteArena()
        let record = MessageRecord(
            id: id, authorID: 1, blob: arena.append(MessageRecord.pack(id: id, channelID: 9, details)), writtenAt: 0
        )
        let decoded = record.details(in: arena, channelID: 9)
        #expect(decoded.content == "héllo")
        #expect(decoded.timestamp == created + 123)
        #expect(decoded.editedTimestamp == created - 5_000_000)
        #expect(decoded.referencedMessageID == 77)
        #expect(decoded.attachmentURLs == details.attachmentURLs)
        let plain = MessageRecord.Details(content: "", timestamp: created, editedTimestamp: nil, referencedMessageID: nil, attachmentURLs: [])
        let plainRecord = MessageRecord(
            id: id, authorID: 1, blob: arena.append(MessageRecord.pack(id: id, channelID: 9, plain)), writtenAt: 0
        )
        #expect(plainRecord.details(in: arena, channelID: 9).editedTimestamp == nil)
        #expect(plainRecord.details(in: arena, channelID: 9).referencedMessageID == nil)
        // One byte for "no optional field"; the (empty) content runs to the end of the blob.
        #expect(MessageRecord.pack(id: id, channelID: 9, plain).count == 1)
    }

    @Test func recordsStayCompact() {
        #expect(MemoryLayout<MemberRecord>.stride <= 20)
        #expect(MemoryLayout<UserRecord>.stride <= 16)
        #expect(MemoryLayout<MessageRecord>.stride <= 24)
        #expect(MemoryLayout<VoiceStateRecord>.stride <= 24)
    }
}

