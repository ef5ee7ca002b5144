import ApusHTTP

/// A button's colour and behaviour.
public enum ButtonStyle: Int, Sendable, Hashable {
    /// Blurple.
    case primary = 1
    /// Grey.
    case secondary = 2
    /// Green.
    case success = 3
    /// Red.
    case danger = 4
    /// Opens a URL; has no custom id and sends no interaction.
    case link = 5
}

/// A button in an action row.
public struct Button: Sendable, Hashable {
    /// The style.
    public var style: ButtonStyle
    /// The text on the button (up to 80 characters).
    public var label: String?
    /// The custom id (interactive styles only).
    public var customID: String?
    /// The URL (link style only).
    public var url: String?
    /// A unicode emoji shown before the label.
    public var emoji: String?
    /// Greyed out.
    public var disabled: Bool

    /// An interactive button whose clicks arrive with `customID`.
    public init(customID: String, label: String, style: ButtonStyle = .primary, emoji: String? = nil, disabled: Bool = false) {
        self.style = style
        self.label = label
        self.customID = customID
        self.url = nil
        self.emoji = emoji
        self.disabled = disabled
    }

    /// A link button.
    public static func link(url: String, label: String, disabled: Bool = false) -> Button {
        var button = Button(customID: "", label: label, style: .link, disabled: disabled)
        button.customID = nil
        button.url = url
        return button
    }

    /// The component JSON; throws when a limit is broken.
    public func json() throws(ComponentBuildError) -> JSONValue {
        try ComponentLimits.check(label, field: "label", limit: ComponentLimits.labelLength)
        var object: [String: JSONValue] = ["type": 2, "style": .number(Double(style.rawValue))]
        if style == .link {
            guard let url, !url.isEmpty, customID == nil else {
                throw .buttonTarget("A link button needs a URL and no custom id")
            }
            object["url"] = .string(url)
        } else {
            guard let customID, url == nil else { throw .buttonTarget("A non-link button needs a custom id and no URL") }
            try ComponentLimits.check(customID: customID)
            object["custom_id"] = .string(customID)
        }
        if let label { object["label"] = .string(label) }
        if let emoji { object["emoji"] = ["name": .string(emoji)] }
        if disabled { object["disabled"] = true }
        return .object(object)
    }
}
