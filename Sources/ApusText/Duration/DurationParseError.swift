/// A duration that a ``DurationGrammar`` could not parse.
///
/// ``description`` is written for the person who typed the command and can be sent to chat as it is.
public struct DurationParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The grammar that rejected the input.
    public var grammar: DurationGrammar
    /// The text as the user gave it.
    public var input: String
    /// The user-facing explanation (for ``DurationGrammar/summedUnits`` the original `TimeConverter` message).
    public var description: String

    /// Creates an error for `input` rejected by `grammar`, with a user-facing `description`.
    public init(grammar: DurationGrammar, input: String, description: String) {
        self.grammar = grammar
        self.input = input
        self.description = description
    }
}
