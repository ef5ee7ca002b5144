import ApusCommands
import ApusModel

/// A small bot's command set used by the router, help and slash tests. Handlers reply with what they received.
enum CommandsFixture {
    static func ban() -> Command {
        Command(
            "ban", aliases: ["b"], description: "Ban a member", category: "Moderation",
            parameters: [.member("target", "Who to ban"), .flags(ModerationFlags.ban)],
            checks: [.hasPermissions(.banMembers), .botHasPermissions(.banMembers), .hierarchy(over: "target")],
            guildOnly: true, defaultMemberPermissions: .banMembers
        ) { context, args in
            let flags = args.flags
            try await context.reply(
                "banned \(args.member("target")?.user.username ?? "?") reason=\(flags?.string("reason") ?? "-") purge=\(flags?.integer("purge") ?? -1) silent=\(flags?.bool("silent") ?? false)"
            )
        }
    }

    static func tempban() -> Command {
        Command(
            "tempban", description: "Ban a member for a while", category: "Moderation",
            parameters: [.member("target", "Who to ban"), .flags(ModerationFlags.tempBan)],
            checks: [.hasPermissions(.banMembers)], guildOnly: true
        ) { context, args in
            try await context.reply("tempbanned for \(args.flags?.duration("duration") ?? .zero)")
        }
    }

    static func levels() -> Command {
        Command(group: "levels", aliases: ["lvl"], description: "Manage levels", category: "Levels", guildOnly: true) {
            Command("set", description: "Set a member's level", category: "Levels",
                    parameters: [.member("member", "The member"), .integer("new_level", "The level", range: 0...1000)],
                    checks: [.hasPermissions(.manageGuild)]) { context, args in
                try await context.reply("level of \(args.member("member")?.user.username ?? "?") = \(args.integer("new_level") ?? -1)")
            }
            Command("show", description: "Show a member's level", category: "Levels",
                    parameters: [.member("member", "The member", required: false)]) { context, args in
                try await context.reply("showing \(args.member("member")?.user.username ?? args.invocation.author.username)")
            }
        }
    }

    static func remind() -> Command {
        Command(
            "remindme", description: "Remind you later", category: "Utility",
            parameters: [.duration("time", "When", grammar: .compactUnits), .text("reminder", "What", maxLength: 200)]
        ) { context, args in
            try await context.reply("in \(args.duration("time") ?? .zero): \(args.string("reminder") ?? "")")
        }
    }

    static func daily() -> Command {
        Command("daily", description: "Claim a reward", category: "Utility",
                cooldown: CooldownPolicy(rate: 1, per: .seconds(10), bucket: .user)) { context, _ in
            try await context.reply("claimed")
        }
    }

    static func echo() -> Command {
        Command("echo", description: "Repeat words", category: "Utility",
                parameters: [.string("word", "A word"), .integer("times", "How often", range: 1...3, required: false, default: 1)]) { context, args in
            try await context.reply(Array(repeating: args.string("word") ?? "", count: args.integer("times") ?? 0).joined(separator: " "))
        }
    }

    static func avatar() -> Command {
        Command("avatar", description: "Set the avatar", category: "Utility", parameters: [.attachment("image", "The picture")],
                availability: .prefixOnly) { context, args in
            try await context.reply("got \(args.attachment("image")?.filename ?? "-")")
        }
    }

    static func slashOnly() -> Command {
        Command("poll", description: "Create a poll", category: "Utility",
                parameters: [.choice("kind", "Kind", [CommandChoice("Yes/No", value: "yesno"), CommandChoice("Multiple", value: "multi")])],
                availability: .slashOnly) { context, args in
            try await context.reply("poll \(args.string("kind") ?? "-")")
        }
    }

    static func shutdown() -> Command {
        Command("shutdown", description: "Stop the bot", category: "Owner", checks: [.ownerOnly]) { context, _ in
            try await context.reply("bye")
        }
    }

    static func crash() -> Command {
        Command("crash", description: "Always fails", category: "Owner") { _, _ in
            struct InternalDatabaseError: Error {}
            throw InternalDatabaseError()
        }
    }

    static func slowmode() -> Command {
        Command("slowmode", description: "Set slow mode", category: "Moderation",
                parameters: [.channel("channel", "Where", types: [.guildText]), .boolean("enabled", "On or off")],
                checks: [.custom { invocation, _ in invocation.author.id == World.aliceID ? "Alice may not." : nil }]) { context, args in
            try await context.reply("slowmode \(args.channel("channel")?.name ?? "-") \(args.boolean("enabled") ?? false)")
        }
    }

    static func tree() throws -> CommandTree {
        try CommandTree {
            ban()
            tempban()
            levels()
            remind()
            daily()
            echo()
            avatar()
            slashOnly()
            shutdown()
            crash()
            slowmode()
        }
    }
}
