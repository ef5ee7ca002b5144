import ApusHTTP
import ApusModel

/// Reads what the user gave from a received interaction: the command path, the focused autocomplete option,
/// select values and modal field values.
public enum InteractionInput {
    /// The command path: the command name followed by any sub-command group and sub-command names
    /// (`["poll", "create"]`); empty when the interaction has no command name.
    public static func commandPath(_ interaction: Interaction) -> [String] {
        guard let name = interaction.data?.name else { return [] }
        var path = [name]
        var options = interaction.data?.options ?? []
        while let nested = options.first, nested.type == .subCommand || nested.type == .subCommandGroup {
            path.append(nested.name)
            options = nested.options ?? []
        }
        return path
    }

    /// The leaf options (below any sub-command and group).
    public static func leafOptions(_ interaction: Interaction) -> [ApplicationCommandInteractionOption] {
        var options = interaction.data?.options ?? []
        while let nested = options.first, nested.type == .subCommand || nested.type == .subCommandGroup {
            options = nested.options ?? []
        }
        return options
    }

    /// The focused option of an autocomplete request and its partial text (numbers as their JSON text).
    public static func focusedOption(_ interaction: Interaction) -> (name: String, text: String)? {
        guard let option = leafOptions(interaction).first(where: { $0.focused == true }) else { return nil }
        return (option.name, option.value.map(text(of:)) ?? "")
    }

    /// A string option's value, or the JSON text of other values; nil when the option is absent.
    public static func optionText(_ interaction: Interaction, _ name: String) -> String? {
        leafOptions(interaction).first { $0.name == name }?.value.map(text(of:))
    }

    /// The values chosen in a select menu (empty for buttons).
    public static func selectValues(_ interaction: Interaction) -> [String] {
        interaction.data?.values ?? []
    }

    /// The submitted modal's field values by custom id (action rows of text inputs, or labels holding one).
    public static func modalFields(_ interaction: Interaction) -> [String: String] {
        guard let raw = interaction.data?.components, let rows = try? JSONValue(raw: raw) else { return [:] }
        var fields: [String: String] = [:]
        func visit(_ value: JSONValue) {
            switch value {
            case .array(let items):
                items.forEach(visit)
            case .object(let object):
                if case .string(let id)? = object["custom_id"] {
                    if case .string(let text)? = object["value"] { fields[id] = text }
                    if case .array(let values)? = object["values"] {
                        fields[id] = values.compactMap { if case .string(let text) = $0 { text } else { nil } }.joined(separator: ",")
                    }
                }
                if let nested = object["components"] { visit(nested) }
                if let nested = object["component"] { visit(nested) }
            default:
                break
            }
        }
        visit(rows)
        return fields
    }

    private static func text(of raw: RawJSON) -> String {
        if case .string(let text)? = try? JSONValue(raw: raw) { return text }
        return raw.string
    }
}
