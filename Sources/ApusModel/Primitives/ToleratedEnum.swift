/// An integer-coded Discord enum whose unknown values are kept (as an `unknown(Int)` case) instead of failing.
public protocol IntegerCodedEnum: RawRepresentable, JSONDecodable, Hashable where RawValue == Int {
    /// Maps any raw value, unknown ones included.
    init(rawValue: Int)
}

extension IntegerCodedEnum {
    /// Reads the integer and maps it (never fails on unknown values).
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        self.init(rawValue: try reader.readInt())
    }
}

/// A string-coded Discord enum whose unknown values are kept instead of failing.
public protocol StringCodedEnum: RawRepresentable, JSONDecodable, Hashable where RawValue == String {
    /// Maps any raw value, unknown ones included.
    init(rawValue: String)
}

extension StringCodedEnum {
    /// Reads the string and maps it (never fails on unknown values).
    @inline(__always)
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        self.init(rawValue: try reader.readString())
    }
}
