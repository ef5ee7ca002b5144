/// One REST request as the server received it.
public struct SimulatorHTTPRequest: Sendable {
    /// The HTTP method, upper case (`GET`, `POST`, …).
    public var method: String
    /// The path without the query string, e.g. `/api/v10/channels/1/messages`.
    public var path: String
    /// The query string without the `?`, if any.
    public var query: String?
    /// The request headers in arrival order (names as sent).
    public var headers: [(String, String)]
    /// The raw body.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, path: String, query: String? = nil, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.0.lowercased() == lowered }?.1
    }
}

/// One REST answer.
public struct SimulatorHTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers.
    public var headers: [(String, String)]
    /// The raw body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.0.lowercased() == lowered }?.1
    }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
