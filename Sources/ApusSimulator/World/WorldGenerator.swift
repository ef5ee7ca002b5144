import ApusCore

/// Builds the simulated guilds deterministically from the configuration's seed and counts.
struct WorldGenerator {
    /// The ids and names of the roles every generated guild has, lowest position first (after @everyone).
    enum RoleSlot: Int, CaseIterable {
        case muted = 1, member, bot, moderator, admin
    }

    static let firstNames = [
        "ada", "brook", "cyrus", "dana", "eli", "fern", "gus", "hana", "ivo", "juno", "kai", "lena", "milo", "nora",
        "otto", "pia", "quin", "rosa", "sami", "tova", "uli", "vera", "wren", "xavi", "yuki", "zoe",
    ]
    static let globalNames = [
        "Zoë", "Björn", "Renée", "José", "Łukasz", "Søren", "Ана", "Дмитрий", "さくら", "太郎", "민준", "Αλέξης",
        "Chloé", "Mía", "Ömer", "Ngọc", "🦊 Fox", "Åsa",
    ]

    let configuration: SimulatorConfiguration
    /// A fixed wall-clock moment the generated ids and join dates sit before (2025-06-01T00:00:00Z).
    static let generationEpochMilliseconds: UInt64 = 1_748_736_000_000

    /// Generates every guild, every user, and the bot user.
    func generate() -> (guilds: [WorldGuild], users: [UInt64: WorldUser]) {
        var random = SeededRandom(seed: configuration.seed ^ 0x5157_4F52_4C44)
        var users: [UInt64: WorldUser] = [:]
        let bot = WorldUser(id: configuration.botUserID, username: "apus-sim-bot", globalName: nil, bot: true)
        users[bot.id] = bot
        var guilds: [WorldGuild] = []
        var increment: UInt64 = 0
        func nextID(_ random: inout SeededRandom, spreadDays: UInt64 = 3000) -> UInt64 {
            increment += 1
            let back = random.next() % (spreadDays * 86_400_000)
            return Snowflake.make(
                unixMilliseconds: Self.generationEpochMilliseconds - back, worker: random.next() % 32,
                process: random.next() % 32, increment: increment)
        }
        for guildIndex in 0..<max(0, configuration.guildCount) {
            let guildID = nextID(&random)
            var roles = [
                WorldRole(
                    id: guildID, name: "@everyone",
                    permissions: SimulatorPermission.viewChannel | SimulatorPermission.sendMessages
                        | SimulatorPermission.readMessageHistory | SimulatorPermission.addReactions
                        | SimulatorPermission.embedLinks | SimulatorPermission.attachFiles
                        | SimulatorPermission.connect | SimulatorPermission.speak
                        | SimulatorPermission.createInstantInvite,
                    position: 0)
            ]
            for slot in RoleSlot.allCases {
                roles.append(WorldRole(
                    id: nextID(&random), name: Self.roleName(slot), permissions: Self.rolePermissions(slot),
                    position: slot.rawValue, color: Self.roleColor(slot), hoist: slot == .moderator || slot == .admin,
                    managed: slot == .bot))
            }
            let roleID = { (slot: RoleSlot) in roles[slot.rawValue].id }
            var members: [WorldMember] = []
            members.append(WorldMember(
                userID: bot.id, nick: nil, roleIDs: [roleID(.bot)],
                joinedAtMilliseconds: Self.generationEpochMilliseconds - 86_400_000, communicationDisabledUntil: nil,
                status: "online"))
            var ownerID = bot.id
            for memberIndex in 0..<max(0, configuration.membersPerGuild) {
                let userID = nextID(&random)
                let first = Self.firstNames[Int(random.next() % UInt64(Self.firstNames.count))]
                let username = "\(first)_\(guildIndex)_\(memberIndex)"
                let globalName: String? =
                    switch random.next() % 3 {
                    case 0: nil
                    case 1: Self.globalNames[Int(random.next() % UInt64(Self.globalNames.count))]
                    default: first.capitalized
                    }
                users[userID] = WorldUser(id: userID, username: username, globalName: globalName)
                let memberRoles: [UInt64] =
                    switch memberIndex {
                    case 0: [roleID(.admin), roleID(.member)]
                    case 1: [roleID(.moderator), roleID(.member)]
                    case 2: [roleID(.muted)]
                    default: random.next() % 4 == 0 ? [] : [roleID(.member)]
                    }
                if memberIndex == 0 { ownerID = userID }
                let statuses = ["online", "idle", "dnd", "offline"]
                members.append(WorldMember(
                    userID: userID, nick: random.next() % 5 == 0 ? "nick-\(first)" : nil, roleIDs: memberRoles,
                    joinedAtMilliseconds: Snowflake.unixMilliseconds(of: userID) + 3_600_000,
                    communicationDisabledUntil: nil, status: statuses[Int(random.next() % 4)]))
            }
            var channels: [WorldChannel] = []
            let categoryID = nextID(&random)
            channels.append(WorldChannel(
                id: categoryID, kind: .category, guildID: guildID, name: "Text Channels", position: 0, parentID: nil))
            for channelIndex in 0..<max(0, configuration.textChannelsPerGuild) {
                channels.append(WorldChannel(
                    id: nextID(&random), kind: .text, guildID: guildID,
                    name: channelIndex == 0 ? "general" : "channel-\(channelIndex)", position: channelIndex,
                    parentID: categoryID, topic: channelIndex == 0 ? "General chatter" : nil))
            }
            channels.append(WorldChannel(
                id: nextID(&random), kind: .text, guildID: guildID, name: "staff-only",
                position: configuration.textChannelsPerGuild, parentID: categoryID, topic: "Moderators only",
                overwrites: [
                    WorldOverwrite(id: guildID, isRole: true, allow: 0, deny: SimulatorPermission.viewChannel),
                    WorldOverwrite(
                        id: roleID(.moderator), isRole: true, allow: SimulatorPermission.viewChannel, deny: 0),
                ]))
            channels.append(WorldChannel(
                id: nextID(&random), kind: .voice, guildID: guildID, name: "Voice", position: 0, parentID: nil))
            guilds.append(WorldGuild(
                id: guildID, name: "Apus Sim Guild \(guildIndex + 1)", ownerID: ownerID, roles: roles,
                channels: channels, members: members))
        }
        return (guilds, users)
    }

    static func roleName(_ slot: RoleSlot) -> String {
        switch slot {
        case .muted: "Muted"
        case .member: "Member"
        case .bot: "Apus Bot"
        case .moderator: "Moderator"
        case .admin: "Admin"
        }
    }

    static func roleColor(_ slot: RoleSlot) -> Int {
        switch slot {
        case .muted: 0x99AAB5
        case .member: 0x2ECC71
        case .bot: 0x5865F2
        case .moderator: 0xE67E22
        case .admin: 0xE74C3C
        }
    }

    static func rolePermissions(_ slot: RoleSlot) -> UInt64 {
        switch slot {
        case .muted: 0
        case .member: SimulatorPermission.embedLinks | SimulatorPermission.attachFiles
        case .bot, .moderator:
            SimulatorPermission.banMembers | SimulatorPermission.kickMembers | SimulatorPermission.moderateMembers
                | SimulatorPermission.manageRoles | SimulatorPermission.manageMessages
                | SimulatorPermission.manageNicknames | SimulatorPermission.viewChannel
                | SimulatorPermission.sendMessages
        case .admin: SimulatorPermission.administrator
        }
    }
}
