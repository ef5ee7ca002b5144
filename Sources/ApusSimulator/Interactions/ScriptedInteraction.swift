/// One option a scripted member fills in (or a modal field: `name` is the field's custom id). The value is text;
/// the simulator converts it to the type the registered command declares (integer, number, boolean, snowflake…).
public struct ScriptedOption: Sendable, Hashable {
    /// The option name (or a modal field's custom id).
    public var name: String
    /// The value as text (`"42"`, `"true"`, a snowflake, or the string itself).
    public var value: String

    /// Creates an option value.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An interaction a scripted member started: already dispatched as INTERACTION_CREATE and registered, so the
/// bot's answers can be inspected with ``SimulatorREST/interactionResponses(id:)``.
public struct ScriptedInteraction: Sendable, Hashable {
    /// The interaction id.
    public var id: UInt64
    /// The interaction token.
    public var token: String
    /// The interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit.
    public var type: Int
    /// The guild (nil in a DM).
    public var guildID: UInt64?
    /// The channel.
    public var channelID: UInt64
    /// The member or user who started it.
    public var userID: UInt64
    /// The INTERACTION_CREATE `d`, as dispatched.
    public var json: String
}

/// Why a scripted member could not start an interaction (the real client would not let them either).
public enum ScriptedInteractionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such guild text channel or DM channel.
    case unknownChannel(UInt64?)
    /// No such user, or the user is not a member of the channel's guild.
    case unknownMember(UInt64?)
    /// No command with that name was registered (bulk overwrite) for the guild or globally.
    case unknownCommand(String)
    /// The sub-command path does not match the registered command (or one is needed).
    case unknownSubcommand([String])
    /// The registered command has no option with that name.
    case unknownOption(String)
    /// A required option was not given.
    case missingOption(String)
    /// The value does not convert to the option's type, or names no such user/role/channel.
    case invalidValue(option: String, value: String, reason: String)
    /// The autocomplete focus is on an option that does not have `autocomplete: true`.
    case notAutocomplete(String)
    /// No such message.
    case unknownMessage(UInt64)
    /// The message was not sent by the bot.
    case notBotMessage(UInt64)
    /// The message has no component with that custom id (or it is disabled).
    case unknownCustomID(String)
    /// Button clicked with values, or a select chosen without valid values.
    case invalidComponentUse(String)
    /// The bot has not opened a modal with that custom id for the user (or it was already submitted).
    case noOpenModal(customID: String, userID: UInt64)
    /// A modal field that the opened modal does not have.
    case unknownField(String)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .unknownChannel(let id): "No channel \(id.map(String.init) ?? "(default)")"
        case .unknownMember(let id): "No member \(id.map(String.init) ?? "(default)") in that place"
        case .unknownCommand(let name): "Command /\(name) is not registered"
        case .unknownSubcommand(let path): "Sub-command path \(path.joined(separator: " ")) does not match the command"
        case .unknownOption(let name): "The command has no option \(name)"
        case .missingOption(let name): "Required option \(name) is missing"
        case .invalidValue(let option, let value, let reason): "Option \(option) = \"\(value)\": \(reason)"
        case .notAutocomplete(let name): "Option \(name) does not autocomplete"
        case .unknownMessage(let id): "No message \(id)"
        case .notBotMessage(let id): "Message \(id) was not sent by the bot"
        case .unknownCustomID(let id): "No active component with custom id \(id) on the message"
        case .invalidComponentUse(let reason): reason
        case .noOpenModal(let customID, let userID): "No open modal \(customID) for user \(userID)"
        case .unknownField(let id): "The modal has no field \(id)"
        }
    }
}
