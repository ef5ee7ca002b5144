/// A GitHub or GitLab link: a repository, pull/merge request, issue, commit, file (with optional line range) or tree.
///
/// Accepted forms (scheme optional, `www.` accepted, hosts `github.com` and `gitlab.com`; GitLab's `/-/` segment
/// optional): `owner/repo`, `owner/repo/pull/12` (`merge_requests` on GitLab), `owner/repo/issues/7`,
/// `owner/repo/commit/<7-40 hex>`, `owner/repo/blob/<ref>/<path>#L10-L20` (also `#L10`, `#L10-20`, `#L10~L20`),
/// `owner/repo/tree/<ref>/<path>`. A `.git` suffix on the repository is dropped. Query strings are ignored.
/// For `blob` and `tree`, the ref is taken to be the first segment after it (a branch name with slashes cannot be
/// told apart from a path without asking the host).
public struct GitHostLink: Sendable, Hashable {
    /// The hosting platform.
    public enum Platform: Sendable, Hashable {
        /// github.com
        case github
        /// gitlab.com
        case gitlab
    }

    /// What the link points at.
    public enum Target: Sendable, Hashable {
        /// The repository itself.
        case repository
        /// A pull request (GitHub) or merge request (GitLab).
        case pullRequest(number: Int)
        /// An issue.
        case issue(number: Int)
        /// A commit.
        case commit(sha: String)
        /// A file at a ref, with an optional line range (a single line is `n...n`).
        case file(ref: String, path: String, lines: ClosedRange<Int>?)
        /// A directory at a ref.
        case tree(ref: String, path: String)
    }

    /// github or gitlab.
    public var platform: Platform
    /// The owner (user or organisation).
    public var owner: String
    /// The repository name.
    public var repository: String
    /// What the link points at.
    public var target: Target

    /// Parses `url`; `nil` when it is not a GitHub/GitLab link of a known shape.
    public init?(_ url: some StringProtocol) {
        var text = Substring(url)
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
            break
        }
        if text.hasPrefix("www.") { text = text.dropFirst(4) }
        var fragment: Substring = ""
        if let hash = text.firstIndex(of: "#") {
            fragment = text[text.index(after: hash)...]
            text = text[..<hash]
        }
        if let query = text.firstIndex(of: "?") { text = text[..<query] }
        var parts = text.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 3 else { return nil }
        switch parts[0].lowercased() {
        case "github.com": platform = .github
        case "gitlab.com": platform = .gitlab
        default: return nil
        }
        owner = String(parts[1])
        var repo = parts[2]
        if repo.hasSuffix(".git") { repo = repo.dropLast(4) }
        guard Self.isName(owner), Self.isName(repo) else { return nil }
        repository = String(repo)
        parts.removeFirst(3)
        if platform == .gitlab, parts.first == "-" { parts.removeFirst() }
        guard let kind = parts.first else {
            target = .repository
            return
        }
        let rest = parts.dropFirst()
        switch kind {
        case "pull" where platform == .github, "merge_requests" where platform == .gitlab:
            guard let number = rest.first.flatMap({ Int($0) }), number > 0 else { return nil }
            target = .pullRequest(number: number)
        case "issues":
            guard let number = rest.first.flatMap({ Int($0) }), number > 0 else { return nil }
            target = .issue(number: number)
        case "commit":
            guard let sha = rest.first, (7...40).contains(sha.count), sha.allSatisfy(\.isHexDigit) else { return nil }
            target = .commit(sha: String(sha))
        case "blob", "tree":
            guard let ref = rest.first, rest.count >= 2 || kind == "tree" else { return nil }
            let path = rest.dropFirst().joined(separator: "/")
            if kind == "tree" {
                target = .tree(ref: String(ref), path: path)
            } else {
                target = .file(ref: String(ref), path: path, lines: Self.lineRange(fragment))
            }
        default:
            return nil
        }
    }

    /// `[A-Za-z0-9._-]+`, the characters GitHub and GitLab allow in owner and repository names.
    private static func isName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ByteClass.isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// `L10`, `L10-L20`, `L10-20`, `L10~L20` → the range (ordered); anything else → `nil`.
    static func lineRange(_ fragment: Substring) -> ClosedRange<Int>? {
        guard fragment.hasPrefix("L") else { return nil }
        let body = fragment.dropFirst()
        let pieces = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "~" })
        guard let first = pieces.first.flatMap({ Int($0) }), first > 0, pieces.count <= 2 else { return nil }
        guard pieces.count == 2 else { return first...first }
        var second = pieces[1]
        if second.hasPrefix("L") { second = second.dropFirst() }
        guard let last = Int(second), last > 0 else { return nil }
        return min(first, last)...max(first, last)
    }
}
