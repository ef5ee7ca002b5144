/// Truncation by Unicode code points, as the original's `truncate(text, length)`.
public enum TextTruncation {
    /// `text` itself when it has at most `length` Unicode code points; otherwise its first `length - 3` code points
    /// followed by `"..."`.
    ///
    /// Lengths count code points (Python's `len`), not grapheme clusters: `"e\u{301}"` is two.
    ///
    /// **Deliberate difference for `length < 3`.** Python slices `text[:length-3]` with a negative bound, which keeps
    /// all but the last `3 - length` code points, so `truncate("abcdef", 2)` is `"abcde..."`, longer than the limit.
    /// Apus never returns more than `length` code points: for `length < 3` the result is `length` dots
    /// (`"abcdef", 2` → `".."`; a negative length → `""`). Every vector with `length >= 3` is unchanged.
    public static func truncate(_ text: String, toCodePoints length: Int) -> String {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var count = 0
        while index != scalars.endIndex, count <= length {
            index = scalars.index(after: index)
            count += 1
        }
        if index == scalars.endIndex, count <= length { return text }
        guard length >= 3 else { return String(repeating: ".", count: max(0, length)) }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars.prefix(length - 3))
        return String(kept) + "..."
    }
}
