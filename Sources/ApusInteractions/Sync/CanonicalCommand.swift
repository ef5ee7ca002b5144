import ApusHTTP

/// An application command reduced to what changes its behaviour, so that what Apus wants and what Discord returns
/// compare equal when they mean the same thing.
///
/// Decisions (Discord's own defaults and echo behaviour):
/// - ignored: `id`, `application_id`, `guild_id`, `version`, `dm_permission` (legacy), `handler`, and any key not
///   listed below (Discord adds server-owned fields over time);
/// - defaults made explicit: `type` 1, `description` "" , `options` [], `nsfw` false, `required` false,
///   `autocomplete` false, `default_member_permissions` null, localizations {} (absent, null and empty are equal);
/// - `contexts` and `integration_types` left out of the desired command compare equal to null, absent, or the
///   values Discord fills in (`[0, 1, 2]` and `[0]`); when given, they compare as sets;
/// - `channel_types` compare as sets (Discord treats them as a filter);
/// - option order and choice order are significant (Discord shows them in that order), but commands compare
///   by (type, name), whatever their order in the list.
struct CanonicalCommand: Hashable {
    let key: CommandKey
    let value: JSONValue

    /// The identity of a command in a bulk overwrite: one command per (type, name).
    struct CommandKey: Hashable, Comparable, CustomStringConvertible {
        var type: Int
        var name: String

        static func < (lhs: CommandKey, rhs: CommandKey) -> Bool { (lhs.type, lhs.name) < (rhs.type, rhs.name) }
        var description: String { type == 1 ? "/\(name)" : "\(name) (type \(type))" }
    }

    /// The canonical form of a command JSON object; `isDesired` applies the "left out means default" rules for
    /// contexts and integration types.
    init?(_ json: JSONValue, isDesired: Bool) {
        guard case .object(let object) = json, case .string(let name)? = object["name"] else { return nil }
        let type = Self.int(object["type"]) ?? 1
        key = CommandKey(type: type, name: name)
        var canonical: [String: JSONValue] = [
            "type": .number(Double(type)), "name": .string(name),
            "description": .string(Self.string(object["description"]) ?? ""),
            "options": .array(Self.options(object["options"])),
            "nsfw": .bool(Self.bool(object["nsfw"]) ?? false),
            "default_member_permissions": Self.permissions(object["default_member_permissions"]),
            "name_localizations": Self.localizations(object["name_localizations"]),
            "description_localizations": Self.localizations(object["description_localizations"]),
        ]
        canonical["contexts"] = Self.intSet(object["contexts"], defaultWhenAbsent: isDesired ? nil : [0, 1, 2])
        canonical["integration_types"] = Self.intSet(object["integration_types"], defaultWhenAbsent: isDesired ? nil : [0])
        value = .object(canonical)
    }

    /// Whether `self` (what Discord has) satisfies `desired`.
    func satisfies(_ desired: CanonicalCommand) -> Bool {
        guard case .object(var mine) = value, case .object(var wanted) = desired.value else { return false }
        for key in ["contexts", "integration_types"] {
            // Left out of the desired command: Discord's default or whatever is stored is acceptable only if it is
            // the default Discord would fill in again.
            if wanted[key] == nil || wanted[key] == .null {
                let defaults: JSONValue = key == "contexts" ? [0, 1, 2] : [0]
                if mine[key] == nil || mine[key] == .null || mine[key] == defaults { mine[key] = nil; wanted[key] = nil }
            }
        }
        return mine == wanted
    }

    private static func options(_ value: JSONValue?) -> [JSONValue] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { item -> JSONValue? in
            guard case .object(let object) = item else { return nil }
            var option: [String: JSONValue] = [
                "type": .number(Double(int(object["type"]) ?? 3)),
                "name": string(object["name"]).map(JSONValue.string) ?? .null,
                "description": string(object["description"]).map(JSONValue.string) ?? "",
                "required": .bool(bool(object["required"]) ?? false),
                "autocomplete": .bool(bool(object["autocomplete"]) ?? false),
                "options": .array(options(object["options"])),
                "choices": .array(choices(object["choices"])),
                "channel_types": intSet(object["channel_types"], defaultWhenAbsent: []) ?? [],
                "name_localizations": localizations(object["name_localizations"]),
                "description_localizations": localizations(object["description_localizations"]),
            ]
            for key in ["min_value", "max_value", "min_length", "max_length"] {
                if case .number(let number)? = object[key] { option[key] = .number(number) }
            }
            return .object(option)
        }
    }

    private static func choices(_ value: JSONValue?) -> [JSONValue] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { item -> JSONValue? in
            guard case .object(let object) = item else { return nil }
            return [
                "name": object["name"] ?? .null, "value": object["value"] ?? .null,
                "name_localizations": localizations(object["name_localizations"]),
            ]
        }
    }

    private static func int(_ value: JSONValue?) -> Int? {
        if case .number(let number)? = value, number.rounded() == number, abs(number) < 1e15 { return Int(number) }
        return nil
    }

    private static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    private static func bool(_ value: JSONValue?) -> Bool? {
        if case .bool(let flag)? = value { return flag }
        return nil
    }

    /// Permissions as a decimal string (Discord echoes strings; a number is accepted too), null when absent.
    private static func permissions(_ value: JSONValue?) -> JSONValue {
        switch value {
        case .string(let text)?: .string(UInt64(text).map(String.init) ?? text)
        case .number(let number)? where number >= 0 && number < 1.8e19: .string(String(UInt64(number)))
        default: .null
        }
    }

    private static func localizations(_ value: JSONValue?) -> JSONValue {
        if case .object(let object)? = value { return .object(object) }
        return .object([:])
    }

    /// A sorted, de-duplicated integer list; `defaultWhenAbsent` replaces null/absent (nil keeps it absent).
    private static func intSet(_ value: JSONValue?, defaultWhenAbsent: [Int]?) -> JSONValue? {
        guard case .array(let items)? = value else { return defaultWhenAbsent.map { .array($0.map { .number(Double($0)) }) } }
        let numbers = Set(items.compactMap { int($0) }).sorted()
        return .array(numbers.map { .number(Double($0)) })
    }
}
