import Testing
@testable import ApusCompression

@Suite("zlib-stream")
struct ZlibStreamTests {
    static func message(_ index: Int, repeat count: Int = 3) -> [UInt8] {
        Array(String(repeating: "{\"op\":0,\"s\":\(index),\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"hello \(index)\"}}", count: count).utf8)
    }

    @Test("messages round-trip through one shared context")
    func roundTrip() throws {
        let deflater = try ZlibStreamDeflater()
        let inflater = try ZlibStreamInflater()
        for index in 0..<50 {
            let original = Self.message(index)
            let compressed = try deflater.compress(original)
            #expect(ZlibStreamInflater.endsWithSyncFlush(compressed.withUnsafeBytes { UnsafeRawBufferPointer($0) }))
            #expect(try inflater.push(compressed) == original)
        }
    }

    @Test("a message split across several WebSocket messages is assembled", arguments: [1, 2, 3, 7, 64])
    func splitMessages(pieceSize: Int) throws {
        let deflater = try ZlibStreamDeflater()
        let inflater = try ZlibStreamInflater()
        for index in 0..<5 {
            let original = Self.message(index, repeat: 40)
            let compressed = try deflater.compress(original)
            var result: [UInt8]?
            var start = 0
            while start < compressed.count {
                let end = min(start + pieceSize, compressed.count)
                #expect(result == nil, "no message may complete before its last piece")
                result = try inflater.push(Array(compressed[start..<end]))
                start = end
            }
            #expect(result == original)
            #expect(inflater.pendingByteCount == 0)
        }
    }

    @Test("a large, highly compressible message inflates completely")
    func largeMessage() throws {
        let original = Array(String(repeating: "a", count: 300_000).utf8)
        let compressed = try ZlibStreamDeflater().compress(original)
        #expect(compressed.count * 16 < original.count)
        #expect(try ZlibStreamInflater().push(compressed) == original)
    }

    @Test("corrupt data is a clear error and the stream stays failed")
    func corrupt() throws {
        let inflater = try ZlibStreamInflater()
        let garbage: [UInt8] = [0x12, 0x34, 0x56, 0x78, 0x00, 0x00, 0xFF, 0xFF]
        #expect(throws: CompressionError.self) { try inflater.push(garbage) }
        let valid = try ZlibStreamDeflater().compress(Self.message(1))
        #expect(throws: CompressionError.self) { try inflater.push(valid) }
    }

    @Test("a message over the size limit is rejected")
    func tooLarge() throws {
        let original = Array(String(repeating: "b", count: 200_000).utf8)
        let compressed = try ZlibStreamDeflater().compress(original)
        let inflater = try ZlibStreamInflater(maximumMessageSize: 100_000)
        #expect(throws: CompressionError.messageTooLarge(limit: 100_000)) { try inflater.push(compressed) }
    }
}
