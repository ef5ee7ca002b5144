import ApusCompression
import Foundation
import Testing

@testable import IngestWorkload

@Suite("Ingest workload generator")
struct IngestWorkloadTests {
    @Test("CRC-32 matches zlib's check value")
    func crc32CheckValue() {
        let value = Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) }
        #expect(value == 0xCBF4_3926)
    }

    @Test("the checksum folds h*31+v, strings as CRC-32, nil as 0")
    func checksumFolding() {
        var checksum = FieldChecksum()
        checksum.add(UInt64(7))
        checksum.add("123456789")
        checksum.add(nil as String?)
        let expected = ((UInt64(7) &* 31) &+ 0xCBF4_3926) &* 31
        #expect(checksum.value == expected)
    }

    @Test("timestamps are ISO 8601 with microseconds, as Discord sends them")
    func timestamps() {
        #expect(WorkloadJSON.timestamp(milliseconds: 0) == "\"1970-01-01T00:00:00.000000+00:00\"")
        #expect(WorkloadJSON.timestamp(milliseconds: 1_772_236_800_287) == "\"2026-02-28T00:00:00.287000+00:00\"")
        #expect(WorkloadJSON.timestamp(milliseconds: 951_782_400_000) == "\"2000-02-29T00:00:00.000000+00:00\"")
    }

    @Test("strings are escaped")
    func escaping() {
        #expect(WorkloadJSON.quoted("a\"b\\c\n\u{1}é") == "\"a\\\"b\\\\c\\n\\u0001é\"")
    }

    @Test("the same seed gives the same bytes, another seed other bytes")
    func determinism() throws {
        let first = try IngestWorkload.generate(seed: 1, dispatchCount: 300)
        let second = try IngestWorkload.generate(seed: 1, dispatchCount: 300)
        let other = try IngestWorkload.generate(seed: 2, dispatchCount: 300)
        #expect(first.jsonMessages == second.jsonMessages)
        #expect(first.compressedMessages == second.compressedMessages)
        #expect(first.jsonMessages != other.jsonMessages)
    }

    @Test("the mix is about 70% MESSAGE_CREATE and holds the five other kinds")
    func mixProportions() throws {
        let workload = try IngestWorkload.generate(dispatchCount: 4_000)
        #expect(workload.setupMessageCount == 5)
        #expect(workload.dispatchCount == 4_000)
        let creates = workload.eventCounts["MESSAGE_CREATE", default: 0]
        #expect((2_600...3_000).contains(creates))
        for kind in ["TYPING_START", "MESSAGE_REACTION_ADD", "PRESENCE_UPDATE", "GUILD_MEMBER_UPDATE", "MESSAGE_UPDATE"] {
            #expect(workload.eventCounts[kind, default: 0] > 50, "\(kind)")
        }
        let ratio = Double(workload.jsonByteCount) / Double(workload.compressedByteCount)
        #expect(ratio < 8.5)
    }

    @Test("every message is valid JSON and decompresses back from the stream")
    func validJSONAndStream() throws {
        let workload = try IngestWorkload.generate(dispatchCount: 500)
        let decompressor = try ZstdStreamDecompressor()
        for (json, compressed) in zip(workload.jsonMessages, workload.compressedMessages) {
            #expect(try decompressor.decompress(compressed) == json)
            let object = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
            #expect(object?["op"] as? Int == 0)
        }
    }

    @Test("the workload file round-trips and rejects bad input")
    func fileRoundTrip() throws {
        let workload = try IngestWorkload.generate(dispatchCount: 100)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("apus-ingest-test-\(UUID()).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WorkloadFile.write(workload, to: path)
        let read = try WorkloadFile.read(from: path)
        #expect(read.setupMessageCount == workload.setupMessageCount)
        #expect(read.messages == workload.compressedMessages)

        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try Data(bytes.prefix(bytes.count - 3)).write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkloadFile.ReadError.self) { try WorkloadFile.read(from: path) }
        bytes[0] = UInt8(ascii: "X")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkloadFile.ReadError.self) { try WorkloadFile.read(from: path) }
    }
}
