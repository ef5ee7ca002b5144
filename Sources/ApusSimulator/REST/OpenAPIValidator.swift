import Foundation
import Synchronization

/// Validates request bodies against Discord's OpenAPI document: resolves the operation by method and path shape,
/// follows `$ref`s, and checks required properties, JSON types, string/array lengths, enums and integer ranges.
/// Unknown properties are ignored and `null` is accepted for nullable fields.
struct OpenAPIValidator: Sendable {
    private let schemas: [String: JSONValue]
    /// `METHOD /a/{}/b` → the application/json request body schema.
    private let bodies: [String: JSONValue]

    private static let cache = Mutex<[String: OpenAPIValidator]>([:])

    /// The default document location: the corpus copy, found relative to this source file.
    static var defaultPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../../shared/discord-corpus/openapi/openapi.json"
        ).standardizedFileURL.path
    }

    /// Loads (once per path, then cached) the document at `path`; nil if it is missing or unreadable.
    static func load(path: String) -> OpenAPIValidator? {
        if let cached = cache.withLock({ $0[path] }) { return cached }
        guard let data = FileManager.default.contents(atPath: path),
            let parsed = try? JSONSerialization.jsonObject(with: data)
        else { return nil }
        let document = JSONValue(foundation: parsed)
        let schemas = document["components"]?["schemas"]?.objectValue ?? [:]
        var bodies: [String: JSONValue] = [:]
        for (path, item) in document["paths"]?.objectValue ?? [:] {
            for (method, operation) in item.objectValue ?? [:] {
                guard let schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] else { continue }
                bodies[Self.shapeKey(method: method.uppercased(), template: path)] = schema
            }
        }
        let validator = OpenAPIValidator(schemas: schemas, bodies: bodies)
        cache.withLock { $0[path] = validator }
        return validator
    }

    /// `METHOD /a/{}/b`: the template with parameter names erased.
    static func shapeKey(method: String, template: String) -> String {
        let segments = template.split(separator: "/").map { $0.hasPrefix("{") ? "{}" : String($0) }
        return method + " /" + segments.joined(separator: "/")
    }

    /// Whether the document describes a JSON body for the route.
    func hasBody(method: String, template: String) -> Bool {
        bodies[Self.shapeKey(method: method, template: template)] != nil
    }

    /// The problems of `body` for the route (empty when valid or when the route has no documented body).
    func validate(method: String, template: String, body: JSONValue) -> [ValidationIssue] {
        guard let schema = bodies[Self.shapeKey(method: method, template: template)] else { return [] }
        var issues: [ValidationIssue] = []
        check(body, against: schema, path: [], issues: &issues, depth: 0)
        return issues
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        var current = schema
        var hops = 0
        while let reference = current["$ref"]?.stringValue, hops < 32 {
            let name = reference.split(separator: "/").last.map(String.init) ?? ""
            current = schemas[name] ?? .object([:])
            hops += 1
        }
        return current
    }

    private func check(_ value: JSONValue, against raw: JSONValue, path: [String], issues: inout [ValidationIssue], depth: Int) {
        guard depth < 40 else { return }
        let schema = resolve(raw)
        if let all = schema["allOf"]?.arrayValue {
            for branch in all { check(value, against: branch, path: path, issues: &issues, depth: depth + 1) }
        }
        for key in ["oneOf", "anyOf"] {
            guard let branches = schema[key]?.arrayValue, !branches.isEmpty else { continue }
            var best: [ValidationIssue]?
            for branch in branches {
                var branchIssues: [ValidationIssue] = []
                check(value, against: branch, path: path, issues: &branchIssues, depth: depth + 1)
                if branchIssues.isEmpty { best = []; break }
                let typeMismatch = branchIssues.count == 1 && branchIssues[0].path == path
                if !typeMismatch, best == nil || branchIssues.count < (best?.count ?? 0) { best = branchIssues }
            }
            if let best { issues += best } else {
                issues.append(ValidationIssue(path: path, code: "BASE_TYPE_BAD_TYPE", message: "Value is of an invalid type."))
            }
        }
        let types = typeNames(schema)
        if !types.isEmpty, !matches(value, types: types, format: schema["format"]?.stringValue) {
            issues.append(typeIssue(value, types: types, path: path))
            return
        }
        switch value {
        case .string(let text):
            let length = text.count
            if let max = schema["maxLength"]?.integerValue, length > max {
                issues.append(ValidationIssue(path: path, code: "BASE_TYPE_MAX_LENGTH", message: "Must be \(max) or fewer in length."))
            }
            if let min = schema["minLength"]?.integerValue, length < min {
                let max = schema["maxLength"]?.integerValue.map(String.init) ?? "∞"
                issues.append(ValidationIssue(
                    path: path, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between \(min) and \(max) in length."))
            }
            if let choices = schema["enum"]?.arrayValue, !choices.contains(value) {
                issues.append(choiceIssue(choices, path: path))
            }
        case .integer(let number):
            if let max = schema["maximum"]?.integerValue, number > max {
                issues.append(ValidationIssue(
                    path: path, code: "NUMBER_TYPE_MAX", message: "int value should be less than or equal to \(max)."))
            }
            if let min = schema["minimum"]?.integerValue, number < min {
                issues.append(ValidationIssue(
                    path: path, code: "NUMBER_TYPE_MIN", message: "int value should be greater than or equal to \(min)."))
            }
            if let choices = schema["enum"]?.arrayValue, !choices.contains(value) {
                issues.append(choiceIssue(choices, path: path))
            }
        case .array(let items):
            if let max = schema["maxItems"]?.integerValue, items.count > max {
                issues.append(ValidationIssue(path: path, code: "BASE_TYPE_MAX_LENGTH", message: "Must be \(max) or fewer in length."))
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    check(item, against: itemSchema, path: path + [String(index)], issues: &issues, depth: depth + 1)
                }
            }
        case .object(let object):
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
                issues.append(ValidationIssue(path: path + [name], code: "BASE_TYPE_REQUIRED", message: "This field is required"))
            }
            for (name, propertySchema) in schema["properties"]?.objectValue ?? [:] {
                guard let propertyValue = object[name] else { continue }
                check(propertyValue, against: propertySchema, path: path + [name], issues: &issues, depth: depth + 1)
            }
        case .null, .bool, .number:
            break
        }
    }

    private func typeNames(_ schema: JSONValue) -> [String] {
        switch schema["type"] {
        case .string(let name)?: [name]
        case .array(let names)?: names.compactMap(\.stringValue)
        default: []
        }
    }

    private func matches(_ value: JSONValue, types: [String], format: String?) -> Bool {
        types.contains { type in
            switch (type, value) {
            case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
                ("string", .string), ("array", .array), ("object", .object):
                true
            case ("string", .integer): format == "snowflake" || format == "int64"
            // Discord coerces numeric strings into integer fields (`NUMBER_TYPE_COERCE` is its error when that
            // fails); permission bit sets such as `default_member_permissions` are documented as strings.
            case ("integer", .string(let text)), ("number", .string(let text)): Self.isIntegerText(text)
            default: false
            }
        }
    }

    /// Whether `text` is an optionally signed run of ASCII digits (what Discord coerces into an integer).
    private static func isIntegerText(_ text: String) -> Bool {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        return !digits.isEmpty && digits.count <= 20 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private func typeIssue(_ value: JSONValue, types: [String], path: [String]) -> ValidationIssue {
        let shown: String = if case .string(let text) = value { text } else { value.text }
        if types.contains("integer") || types.contains("number") {
            return ValidationIssue(path: path, code: "NUMBER_TYPE_COERCE", message: "Value \"\(shown)\" is not int.")
        }
        if types.contains("boolean") {
            return ValidationIssue(path: path, code: "BASE_TYPE_BOOLEAN", message: "Must be either true or false.")
        }
        if types.contains("array") {
            return ValidationIssue(path: path, code: "LIST_TYPE_CONVERT", message: "Only iterables may be used in a ListType")
        }
        if types.contains("object") {
            return ValidationIssue(
                path: path, code: "MODEL_TYPE_CONVERT", message: "Only dictionaries may be used in a ModelType")
        }
        return ValidationIssue(path: path, code: "BASE_TYPE_STRING", message: "Could not interpret \"\(shown)\" as string.")
    }

    private func choiceIssue(_ choices: [JSONValue], path: [String]) -> ValidationIssue {
        ValidationIssue(
            path: path, code: "BASE_TYPE_CHOICES",
            message: "Value must be one of (\(choices.map(\.text).joined(separator: ", "))).")
    }
}
