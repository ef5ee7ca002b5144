/// Builds `multipart/form-data` bodies for message uploads: a `payload_json` part, then `files[n]` parts.
enum MultipartFormData {
    /// Returns the body and its content type (with the boundary).
    static func encode(payloadJSON: [UInt8], files: [FileUpload], boundary: String) -> (body: [UInt8], contentType: String) {
        var body: [UInt8] = []
        body.reserveCapacity(payloadJSON.count + files.reduce(0) { $0 + $1.data.count + 256 } + 256)
        func append(_ text: String) { body.append(contentsOf: text.utf8) }
        append("--\(boundary)\r\n")
        append("Content-Disposition: form-data; name=\"payload_json\"\r\n")
        append("Content-Type: application/json\r\n\r\n")
        body.append(contentsOf: payloadJSON)
        append("\r\n")
        for (index, file) in files.enumerated() {
            append("--\(boundary)\r\n")
            append("Content-Disposition: form-data; name=\"files[\(index)]\"; filename=\"\(quoted(file.filename))\"\r\n")
            append("Content-Type: \(headerSafe(file.contentType))\r\n\r\n")
            body.append(contentsOf: file.data)
            append("\r\n")
        }
        append("--\(boundary)--\r\n")
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    /// Escapes a file name for a quoted header parameter: quotes and backslashes escaped, line breaks dropped.
    private static func quoted(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\r", "\n": continue
            default: result.append(character)
            }
        }
        return result
    }

    private static func headerSafe(_ text: String) -> String {
        String(text.filter { $0 != "\r" && $0 != "\n" })
    }
}
