/// Checks command definitions against Discord's limits and the prefix router's needs.
enum DefinitionValidator {
    /// Validates every command, its subcommands and parameters.
    static func validate(_ commands: [Command]) throws(CommandDefinitionError) {
        try checkUnique(commands, path: "(top level)")
        for command in commands { try validate(command, path: command.name, depth: 1) }
        let slashCount = commands.filter { $0.availability.allowsSlash }.count
        if slashCount > 100 { throw .tooManyCommands(count: slashCount) }
    }

    /// Whether `name` matches `^[-_\p{L}\p{N}]{1,32}$` and is lower case.
    static func isValidSlashName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard (1...32).contains(scalars.count), name == name.lowercased() else { return false }
        return scalars.allSatisfy { scalar in
            if scalar == "-" || scalar == "_" { return true }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
    }

    private static func validate(_ command: Command, path: String, depth: Int) throws(CommandDefinitionError) {
        let slash = command.availability.allowsSlash
        for name in [command.name] + command.aliases {
            if name.isEmpty || name.contains(where: \.isWhitespace) { throw .invalidName(path: path, name: name) }
        }
        if slash {
            if !isValidSlashName(command.name) { throw .invalidName(path: path, name: command.name) }
            try checkDescription(command.description, path: path)
        }
        if command.isGroup {
            if !command.parameters.isEmpty { throw .groupWithParameters(path: path) }
            if depth >= 3 { throw .nestingTooDeep(path: path) }
            if command.subcommands.count > 25 { throw .tooManyOptions(path: path, count: command.subcommands.count) }
            try checkUnique(command.subcommands, path: path)
            for sub in command.subcommands {
                if sub.isGroup && depth >= 2 { throw .nestingTooDeep(path: path + " " + sub.name) }
                try validate(sub, path: path + " " + sub.name, depth: depth + 1)
            }
            return
        }
        for (index, parameter) in command.parameters.enumerated() {
            switch parameter.kind {
            case .text, .flags:
                if index != command.parameters.count - 1 { throw .restParameterNotLast(path: path, parameter: parameter.name) }
            default: break
            }
        }
        guard slash else { return }
        let options = SlashOptionFlattener.options(of: command)
        if options.count > 25 { throw .tooManyOptions(path: path, count: options.count) }
        var seen: Set<String> = []
        for option in options {
            if !isValidSlashName(option.name) { throw .invalidName(path: path, name: option.name) }
            if !seen.insert(option.name).inserted { throw .duplicateName(path: path, name: option.name) }
            try checkDescription(option.description, path: path + " " + option.name)
            try checkKind(option.kind, name: option.name, path: path)
            if option.autocompletes {
                switch option.kind {
                case .string, .text, .integer, .number, .duration: break
                case .choice:
                    throw .invalidChoices(path: path, detail: "'\(option.name)' cannot both autocomplete and have fixed choices")
                default:
                    throw .invalidChoices(path: path, detail: "'\(option.name)': only text and number options can autocomplete")
                }
            }
        }
    }

    private static func checkKind(_ kind: ParameterKind, name: String, path: String) throws(CommandDefinitionError) {
        switch kind {
        case .choice(let choices):
            if choices.isEmpty || choices.count > 25 {
                throw .invalidChoices(path: path, detail: "'\(name)' has \(choices.count) choices (1-25 allowed)")
            }
            for choice in choices where !(1...100).contains(choice.name.count) || !(1...100).contains(choice.value.count) {
                throw .invalidChoices(path: path, detail: "'\(name)': choice '\(choice.name)' must have a name and value of 1-100 characters")
            }
        case .string(let maxLength), .text(let maxLength):
            if !(1...6000).contains(maxLength) { throw .invalidLimit(path: path, parameter: name) }
        default:
            break
        }
    }

    private static func checkDescription(_ description: String, path: String) throws(CommandDefinitionError) {
        if !(1...100).contains(description.count) { throw .invalidDescription(path: path, length: description.count) }
    }

    private static func checkUnique(_ commands: [Command], path: String) throws(CommandDefinitionError) {
        var seen: Set<String> = []
        for command in commands {
            for name in [command.name] + command.aliases where !seen.insert(name.lowercased()).inserted {
                throw .duplicateName(path: path, name: name)
            }
        }
    }
}
