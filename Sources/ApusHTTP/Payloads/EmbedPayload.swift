/// An embed to send.
public struct EmbedPayload: Encodable, Sendable, Hashable {
    /// A line of text with an optional icon.
    public struct Footer: Encodable, Sendable, Hashable {
        /// The text.
        public var text: String
        /// An icon URL.
        public var iconURL: String?
        /// Creates a footer.
        public init(text: String, iconURL: String? = nil) {
            self.text = text
            self.iconURL = iconURL
        }
        enum CodingKeys: String, CodingKey {
            case text
            case iconURL = "icon_url"
        }
    }

    /// An image or thumbnail, by URL (use `attachment://name.png` for uploaded files).
    public struct Media: Encodable, Sendable, Hashable {
        /// The URL.
        public var url: String
        /// Creates media.
        public init(url: String) { self.url = url }
    }

    /// The author line.
    public struct Author: Encodable, Sendable, Hashable {
        /// The name.
        public var name: String
        /// A link.
        public var url: String?
        /// An icon URL.
        public var iconURL: String?
        /// Creates an author line.
        public init(name: String, url: String? = nil, iconURL: String? = nil) {
            self.name = name
            self.url = url
            self.iconURL = iconURL
        }
        enum CodingKeys: String, CodingKey {
            case name, url
            case iconURL = "icon_url"
        }
    }

    /// A name/value field.
    public struct Field: Encodable, Sendable, Hashable {
        /// The name.
        public var name: String
        /// The value.
        public var value: String
        /// Whether it is shown inline.
        public var inline: Bool?
        /// Creates a field.
        public init(name: String, value: String, inline: Bool? = nil) {
            self.name = name
            self.value = value
            self.inline = inline
        }
    }

    /// The title.
    public var title: String?
    /// The description.
    public var description: String?
    /// The title's link.
    public var url: String?
    /// ISO 8601 timestamp shown in the footer.
    public var timestamp: String?
    /// The colour as 0xRRGGBB.
    public var color: Int?
    /// The footer.
    public var footer: Footer?
    /// The image.
    public var image: Media?
    /// The thumbnail.
    public var thumbnail: Media?
    /// The author line.
    public var author: Author?
    /// Up to 25 fields.
    public var fields: [Field]?

    /// Creates an embed.
    public init(
        title: String? = nil, description: String? = nil, url: String? = nil, timestamp: String? = nil,
        color: Int? = nil, footer: Footer? = nil, image: Media? = nil, thumbnail: Media? = nil,
        author: Author? = nil, fields: [Field]? = nil
    ) {
        self.title = title
        self.description = description
        self.url = url
        self.timestamp = timestamp
        self.color = color
        self.footer = footer
        self.image = image
        self.thumbnail = thumbnail
        self.author = author
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case title, description, url, timestamp, color, footer, image, thumbnail, author, fields
    }
}
