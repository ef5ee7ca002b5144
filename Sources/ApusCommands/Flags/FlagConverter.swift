/// The conversion half of flag parsing: turns occurrences (text from a prefix message, or already-typed values from
/// slash options) into ``ParsedFlags``, applying repetition rules, defaults, required flags and the set's validation.
enum FlagConverter {
    /// A flag value before conversion.
    enum RawValue: Sendable {
        /// Text to convert (prefix messages, string options).
        case text(String)
        /// A value already typed by Discord (slash options).
        case converted(ArgumentValue)
    }

    /// Converts the positional value and occurrences of `set`.
    static func convert(
        positional: RawValue?, occurrences: [(flag: String, value: RawValue)], set: FlagSet, scope: ConversionScope
    ) async throws(CommandError) -> ParsedFlags {
        var parsed = ParsedFlags()
        if let definition = set.positional, let positional {
            parsed.append(try await value(positional, definition: definition, scope: scope), to: definition.name)
        }
        for occurrence in occurrences {
            guard let definition = set.flag(named: occurrence.flag) else { throw .unknownFlag(set.prefix + occurrence.flag) }
            let converted = try await value(occurrence.value, definition: definition, scope: scope)
            switch definition.repetition {
            case .single:
                if parsed.contains(definition.name) { throw .tooManyFlagValues(flag: definition.name) }
                parsed.append(converted, to: definition.name)
            case .lastWins:
                parsed.replace(definition.name, with: converted)
            case .list:
                parsed.append(converted, to: definition.name)
            }
        }
        for definition in [set.positional].compactMap({ $0 }) + set.flags where !parsed.contains(definition.name) {
            if definition.isRequired { throw .missingFlag(flag: definition.name) }
            if let defaultValue = definition.defaultValue { parsed.append(defaultValue, to: definition.name) }
        }
        if let validate = set.validate, let message = validate(parsed) {
            throw .invalidFlags(message: message)
        }
        return parsed
    }

    private static func value(_ raw: RawValue, definition: FlagDefinition, scope: ConversionScope) async throws(CommandError) -> ArgumentValue {
        switch raw {
        case .converted(let value):
            return value
        case .text(let text):
            return try await ArgumentConverter.convert(text, kind: definition.kind, name: definition.name, scope: scope)
        }
    }
}
