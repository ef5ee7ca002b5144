/// Text that must not be shown: a token or a database URL with a password. Its description, debug
/// description and mirror are all `<redacted>`; read it with ``revealed``.
public struct SecretText: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret itself. Only pass it to the component that needs it; never log it.
    public let revealed: String

    /// Wraps a secret.
    public init(_ revealed: String) {
        self.revealed = revealed
    }

    /// Always `<redacted>`.
    public var description: String { SecretText.placeholder }
    /// Always `<redacted>`.
    public var debugDescription: String { SecretText.placeholder }
    /// A mirror with no children, so `dump` shows nothing.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The text shown instead of a secret.
    public static let placeholder = "<redacted>"
}
