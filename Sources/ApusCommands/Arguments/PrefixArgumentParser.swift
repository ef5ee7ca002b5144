/// Reads a prefix command's parameters from the text after the command name.
///
/// Optional parameters are greedy like discord.py's `Optional[T]`: when a word does not convert, it is left for the
/// next parameter and the default is used.
enum PrefixArgumentParser {
    /// Parses `tokenizer`'s remaining text into `arguments`.
    static func parse(
        _ tokenizer: inout ArgumentTokenizer, command: Command, usage: String, attachments: [CommandAttachment],
        scope: ConversionScope, into arguments: inout ParsedArguments
    ) async throws(CommandError) {
        var unusedAttachments = attachments[...]
        for parameter in command.parameters {
            switch parameter.kind {
            case .attachment:
                if let attachment = unusedAttachments.popFirst() {
                    arguments.set(parameter.name, .attachment(attachment))
                } else {
                    try useDefault(parameter, usage: usage, into: &arguments)
                }
            case .text(let maxLength):
                let text = tokenizer.rest()
                if text.isEmpty {
                    try useDefault(parameter, usage: usage, into: &arguments)
                } else {
                    guard text.count <= maxLength else { throw .inputTooLong(what: "value of `\(parameter.name)`", limit: maxLength) }
                    arguments.set(parameter.name, .string(text))
                }
            case .flags(let set):
                let text = tokenizer.rest()
                let raw = try FlagTokenizer.split(text, set: set, usage: usage)
                let flags = try await FlagConverter.convert(
                    positional: raw.positional.map { .text($0) },
                    occurrences: raw.occurrences.map { ($0.flag, .text($0.value)) }, set: set, scope: scope
                )
                arguments.set(parameter.name, .flags(flags))
            default:
                let saved = tokenizer
                guard let word = try tokenizer.nextWord() else {
                    try useDefault(parameter, usage: usage, into: &arguments)
                    continue
                }
                do {
                    let value = try await ArgumentConverter.convert(word, kind: parameter.kind, name: parameter.name, scope: scope)
                    arguments.set(parameter.name, value)
                } catch {
                    guard !parameter.isRequired, case .badArgument = error else { throw error }
                    tokenizer = saved
                    try useDefault(parameter, usage: usage, into: &arguments)
                }
            }
        }
        if !command.ignoreExtraArguments && !tokenizer.isAtEnd {
            throw .tooManyArguments(usage: usage)
        }
    }

    private static func useDefault(_ parameter: CommandParameter, usage: String, into arguments: inout ParsedArguments) throws(CommandError) {
        if parameter.isRequired { throw .missingArgument(parameter: parameter.name, usage: usage) }
        if let value = parameter.defaultValue { arguments.set(parameter.name, value) }
    }
}
