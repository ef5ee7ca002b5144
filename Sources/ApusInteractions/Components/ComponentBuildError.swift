/// Why a component or modal could not be built (Discord would reject it with 400 "Invalid Form Body").
public enum ComponentBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// More than 5 action rows in a message, or more than 5 text inputs in a modal.
    case tooManyRows(Int)
    /// A row is empty.
    case emptyRow(row: Int)
    /// More than 5 buttons in one row.
    case tooManyButtons(row: Int, count: Int)
    /// A select menu shares its row with another component (a select takes a whole row).
    case selectNotAlone(row: Int)
    /// A custom id that is empty or longer than 100 characters.
    case invalidCustomID(String)
    /// The same custom id is used twice in one message or modal.
    case duplicateCustomID(String)
    /// A text too long for its field (`field` names it, e.g. `"label"`).
    case textTooLong(field: String, length: Int, limit: Int)
    /// A link button without a URL, or a non-link button without a custom id (and the reverse).
    case buttonTarget(String)
    /// A select's option list or its min/max values are out of range.
    case invalidSelect(String)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .tooManyRows(let count): "At most 5 rows are allowed, got \(count)"
        case .emptyRow(let row): "Row \(row) has no components"
        case .tooManyButtons(let row, let count): "Row \(row) has \(count) buttons; at most 5 fit in a row"
        case .selectNotAlone(let row): "Row \(row) mixes a select menu with other components"
        case .invalidCustomID(let id): "Custom id \"\(id.prefix(120))\" must be 1-100 characters"
        case .duplicateCustomID(let id): "Custom id \"\(id)\" is used twice"
        case .textTooLong(let field, let length, let limit): "\(field) is \(length) characters; the limit is \(limit)"
        case .buttonTarget(let reason): reason
        case .invalidSelect(let reason): reason
        }
    }
}

/// Discord's component limits.
public enum ComponentLimits {
    /// Action rows per message and text inputs per modal.
    public static let rows = 5
    /// Buttons per action row.
    public static let buttonsPerRow = 5
    /// Custom id length, in characters.
    public static let customIDLength = 100
    /// Button and select-option label length.
    public static let labelLength = 80
    /// Options per string select, and the largest `max_values`.
    public static let selectOptions = 25
    /// Select placeholder length.
    public static let placeholderLength = 150
    /// Modal title length.
    public static let modalTitleLength = 45
    /// Text input label length.
    public static let textInputLabelLength = 45
    /// Text input value length.
    public static let textInputValueLength = 4000

    /// Checks a custom id's length (1-100 characters).
    static func check(customID: String) throws(ComponentBuildError) {
        guard !customID.isEmpty, customID.count <= customIDLength else { throw .invalidCustomID(customID) }
    }

    /// Checks a text's length against `limit`.
    static func check(_ text: String?, field: String, limit: Int) throws(ComponentBuildError) {
        guard let text, text.count > limit else { return }
        throw .textTooLong(field: field, length: text.count, limit: limit)
    }
}
