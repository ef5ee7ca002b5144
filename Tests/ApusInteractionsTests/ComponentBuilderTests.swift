import ApusHTTP
import ApusInteractions
import Testing

/// Component and modal builders: the JSON they produce and the limits they enforce.
@Suite("Component builders")
struct ComponentBuilderTests {
    @Test func buttonsAndSelectsRenderDiscordJSON() throws {
        let rows = try MessageComponents([
            ActionRow(buttons: [
                Button(customID: "poll:vote:1:yes", label: "Yes", style: .success),
                .link(url: "https://example.com", label: "Docs"),
            ]),
            ActionRow(select: SelectMenu(.string([SelectOption(label: "A", value: "a"), SelectOption(label: "B", value: "b")]),
                                         customID: "pick", maxValues: 2)),
            ActionRow(select: SelectMenu(.channel(types: [0]), customID: "where")),
        ]).json()
        #expect(rows.count == 3)
        let expectedButton: JSONValue = ["type": 2, "style": 3, "label": "Yes", "custom_id": "poll:vote:1:yes"]
        #expect(rows[0] == ["type": 1, "components": [expectedButton, ["type": 2, "style": 5, "label": "Docs", "url": "https://example.com"]]])
        guard case .object(let row) = rows[1], case .array(let items)? = row["components"], case .object(let select)? = items.first else {
            Issue.record("select row shape")
            return
        }
        #expect(select["type"] == 3)
        #expect(select["max_values"] == 2)
        guard case .object(let channelRow) = rows[2], case .array(let channelItems)? = channelRow["components"] else {
            Issue.record("channel row shape")
            return
        }
        #expect(channelItems.first == ["type": 8, "custom_id": "where", "min_values": 1, "max_values": 1, "channel_types": [0]])
    }

    @Test func limitsAreEnforced() {
        let six = (0..<6).map { Button(customID: "b\($0)", label: "\($0)") }
        #expect(throws: ComponentBuildError.tooManyButtons(row: 0, count: 6)) { try MessageComponents([ActionRow(buttons: six)]).json() }
        let rows = (0..<6).map { ActionRow(buttons: [Button(customID: "r\($0)", label: "x")]) }
        #expect(throws: ComponentBuildError.tooManyRows(6)) { try MessageComponents(rows).json() }
        let long = String(repeating: "x", count: 101)
        #expect(throws: ComponentBuildError.invalidCustomID(long)) { try Button(customID: long, label: "x").json() }
        #expect(throws: ComponentBuildError.invalidCustomID("")) { try Button(customID: "", label: "x").json() }
        let exactly100 = String(repeating: "y", count: 100)
        #expect((try? Button(customID: exactly100, label: "x").json()) != nil)
        #expect(throws: ComponentBuildError.duplicateCustomID("same")) {
            try MessageComponents([ActionRow(buttons: [Button(customID: "same", label: "1"), Button(customID: "same", label: "2")])]).json()
        }
        let select = SelectMenu(.role, customID: "roles")
        #expect(throws: ComponentBuildError.selectNotAlone(row: 0)) {
            try MessageComponents([ActionRow([.select(select), .button(Button(customID: "b", label: "b"))])]).json()
        }
        #expect(throws: ComponentBuildError.self) { try SelectMenu(.string([]), customID: "empty").json() }
        #expect(throws: ComponentBuildError.self) { try SelectMenu(.user, customID: "u", minValues: 3, maxValues: 2).json() }
        #expect(throws: ComponentBuildError.textTooLong(field: "label", length: 81, limit: 80)) {
            try Button(customID: "b", label: String(repeating: "l", count: 81)).json()
        }
    }

    @Test func modalRendersTextInputsAndChecksLimits() throws {
        let modal = Modal(customID: "feedback:42", title: "Feedback", inputs: [
            TextInput(customID: "text", label: "What do you think?", style: .paragraph, maxLength: 500),
        ])
        guard case .modal(let customID, let title, let components) = try modal.response() else {
            Issue.record("not a modal response")
            return
        }
        #expect(customID == "feedback:42")
        #expect(title == "Feedback")
        #expect(components == [["type": 1, "components": [[
            "type": 4, "custom_id": "text", "label": "What do you think?", "style": 2, "required": true, "max_length": 500,
        ]]]])
        let six = (0..<6).map { TextInput(customID: "f\($0)", label: "F") }
        #expect(throws: ComponentBuildError.tooManyRows(6)) { try Modal(customID: "m", title: "T", inputs: six).response() }
        #expect(throws: ComponentBuildError.self) {
            try Modal(customID: "m", title: String(repeating: "t", count: 46), inputs: [TextInput(customID: "a", label: "A")]).response()
        }
    }
}
