import Foundation

/// One REST call, before it is sent: method, path, query, body and audit-log reason.
///
/// Endpoint methods on ``DiscordREST`` build these; ``DiscordREST/send(_:)`` accepts any, for routes Apus does not
/// wrap yet.
public struct DiscordRequest: Sendable {
    /// The HTTP method in upper case.
    public var method: String
    /// The path below the API base, starting with `/`, with each variable segment already percent-encoded.
    public var path: String
    /// Query parameters (encoded when the request is sent).
    public var query: [(name: String, value: String)]
    /// The body.
    public var body: DiscordRequestBody
    /// `X-Audit-Log-Reason`, percent-encoded when sent.
    public var auditLogReason: String?
    /// The rate-limit route, derived from method and path.
    public var route: RateLimitRoute { RateLimitRoute(method: method, path: path) }

    /// Creates a request.
    public init(
        method: String, path: String, query: [(name: String, value: String)] = [], body: DiscordRequestBody = .none,
        auditLogReason: String? = nil
    ) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.body = body
        self.auditLogReason = auditLogReason
    }

    /// Creates a request whose body is `payload` encoded as JSON.
    public init(
        method: String, path: String, query: [(name: String, value: String)] = [], json payload: some Encodable,
        files: [FileUpload] = [], auditLogReason: String? = nil
    ) throws(DiscordHTTPError) {
        let json: [UInt8]
        do {
            json = Array(try Self.encoder.encode(payload))
        } catch {
            throw .invalidRequest(reason: "the body does not encode as JSON: \(error)")
        }
        let body: DiscordRequestBody = files.isEmpty ? .json(json) : .multipart(payloadJSON: json, files: files)
        self.init(method: method, path: path, query: query, body: body, auditLogReason: auditLogReason)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A human-readable name of the call for errors and logs, e.g. `POST /channels/1/messages`.
    public var displayName: String { method + " " + path }

    /// The query string (with leading `?`), or empty.
    var encodedQuery: String {
        guard !query.isEmpty else { return "" }
        return "?" + query.map { PathEncoding.component($0.name) + "=" + PathEncoding.component($0.value) }
            .joined(separator: "&")
    }
}

/// The body of a ``DiscordRequest``.
public enum DiscordRequestBody: Sendable {
    /// No body.
    case none
    /// A JSON document (`Content-Type: application/json`).
    case json([UInt8])
    /// `multipart/form-data` with `payload_json` and `files[n]` parts.
    case multipart(payloadJSON: [UInt8], files: [FileUpload])
}

/// A file to upload with a message.
public struct FileUpload: Sendable, Hashable {
    /// The file name Discord shows (and that `attachment://` URLs in embeds refer to).
    public var filename: String
    /// The MIME type, e.g. `image/png`.
    public var contentType: String
    /// The file's bytes.
    public var data: [UInt8]

    /// Creates an upload.
    public init(filename: String, contentType: String = "application/octet-stream", data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// Percent-encoding of path segments and query components (RFC 3986 unreserved characters stay as they are).
public enum PathEncoding {
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes every byte of `text` outside the unreserved set (so `/`, `?`, `:` and spaces are encoded).
    public static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
