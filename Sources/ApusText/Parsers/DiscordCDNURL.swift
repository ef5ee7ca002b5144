/// A Discord CDN URL: an attachment (`/attachments/channel/attachment/filename`) or an asset (`/avatars/…`,
/// `/icons/…`, `/banners/…`, `/splashes/…`, `/emojis/…`) on `cdn.discordapp.com`, `cdn.discord.com` or
/// `media.discordapp.net`, with `http` or `https`. The query string (signed-URL parameters) is ignored.
public struct DiscordCDNURL: Sendable, Hashable {
    /// What the URL points at.
    public enum Kind: Sendable, Hashable {
        /// A message attachment.
        case attachment(channelID: UInt64, attachmentID: UInt64)
        /// A user avatar, guild icon, banner or splash: the owner id and the image hash.
        case asset(category: String, ownerID: UInt64)
        /// A custom emoji image.
        case emoji(id: UInt64)
    }

    /// What the URL points at.
    public var kind: Kind
    /// The last path component: the attachment's file name, or the asset's `hash.ext`.
    public var filename: String
    /// The file extension without the dot (`png`), or `nil` when the name has none.
    public var fileExtension: String?

    /// Parses `url`; `nil` when it is not a Discord CDN URL of a known shape (ids must be 17-22 digits).
    public init?(_ url: some StringProtocol) {
        var text = Substring(url)
        if text.hasPrefix("https://") {
            text = text.dropFirst(8)
        } else if text.hasPrefix("http://") {
            text = text.dropFirst(7)
        } else {
            return nil
        }
        if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<query] }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3,
              ["cdn.discordapp.com", "cdn.discord.com", "media.discordapp.net"].contains(parts[0].lowercased())
        else { return nil }
        func id(_ part: Substring) -> UInt64? {
            (17...22).contains(part.utf8.count) && part.utf8.allSatisfy(ByteClass.isDigit) ? UInt64(part) : nil
        }
        let category = String(parts[1])
        switch category {
        case "attachments", "ephemeral-attachments":
            guard parts.count == 5, let channel = id(parts[2]), let attachment = id(parts[3]), !parts[4].isEmpty
            else { return nil }
            kind = .attachment(channelID: channel, attachmentID: attachment)
            filename = String(parts[4])
        case "avatars", "icons", "banners", "splashes":
            guard parts.count == 4, let owner = id(parts[2]), !parts[3].isEmpty else { return nil }
            kind = .asset(category: category, ownerID: owner)
            filename = String(parts[3])
        case "emojis":
            guard parts.count == 3, let dot = parts[2].firstIndex(of: "."), let emoji = id(parts[2][..<dot])
            else { return nil }
            kind = .emoji(id: emoji)
            filename = String(parts[2])
        default:
            return nil
        }
        if let dot = filename.lastIndex(of: "."), filename.index(after: dot) != filename.endIndex {
            fileExtension = String(filename[filename.index(after: dot)...])
        } else {
            fileExtension = nil
        }
    }
}
