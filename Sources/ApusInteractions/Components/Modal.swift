import ApusHTTP

/// A text field of a modal.
public struct TextInput: Sendable, Hashable {
    /// One line or several.
    public enum Style: Int, Sendable, Hashable {
        /// One line.
        case short = 1
        /// Several lines.
        case paragraph = 2
    }

    /// The custom id; the submitted value arrives under it.
    public var customID: String
    /// The label above the field (up to 45 characters).
    public var label: String
    /// One line or several.
    public var style: Style
    /// Whether the field must be filled in.
    public var required: Bool
    /// Shortest accepted value (0-4000).
    public var minLength: Int?
    /// Longest accepted value (1-4000).
    public var maxLength: Int?
    /// Pre-filled text.
    public var value: String?
    /// Grey text shown when empty (up to 100 characters).
    public var placeholder: String?

    /// Creates a text field.
    public init(
        customID: String, label: String, style: Style = .short, required: Bool = true, minLength: Int? = nil,
        maxLength: Int? = nil, value: String? = nil, placeholder: String? = nil
    ) {
        self.customID = customID
        self.label = label
        self.style = style
        self.required = required
        self.minLength = minLength
        self.maxLength = maxLength
        self.value = value
        self.placeholder = placeholder
    }

    /// The action row holding this text input.
    public func json() throws(ComponentBuildError) -> JSONValue {
        try ComponentLimits.check(customID: customID)
        try ComponentLimits.check(label, field: "label", limit: ComponentLimits.textInputLabelLength)
        try ComponentLimits.check(value, field: "value", limit: ComponentLimits.textInputValueLength)
        try ComponentLimits.check(placeholder, field: "placeholder", limit: 100)
        let lengths = 0...ComponentLimits.textInputValueLength
        if let minLength, !lengths.contains(minLength) { throw .textTooLong(field: "min_length", length: minLength, limit: 4000) }
        if let maxLength, !(1...ComponentLimits.textInputValueLength).contains(maxLength) {
            throw .textTooLong(field: "max_length", length: maxLength, limit: 4000)
        }
        var object: [String: JSONValue] = [
            "type": 4, "custom_id": .string(customID), "label": .string(label),
            "style": .number(Double(style.rawValue)), "required": .bool(required),
        ]
        if let minLength { object["min_length"] = .number(Double(minLength)) }
        if let maxLength { object["max_length"] = .number(Double(maxLength)) }
        if let value { object["value"] = .string(value) }
        if let placeholder { object["placeholder"] = .string(placeholder) }
        return ["type": 1, "components": [.object(object)]]
    }
}

/// A modal: a title and up to 5 text fields, answered by a modal-submit interaction with the same custom id.
public struct Modal: Sendable, Hashable {
    /// The custom id the submit arrives with (route it with ``ComponentRouter``).
    public var customID: String
    /// The title (up to 45 characters).
    public var title: String
    /// The fields, top to bottom.
    public var inputs: [TextInput]

    /// Creates a modal.
    public init(customID: String, title: String, inputs: [TextInput]) {
        self.customID = customID
        self.title = title
        self.inputs = inputs
    }

    /// The callback body (type 9); throws the first broken limit.
    public func response() throws(ComponentBuildError) -> InteractionResponse {
        try ComponentLimits.check(customID: customID)
        try ComponentLimits.check(title, field: "title", limit: ComponentLimits.modalTitleLength)
        guard (1...ComponentLimits.rows).contains(inputs.count) else { throw .tooManyRows(inputs.count) }
        var seen = Set<String>()
        var rows: [JSONValue] = []
        for input in inputs {
            guard seen.insert(input.customID).inserted else { throw .duplicateCustomID(input.customID) }
            rows.append(try input.json())
        }
        return .modal(customID: customID, title: title, components: rows)
    }
}
