import ApusConfig
import FuzzSupport

/// A plugin section with every value type, beside the core `[bot]` section.
private let schema: ConfigSchema = {
    let section = ConfigSection.plugin("levels", doc: "Levels.", keys: [
        ConfigKey("channels", .array(of: .snowflake), default: .array([]), guildOverridable: true, doc: "Channels."),
        ConfigKey("cooldown", .integer(range: 0...86_400), default: .integer(1), doc: "Seconds."),
        ConfigKey("ratio", .double(range: 0...10), default: .double(1), doc: "Ratio."),
        ConfigKey("every", .duration, default: .duration(.seconds(60)), doc: "Period."),
        ConfigKey("mode", .string(choices: ["a", "b"]), default: .string("a"), doc: "Mode."),
        ConfigKey("roles", .tableArray(fields: [
            ConfigKey("level", .integer(range: 0...100), required: true, doc: "Level."),
            ConfigKey("role_id", .snowflake, required: true, doc: "Role."),
        ]), default: .array([]), doc: "Rewards."),
    ])
    guard let schema = try? ConfigSchema(registering: [section]) else { fatalError("fuzz-config: invalid schema") }
    return schema
}()

/// The input is split into a TOML document and up to four `NAME=value` environment overrides.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let document = input.piece()
    var environment: [String: String] = [:]
    let names = ["APUS_BOT__PREFIX", "APUS_LEVELS__COOLDOWN", "APUS_DATABASE_URL", "APUS_LEVELS__ROLES"]
    for name in names where !input.isAtEnd {
        environment[name] = input.text()
    }
    if let config = try? ConfigLoader(schema: schema).load(bytes: document, environment: environment) {
        _ = config.description
        _ = config.bot.description
    }
    return 0
}
