/// The kinds of Discord objects the cache can hold; each one can be switched off on its own.
public enum CacheResource: String, Sendable, Hashable, CaseIterable {
    /// Guild records (name, owner, counts, role and channel ids).
    case guilds
    /// Guild channels and threads.
    case channels
    /// Guild roles.
    case roles
    /// Guild members (per guild).
    case members
    /// Users shared by members (one record per user however many guilds they share with the bot).
    case users
    /// Presence status and custom status text per guild member.
    case presences
    /// Recent messages per channel.
    case messages
    /// Voice states per guild member in a voice channel.
    case voiceStates
}
