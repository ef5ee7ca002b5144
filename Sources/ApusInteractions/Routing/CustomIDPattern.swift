/// A custom-id pattern such as `"poll:vote:{pollID}:{option}"`: colon-separated segments, each either literal text
/// or a `{name}` placeholder that captures one segment. Handlers are registered by pattern at start-up, so a custom
/// id written into a message before a restart is still understood after it.
///
/// A custom id matches when it has the same number of segments, every literal segment is equal, and every
/// placeholder segment is non-empty. Captured values therefore never contain `:`.
public struct CustomIDPattern: Sendable, Hashable, CustomStringConvertible {
    /// One segment of a pattern.
    public enum Segment: Sendable, Hashable {
        /// Text that must be equal.
        case literal(String)
        /// A named value.
        case parameter(String)
    }

    /// The segments, in order.
    public let segments: [Segment]
    /// The pattern as written.
    public let description: String

    /// Parses a pattern; throws on empty segments, bad placeholders or a name used twice.
    public init(_ pattern: String) throws(CustomIDPatternError) {
        guard !pattern.isEmpty, pattern.count <= ComponentLimits.customIDLength else { throw .invalidPattern(pattern, "length must be 1-100") }
        var segments: [Segment] = []
        var names = Set<String>()
        for part in pattern.split(separator: ":", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { throw .invalidPattern(pattern, "empty segment") }
            if part.first == "{" || part.last == "}" {
                guard part.count > 2, part.first == "{", part.last == "}" else {
                    throw .invalidPattern(pattern, "bad placeholder \"\(part)\"")
                }
                let name = String(part.dropFirst().dropLast())
                guard !name.contains("{"), !name.contains("}"), names.insert(name).inserted else {
                    throw .invalidPattern(pattern, "bad or repeated placeholder \"\(name)\"")
                }
                segments.append(.parameter(name))
            } else {
                guard !part.contains("{"), !part.contains("}") else { throw .invalidPattern(pattern, "braces inside \"\(part)\"") }
                segments.append(.literal(String(part)))
            }
        }
        self.segments = segments
        description = pattern
    }

    /// How many literal segments the pattern has (more literals = more specific; it wins over a looser pattern).
    public var literalCount: Int {
        segments.count { if case .literal = $0 { true } else { false } }
    }

    /// The pattern's shape with placeholder names erased; two patterns with the same shape match the same ids.
    var shape: [String?] {
        segments.map { if case .literal(let text) = $0 { text } else { nil } }
    }

    /// The named values when `customID` matches, else nil.
    public func match(_ customID: String) -> [String: String]? {
        let parts = customID.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (part, segment) in zip(parts, segments) {
            switch segment {
            case .literal(let text):
                guard part == text else { return nil }
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                parameters[name] = String(part)
            }
        }
        return parameters
    }

    /// Builds a custom id from values for every placeholder; throws when one is missing, empty, contains `:`, or
    /// the result exceeds 100 characters.
    public func customID(_ values: [String: String]) throws(CustomIDPatternError) -> String {
        var parts: [String] = []
        for segment in segments {
            switch segment {
            case .literal(let text):
                parts.append(text)
            case .parameter(let name):
                guard let value = values[name], !value.isEmpty, !value.contains(":") else {
                    throw .invalidValue(name: name, value: values[name])
                }
                parts.append(value)
            }
        }
        let id = parts.joined(separator: ":")
        guard id.count <= ComponentLimits.customIDLength else { throw .tooLong(id.count) }
        return id
    }
}

/// Why a custom-id pattern or a custom id built from one was refused.
public enum CustomIDPatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern is malformed.
    case invalidPattern(String, String)
    /// A pattern with the same shape is already registered (it would match exactly the same ids).
    case duplicate(String)
    /// A placeholder value is missing, empty or contains `:`.
    case invalidValue(name: String, value: String?)
    /// The built custom id is longer than 100 characters.
    case tooLong(Int)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .invalidPattern(let pattern, let reason): "Custom-id pattern \"\(pattern)\": \(reason)"
        case .duplicate(let pattern): "A handler for custom-id pattern \"\(pattern)\" (or one of the same shape) exists"
        case .invalidValue(let name, let value): "Value \(value.map { "\"\($0)\"" } ?? "(missing)") for {\(name)} must be non-empty without ':'"
        case .tooLong(let length): "The custom id would be \(length) characters; the limit is 100"
        }
    }
}
