import ApusHTTP
import Foundation

/// Whether the commands Discord has differ from the commands the bot declares, and how; a pure function of the
/// two lists. See ``CanonicalCommand``'s rules (internal) summarised here: server-owned fields (ids, versions)
/// and Discord-filled defaults are ignored, commands are matched by (type, name) in any order, option and choice
/// order matter.
public struct CommandSyncPlan: Sendable, Hashable {
    /// Commands declared but missing on Discord, e.g. `"/ping"`.
    public var added: [String]
    /// Commands on Discord that are no longer declared (a bulk overwrite deletes them).
    public var removed: [String]
    /// Commands on both sides that differ in meaning.
    public var changed: [String]
    /// Errors reading the declared list (duplicate names; a bulk overwrite would be refused).
    public var problems: [String]

    /// Whether nothing needs writing.
    public var isUpToDate: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Compares the declared `desired` commands with `existing` (Discord's GET answer, as JSON values).
    public init(desired: [ApplicationCommandPayload], existing: [JSONValue]) {
        let wanted = desired.compactMap { CanonicalCommand(Self.json(of: $0), isDesired: true) }
        let have = existing.compactMap { CanonicalCommand($0, isDesired: false) }
        var wantedByKey: [CanonicalCommand.CommandKey: CanonicalCommand] = [:]
        var problems: [String] = []
        for command in wanted {
            if wantedByKey.updateValue(command, forKey: command.key) != nil { problems.append("\(command.key) is declared twice") }
        }
        var haveByKey: [CanonicalCommand.CommandKey: CanonicalCommand] = [:]
        for command in have { haveByKey[command.key] = command }
        added = wantedByKey.keys.filter { haveByKey[$0] == nil }.sorted().map(\.description)
        removed = haveByKey.keys.filter { wantedByKey[$0] == nil }.sorted().map(\.description)
        changed = wantedByKey.compactMap { key, command -> CanonicalCommand.CommandKey? in
            guard let current = haveByKey[key] else { return nil }
            return current.satisfies(command) ? nil : key
        }.sorted().map(\.description)
        if have.count != haveByKey.count { changed.append("(duplicate commands on Discord)") }
        self.problems = problems
    }

    /// The command as the JSON a bulk overwrite sends.
    static func json(of payload: ApplicationCommandPayload) -> JSONValue {
        guard let data = try? JSONEncoder().encode(payload), let value = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return .null }
        return value
    }
}
