import ApusPlugins
import Testing

/// The reminder's payload and the exact delivery check.
@Suite struct ReminderDeliveryTests {
    let reminder = Reminder(channelID: 10, userID: 20, text: "stretch\nyour legs", token: 0x00ab_cdef_0123_4567)

    @Test func aPayloadWithATokenRoundTrips() {
        #expect(reminder.payload == "token 00abcdef01234567\n10\n20\nstretch\nyour legs")
        #expect(Reminder(payload: reminder.payload) == reminder)
    }

    @Test func anOlderPayloadWithoutATokenStillLoads() {
        let older = Reminder(payload: "10\n20\ndrink water")
        #expect(older == Reminder(channelID: 10, userID: 20, text: "drink water", token: nil))
        #expect(older?.nonce == nil)
    }

    @Test(arguments: ["token 00ABCDEF01234567\n10\n20\nx", "token 123\n10\n20\nx", "token 00abcdef01234567", "10\n20", "x\n20\ny"])
    func damagedPayloadsAreRejected(_ payload: String) {
        #expect(Reminder(payload: payload) == nil)
    }

    @Test func theMessageEndsWithTheReferenceAndTheNonceCarriesTheToken() {
        let message = reminder.message(jobID: 1)
        #expect(message == "<@20> ⏰ reminder #1: stretch\nyour legs\n-# ref 00abcdef01234567")
        #expect(reminder.nonce == "r00abcdef01234567")
        #expect((reminder.nonce ?? "").count <= 25)
        #expect(reminder.isDelivered(in: message, jobID: 1))
    }

    @Test func onlyTheExactTokenOnTheLastLineCounts() {
        var other = reminder
        other.token = 0x00ab_cdef_0123_4568
        #expect(!reminder.isDelivered(in: other.message(jobID: 1), jobID: 1), "another reminder's token")
        #expect(!reminder.isDelivered(in: reminder.message(jobID: 1) + "0", jobID: 1), "a longer token")
        #expect(!reminder.isDelivered(in: "-# ref 00abcdef01234567\nquoted", jobID: 1), "not the last line")
        #expect(!reminder.isDelivered(in: "<@20> ⏰ reminder #1: stretch", jobID: 1), "the header is not the token")
    }

    @Test func withoutATokenTheExactHeaderCountsSoNumberOneIsNotNumberTen() {
        let older = Reminder(channelID: 10, userID: 20, text: "x")
        #expect(older.isDelivered(in: older.message(jobID: 1), jobID: 1))
        #expect(!older.isDelivered(in: older.message(jobID: 10), jobID: 1))
        #expect(!older.isDelivered(in: "see ⏰ reminder #1: x", jobID: 1))
    }
}
