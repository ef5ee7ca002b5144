/// Reads a fuzzer's input as a sequence of choices and length-prefixed pieces, so one byte string can describe
/// several WebSocket messages, header lists or arguments. Reads never fail: past the end, numbers are 0 and
/// pieces empty.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var offset = 0

    /// Wraps the fuzzer's bytes.
    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Wraps bytes.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset >= bytes.count }

    /// The bytes not yet read.
    public var remaining: [UInt8] { offset < bytes.count ? Array(bytes[offset...]) : [] }

    /// One byte (0 past the end).
    public mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A piece: a two-byte little-endian length, then that many bytes (fewer at the end).
    public mutating func piece() -> [UInt8] {
        let length = Int(byte()) | Int(byte()) << 8
        let end = min(bytes.count, offset + length)
        defer { offset = end }
        return offset < end ? Array(bytes[offset..<end]) : []
    }

    /// Splits the rest into pieces.
    public mutating func pieces(maximum: Int = 64) -> [[UInt8]] {
        var result: [[UInt8]] = []
        while !isAtEnd && result.count < maximum { result.append(piece()) }
        return result
    }

    /// A piece as text (invalid UTF-8 repaired).
    public mutating func text() -> String {
        String(decoding: piece(), as: UTF8.self)
    }
}

/// Encodes pieces the way ``FuzzInput/piece()`` reads them (for seeds).
public func encodePieces(_ pieces: [[UInt8]]) -> [UInt8] {
    var out: [UInt8] = []
    for piece in pieces {
        let length = min(piece.count, 0xFFFF)
        out.append(UInt8(length & 0xFF))
        out.append(UInt8(length >> 8))
        out += piece.prefix(length)
    }
    return out
}
