import ApusConfig
import Testing

@Suite struct SecretTests {
    private let token = "MTIzNDU2.secret-token-value"
    private let password = "pa55word-xyz"

    @Test func tokenAndSecretsNeverAppearInDescriptions() throws {
        let config = try load(
            "[bot]\ndatabase_url = \"postgres://apus:\(password)@db/apus\"\n[extras]\napi_key = \"\(password)\"\n",
            environment: ["DISCORD_TOKEN": token])
        #expect(config.bot.token?.revealed == token)
        var dumped = ""
        dump(config, to: &dumped)
        for text in [config.description, String(describing: config.bot), "\(config.bot.token as Any)", dumped,
            String(reflecting: config.bot.databaseURL)]
        {
            #expect(!text.contains(token))
            #expect(!text.contains(password))
        }
        #expect(config.description.contains("bot.database_url = <redacted>"))
        #expect(config.description.contains("extras.api_key = <redacted>"))
        #expect(config.description.contains("bot.prefix = \"!\""))
    }

    @Test func tokenFromAConfiguredVariable() throws {
        let config = try load("[bot]\ntoken_env = \"MY_BOT_TOKEN\"\n", environment: ["MY_BOT_TOKEN": token, "DISCORD_TOKEN": "other"])
        #expect(config.bot.token?.revealed == token)
        let unset = try load("", environment: ["DISCORD_TOKEN": ""])
        #expect(unset.bot.token == nil)
    }

    @Test func secretValuesAreNotEchoedInErrors() throws {
        let found = try issues("[extras]\napi_key = 12345\n")
        #expect(found.map(\.path.description) == ["extras.api_key"])
        #expect(!found.description.contains("12345"))
        let schema = try ConfigSchema.core.registering(
            ConfigSection("vault", doc: "Secrets.", keys: [
                ConfigKey("pin", .integer(range: 0...9999), secret: true, doc: "A secret number."),
            ]))
        do {
            _ = try ConfigLoader(schema: schema).load(text: "[vault]\npin = 123456\n", environment: ["APUS_VAULT__PIN": "98765x"])
            Issue.record("expected failure")
        } catch {
            let text = error.description
            #expect(!text.contains("123456"))
            #expect(!text.contains("98765x"))
            #expect(text.contains("vault.pin"))
        }
    }
}
