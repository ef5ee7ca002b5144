/// A Discord REST error body: `{"code": 50035, "message": "...", "errors": {...}}`.
public struct DiscordErrorBody: Sendable, Hashable, JSONDecodable {
    /// One leaf of the nested `errors` tree.
    public struct FieldError: Sendable, Hashable {
        /// Dotted path of the offending field, e.g. `embeds.0.title`.
        public var path: String
        /// Discord's machine-readable error code, e.g. `BASE_TYPE_REQUIRED`.
        public var code: String
        /// Human-readable message.
        public var message: String

        /// Creates a field error.
        public init(path: String, code: String, message: String) {
            self.path = path
            self.code = code
            self.message = message
        }
    }

    /// The JSON error code (0 for general errors).
    public var code: Int
    /// The top-level message.
    public var message: String
    /// The `errors` tree flattened into path → (code, message), in document order.
    public var errors: [FieldError]

    /// Decodes an error body and flattens its `errors` tree.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var code: Int?
        var message: String?
        var errors: [FieldError] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "code": code = try reader.readInt()
            case "message": message = try reader.readString()
            case "errors": try Self.flatten(&reader, path: "", into: &errors)
            default: try reader.skipValue()
            }
        }
        self.code = try reader.require(code, "code")
        self.message = try reader.require(message, "message")
        self.errors = errors
    }

    private static func flatten(_ reader: inout JSONReader, path: String, into errors: inout [FieldError]) throws(JSONDecodingError) {
        guard try reader.peek() == .object else {
            try reader.skipValue()
            return
        }
        try reader.beginObject()
        while let key = try reader.nextKey() {
            if key == "_errors" {
                try reader.beginArray()
                while try reader.nextElement() {
                    var code = ""
                    var message = ""
                    try reader.beginObject()
                    while let leafKey = try reader.nextKey() {
                        switch leafKey {
                        case "code": code = try reader.readString()
                        case "message": message = try reader.readString()
                        default: try reader.skipValue()
                        }
                    }
                    errors.append(FieldError(path: path, code: code, message: message))
                }
            } else {
                let name = key.string
                try flatten(&reader, path: path.isEmpty ? name : path + "." + name, into: &errors)
            }
        }
    }
}
