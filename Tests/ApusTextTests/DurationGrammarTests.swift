import ApusText
import Testing

@Suite("Duration grammars (§4.1, §4.2 vectors)")
struct DurationGrammarTests {
    @Test("singleUnit: parse_time_string vectors", arguments: [
        ("60s", 60), ("1w", 604_800), ("01m", 60), ("5h", 18_000), ("2d", 172_800), ("0s", 0), ("7s\n", 7),
    ])
    func singleUnitVectors(input: String, seconds: Int64) throws {
        #expect(try DurationGrammar.singleUnit.parse(input) == .seconds(seconds))
    }

    @Test("singleUnit rejects multi-unit and malformed input with the original message")
    func singleUnitErrors() {
        #expect(throws: DurationParseError(grammar: .singleUnit, input: "1h30m",
                                           description: "Invalid time format: '1h30m'")) {
            try DurationGrammar.singleUnit.parse("1h30m")
        }
        for bad in ["", "s", "10", "1H", "1 h", " 1h", "1x", "-1s", "1.5h", "99999999999999999999999w"] {
            #expect(throws: DurationParseError.self) { try DurationGrammar.singleUnit.parse(bad) }
        }
    }

    @Test("summedUnits: TimeConverter vectors", arguments: [
        ("1h30m", 5_400.0), ("1.5h", 5_400.0), ("1,5h", 5_400.0), ("1H", 3_600.0), ("123456s", 123_456.0),
        ("1h30xyz", 3_600.0), ("2D", 172_800.0), ("12345678901s", 2_345_678_901.0),
        ("1.5.5h", 19_800.0), ("123456.5h", 84_443_400.0), ("abc 2m, 3s", 123.0),
    ])
    func summedUnitsVectors(input: String, seconds: Double) throws {
        #expect(try DurationGrammar.summedUnits.parse(input) == .seconds(seconds))
    }

    @Test("summedUnits errors carry TimeConverter's message", arguments: ["1w", "10", "", "abc", "h"])
    func summedUnitsErrors(input: String) {
        #expect(throws: DurationParseError(
            grammar: .summedUnits, input: input,
            description: "Invalid time format. Use digits followed by s, m, h, or d (e.g., '1h30m').")) {
            try DurationGrammar.summedUnits.parse(input)
        }
    }

    @Test("compactUnits: convert_to_seconds positive vectors", arguments: [
        ("1h30m", 5_400), ("1d", 86_400), ("2w3d", 1_468_800), ("1h1h", 7_200), ("1H2m", 3_720), ("1W", 604_800),
        ("1D", 86_400),
    ])
    func compactUnitsVectors(input: String, seconds: Int64) throws {
        #expect(try DurationGrammar.compactUnits.parse(input) == .seconds(seconds))
    }

    @Test("compactUnits: where the original returned 0, Apus throws", arguments: [
        "90", "1mo", "1 h", "", "0m", "1M", "10s5", "h", "1h0m",
    ])
    func compactUnitsZeroCasesThrow(input: String) throws {
        let error = try #require(throws: DurationParseError.self) { try DurationGrammar.compactUnits.parse(input) }
        #expect(error.grammar == .compactUnits)
        #expect(error.input == input)
        #expect(error.description.hasPrefix("Invalid time format"))
    }

    @Test("huge numbers are a typed error, not a crash")
    func overflow() {
        for grammar in DurationGrammar.allCases {
            #expect(throws: DurationParseError.self) { try grammar.parse("99999999999999999999999999w") }
        }
    }

    @Test("seconds_to_human_readable vectors", arguments: [
        (61, "1 minute, 1 second"), (2_678_405, "1 month, 1 day, 5 seconds"), (0, "zero seconds"),
        (1, "1 second"), (7_200, "2 hours"), (694_861, "1 week, 1 day, 1 hour, 1 minute, 1 second"),
    ])
    func humanReadable(seconds: Int, text: String) {
        #expect(HumanDuration.describe(seconds: seconds) == text)
    }
}
