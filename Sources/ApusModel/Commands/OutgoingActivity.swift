/// An activity in an outgoing presence update.
public struct OutgoingActivity: Sendable, Hashable {
    /// The activity name.
    public var name: String
    /// The activity type.
    public var type: ActivityType
    /// Stream URL (streaming only).
    public var url: String?
    /// Custom status text.
    public var state: String?

    /// Creates an activity.
    public init(name: String, type: ActivityType, url: String? = nil, state: String? = nil) {
        self.name = name
        self.type = type
        self.url = url
        self.state = state
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("name"); writer.string(name)
        writer.key("type"); writer.integer(type.rawValue)
        if let url { writer.key("url"); writer.string(url) }
        if let state { writer.key("state"); writer.string(state) }
        writer.endObject()
    }
}
