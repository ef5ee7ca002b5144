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

    /// Creates an envelope from its parts.
    public init(opcode: Int, sequence: Int?, eventName: EventKind?, dataRange: Range<Int>?) {
        self.opcode = opcode
        self.sequence = sequence
        self.eventName = eventName
        self.dataRange = dataRange
    }

    /// The opcode as a ``GatewayOpcode``.
    public var gatewayOpcode: GatewayOpcode { GatewayOpcode(rawValue: opcode) }

    /// Scans a whole frame. Key order does not matter; unknown keys are skipped; trailing bytes are rejected.
    public static func scan(_ bytes: UnsafeRawBufferPointer) throws(JSONDecodingError) -> GatewayEnvelope {
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

    /// Scans a whole frame held in any contiguous byte collection.
    public static func scan(_ bytes: [UInt8]) throws(JSONDecodingError) -> GatewayEnvelope {
        try bytes.withUnsafeBytes { buffer in Result { () throws(JSONDecodingError) in try scan(buffer) } }.get()
    }
}
