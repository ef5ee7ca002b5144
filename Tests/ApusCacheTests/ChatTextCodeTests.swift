import ApusCore
import Testing
@testable import ApusCache

/// The fixed chat-text Huffman code that keeps cached message content small.
@Suite("Chat text code")
struct ChatTextCodeTests {
    let code = ChatTextCode.standard

    @Test(arguments: [
        "hello there, anyone up for a game tonight? gg",
        "The quick brown fox jumps over the lazy dog. THE QUICK BROWN FOX!",
        "<@123456789012345678> check https://example.com/a/b?c=d 42",
        "a",
        "ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok",
        "naïve café — Привет 日本 😀🎉",
        "```swift\nlet x = 1\n```",
    ])
    func textRoundTrips(text: String) throws {
        let bytes = Array(text.utf8)
        if let coded = code.encode(bytes) {
            #expect(coded.count < bytes.count)
            #expect(code.decode(coded[...], count: bytes.count) == bytes)
        }
    }

    @Test func englishChatShrinksToUnderSeventyPercent() throws {
        let text = "yeah I think that update broke the bot, the role sync is not working on my server since this morning. "
            + "anyone else seeing this? thanks for the quick fix last time"
        let bytes = Array(text.utf8)
        let coded = try #require(code.encode(bytes))
        #expect(Double(coded.count) < 0.7 * Double(bytes.count))
        #expect(code.decode(coded[...], count: bytes.count) == bytes)
    }

    @Test func everyByteValueRoundTripsAndUnsuitedInputIsRefused() throws {
        var random = SeededRandom(seed: 3)
        for _ in 0 ..< 50 {
            let bytes = (0 ..< Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            // Random bytes do not compress with a chat table: the caller keeps them as they are.
            if let coded = code.encode(bytes) {
                #expect(code.decode(coded[...], count: bytes.count) == bytes)
            }
        }
        let all = (0 ... 255).map { UInt8($0) } + Array(repeating: UInt8(ascii: "e"), count: 2_000)
        let coded = try #require(code.encode(all))
        #expect(code.decode(coded[...], count: all.count) == all)
        #expect(code.encode([]) == nil)
        #expect(code.encode(Array("zq".utf8)) == nil)
    }

    @Test func badCodedInputFailsWithoutTrapping() {
        let bytes = Array("hello there, anyone up for a game tonight".utf8)
        guard let coded = code.encode(bytes) else {
            Issue.record("expected English text to compress")
            return
        }
        #expect(code.decode(coded[...], count: bytes.count + 100) == nil)
        #expect(code.decode(coded.prefix(3), count: bytes.count) == nil)
        #expect(code.decode([], count: 1) == nil)
        #expect(code.decode(coded[...], count: -1) == nil)
        // All ones is the canonical code's last (longest) code word: exactly one byte comes out.
        #expect(code.decode([0xFF, 0xFF, 0xFF, 0xFF, 0xFF], count: 1)?.count == 1)
    }

    @Test func messagesRoundTripWithAndWithoutCompression() {
        let id: UInt64 = 1_300_000_000_000_000_000
        let created = MessageRecord.creationMicroseconds(id)
        for compress in [true, false] {
            for content in ["", "x", "hello there, anyone up for a game tonight", "日本語のテキスト 😀", String(repeating: "lol ", count: 1_000)] {
                let details = MessageRecord.Details(
                    content: content, timestamp: created, editedTimestamp: nil, referencedMessageID: 5, attachmentURLs: [],
                    mentionedUserIDs: [1, 2]
                )
                let packed = MessageRecord.pack(id: id, channelID: 1, details, compressingContent: compress)
                var arena = ByteArena()
                let record = MessageRecord(id: id, authorID: 1, blob: arena.append(packed), writtenAt: 0)
                #expect(record.details(in: arena, channelID: 1) == details)
                if !compress { #expect(packed.count >= content.utf8.count) }
            }
        }
    }
}
