/// Whether a permission overwrite targets a role or a member. Also accepts the legacy string forms
/// (`"role"`, `"member"`) of API v6. Unknown values are kept as ``unknown(_:)``.
public enum OverwriteType: IntegerCodedEnum, Sendable {
    /// Wire value 0.
    case role
    /// Wire value 1.
    case member
    /// A value this version does not know.
    case unknown(Int)

    /// Maps a wire value.
    public init(rawValue: Int) {
        switch rawValue {
        case 0: self = .role
        case 1: self = .member
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: Int {
        switch self {
        case .role: 0
        case .member: 1
        case .unknown(let value): value
        }
    }

    /// Reads the integer form, or the legacy string form.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        if try reader.peek() == .string {
            let offset = reader.offset
            switch try reader.readString() {
            case "role": self = .role
            case "member": self = .member
            default: throw JSONDecodingError(offset: offset, reason: .invalidValue("unknown overwrite type"))
            }
        } else {
            self.init(rawValue: try reader.readInt())
        }
    }
}
