import ApusText

extension DurationParser {
    /// Wraps one of ApusText's grammars.
    public init(grammar: DurationGrammar, expectation: String) {
        self.init(name: expectation) { text in
            do throws(DurationParseError) {
                return .success(try grammar.parse(text))
            } catch {
                return .failure(DurationParserFailure(error.description))
            }
        }
    }

    /// `timeout`'s grammar: one number and one unit (`60s`, `1w`).
    public static let singleUnit = DurationParser(
        grammar: .singleUnit, expectation: "a duration like `10m` (one number and one of s, m, h, d, w)"
    )

    /// `tempban`'s grammar: summed number-unit pairs (`1h30m`, `1.5h`).
    public static let summedUnits = DurationParser(
        grammar: .summedUnits, expectation: "a duration like `1h30m` (digits followed by s, m, h or d)"
    )

    /// `remindme`'s grammar: compact number-unit pairs (`2w3d`, `1h30m`).
    public static let compactUnits = DurationParser(
        grammar: .compactUnits, expectation: "a duration like `2w3d` (digits followed by s, m, h, d or w)"
    )
}
