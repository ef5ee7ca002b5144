/// The body of `POST /interactions/{id}/{token}/callback`.
public enum InteractionResponse: Encodable, Sendable, Hashable {
    /// Type 1: answers a ping (HTTP interactions only).
    case pong
    /// Type 4: replies with a message (set `flags: 64` for an ephemeral reply).
    case reply(MessageCreatePayload)
    /// Type 5: acknowledges now and replies later ("Bot is thinking…"); `ephemeral` hides the later reply.
    case deferReply(ephemeral: Bool)
    /// Type 6: acknowledges a component interaction without a visible change.
    case deferUpdate
    /// Type 7: edits the message the component is attached to.
    case update(MessageEditPayload)
    /// Type 8: autocomplete suggestions (`name`/`value` choice objects).
    case autocompleteResult(choices: [JSONValue])
    /// Type 9: shows a modal with a custom id, a title and its component rows.
    case modal(customID: String, title: String, components: [JSONValue])

    /// The callback type number.
    public var type: Int {
        switch self {
        case .pong: 1
        case .reply: 4
        case .deferReply: 5
        case .deferUpdate: 6
        case .update: 7
        case .autocompleteResult: 8
        case .modal: 9
        }
    }

    private enum CodingKeys: String, CodingKey {
        case type, data
    }

    private enum ModalKeys: String, CodingKey {
        case customID = "custom_id"
        case title, components
    }

    private struct Choices: Encodable {
        var choices: [JSONValue]
    }

    private struct Flags: Encodable {
        var flags: Int
    }

    /// Encodes the payload with Discord's snake_case keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .pong, .deferUpdate:
            break
        case .reply(let message):
            try container.encode(message, forKey: .data)
        case .deferReply(let ephemeral):
            if ephemeral { try container.encode(Flags(flags: 64), forKey: .data) }
        case .update(let edit):
            try container.encode(edit, forKey: .data)
        case .autocompleteResult(let choices):
            try container.encode(Choices(choices: choices), forKey: .data)
        case .modal(let customID, let title, let components):
            var data = container.nestedContainer(keyedBy: ModalKeys.self, forKey: .data)
            try data.encode(customID, forKey: .customID)
            try data.encode(title, forKey: .title)
            try data.encode(components, forKey: .components)
        }
    }
}
