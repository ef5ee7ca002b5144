#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Loads `apus.toml`: reads the TOML, checks it against the schema, applies `APUS_…` environment overrides
/// and returns a ``ResolvedConfig``, or a ``ConfigError`` listing every problem with its key path and line.
///
/// The environment is always passed in; ``processEnvironment()`` is the one place that reads the real one.
public struct ConfigLoader: Sendable {
    /// The schema values are checked against.
    public var schema: ConfigSchema
    /// The file name used in error messages.
    public var fileName: String

    /// Creates a loader for `schema`.
    public init(schema: ConfigSchema, fileName: String = "apus.toml") {
        self.schema = schema
        self.fileName = fileName
    }

    /// The process environment. This is the only place in ApusConfig that reads it; call it once at
    /// start-up and pass the result to ``load(bytes:environment:)``.
    public static func processEnvironment() -> [String: String] {
        ProcessInfo.processInfo.environment
    }

    /// Reads and loads the file at `path`.
    public func loadFile(atPath path: String, environment: [String: String]) throws(ConfigError) -> ResolvedConfig {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let issue = ConfigIssue(
                .invalidValue(expected: "a readable TOML file", reason: "cannot read \(path)"), path: .root,
                line: nil, origin: .file(name: fileName))
            throw ConfigError(issues: [issue])
        }
        return try load(bytes: bytes, environment: environment)
    }

    /// Loads a document given as bytes, which must be UTF-8.
    public func load(bytes: [UInt8], environment: [String: String]) throws(ConfigError) -> ResolvedConfig {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(issues: [notUTF8Issue(bytes)])
        }
        return try load(text: text, environment: environment)
    }

    /// Loads a document given as text. An empty document gives the defaults (plus overrides).
    public func load(text: String, environment: [String: String]) throws(ConfigError) -> ResolvedConfig {
        let origin = ConfigIssue.Origin.file(name: fileName)
        var lineMap: TOMLLineMap?
        func map() -> TOMLLineMap {
            if let lineMap { return lineMap }
            let made = TOMLLineMap(text: text)
            lineMap = made
            return made
        }
        let document: [String: ConfigValue]
        switch TOMLDocumentReader.read(text: text, origin: origin, lineMap: map) {
        case .success(let table): document = table
        case .failure(let error): throw error
        }
        let lines = map()
        var checker = ValueChecker(origin: origin, lineOf: { lines.line(for: $0) })

        // 1. The file, section by section, in file order.
        var fileValues: [String: ConfigValue] = [:]
        let sectionOrder = document.keys.sorted { left, right in
            (lines.line(for: ConfigPath(keys: [left])) ?? .max, left) < (lines.line(for: ConfigPath(keys: [right])) ?? .max, right)
        }
        for name in sectionOrder {
            guard let raw = document[name] else { continue }
            let path = ConfigPath(keys: [name])
            guard let section = schema.section(named: name) else {
                checker.report(.unknownKey(suggestion: NearMiss.pathSuggestion(for: [name], in: schema)), at: path)
                continue
            }
            guard case .table(let entries) = raw else {
                checker.report(.wrongType(expected: "table [\(name)]", found: raw.kindName), at: path)
                continue
            }
            fileValues[name] = .table(checker.checkTable(entries, fields: section.keys, at: path, complete: false))
        }
        var issues = checker.issues

        // 2. Defaults, then the file, then the environment.
        var tree = schema.defaults.merged(with: .table(fileValues))
        issues += EnvironmentOverrides.apply(environment, schema: schema, to: &tree)

        // 3. Required keys and cross-key rules, on the merged result.
        for section in schema.sections {
            let table = tree.value(atKeys: [section.name])?.tableEntries ?? [:]
            for key in section.keys where key.isRequired && table[key.name] == nil {
                let path = ConfigPath(keys: [section.name, key.name])
                issues.append(
                    ConfigIssue(.missingRequired(expected: key.type.description), path: path,
                        line: lines.lines[ConfigPath(keys: [section.name])], origin: origin))
            }
        }
        for problem in BotSettings.crossCheck(tree.value(atKeys: ["bot"])?.tableEntries ?? [:]) {
            let path = ConfigPath(keys: ["bot", problem.key])
            issues.append(ConfigIssue(problem.kind, path: path, line: lines.line(for: path), origin: origin))
        }
        guard issues.isEmpty else { throw ConfigError(issues: issues) }
        return ResolvedConfig(schema: schema, values: tree, environment: environment)
    }

    private func notUTF8Issue(_ bytes: [UInt8]) -> ConfigIssue {
        var offset = 0
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                offset += UTF8.width(scalar)
            case .emptyInput:
                break decoding
            case .error:
                break decoding
            }
        }
        return ConfigIssue(.notUTF8(byteOffset: offset), path: .root, line: line, origin: .file(name: fileName))
    }
}
