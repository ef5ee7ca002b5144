import ApusInteractions
import Testing

/// Custom-id patterns and the router's choice of handler (pure parts).
@Suite("Custom-id routing")
struct CustomIDRoutingTests {
    @Test func patternsCaptureNamedSegments() throws {
        let pattern = try CustomIDPattern("poll:vote:{pollID}:{option}")
        #expect(pattern.match("poll:vote:42:yes") == ["pollID": "42", "option": "yes"])
        #expect(pattern.match("poll:vote:42") == nil)
        #expect(pattern.match("poll:vote:42:yes:extra") == nil)
        #expect(pattern.match("poll:close:42:yes") == nil)
        #expect(pattern.match("poll:vote::yes") == nil)
        #expect(try pattern.customID(["pollID": "7", "option": "no"]) == "poll:vote:7:no")
        #expect(throws: CustomIDPatternError.invalidValue(name: "option", value: "a:b")) {
            try pattern.customID(["pollID": "7", "option": "a:b"])
        }
        #expect(throws: CustomIDPatternError.tooLong(112)) {
            try pattern.customID(["pollID": String(repeating: "9", count: 100), "option": "x"])
        }
    }

    @Test func malformedPatternsAreRejected() {
        for bad in ["", "a::b", "a:{}:b", "a:{x:b", "a:{x}:{x}", "a:b}c"] {
            #expect(throws: CustomIDPatternError.self) { try CustomIDPattern(bad) }
        }
    }

    @Test func mostSpecificPatternWinsAndSameShapeIsADuplicate() throws {
        var router = ComponentRouter()
        try router.onComponent("poll:{action}:{id}") { _ in }
        try router.onComponent("poll:close:{id}") { _ in }
        #expect(throws: CustomIDPatternError.duplicate("poll:close:{pollID}")) { try router.onComponent("poll:close:{pollID}") { _ in } }
        #expect(router.resolve(customID: "poll:close:9")?.pattern.description == "poll:close:{id}")
        #expect(router.resolve(customID: "poll:open:9")?.parameters == ["action": "open", "id": "9"])
        #expect(router.resolve(customID: "other:thing") == nil)
        // Modal routes are separate from component routes.
        #expect(router.resolve(customID: "poll:close:9", modal: true) == nil)
    }

    @Test func aFreshRouterResolvesIdsMadeByAnotherInstance() throws {
        func makeRouter() throws -> ComponentRouter {
            var router = ComponentRouter()
            try router.onComponent("poll:vote:{pollID}:{option}") { _ in }
            return router
        }
        let before = try makeRouter()
        let id = try CustomIDPattern("poll:vote:{pollID}:{option}").customID(["pollID": "12", "option": "b"])
        #expect(before.resolve(customID: id)?.parameters == ["pollID": "12", "option": "b"])
        let after = try makeRouter()
        #expect(after.resolve(customID: id)?.parameters == ["pollID": "12", "option": "b"])
    }
}
