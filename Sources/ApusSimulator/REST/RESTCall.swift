import ApusCore

/// A REST answer carried as an error so limiter and body checks can short-circuit with it.
struct RESTRejection: Error, Sendable {
    var response: SimulatorHTTPResponse
}

/// A dispatch a route produced, sent through the sink after the state lock is released.
struct RESTDispatch: Sendable {
    var event: String
    var guildID: UInt64?
    var json: String
}

/// What a route handler answers, plus the dispatches it causes.
struct RESTOutcome: Sendable {
    var response: SimulatorHTTPResponse
    var dispatches: [RESTDispatch] = []

    init(_ response: SimulatorHTTPResponse, dispatches: [RESTDispatch] = []) {
        self.response = response
        self.dispatches = dispatches
    }
}

/// A file part of a multipart body.
struct RESTUploadedFile: Sendable {
    var index: Int
    var filename: String
    var contentType: String
    var size: Int
}

/// A parsed request body: the JSON (from the body or from `payload_json`) and any uploaded files.
struct RESTBody: Sendable {
    var json: JSONValue?
    var files: [RESTUploadedFile] = []

    /// The JSON object's field `key`, treating a non-object body as empty.
    subscript(key: String) -> JSONValue? { json?[key] }
}

/// One request on its way through a route handler.
struct RESTCall: Sendable {
    var match: RESTRouteMatch
    var request: SimulatorHTTPRequest
    var now: MonotonicTime

    /// The query string's items (percent-decoded).
    var query: [String: String] {
        var items: [String: String] = [:]
        for pair in (request.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).removingPercentEncodingSafely
            items[key] = parts.count > 1 ? String(parts[1]).replacingPlus.removingPercentEncodingSafely : ""
        }
        return items
    }

    /// Parses the body (JSON or multipart), then validates it against the OpenAPI document (when loaded).
    func parseBody(validator: OpenAPIValidator?) -> Result<RESTBody, RESTRejection> {
        var body = RESTBody()
        let contentType = request.header("Content-Type") ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let parts = MultipartParser.parse(body: request.body, contentType: contentType) else {
                return .failure(RESTRejection(response: RESTResponses.error(
                    400, code: 50035, message: "Invalid Form Body")))
            }
            for part in parts {
                if part.name == "payload_json" {
                    guard let json = JSONValue.parse(part.data) else { return .failure(invalidJSON) }
                    body.json = json
                } else if part.name.hasPrefix("files[") || part.filename != nil {
                    let index = part.name.hasPrefix("files[") && part.name.hasSuffix("]")
                        ? Int(part.name.dropFirst(6).dropLast()) ?? body.files.count : body.files.count
                    body.files.append(RESTUploadedFile(
                        index: index, filename: part.filename ?? "file\(index)",
                        contentType: part.contentType ?? "application/octet-stream", size: part.data.count))
                }
            }
        } else if !request.body.isEmpty {
            guard let json = JSONValue.parse(request.body) else { return .failure(invalidJSON) }
            body.json = json
        }
        if let validator, let json = body.json {
            let issues = validator.validate(method: match.method, template: match.template, body: json)
            if !issues.isEmpty { return .failure(RESTRejection(response: RESTResponses.invalidFormBody(issues))) }
        }
        return .success(body)
    }

    private var invalidJSON: RESTRejection {
        RESTRejection(response: RESTResponses.error(400, code: 50109, message: "The request body contains invalid JSON."))
    }
}

extension String {
    /// `+` as a space (form encoding).
    var replacingPlus: String { replacingOccurrences(of: "+", with: " ") }
}
