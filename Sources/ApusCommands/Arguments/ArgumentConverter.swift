import ApusModel
import ApusText

/// Where a conversion happens: the lookup, the guild of the invocation, and the message's attachments.
struct ConversionScope: Sendable {
    var lookup: any CommandLookup
    var guildID: Snowflake?
}

/// Converts one piece of text to an ``ArgumentValue`` for a ``ParameterKind`` (discord.py's converters).
enum ArgumentConverter {
    /// The words `convert_bool` reads as true.
    static let trueWords: Set<String> = ["true", "t", "yes", "y", "1", "on", "active", "enable", "enabled"]
    /// The words `convert_bool` reads as false.
    static let falseWords: Set<String> = ["false", "f", "no", "n", "0", "off", "inactive", "disable", "disabled"]

    /// `convert_bool`: the true and false word sets, case-insensitive; nil for anything else.
    static func bool(_ text: String) -> Bool? {
        let word = text.lowercased()
        if trueWords.contains(word) { return true }
        if falseWords.contains(word) { return false }
        return nil
    }

    /// Converts `text` for the parameter `name` of kind `kind`.
    static func convert(
        _ text: String, kind: ParameterKind, name: String, scope: ConversionScope
    ) async throws(CommandError) -> ArgumentValue {
        let bad = CommandError.badArgument(parameter: name, expected: kind.expectation, given: text)
        switch kind {
        case .member:
            return .member(try await member(text, name: name, scope: scope))
        case .user:
            if let id = DiscordSyntax.userID(text).map { Snowflake(rawValue: $0) } {
                if let user = await scope.lookup.user(id) { return .user(user) }
                throw bad
            }
            return .user(try await member(text, name: name, scope: scope).user)
        case .channel(let types):
            let channel = try await channel(text, scope: scope, bad: bad)
            if !types.isEmpty && !types.contains(channel.type) {
                throw .badArgument(parameter: name, expected: "a channel of another type", given: text)
            }
            return .channel(channel)
        case .role:
            return .role(try await role(text, scope: scope, bad: bad))
        case .integer(let range):
            guard let number = Int(text), range?.contains(number) ?? true else { throw bad }
            return .integer(number)
        case .number(let range):
            guard let number = Double(text), number.isFinite, range?.contains(number) ?? true else { throw bad }
            return .number(number)
        case .boolean:
            guard let flag = bool(text) else { throw bad }
            return .boolean(flag)
        case .string(let maxLength), .text(let maxLength):
            guard text.count <= maxLength else { throw .inputTooLong(what: "value of `\(name)`", limit: maxLength) }
            return .string(text)
        case .choice(let choices):
            let wanted = text.lowercased()
            guard let choice = choices.first(where: { $0.name.lowercased() == wanted || $0.value.lowercased() == wanted })
            else { throw bad }
            return .string(choice.value)
        case .duration(let parser):
            switch parser.parse(text) {
            case .success(let duration): return .duration(duration)
            case .failure(let failure): throw .invalidDuration(parameter: name, message: failure.message)
            }
        case .attachment, .flags:
            throw bad
        }
    }

    /// A member from a mention, an id, `name#1234`, a username, a global name or a nickname.
    private static func member(_ text: String, name: String, scope: ConversionScope) async throws(CommandError) -> CommandMember {
        let bad = CommandError.badArgument(parameter: name, expected: "a member of this server (mention, id or name)", given: text)
        guard let guildID = scope.guildID else { throw .checkFailed(.guildOnly) }
        if let id = DiscordSyntax.userID(text).map { Snowflake(rawValue: $0) } {
            guard let member = await scope.lookup.member(id, in: guildID) else { throw bad }
            return member
        }
        let candidates = await scope.lookup.members(named: text, in: guildID)
        if let hash = text.lastIndex(of: "#") {
            let username = text[..<hash]
            let discriminator = text[text.index(after: hash)...]
            if discriminator.count == 4, discriminator.allSatisfy(\.isASCII), discriminator.allSatisfy(\.isNumber) {
                let found = candidates.filter { $0.user.username == username && $0.user.discriminator == discriminator }
                if let only = found.first, found.count == 1 { return only }
            }
        }
        let selectors: [@Sendable (CommandMember) -> String?] = [{ $0.user.username }, { $0.user.globalName }, { $0.nick }]
        for caseSensitive in [true, false] {
            for selector in selectors {
                let found = candidates.filter { member in
                    guard let value = selector(member) else { return false }
                    return caseSensitive ? value == text : value.lowercased() == text.lowercased()
                }
                if found.count == 1, let only = found.first { return only }
                if found.count > 1 {
                    throw .badArgument(parameter: name, expected: "a unique member; \(found.count) match, use a mention or an id", given: text)
                }
            }
        }
        throw bad
    }

    private static func channel(_ text: String, scope: ConversionScope, bad: CommandError) async throws(CommandError) -> CommandChannel {
        if let id = DiscordSyntax.channelID(text).map { Snowflake(rawValue: $0) } {
            guard let channel = await scope.lookup.channel(id),
                  channel.guildID == nil || channel.guildID == scope.guildID
            else { throw bad }
            return channel
        }
        guard let guildID = scope.guildID else { throw bad }
        let wanted = (text.hasPrefix("#") ? String(text.dropFirst()) : text).lowercased()
        let channels = await scope.lookup.channels(in: guildID)
        guard let channel = channels.first(where: { $0.name?.lowercased() == wanted }) else { throw bad }
        return channel
    }

    private static func role(_ text: String, scope: ConversionScope, bad: CommandError) async throws(CommandError) -> CommandRole {
        guard let guildID = scope.guildID else { throw .checkFailed(.guildOnly) }
        guard let guild = await scope.lookup.guild(guildID) else { throw bad }
        if let id = DiscordSyntax.roleID(text).map { Snowflake(rawValue: $0) } {
            guard let role = guild.role(id) else { throw bad }
            return role
        }
        if let role = guild.roles.first(where: { $0.name == text }) { return role }
        if let role = guild.roles.first(where: { $0.name.lowercased() == text.lowercased() }) { return role }
        throw bad
    }
}
