/// A failure to decode JSON bytes, with the byte offset where it was detected and a readable reason.
public struct JSONDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why decoding failed.
    public enum Reason: Sendable, Hashable {
        /// The input ended in the middle of a value.
        case unexpectedEnd
        /// A byte that cannot start or continue the expected token.
        case unexpectedByte(UInt8)
        /// A value of a different JSON type than the model expects (`expected` names it).
        case typeMismatch(expected: String)
        /// A malformed number, or one that does not fit the requested type.
        case invalidNumber
        /// A bad escape sequence, unpaired surrogate or raw control character in a string.
        case invalidString
        /// Bytes that are not valid UTF-8.
        case invalidUTF8
        /// Nesting deeper than ``JSONReader/maximumDepth``.
        case tooDeep
        /// Non-whitespace bytes after the document's value.
        case trailingBytes
        /// A field the model requires is absent (or null).
        case missingField(String)
        /// A value that is syntactically fine but semantically invalid (e.g. a malformed timestamp).
        case invalidValue(String)
    }

    /// Byte offset in the input at which the problem was detected.
    public var offset: Int
    /// What went wrong.
    public var reason: Reason
    /// Dotted key path of the failing value where known (e.g. `"MESSAGE_CREATE.author"`), otherwise empty.
    public var path: String

    /// Creates an error at `offset` with a `reason` and an optional key path.
    public init(offset: Int, reason: Reason, path: String = "") {
        self.offset = offset
        self.reason = reason
        self.path = path
    }

    /// A one-line human-readable description.
    public var description: String {
        let what: String
        switch reason {
        case .unexpectedEnd: what = "unexpected end of input"
        case .unexpectedByte(let byte): what = "unexpected byte 0x\(String(byte, radix: 16))"
        case .typeMismatch(let expected): what = "expected \(expected)"
        case .invalidNumber: what = "invalid number"
        case .invalidString: what = "invalid string (bad escape or control character)"
        case .invalidUTF8: what = "invalid UTF-8"
        case .tooDeep: what = "nesting too deep"
        case .trailingBytes: what = "trailing bytes after the JSON value"
        case .missingField(let name): what = "missing required field '\(name)'"
        case .invalidValue(let detail): what = "invalid value: \(detail)"
        }
        return path.isEmpty ? "JSON error at byte \(offset): \(what)" : "JSON error at byte \(offset) (\(path)): \(what)"
    }

    /// Returns a copy whose path is prefixed with `component`.
    public func prefixingPath(_ component: String) -> JSONDecodingError {
        var copy = self
        copy.path = path.isEmpty ? component : component + "." + path
        return copy
    }
}
