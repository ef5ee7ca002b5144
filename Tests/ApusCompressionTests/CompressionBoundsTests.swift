import Testing
@testable import ApusCompression

/// Size and window bounds of the decompressors, and garbage in general: every call returns or throws.
@Suite("compression bounds")
struct CompressionBoundsTests {
    static let message = Array(String(repeating: #"{"op":0,"t":"MESSAGE_CREATE","d":{"content":"hello"}}"#, count: 20).utf8)

    @Test("a zlib stream that ends exactly at a message delivers it, and the stream is failed afterwards")
    func zlibExactEnd() throws {
        let deflater = try ZlibStreamDeflater()
        let inflater = try ZlibStreamInflater()
        #expect(try inflater.push(deflater.compress(Self.message)) == Self.message)
        let ended = try deflater.finish(Self.message)
        // A finished stream ends with its Adler-32, not 00 00 FF FF; the sync-flush suffix makes it "complete".
        #expect(throws: CompressionError.self) { try inflater.push(ended + ZlibStreamHardeningTests.syncFlushSuffix) }
        #expect(inflater.isFailed)
    }

    @Test("zlib: the compressed bytes of one message are bounded across its pieces")
    func zlibCompressedBound() throws {
        let inflater = try ZlibStreamInflater(maximumMessageSize: 1_000)
        #expect(try inflater.push(Array(repeating: 0x11, count: 600)) == nil)
        #expect(throws: CompressionError.messageTooLarge(limit: 1_000)) {
            try inflater.push(Array(repeating: 0x11, count: 600))
        }
        #expect(inflater.pendingByteCount == 0, "the pending buffer is released")
    }

    @Test("zlib: a message that inflates past the limit is too large")
    func zlibOutputBound() throws {
        let compressed = try ZlibStreamDeflater().compress(Array(repeating: 0x61, count: 2_000_000))
        #expect(compressed.count < 100_000)
        #expect(throws: CompressionError.messageTooLarge(limit: 1 << 20)) {
            try ZlibStreamInflater(maximumMessageSize: 1 << 20).push(compressed)
        }
    }

    @Test("zstd: compressed input over the limit is too large")
    func zstdInputBound() throws {
        let decompressor = try ZstdStreamDecompressor(maximumMessageSize: 1_000)
        #expect(throws: CompressionError.messageTooLarge(limit: 1_000)) {
            try decompressor.decompress(Array(repeating: 0x28, count: 1_001))
        }
    }

    @Test("zstd: a frame whose window exceeds the cap is corrupt data; within the cap it decodes")
    func zstdWindowCap() throws {
        // zstd level 3 compresses a stream of unknown size with a 2 MiB window (log 21).
        let compressed = try ZstdStreamCompressor(level: 3).compress(Self.message)
        #expect(try ZstdStreamDecompressor(maximumWindowLog: 21).decompress(compressed) == Self.message)
        #expect(throws: CompressionError.self) { try ZstdStreamDecompressor(maximumWindowLog: 18).decompress(compressed) }
        // The --ultra level 22 asks for a 128 MiB window (log 27): over the default cap of 23.
        let ultra = try ZstdStreamCompressor(level: 22).compress(Self.message)
        #expect(throws: CompressionError.self) { try ZstdStreamDecompressor().decompress(ultra) }
    }

    @Test("Discord's captured zstd HELLO (window log 18) decodes under the default cap")
    func discordHello() throws {
        // The first WebSocket message of a real zstd-stream connection (from twilight-gateway's test vector).
        let frame: [UInt8] = [
            40, 181, 47, 253, 0, 64, 100, 3, 0, 66, 7, 25, 28, 112, 137, 115, 116, 40, 208, 203, 85,
            255, 167, 74, 75, 126, 203, 222, 231, 255, 151, 18, 211, 212, 171, 144, 151, 210, 255, 51,
            4, 49, 34, 71, 98, 2, 36, 253, 122, 141, 99, 203, 225, 11, 162, 47, 133, 241, 6, 201, 82,
            245, 91, 206, 247, 164, 226, 156, 92, 108, 130, 123, 11, 95, 199, 15, 61, 179, 117, 157,
            28, 37, 65, 64, 25, 250, 182, 8, 199, 205, 44, 73, 47, 19, 218, 45, 27, 14, 245, 202, 81,
            82, 122, 167, 121, 71, 173, 61, 140, 190, 15, 3, 1, 0, 36, 74, 18,
        ]
        let json = String(decoding: try ZstdStreamDecompressor().decompress(frame), as: UTF8.self)
        #expect(json.hasPrefix(#"{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":41250"#))
    }

    @Test("seeded garbage never traps or spins", .timeLimit(.minutes(1)))
    func garbage() throws {
        var random = XorShift(state: 0xC0FFEE)
        for _ in 0..<500 {
            let inflater = try ZlibStreamInflater(maximumMessageSize: 1 << 16)
            let decompressor = try ZstdStreamDecompressor(maximumMessageSize: 1 << 16)
            for _ in 0..<3 {
                var bytes = (0..<Int(random.next() % 200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                if random.next() % 3 == 0 { bytes = [0x78, 0x9C] + bytes }
                if random.next() % 3 == 0 { bytes = [0x28, 0xB5, 0x2F, 0xFD] + bytes }
                _ = try? inflater.push(bytes + [0x00, 0x00, 0xFF, 0xFF])
                _ = try? decompressor.decompress(bytes)
            }
        }
    }
}

/// A tiny seeded generator (this test target depends on ApusCompression only).
struct XorShift {
    var state: UInt64

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
