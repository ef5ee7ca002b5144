import Foundation

/// The raw JSON templates (resource files under `Resources/templates/`) the world fills in to build payloads.
///
/// Each template carries every key Discord really sends for that object, with neutral default values; the world
/// overwrites the identity fields (ids, names, roles…). Templates are kept as text (which is `Sendable`) and parsed
/// with `JSONSerialization` on use, so no client model is ever involved.
struct JSONTemplates: Sendable {
    /// The template names the world uses.
    static let names = [
        "user", "member", "role", "channel", "voice_channel", "dm_channel", "guild", "guild_create_extra", "presence",
        "message", "attachment", "application", "application_command",
    ]

    private let texts: [String: String]

    /// Loads every template from the module bundle; a missing or unreadable file becomes `{}` (the world still sets
    /// every identity field, so payloads stay usable).
    static func load() -> JSONTemplates {
        var texts: [String: String] = [:]
        for name in names {
            let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/templates")
                ?? Bundle.module.url(forResource: name, withExtension: "json")
            if let url, let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) {
                texts[name] = text
            }
        }
        return JSONTemplates(texts: texts)
    }

    /// Whether the template `name` was found.
    func has(_ name: String) -> Bool { texts[name] != nil }

    /// A fresh mutable copy of template `name` (an empty object if it is missing or not an object).
    func object(_ name: String) -> [String: Any] {
        guard let text = texts[name], let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }
}

/// Turns JSON objects into text with `JSONSerialization`.
enum JSONText {
    /// The compact JSON text of `object` (`{}` if it cannot be serialized).
    static func string(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes, .sortedKeys])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses `bytes` as a JSON value, or nil.
    static func parse(_ bytes: [UInt8]) -> Any? {
        guard !bytes.isEmpty else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }
}
