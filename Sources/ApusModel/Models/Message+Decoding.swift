extension Message.Storage {
    /// Decodes a message object into this (fresh, unshared) box, writing each field in place: the message's fields
    /// are never assembled on the stack and copied into the box, and required fields are tracked with one bit each.
    /// Unknown keys are skipped; a missing required field throws ``JSONDecodingError/Reason/missingField(_:)`` for
    /// the first missing one in declaration order, as before.
    func decode(from reader: inout JSONReader) throws(JSONDecodingError) {
        var seen: UInt32 = 0
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { fields.id = try reader.decode() } catch { throw error.prefixingPath("id") }
                seen |= 1 << 0
            case "channel_id":
                do { fields.channelID = try reader.decode() } catch { throw error.prefixingPath("channel_id") }
                seen |= 1 << 1
            case "guild_id":
                do { fields.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "author":
                // The author and the member are decoded in place (``InPlaceDecodable``), not copied in.
                do { try reader.decode(into: &fields.author) } catch { throw error.prefixingPath("author") }
                seen |= 1 << 2
            case "member":
                do { try reader.decodeNullable(into: &fields.member) } catch { throw error.prefixingPath("member") }
            case "content":
                do { fields.content = try reader.decode() } catch { throw error.prefixingPath("content") }
                seen |= 1 << 3
            case "timestamp":
                do { fields.timestamp = try reader.decode() } catch { throw error.prefixingPath("timestamp") }
                seen |= 1 << 4
            case "edited_timestamp":
                do { fields.editedTimestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("edited_timestamp") }
            case "tts":
                do { fields.tts = try reader.decode() } catch { throw error.prefixingPath("tts") }
                seen |= 1 << 5
            case "mention_everyone":
                do { fields.mentionEveryone = try reader.decode() } catch { throw error.prefixingPath("mention_everyone") }
                seen |= 1 << 6
            case "mentions":
                do { fields.mentions = try reader.decode() } catch { throw error.prefixingPath("mentions") }
                seen |= 1 << 7
            case "mention_roles":
                do { fields.mentionRoles = try reader.decode() } catch { throw error.prefixingPath("mention_roles") }
                seen |= 1 << 8
            case "mention_channels":
                do { fields.mentionChannels = try reader.decodeNullable() } catch { throw error.prefixingPath("mention_channels") }
            case "attachments":
                do { fields.attachments = try reader.decode() } catch { throw error.prefixingPath("attachments") }
                seen |= 1 << 9
            case "embeds":
                do { fields.embeds = try reader.decode() } catch { throw error.prefixingPath("embeds") }
                seen |= 1 << 10
            case "reactions":
                do { fields.reactions = try reader.decodeNullable() } catch { throw error.prefixingPath("reactions") }
            case "nonce":
                do { fields.nonce = try reader.decodeNullable() } catch { throw error.prefixingPath("nonce") }
            case "pinned":
                do { fields.pinned = try reader.decode() } catch { throw error.prefixingPath("pinned") }
                seen |= 1 << 11
            case "webhook_id":
                do { fields.webhookID = try reader.decodeNullable() } catch { throw error.prefixingPath("webhook_id") }
            case "type":
                do { fields.`type` = try reader.decode() } catch { throw error.prefixingPath("type") }
                seen |= 1 << 12
            case "activity":
                do { fields.activity = try reader.decodeNullable() } catch { throw error.prefixingPath("activity") }
            case "application_id":
                do { fields.applicationID = try reader.decodeNullable() } catch { throw error.prefixingPath("application_id") }
            case "message_reference":
                do { fields.messageReference = try reader.decodeNullable() } catch { throw error.prefixingPath("message_reference") }
            case "flags":
                do { fields.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "referenced_message":
                do { fields.referencedMessage = try reader.decodeNullable() } catch { throw error.prefixingPath("referenced_message") }
            case "interaction_metadata":
                do { fields.interactionMetadata = try reader.decodeNullable() } catch { throw error.prefixingPath("interaction_metadata") }
            case "thread":
                do { fields.thread = try reader.decodeNullable() } catch { throw error.prefixingPath("thread") }
            case "components":
                do { fields.components = try reader.decodeNullable() } catch { throw error.prefixingPath("components") }
            case "sticker_items":
                do { fields.stickerItems = try reader.decodeNullable() } catch { throw error.prefixingPath("sticker_items") }
            case "poll":
                do { fields.poll = try reader.decodeNullable() } catch { throw error.prefixingPath("poll") }
            case "position":
                do { fields.position = try reader.decodeNullable() } catch { throw error.prefixingPath("position") }
            default: try reader.skipValue()
            }
        }
        guard seen & (1 << 0) != 0 else { throw reader.error(.missingField("id")) }
        guard seen & (1 << 1) != 0 else { throw reader.error(.missingField("channel_id")) }
        guard seen & (1 << 2) != 0 else { throw reader.error(.missingField("author")) }
        guard seen & (1 << 3) != 0 else { throw reader.error(.missingField("content")) }
        guard seen & (1 << 4) != 0 else { throw reader.error(.missingField("timestamp")) }
        guard seen & (1 << 5) != 0 else { throw reader.error(.missingField("tts")) }
        guard seen & (1 << 6) != 0 else { throw reader.error(.missingField("mention_everyone")) }
        guard seen & (1 << 7) != 0 else { throw reader.error(.missingField("mentions")) }
        guard seen & (1 << 8) != 0 else { throw reader.error(.missingField("mention_roles")) }
        guard seen & (1 << 9) != 0 else { throw reader.error(.missingField("attachments")) }
        guard seen & (1 << 10) != 0 else { throw reader.error(.missingField("embeds")) }
        guard seen & (1 << 11) != 0 else { throw reader.error(.missingField("pinned")) }
        guard seen & (1 << 12) != 0 else { throw reader.error(.missingField("type")) }
    }
}
