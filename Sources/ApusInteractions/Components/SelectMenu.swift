import ApusHTTP

/// One choice of a string select.
public struct SelectOption: Sendable, Hashable {
    /// What the user sees (up to 80 characters).
    public var label: String
    /// What the bot receives (up to 100 characters).
    public var value: String
    /// A second line (up to 100 characters).
    public var description: String?
    /// Selected by default.
    public var isDefault: Bool

    /// Creates an option.
    public init(label: String, value: String, description: String? = nil, isDefault: Bool = false) {
        self.label = label
        self.value = value
        self.description = description
        self.isDefault = isDefault
    }
}

/// A select menu: fixed strings, or users, roles, mentionables or channels picked by Discord's own list.
public struct SelectMenu: Sendable, Hashable {
    /// What the menu offers.
    public enum Kind: Sendable, Hashable {
        /// Component type 3: the given options.
        case string([SelectOption])
        /// Component type 5: guild members or users.
        case user
        /// Component type 6: roles.
        case role
        /// Component type 7: users and roles.
        case mentionable
        /// Component type 8: channels, optionally only of the given channel types.
        case channel(types: [Int]?)

        /// The component type number.
        public var componentType: Int {
            switch self {
            case .string: 3
            case .user: 5
            case .role: 6
            case .mentionable: 7
            case .channel: 8
            }
        }
    }

    /// What the menu offers.
    public var kind: Kind
    /// The custom id.
    public var customID: String
    /// Text shown when nothing is chosen (up to 150 characters).
    public var placeholder: String?
    /// Fewest choices (0-25).
    public var minValues: Int
    /// Most choices (1-25).
    public var maxValues: Int
    /// Greyed out.
    public var disabled: Bool

    /// Creates a select menu.
    public init(
        _ kind: Kind, customID: String, placeholder: String? = nil, minValues: Int = 1, maxValues: Int = 1,
        disabled: Bool = false
    ) {
        self.kind = kind
        self.customID = customID
        self.placeholder = placeholder
        self.minValues = minValues
        self.maxValues = maxValues
        self.disabled = disabled
    }

    /// The component JSON; throws when a limit is broken.
    public func json() throws(ComponentBuildError) -> JSONValue {
        try ComponentLimits.check(customID: customID)
        try ComponentLimits.check(placeholder, field: "placeholder", limit: ComponentLimits.placeholderLength)
        guard (0...ComponentLimits.selectOptions).contains(minValues), (1...ComponentLimits.selectOptions).contains(maxValues),
            minValues <= maxValues
        else { throw .invalidSelect("min_values \(minValues) and max_values \(maxValues) must satisfy 0 ≤ min ≤ max ≤ 25, max ≥ 1") }
        var object: [String: JSONValue] = [
            "type": .number(Double(kind.componentType)), "custom_id": .string(customID),
            "min_values": .number(Double(minValues)), "max_values": .number(Double(maxValues)),
        ]
        switch kind {
        case .string(let options):
            guard (1...ComponentLimits.selectOptions).contains(options.count) else {
                throw .invalidSelect("A string select needs 1-25 options, got \(options.count)")
            }
            guard maxValues <= options.count else {
                throw .invalidSelect("max_values \(maxValues) exceeds the \(options.count) options")
            }
            var values = Set<String>()
            var rendered: [JSONValue] = []
            for option in options {
                try ComponentLimits.check(option.label, field: "option label", limit: ComponentLimits.labelLength)
                try ComponentLimits.check(option.value, field: "option value", limit: ComponentLimits.customIDLength)
                try ComponentLimits.check(option.description, field: "option description", limit: 100)
                guard values.insert(option.value).inserted else { throw .invalidSelect("Option value \"\(option.value)\" is repeated") }
                var item: [String: JSONValue] = ["label": .string(option.label), "value": .string(option.value)]
                if let description = option.description { item["description"] = .string(description) }
                if option.isDefault { item["default"] = true }
                rendered.append(.object(item))
            }
            object["options"] = .array(rendered)
        case .channel(let types):
            if let types { object["channel_types"] = .array(types.map { .number(Double($0)) }) }
        case .user, .role, .mentionable:
            break
        }
        if let placeholder { object["placeholder"] = .string(placeholder) }
        if disabled { object["disabled"] = true }
        return .object(object)
    }
}
