import Testing
@testable import ApusModel

@Suite struct DeepNestingTests {
    /// Builds a message whose `referenced_message` chain is `depth` levels deep.
    static func nestedMessage(depth: Int) -> String {
        let head = #"{"id":"1","channel_id":"2","author":{"id":"3","username":"u"},"content":"c","#
            + #""timestamp":"2024-01-01T00:00:00Z","tts":false,"mention_everyone":false,"mentions":[],"#
            + #""mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":19"#
        var json = head + "}"
        for _ in 0..<depth { json = head + #","referenced_message":"# + json + "}" }
        return json
    }

    /// Recursive models stop at the reader's depth limit with an error, even on a concurrency thread's stack.
    @Test func deeplyNestedRecursiveModelsFailCleanly() async throws {
        let tooDeep = Self.nestedMessage(depth: JSONReader.maximumDepth + 10)
        let justTooDeep = Self.nestedMessage(depth: JSONReader.maximumModelNesting)
        let withinLimit = Self.nestedMessage(depth: JSONReader.maximumModelNesting - 2)
        let outcome = await Task.detached {
            let deepResult = Result { () throws(JSONDecodingError) in try Message(jsonString: tooDeep) }
            let okResult = Result { () throws(JSONDecodingError) in try Message(jsonString: withinLimit) }
            let justResult = Result { () throws(JSONDecodingError) in try Message(jsonString: justTooDeep) }
            return (deepResult, okResult, justResult)
        }.value
        #expect(throws: JSONDecodingError.self) { try outcome.0.get() }
        #expect(throws: JSONDecodingError.self) { try outcome.2.get() }
        var depth = 0
        var current: Message? = try outcome.1.get()
        while let message = current {
            depth += 1
            current = message.referencedMessage?.value
        }
        #expect(depth == JSONReader.maximumModelNesting - 1)
    }

    @Test func deeplyNestedOptionTreesFailCleanly() async {
        var options = #"{"name":"leaf","type":3,"value":"v"}"#
        for _ in 0..<JSONReader.maximumDepth {
            options = #"{"name":"group","type":2,"options":["# + options + "]}"
        }
        let json = options
        let result = await Task.detached {
            Result { () throws(JSONDecodingError) in try ApplicationCommandInteractionOption(jsonString: json) }
        }.value
        #expect(throws: JSONDecodingError.self) { try result.get() }
    }

    @Test func maximumDepthSkipFitsOnAConcurrencyThread() async throws {
        let depth = JSONReader.maximumDepth
        let json = String(repeating: #"{"a":["#, count: depth / 2) + "1" + String(repeating: "]}", count: depth / 2)
        let result = await Task.detached {
            Result { () throws(JSONDecodingError) in try RawJSON(jsonString: json) }
        }.value
        #expect(try result.get().bytes.count == json.utf8.count)
    }
}
