/// Which optional parts the benchmark's MESSAGE_CREATE payloads carry, and how often.
///
/// The default, ``corpus``, follows the corpus-derived mix of the project's gateway-ingest workload
/// (`Benchmarks/Sources/IngestWorkload`, BENCHMARKS.md §1): 20 % of messages mention 1-3 members of the guild (each
/// mention a user object with its `member`, as Discord sends it, and the first one also written into the content as
/// `<@id>`), 8 % carry a rich embed (title, description, url, color, footer). Attachments (10 %, 1-2 each) and replies
/// (20 %) are this benchmark's own shares and are the same in both mixes. ``plain`` is the earlier mix without
/// mentions and embeds (`--plain-messages`).
struct MessageMix: Sendable {
    /// Short name printed with the results.
    var name: String
    /// Share of messages that mention members.
    var mentionShare: Double
    /// How many members such a message mentions.
    var mentionsPerMessage: ClosedRange<Int>
    /// Share of messages with one rich embed.
    var embedShare: Double
    /// Share of messages with attachments.
    var attachmentShare: Double
    /// How many attachments such a message has.
    var attachmentsPerMessage: ClosedRange<Int>
    /// Share of messages that reply to a recent message.
    var replyShare: Double

    /// The ingest workload's corpus-derived mix (the default).
    static let corpus = MessageMix(
        name: "corpus", mentionShare: 0.2, mentionsPerMessage: 1 ... 3, embedShare: 0.08, attachmentShare: 0.1,
        attachmentsPerMessage: 1 ... 2, replyShare: 0.2
    )

    /// The earlier mix: no mentions, no embeds.
    static let plain = MessageMix(
        name: "plain", mentionShare: 0, mentionsPerMessage: 1 ... 3, embedShare: 0, attachmentShare: 0.1,
        attachmentsPerMessage: 1 ... 2, replyShare: 0.2
    )

    /// One line describing the mix, for the output.
    var summary: String {
        func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
        return "\(name) mix: \(percent(mentionShare)) with \(mentionsPerMessage.lowerBound)-\(mentionsPerMessage.upperBound) "
            + "mentions (user + member), \(percent(embedShare)) with a rich embed, \(percent(attachmentShare)) with "
            + "\(attachmentsPerMessage.lowerBound)-\(attachmentsPerMessage.upperBound) attachments, "
            + "\(percent(replyShare)) replies"
    }
}

/// What the generated messages actually contain, counted while generating (printed beside the mix).
struct MessageMixCounts: Sendable {
    var messages = 0
    var withMentions = 0
    var mentions = 0
    var withEmbed = 0
    var withAttachments = 0
    var attachments = 0
    var replies = 0
    var contentCharacters = 0
    var contentBytes = 0

    /// One line with the counts.
    var summary: String {
        "generated: \(messages) messages, \(withMentions) with mentions (\(mentions) mentions), \(withEmbed) with an embed, "
            + "\(withAttachments) with attachments (\(attachments) attachments), \(replies) replies; content "
            + "\(contentBytes) UTF-8 bytes"
    }
}
