import ApusPlugins
import Testing

/// The marker a temp-ban writes into its ban's reason, and the expiry's payload.
@Suite struct TempbanMarkerTests {
    let marker = TempbanMarker(caseNumber: 12, token: 0x0123_4567_89ab_cdef)

    @Test func theBanReasonStartsWithTheCaseAndTheTokenAndReadsBack() {
        let reason = marker.banReason("spamming links")
        #expect(reason == "Case #12 (ref 0123456789abcdef): spamming links")
        #expect(TempbanMarker(banReason: reason) == marker)
    }

    @Test func aLongReasonIsCutToWhatDiscordKeepsAndTheMarkerSurvives() {
        let reason = marker.banReason(String(repeating: "x", count: 3_000))
        #expect(reason.count == TempbanMarker.maximumReasonLength)
        #expect(TempbanMarker(banReason: reason) == marker)
    }

    @Test(arguments: [
        "ban evasion (permanent)", "Case #12: spamming links", "Case #12 (ref 0123456789ABCDEF): x",
        "Case #12 (ref 0123456789abcde): x", "Case #x (ref 0123456789abcdef): x", "case #12 (ref 0123456789abcdef): x",
        "Case #12 (ref 0123456789abcdef) x", "Case #0 (ref 0123456789abcdef): x", "",
    ])
    func otherReasonsCarryNoMarker(_ reason: String) {
        #expect(TempbanMarker(banReason: reason) == nil)
    }

    @Test func thePayloadRoundTripsAndAnOlderPayloadHasNoMarkers() {
        let expiry = TempbanExpiry(guildID: 1, userID: 2).adding(marker).adding(TempbanMarker(caseNumber: 13, token: 7))
        #expect(expiry.payload == "1\n2\n12 0123456789abcdef\n13 0000000000000007")
        #expect(TempbanExpiry(payload: expiry.payload) == expiry)
        let older = TempbanExpiry(payload: "1\n2")
        #expect(older == TempbanExpiry(guildID: 1, userID: 2))
        #expect(older?.isLegacy == true)
        #expect(TempbanExpiry(payload: "1\n2\n12 xyz") == nil)
        #expect(TempbanExpiry(payload: "1") == nil)
    }

    @Test func markersStayBounded() {
        var expiry = TempbanExpiry(guildID: 1, userID: 2)
        for number in 1...40 { expiry = expiry.adding(TempbanMarker(caseNumber: number, token: UInt64(number))) }
        #expect(expiry.markers.count == TempbanExpiry.maximumMarkers)
        #expect(expiry.markers.last?.caseNumber == 40)
        #expect(TempbanExpiry(payload: expiry.payload) == expiry)
    }
}
