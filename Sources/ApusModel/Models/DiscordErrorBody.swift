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
    /// The `errors` tree flattened into path → (code, message), ordered by path (numeric parts by number, so
    /// `embeds.2` before `embeds.10`), each path's errors in the order Discord listed them. The order of an object's
    /// keys carries no meaning in JSON, so it does not change this list.
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
        self.errors = Self.sortedByPath(errors)
    }

    /// `errors` ordered by path, stably (the order of errors under one path is their order in `_errors`).
    static func sortedByPath(_ errors: [FieldError]) -> [FieldError] {
        guard errors.count > 1 else { return errors }
        return errors.enumerated().sorted { left, right in
            if left.element.path == right.element.path { return left.offset < right.offset }
            return pathPrecedes(left.element.path, right.element.path)
        }.map(\.element)
    }

    /// Compares dotted paths part by part: parts of decimal digits (array indices) before other parts, and by their
    /// numbers (by length, then text, so that no length overflows); other parts as text; a path before every longer
    /// path it begins.
    static func pathPrecedes(_ left: String, _ right: String) -> Bool {
        let leftParts = left.split(separator: ".", omittingEmptySubsequences: false)
        let rightParts = right.split(separator: ".", omittingEmptySubsequences: false)
        for (leftPart, rightPart) in zip(leftParts, rightParts) where leftPart != rightPart {
            let leftIsNumber = !leftPart.isEmpty && leftPart.utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
            let rightIsNumber = !rightPart.isEmpty && rightPart.utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
            if leftIsNumber && rightIsNumber {
                let leftDigits = leftPart.drop { $0 == "0" }, rightDigits = rightPart.drop { $0 == "0" }
                if leftDigits.count != rightDigits.count { return leftDigits.count < rightDigits.count }
                if leftDigits != rightDigits { return leftDigits < rightDigits }
                return leftPart.count < rightPart.count
            }
            if leftIsNumber != rightIsNumber { return leftIsNumber }
            return leftPart < rightPart
        }
        return leftParts.count < rightParts.count
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
