import ApusCore
import ApusInteractions
import Testing

/// The responder's local rules, as a pure state machine on explicit times.
@Suite("Interaction response rules")
struct ResponseStateTests {
    let start = MonotonicTime(nanoseconds: 1_000_000_000)

    @Test func initialResponseOnlyOnce() throws {
        var state = InteractionResponseState(kind: .command, receivedAt: start)
        try state.apply(.reply, now: start)
        #expect(throws: InteractionResponseError.alreadyAcknowledged(previous: .reply, attempted: .deferReply)) {
            try state.apply(.deferReply, now: start)
        }
        #expect(state.initialResponse == .reply)
    }

    @Test(arguments: [
        (InteractionKind.command, InteractionResponseAction.autocompleteResult),
        (.command, .updateMessage), (.command, .deferUpdate),
        (.autocomplete, .reply), (.autocomplete, .showModal), (.autocomplete, .deferReply),
        (.modalSubmit, .showModal), (.modalSubmit, .autocompleteResult),
        (.component, .autocompleteResult),
    ])
    func callbackTypesNotAllowedForTheKind(kind: InteractionKind, action: InteractionResponseAction) {
        var state = InteractionResponseState(kind: kind, receivedAt: start)
        #expect(throws: InteractionResponseError.notAllowed(action: action, kind: kind)) { try state.apply(action, now: start) }
        #expect(!state.isAcknowledged)
    }

    @Test(arguments: [
        (InteractionKind.command, InteractionResponseAction.showModal), (.component, .deferUpdate), (.component, .updateMessage),
        (.component, .showModal), (.modalSubmit, .updateMessage), (.autocomplete, .autocompleteResult),
    ])
    func callbackTypesAllowedForTheKind(kind: InteractionKind, action: InteractionResponseAction) throws {
        var state = InteractionResponseState(kind: kind, receivedAt: start)
        try state.apply(action, now: start)
        #expect(state.initialResponse == action)
    }

    @Test func followUpsNeedAMessageResponseFirst() throws {
        var fresh = InteractionResponseState(kind: .command, receivedAt: start)
        #expect(throws: InteractionResponseError.notAcknowledged(attempted: .followUp)) { try fresh.apply(.followUp, now: start) }
        var modal = InteractionResponseState(kind: .command, receivedAt: start)
        try modal.apply(.showModal, now: start)
        #expect(throws: InteractionResponseError.notAcknowledged(attempted: .editOriginal)) { try modal.apply(.editOriginal, now: start) }
        var deferred = InteractionResponseState(kind: .command, receivedAt: start)
        try deferred.apply(.deferReply, now: start)
        try deferred.apply(.followUp, now: start + .seconds(60))
        try deferred.apply(.editOriginal, now: start + .seconds(61))
        try deferred.apply(.deleteOriginal, now: start + .seconds(62))
        #expect(throws: InteractionResponseError.originalDeleted) { try deferred.apply(.editOriginal, now: start + .seconds(63)) }
        try deferred.apply(.followUp, now: start + .seconds(64))
    }

    @Test func responseWindowAndTokenLifetime() throws {
        var late = InteractionResponseState(kind: .command, receivedAt: start)
        #expect(throws: InteractionResponseError.responseWindowExpired) { try late.apply(.reply, now: start + .milliseconds(3_001)) }
        var onTime = InteractionResponseState(kind: .command, receivedAt: start)
        try onTime.apply(.deferReply, now: start + .seconds(3))
        try onTime.apply(.editOriginal, now: start + .seconds(15 * 60))
        #expect(throws: InteractionResponseError.tokenExpired) { try onTime.apply(.followUp, now: start + .seconds(15 * 60 + 1)) }
        let limits = InteractionTimingLimits(responseWindow: .milliseconds(100), tokenLifetime: .seconds(1))
        var custom = InteractionResponseState(kind: .component, receivedAt: start, limits: limits)
        #expect(throws: InteractionResponseError.responseWindowExpired) { try custom.apply(.deferUpdate, now: start + .milliseconds(101)) }
    }
}
