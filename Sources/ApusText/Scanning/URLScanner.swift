/// Finds generic `http://` and `https://` URLs in running text.
///
/// Rules (the Python equivalent is `https?://[^\s<>]*[^\s<>.,:;!?'")\]}*_~|\`]`):
/// - a URL starts at `http://` or `https://` (lower case, anywhere, even inside a word);
/// - it runs to the first whitespace character (Unicode, as Python's `\s`), `<` or `>`, so `<https://…>` (Discord's
///   embed suppression) gives the URL without brackets;
/// - trailing `. , : ; ! ? ' " ) ] } * _ ~ |` and backticks are dropped, so a URL at the end of a sentence, in
///   parentheses, in bold or in inline code comes out clean (a URL really ending in `)` loses it: a documented
///   trade-off for a pattern both sides can run in linear time);
/// - a scheme with nothing after it is not a URL.
public enum URLScanner {
    /// The URLs in `text`, in order, as substrings of it.
    public static func urls(in text: String) -> [Substring] {
        var scanner = MessageScanner()
        scanner.scan(text)
        return scanner.urls.map { TextSlice.substring(text, $0) }
    }
}
