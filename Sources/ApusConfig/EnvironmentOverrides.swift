/// `APUS_<SECTION>__<KEY>=value` environment overrides.
///
/// - Variables start with `APUS_`; the rest is split on double underscores into a section, a key and, for
///   small tables, deeper keys. Matching is case-insensitive (`APUS_LEVELS__COOLDOWN` sets
///   `levels.cooldown`).
/// - Values are read by the key's type: scalars plainly (`3`, `0.5`, `true`/`false`, `yes`/`no`, `on`/`off`,
///   `1`/`0`, `90s`, `123456789012345678`, strings without quotes); **arrays and tables as TOML inline
///   values** (`APUS_BOT__OWNER_IDS=[1234, 5678]`, `APUS_LEVELS__ROLES=[{ level = 5, role_id = 1 }]`).
///   Comma-separated lists are not accepted, so that strings containing commas stay unambiguous.
/// - `APUS_DATABASE_URL` is an alias of `APUS_BOT__DATABASE_URL` (the alias loses when both are set; an empty
///   alias is ignored).
/// - A table value is deep-merged over the file's table (like guild overrides); arrays and scalars replace.
/// - Other `APUS_` variables without a double underscore are left alone (they belong to other tools).
/// - An override of an unknown key, or a value that does not fit the key, is an error naming the variable.
public enum EnvironmentOverrides {
    /// The prefix of every override.
    public static let prefix = "APUS_"
    /// Single-underscore variables that map to a key.
    public static let aliases: [String: [String]] = ["APUS_DATABASE_URL": ["bot", "database_url"]]

    /// Applies the overrides found in `environment` to `tree` (a typed table of section tables) and
    /// returns the problems found; each problem's origin names its variable.
    static func apply(
        _ environment: [String: String], schema: ConfigSchema, to tree: inout ConfigValue
    ) -> [ConfigIssue] {
        var issues: [ConfigIssue] = []
        var assignments: [(variable: String, keys: [String], priority: Int)] = []
        for variable in environment.keys.sorted() {
            if let keys = aliases[variable] {
                // An empty alias counts as unset (`APUS_DATABASE_URL=` in a shell or a CI file).
                if environment[variable]?.isEmpty == false { assignments.append((variable, keys, 0)) }
                continue
            }
            guard variable.uppercased().hasPrefix(prefix) else { continue }
            let rest = variable.dropFirst(prefix.count)
            guard rest.contains("__") else { continue }
            let parts = rest.split(separator: "__", omittingEmptySubsequences: false).map { $0.lowercased() }
            assignments.append((variable, parts, 1))
        }
        // Aliases first, so that the explicit double-underscore form wins.
        for assignment in assignments.sorted(by: { $0.priority < $1.priority }) {
            let variable = assignment.variable
            let path = ConfigPath(keys: assignment.keys)
            let origin = ConfigIssue.Origin.environment(variable: variable)
            guard let key = schema.key(atKeys: assignment.keys) else {
                issues.append(ConfigIssue(.unknownKey(suggestion: NearMiss.pathSuggestion(for: assignment.keys, in: schema)),
                    path: path, line: nil, origin: origin))
                continue
            }
            var checker = ValueChecker(origin: origin, completesTables: false)
            switch ConfigTextParser.raw(from: environment[variable] ?? "", as: key.type, secret: key.isSecret) {
            case .problem(let kind):
                issues.append(ConfigIssue(kind, path: path, line: nil, origin: origin))
            case .value(let raw):
                if let typed = checker.check(raw, as: key.type, secret: key.isSecret, at: path) {
                    tree = tree.merged(with: ConfigValue.table([:]).setting(typed, atKeys: assignment.keys))
                }
                issues += checker.issues
            }
        }
        return issues
    }
}
