/// "Did you mean" suggestions for unknown keys.
enum NearMiss {
    /// The candidate closest to `word` when it is close enough: equal ignoring case, or within an edit
    /// distance of 1 for short words, 2 for words of 5+ characters and 3 for words of 10+ characters.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let sameIgnoringCase = candidates.first(where: { $0.lowercased() == lowered }) {
            return sameIgnoringCase
        }
        let allowed = lowered.count >= 10 ? 3 : (lowered.count >= 5 ? 2 : 1)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lowered.unicodeScalars), Array(candidate.lowercased().unicodeScalars))
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Int {
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previousPrevious = [Int](repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[right.count]
    }

    /// A "did you mean" dotted path for an unknown path of table keys: a near section name, a near key in
    /// the (near) section, or, for a lone word that is no section, `section.word` when a section has
    /// that key.
    static func pathSuggestion(for keys: [String], in schema: ConfigSchema) -> String? {
        guard let sectionName = keys.first else { return nil }
        if keys.count == 1 {
            guard schema.section(named: sectionName) == nil else { return nil }
            if let near = suggestion(for: sectionName, among: schema.sections.map(\.name)) { return near }
            let owner = schema.sections.first { $0.key(named: sectionName) != nil }
            return owner.map { "\($0.name).\(sectionName)" }
        }
        let section = schema.section(named: sectionName)
            ?? suggestion(for: sectionName, among: schema.sections.map(\.name)).flatMap(schema.section(named:))
        guard let section else { return nil }
        if section.key(named: keys[1]) != nil {
            return section.name != sectionName ? ([section.name] + keys.dropFirst()).joined(separator: ".") : nil
        }
        guard let keyName = suggestion(for: keys[1], among: section.keys.map(\.name)) else { return nil }
        return "\(section.name).\(keyName)"
    }
}
