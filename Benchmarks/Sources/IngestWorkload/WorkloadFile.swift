import Foundation

/// The on-disk form of a compressed workload, read by the Python peer so that both sides decompress exactly the
/// same bytes.
///
/// Layout (all integers little-endian): the 8 magic bytes `APUSING1`, a `UInt32` count of setup messages, a
/// `UInt32` count of all messages, then per message a `UInt32` length followed by that many bytes.
public enum WorkloadFile {
    /// The file's first eight bytes.
    public static let magic = Array("APUSING1".utf8)

    /// Errors reading a workload file.
    public enum ReadError: Error, CustomStringConvertible {
        /// The file does not start with ``WorkloadFile/magic``.
        case badMagic
        /// The file ends inside a length or a message.
        case truncated(offset: Int)

        /// A readable explanation.
        public var description: String {
            switch self {
            case .badMagic: "not an Apus ingest workload file (bad magic)"
            case .truncated(let offset): "workload file truncated at byte \(offset)"
            }
        }
    }

    /// Writes the compressed messages of `workload` to `path`.
    public static func write(_ workload: IngestWorkload, to path: String) throws {
        var bytes = magic
        bytes.reserveCapacity(workload.compressedByteCount + 4 * workload.compressedMessages.count + 16)
        append(UInt32(workload.setupMessageCount), to: &bytes)
        append(UInt32(workload.compressedMessages.count), to: &bytes)
        for message in workload.compressedMessages {
            append(UInt32(message.count), to: &bytes)
            bytes += message
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Reads the compressed messages and the setup count back from `path`.
    public static func read(from path: String) throws -> (setupMessageCount: Int, messages: [[UInt8]]) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else { throw ReadError.badMagic }
        var offset = 8
        func next() throws -> Int {
            guard offset + 4 <= bytes.count else { throw ReadError.truncated(offset: offset) }
            let value = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            offset += 4
            return Int(value)
        }
        let setup = try next()
        let count = try next()
        var messages: [[UInt8]] = []
        messages.reserveCapacity(count)
        for _ in 0..<count {
            let length = try next()
            guard offset + length <= bytes.count else { throw ReadError.truncated(offset: offset) }
            messages.append(Array(bytes[offset..<(offset + length)]))
            offset += length
        }
        return (setup, messages)
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }
}
