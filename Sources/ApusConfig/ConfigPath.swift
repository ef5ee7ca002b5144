/// A path to a value in a configuration tree, such as `levels.roles[2].level`.
///
/// Bare keys are rendered as they are; keys with other characters are quoted, as TOML would write them.
public struct ConfigPath: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// One step of a path: a table key or an array index.
    public enum Component: Hashable, Sendable {
        /// A key in a table.
        case key(String)
        /// A zero-based position in an array.
        case index(Int)
    }

    /// The steps from the root.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Creates a path of table keys only.
    public init(keys: [String]) {
        self.components = keys.map(Component.key)
    }

    /// The root path.
    public static let root = ConfigPath()

    /// The path one step further down a table.
    public func appending(key: String) -> ConfigPath {
        ConfigPath(components + [.key(key)])
    }

    /// The path one step further down an array.
    public func appending(index: Int) -> ConfigPath {
        ConfigPath(components + [.index(index)])
    }

    /// The path as text: `section.key`, `levels.roles[2].level`, `"odd key".x`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += ConfigPath.renderKey(key)
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// Orders paths by their text.
    public static func < (lhs: ConfigPath, rhs: ConfigPath) -> Bool {
        lhs.description < rhs.description
    }

    /// Renders one key: bare when it only has `A-Za-z0-9_-`, quoted otherwise.
    public static func renderKey(_ key: String) -> String {
        let isBare = !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        return isBare ? key : "\"" + ConfigValue.escaped(key) + "\""
    }
}
