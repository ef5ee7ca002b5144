/// The outer fields of a gateway frame (`op`, `s`, `t`, and where `d` lies), found in one cheap pass.
///
/// `d` is skipped structurally (strings and bracket balance checked, nothing decoded; see
/// ``JSONReader/skipValueStructurally()``), so a frame whose body later fails to decode still yields its opcode,
/// sequence and event name.
public struct GatewayEnvelope: Sendable, Hashable {
    /// The opcode (`op`).
    public var opcode: Int
    /// The sequence number (`s`), nil when absent or null.
    public var sequence: Int?
    /// The dispatch name (`t`), nil when absent or null.
    public var eventName: EventKind?
    /// Byte range of the `d` value in the scanned buffer, nil when absent or null.
    public var dataRange: Range<Int>?
    /// True when ``dataRange`` was taken to the end of the frame without walking `d` (see
    /// ``scan(_:allowTentativeData:)``): a decoder that reads it to its end validates it; if decoding fails, scan
    /// again without the shortcut to get the exact range.
    public var dataRangeIsTentative: Bool

    /// Creates an envelope from its parts.
    public init(opcode: Int, sequence: Int?, eventName: EventKind?, dataRange: Range<Int>?, dataRangeIsTentative: Bool = false) {
        self.opcode = opcode
        self.sequence = sequence
        self.eventName = eventName
        self.dataRange = dataRange
        self.dataRangeIsTentative = dataRangeIsTentative
    }

    /// The opcode as a ``GatewayOpcode``.
    public var gatewayOpcode: GatewayOpcode { GatewayOpcode(rawValue: opcode) }

    /// Scans a whole frame. Key order does not matter; unknown keys are skipped; trailing bytes are rejected.
    ///
    /// With `allowTentativeData`, when `op` (and, for a dispatch, `s` and `t`) come before `d` — the order Discord
    /// sends — `d` is not walked at all: its range is taken to run to the frame's closing brace, and the envelope is
    /// marked ``dataRangeIsTentative``. This halves the work on the hot path: the event decoder, which must read `d`
    /// anyway, is what validates it.
    public static func scan(_ bytes: UnsafeRawBufferPointer, allowTentativeData: Bool = false) throws(JSONDecodingError) -> GatewayEnvelope {
        var reader = JSONReader(bytes: bytes)
        var opcode: Int?
        var sequence: Int?
        var eventName: EventKind?
        var dataRange: Range<Int>?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            if key == "t" {
                if try reader.consumeNull() { continue }
                let current = try reader.peekByte()
                guard current == UInt8(ascii: "\"") else { throw reader.error(.typeMismatch(expected: "string")) }
                let scanned = try reader.scanString()
                reader.needsComma = true
                if scanned.hasEscapes || scanned.hasHighBytes {
                    reader.offset = scanned.start - 1
                    eventName = EventKind(name: try reader.readString())
                } else {
                    eventName = EventKind(bytes: UnsafeRawBufferPointer(rebasing: bytes[scanned.start..<scanned.end]))
                }
            } else if key == "s" {
                sequence = try reader.consumeNull() ? nil : try reader.readInt()
            } else if key == "op" {
                opcode = try reader.readInt()
            } else if key == "d" {
                if try reader.consumeNull() {
                    dataRange = nil
                } else if allowTentativeData, let opcode, opcode != 0 || (sequence != nil && eventName != nil),
                          let tentative = tentativeDataRange(bytes, valueStart: reader.offset) {
                    return GatewayEnvelope(
                        opcode: opcode, sequence: sequence, eventName: eventName, dataRange: tentative,
                        dataRangeIsTentative: true
                    )
                } else {
                    dataRange = try reader.skipValueStructurally()
                }
            } else {
                try reader.skipValue()
            }
        }
        try reader.expectEnd()
        return GatewayEnvelope(opcode: try reader.require(opcode, "op"), sequence: sequence, eventName: eventName,
                               dataRange: dataRange)
    }

    /// The range from `valueStart` (whitespace skipped) to just before the frame's final `}`, if the frame ends with
    /// one and the range holds an object or array.
    static func tentativeDataRange(_ bytes: UnsafeRawBufferPointer, valueStart: Int) -> Range<Int>? {
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var start = valueStart
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "[") else { return nil }
        var end = bytes.count - 1
        while end > start, isSpace(bytes[end]) { end -= 1 }
        guard end > start, bytes[end] == UInt8(ascii: "}") else { return nil }
        end -= 1
        while end > start, isSpace(bytes[end]) { end -= 1 }
        let closing = bytes[end]
        guard closing == UInt8(ascii: "}") || closing == UInt8(ascii: "]") else { return nil }
        return start..<(end + 1)
    }

    /// Scans a whole frame held in any contiguous byte collection.
    public static func scan(_ bytes: [UInt8]) throws(JSONDecodingError) -> GatewayEnvelope {
        try bytes.withUnsafeBytes { buffer in Result { () throws(JSONDecodingError) in try scan(buffer) } }.get()
    }
}
