import Foundation
import Testing

@testable import ApusSimulator

/// Discord coerces numeric strings into integer fields (permission bit sets are documented as strings); anything
/// else in an integer field is a 400 with `NUMBER_TYPE_COERCE` that quotes the value.
@Suite("REST body validation: numeric strings")
struct RESTNumericCoercionTests {
    @Test func permissionBitsAsAStringAreAccepted() async {
        let harness = RESTHarness()
        let response = await harness.send(
            "PUT", "/applications/\(harness.configuration.applicationID)/commands",
            json: #"[{"name":"config","description":"Settings","default_member_permissions":"32"}]"#)
        #expect(response.status == 200)
    }

    @Test func aNonNumericStringIsRefusedWithTheValueQuoted() async {
        let harness = RESTHarness()
        let response = await harness.send(
            "PUT", "/applications/\(harness.configuration.applicationID)/commands",
            json: #"[{"name":"config","description":"Settings","default_member_permissions":"lots"}]"#)
        #expect(response.status == 400)
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(body.contains("NUMBER_TYPE_COERCE") && body.contains(#"Value \"lots\" is not int."#))
    }
}
