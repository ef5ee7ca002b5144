extension ConfigSchema {
    /// A commented `apus.toml` listing every section and key with its documentation, type and default.
    /// Keys without a default are commented out (required ones are marked). The text loads with this
    /// schema as it is, except that required keys without defaults must be filled in.
    public func template() -> String {
        var lines: [String] = []
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            lines.append("# \(section.documentation)")
            lines.append("[\(section.name)]")
            for key in section.keys {
                var notes = [key.type.description]
                if key.isRequired { notes.append("required") }
                if key.isGuildOverridable { notes.append("guilds may override") }
                if key.isSecret { notes.append("secret") }
                lines.append("")
                lines.append("# \(key.documentation) (\(notes.joined(separator: "; ")))")
                let name = ConfigPath.renderKey(key.name)
                if let value = key.defaultValue {
                    lines.append("\(name) = \(value)")
                } else {
                    lines.append("# \(name) = ")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
