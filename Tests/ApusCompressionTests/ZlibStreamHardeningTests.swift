import Testing
@testable import ApusCompression

/// Hostile zlib-stream input: whatever the bytes, the inflater returns or throws, never spins.
@Suite("zlib-stream hardening")
struct ZlibStreamHardeningTests {
    /// A complete zlib stream (header, final deflate block, Adler-32) of `{"t":null,"s":null,"op":11,"d":null}`,
    /// as `zlib.compress` writes it. Discord never ends its stream; a peer that does must not hang the reader.
    static let completeStream: [UInt8] = [
        0x78, 0x9C, 0xAB, 0x56, 0x2A, 0x51, 0xB2, 0xCA, 0x2B, 0xCD, 0xC9, 0xD1, 0x51, 0x2A, 0x86, 0x31, 0xF2, 0x0B,
        0x94, 0xAC, 0x0C, 0x0D, 0x75, 0x94, 0x52, 0x20, 0x02, 0xB5, 0x00, 0xCE, 0x64, 0x0B, 0x32,
    ]
    static let syncFlushSuffix: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]

    @Test("a complete zlib stream followed by 00 00 FF FF is corrupt data, not an endless loop", .timeLimit(.minutes(1)))
    func streamEndThenMoreBytes() throws {
        let inflater = try ZlibStreamInflater()
        #expect(throws: CompressionError.self) { try inflater.push(Self.completeStream + Self.syncFlushSuffix) }
        // The stream stays failed: the connection must be replaced.
        #expect(throws: CompressionError.self) { try inflater.push(Self.syncFlushSuffix) }
    }
}
