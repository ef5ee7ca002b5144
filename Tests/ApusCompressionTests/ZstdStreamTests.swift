import ApusCore
import Testing
@testable import ApusCompression

@Suite("zstd-stream")
struct ZstdStreamTests {
    @Test("messages round-trip through one shared context, one message per WebSocket message")
    func roundTrip() throws {
        let compressor = try ZstdStreamCompressor(level: 3)
        let decompressor = try ZstdStreamDecompressor()
        var random = SeededRandom(seed: 7)
        for index in 0..<200 {
            let text = "{\"op\":0,\"s\":\(index),\"d\":{\"n\":\(random.next())}}"
            let original = Array(text.utf8)
            #expect(try decompressor.decompress(try compressor.compress(original)) == original)
        }
    }

    @Test("a single message over 128 KiB compressing better than 16x decompresses completely")
    func largeHighlyCompressibleMessage() throws {
        // Discord's docs warn that ZSTD_decompressStream may keep output back after reading all input; a decoder
        // that stops when the input is consumed truncates exactly this kind of message.
        var text = "{\"op\":0,\"s\":1,\"t\":\"GUILD_CREATE\",\"d\":{\"members\":["
        for index in 0..<6_000 {
            text += "{\"user\":{\"id\":\"\(100_000 + index % 10)\",\"username\":\"member\"},\"roles\":[]},"
        }
        text += "{}]}}"
        let original = Array(text.utf8)
        // Like a real connection: the contexts have already carried HELLO before the big message.
        let compressor = try ZstdStreamCompressor(level: 3)
        let connection = try ZstdStreamDecompressor()
        _ = try connection.decompress(try compressor.compress(Array("{\"op\":10}".utf8)))
        let compressed = try compressor.compress(original)
        #expect(original.count > 128 * 1024)
        #expect(compressed.count * 16 < original.count)
        #expect(try connection.decompress(compressed) == original)
    }

    @Test("corrupt input is a clear error")
    func corrupt() throws {
        let decompressor = try ZstdStreamDecompressor()
        #expect(throws: CompressionError.self) { try decompressor.decompress([0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3]) }
    }

    @Test("a message over the size limit is rejected")
    func tooLarge() throws {
        let original = Array(String(repeating: "c", count: 300_000).utf8)
        let compressed = try ZstdStreamCompressor().compress(original)
        let decompressor = try ZstdStreamDecompressor(maximumMessageSize: 100_000)
        #expect(throws: CompressionError.messageTooLarge(limit: 100_000)) { try decompressor.decompress(compressed) }
    }
}
