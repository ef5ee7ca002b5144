/// A heap box that lets a value type contain itself (e.g. ``Message/referencedMessage``).
public final class Indirect<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The boxed value.
    public let value: Value

    /// Boxes `value`.
    public init(_ value: Value) { self.value = value }

    /// Compares the boxed values.
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool { lhs.value == rhs.value }

    /// Hashes the boxed value.
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension Indirect: JSONDecodable where Value: JSONDecodable {
    /// Decodes the boxed value. Boxed values are where models recurse (a message's `referenced_message`), so the
    /// nesting is limited to ``JSONReader/maximumModelNesting`` to keep the stack small on any thread.
    public convenience init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.checkModelNesting()
        self.init(try Value(from: &reader))
    }
}

/// A message nonce, which Discord echoes back as the client sent it: a string or an integer.
public enum MessageNonce: Sendable, Hashable, JSONDecodable {
    /// A string nonce.
    case string(String)
    /// An integer nonce.
    case integer(Int64)

    /// Decodes either form.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        if try reader.peek() == .string {
            self = .string(try reader.readString())
        } else {
            self = .integer(try reader.readInt64())
        }
    }
}
