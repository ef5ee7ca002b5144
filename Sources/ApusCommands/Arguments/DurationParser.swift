/// A named duration grammar used by duration parameters and flags.
///
/// ApusText's grammars are exposed as ``singleUnit``, ``summedUnits`` and ``compactUnits`` (see
/// `DurationParser+ApusText.swift`); tests and plugins may build their own with ``init(name:parse:)``.
public struct DurationParser: Sendable {
    /// What the grammar accepts, shown in "expected …" messages.
    public var expectation: String
    /// Parses text into a duration, or returns a user-facing explanation of why it failed.
    public var parse: @Sendable (String) -> Result<Duration, DurationParserFailure>

    /// Creates a grammar.
    public init(name expectation: String, parse: @escaping @Sendable (String) -> Result<Duration, DurationParserFailure>) {
        self.expectation = expectation
        self.parse = parse
    }
}

/// Why a duration did not parse, as a user-facing sentence.
public struct DurationParserFailure: Error, Sendable, Hashable {
    /// The user-facing explanation.
    public var message: String

    /// Creates a failure.
    public init(_ message: String) { self.message = message }
}
