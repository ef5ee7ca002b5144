/// A JSON value kept verbatim: the exact bytes it had in the input (validated, not decoded).
public struct RawJSON: Sendable, Hashable, CustomStringConvertible {
    /// The value's UTF-8 JSON text.
    public var bytes: [UInt8]

    /// Wraps already-valid JSON bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// `[]`, shared so that capturing an empty array does not allocate.
    static let emptyArray = RawJSON(bytes: [UInt8(ascii: "["), UInt8(ascii: "]")])
    /// `{}`, shared so that capturing an empty object does not allocate.
    static let emptyObject = RawJSON(bytes: [UInt8(ascii: "{"), UInt8(ascii: "}")])

    /// The JSON text as a `String`.
    public var string: String {
        get { String(decoding: bytes, as: UTF8.self) }
        set { bytes = Array(newValue.utf8) }
    }

    /// The JSON text.
    public var description: String { string }

    /// Whether the value is the literal `null`.
    public var isNull: Bool { bytes == Array("null".utf8) }
}

extension RawJSON: JSONDecodable {
    /// Captures the next value verbatim.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        self = try reader.readRawJSON()
    }
}
