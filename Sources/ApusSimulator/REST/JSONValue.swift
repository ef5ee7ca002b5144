import Foundation

/// A parsed JSON value that can be kept across threads (the OpenAPI document, request bodies under validation).
indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Converts a `JSONSerialization` result.
    init(foundation value: Any) {
        switch value {
        case is NSNull: self = .null
        case let number as NSNumber:
            let kind = String(cString: number.objCType)
            if kind == "c" {
                self = .bool(number.boolValue)
            } else if kind == "d" || kind == "f" {
                let double = number.doubleValue
                self = double.rounded() == double && abs(double) < 9e18 ? .integer(Int64(double)) : .number(double)
            } else {
                self = .integer(number.int64Value)
            }
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(JSONValue.init(foundation:)))
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init(foundation:)))
        default: self = .null
        }
    }

    /// Parses JSON bytes, or nil.
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        JSONText.parse(bytes).map(JSONValue.init(foundation:))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    var integerValue: Int64? {
        switch self {
        case .integer(let value): value
        case .string(let text): Int64(text)
        default: nil
        }
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var isNull: Bool { self == .null }

    /// A snowflake given as a string or a number.
    var snowflake: UInt64? {
        switch self {
        case .string(let text): UInt64(text)
        case .integer(let value): value >= 0 ? UInt64(value) : nil
        default: nil
        }
    }

    /// Back to a `JSONSerialization`-compatible value.
    var foundation: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .integer(let value): value
        case .number(let value): value
        case .string(let value): value
        case .array(let values): values.map(\.foundation)
        case .object(let object): object.mapValues(\.foundation)
        }
    }

    /// Compact JSON text.
    var text: String { JSONText.string(foundation) }
}
