import ApusInteractions
import ApusModel
import Testing

/// Reading command paths, focused options, select values and modal fields from received interactions.
@Suite("Interaction input")
struct InteractionInputTests {
    static func interaction(_ json: String) throws -> Interaction {
        try Interaction(jsonBytes: Array(json.utf8))
    }

    @Test func commandPathAndFocusedOptionBelowSubcommands() throws {
        let interaction = try Self.interaction(#"""
            {"id":"1","type":4,"token":"t","data":{"name":"poll","type":1,"options":[{"name":"admin","type":2,"options":[
              {"name":"close","type":1,"options":[{"name":"id","type":4,"value":7},{"name":"reason","type":3,"value":"sp","focused":true}]}]}]}}
            """#)
        #expect(InteractionInput.commandPath(interaction) == ["poll", "admin", "close"])
        #expect(InteractionInput.focusedOption(interaction)?.name == "reason")
        #expect(InteractionInput.focusedOption(interaction)?.text == "sp")
        #expect(InteractionInput.optionText(interaction, "id") == "7")
        #expect(InteractionInput.optionText(interaction, "missing") == nil)
    }

    @Test func modalFieldsFromRowsAndLabels() throws {
        let interaction = try Self.interaction(#"""
            {"id":"1","type":5,"token":"t","data":{"custom_id":"m","components":[
              {"type":1,"components":[{"type":4,"custom_id":"title","value":"Hello"}]},
              {"type":18,"component":{"type":3,"custom_id":"colour","values":["red","blue"]}}]}}
            """#)
        #expect(InteractionInput.modalFields(interaction) == ["title": "Hello", "colour": "red,blue"])
        let select = try Self.interaction(#"{"id":"1","type":3,"token":"t","data":{"custom_id":"s","component_type":3,"values":["a","b"]}}"#)
        #expect(InteractionInput.selectValues(select) == ["a", "b"])
        #expect(InteractionInput.modalFields(select).isEmpty)
    }
}
