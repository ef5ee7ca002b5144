/// Where a plugin stands in a running bot, for the `plugins` command, logs and tests.
public struct PluginStatus: Sendable, Hashable {
    /// The plugin's life in this run.
    public enum State: Sendable, Hashable {
        /// Enabled in the configuration and set up.
        case running
        /// Switched off in the configuration (`<name>.enabled = false`).
        case disabled
        /// Its set-up failed (or its declarations clashed with another plugin's); it is skipped for this run.
        case failed(String)
    }

    /// The plugin's name.
    public var name: String
    /// Its state.
    public var state: State
    /// Events, jobs and set-up calls that threw.
    public var failures: Int
    /// The last error, if any.
    public var lastError: String?
    /// Events handled without error.
    public var handledEvents: Int
}

/// Errors in the set of plugins given to a ``PluginHost`` (a programming error, reported before anything runs).
public enum PluginHostError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Two plugins share a name.
    case duplicateName(String)
    /// A plugin's name is not lower-case letters, digits and underscores.
    case invalidName(String)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .duplicateName(let name): "two plugins are named '\(name)'"
        case .invalidName(let name): "plugin name '\(name)' must be lower-case letters, digits and underscores"
        }
    }
}
