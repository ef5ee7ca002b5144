/// The type of a message component. Unknown values are kept as ``unknown(_:)``.
public enum ComponentType: IntegerCodedEnum, Sendable {
    /// Wire value 1.
    case actionRow
    /// Wire value 2.
    case button
    /// Wire value 3.
    case stringSelect
    /// Wire value 4.
    case textInput
    /// Wire value 5.
    case userSelect
    /// Wire value 6.
    case roleSelect
    /// Wire value 7.
    case mentionableSelect
    /// Wire value 8.
    case channelSelect
    /// Wire value 9.
    case section
    /// Wire value 10.
    case textDisplay
    /// Wire value 11.
    case thumbnail
    /// Wire value 12.
    case mediaGallery
    /// Wire value 13.
    case file
    /// Wire value 14.
    case separator
    /// Wire value 17.
    case container
    /// Wire value 18.
    case label
    /// A value this version does not know.
    case unknown(Int)

    /// Maps a wire value.
    public init(rawValue: Int) {
        switch rawValue {
        case 1: self = .actionRow
        case 2: self = .button
        case 3: self = .stringSelect
        case 4: self = .textInput
        case 5: self = .userSelect
        case 6: self = .roleSelect
        case 7: self = .mentionableSelect
        case 8: self = .channelSelect
        case 9: self = .section
        case 10: self = .textDisplay
        case 11: self = .thumbnail
        case 12: self = .mediaGallery
        case 13: self = .file
        case 14: self = .separator
        case 17: self = .container
        case 18: self = .label
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: Int {
        switch self {
        case .actionRow: 1
        case .button: 2
        case .stringSelect: 3
        case .textInput: 4
        case .userSelect: 5
        case .roleSelect: 6
        case .mentionableSelect: 7
        case .channelSelect: 8
        case .section: 9
        case .textDisplay: 10
        case .thumbnail: 11
        case .mediaGallery: 12
        case .file: 13
        case .separator: 14
        case .container: 17
        case .label: 18
        case .unknown(let value): value
        }
    }
}
