import ApusHTTP

/// One interactive component of a message row.
public enum MessageComponent: Sendable, Hashable {
    /// A button (up to 5 per row).
    case button(Button)
    /// A select menu (alone in its row).
    case select(SelectMenu)

    /// The custom id, if the component has one.
    public var customID: String? {
        switch self {
        case .button(let button): button.customID
        case .select(let select): select.customID
        }
    }
}

/// A row of components: up to 5 buttons, or one select menu.
public struct ActionRow: Sendable, Hashable {
    /// The row's components.
    public var components: [MessageComponent]

    /// A row of components.
    public init(_ components: [MessageComponent]) { self.components = components }

    /// A row of buttons.
    public init(buttons: [Button]) { self.components = buttons.map(MessageComponent.button) }

    /// A row holding one select menu.
    public init(select: SelectMenu) { self.components = [.select(select)] }
}

/// The components of one message: up to 5 action rows; checked as a whole (limits and unique custom ids).
public struct MessageComponents: Sendable, Hashable {
    /// The rows, top to bottom.
    public var rows: [ActionRow]

    /// Creates the component list.
    public init(_ rows: [ActionRow]) { self.rows = rows }

    /// The `components` array for a message payload; throws the first broken limit.
    public func json() throws(ComponentBuildError) -> [JSONValue] {
        guard rows.count <= ComponentLimits.rows else { throw .tooManyRows(rows.count) }
        var seen = Set<String>()
        var rendered: [JSONValue] = []
        for (index, row) in rows.enumerated() {
            guard !row.components.isEmpty else { throw .emptyRow(row: index) }
            let selects = row.components.filter { if case .select = $0 { true } else { false } }.count
            if selects > 0, row.components.count > 1 { throw .selectNotAlone(row: index) }
            if selects == 0, row.components.count > ComponentLimits.buttonsPerRow {
                throw .tooManyButtons(row: index, count: row.components.count)
            }
            var items: [JSONValue] = []
            for component in row.components {
                if let customID = component.customID {
                    guard seen.insert(customID).inserted else { throw .duplicateCustomID(customID) }
                }
                switch component {
                case .button(let button): items.append(try button.json())
                case .select(let select): items.append(try select.json())
                }
            }
            rendered.append(["type": 1, "components": .array(items)])
        }
        return rendered
    }
}
