/// A type that decodes itself from a ``JSONReader`` positioned at its value.
public protocol JSONDecodable: Sendable {
    /// Reads exactly one JSON value from `reader`.
    init(from reader: inout JSONReader) throws(JSONDecodingError)
}

extension JSONDecodable {
    /// Decodes a whole JSON document, rejecting trailing non-whitespace bytes.
    public init(jsonBytes: some Collection<UInt8>) throws(JSONDecodingError) {
        let result: Result<Self, JSONDecodingError>? = jsonBytes.withContiguousStorageIfAvailable { buffer in
            Self.decodeDocument(UnsafeRawBufferPointer(buffer))
        }
        if let result {
            self = try result.get()
        } else {
            let copy = Array(jsonBytes)
            self = try copy.withUnsafeBytes { Self.decodeDocument($0) }.get()
        }
    }

    /// Decodes a whole JSON document, rejecting trailing non-whitespace bytes.
    public init(jsonBytes: UnsafeRawBufferPointer) throws(JSONDecodingError) {
        self = try Self.decodeDocument(jsonBytes).get()
    }

    /// Decodes a whole JSON document from a string.
    public init(jsonString: String) throws(JSONDecodingError) {
        try self.init(jsonBytes: Array(jsonString.utf8))
    }

    static func decodeDocument(_ buffer: UnsafeRawBufferPointer) -> Result<Self, JSONDecodingError> {
        var reader = JSONReader(bytes: buffer)
        do {
            let value = try Self(from: &reader)
            try reader.expectEnd()
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

extension JSONReader {
    /// Decodes the next value as `Value`.
    @inline(__always)
    public mutating func decode<Value: JSONDecodable>(_ type: Value.Type = Value.self) throws(JSONDecodingError) -> Value {
        try Value(from: &self)
    }

    /// Decodes the next value as `Value`, or returns nil (consuming it) when it is `null`.
    @inline(__always)
    public mutating func decodeNullable<Value: JSONDecodable>(_ type: Value.Type = Value.self) throws(JSONDecodingError) -> Value? {
        if try consumeNull() { return nil }
        return try Value(from: &self)
    }
}

extension String: JSONDecodable {
    /// Reads a JSON string.
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) { self = try reader.readString() }
}

extension Int: JSONDecodable {
    /// Reads a JSON integer.
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) { self = try reader.readInt() }
}

extension Int64: JSONDecodable {
    /// Reads a JSON integer.
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) { self = try reader.readInt64() }
}

extension UInt64: JSONDecodable {
    /// Reads a non-negative JSON integer.
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) { self = try reader.readUInt64() }
}

extension Double: JSONDecodable {
    /// Reads any JSON number.
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) { self = try reader.readDouble() }
}

extension Bool: JSONDecodable {
    /// Reads `true` or `false`.
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) { self = try reader.readBool() }
}

extension Array: JSONDecodable where Element: JSONDecodable {
    /// Reads a JSON array whose elements decode as `Element`.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginArray()
        var result: [Element] = []
        while try reader.nextElement() {
            if result.capacity == 0 { result.reserveCapacity(Self.initialCapacity) }
            result.append(try Element(from: &reader))
        }
        self = result
    }
}

extension Array where Element: JSONDecodable {
    /// The first allocation of a decoded non-empty array: room for a few small elements, but no more than 960 bytes
    /// of elements, so that with the array's header it stays within glibc's per-thread cache (chunks up to 1,032
    /// bytes). Two mentions (some 450 bytes each, with their members) then fit without growing the array.
    @inline(__always)
    static var initialCapacity: Int {
        Swift.max(1, Swift.min(4, 960 / Swift.max(1, MemoryLayout<Element>.stride)))
    }
}

extension Optional: JSONDecodable where Wrapped: JSONDecodable {
    /// Reads `null` as nil, anything else as `Wrapped`.
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        self = try reader.decodeNullable(Wrapped.self)
    }
}
