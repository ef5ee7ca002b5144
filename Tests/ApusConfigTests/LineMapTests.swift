import ApusConfig
import Testing

@Suite struct LineMapTests {
    private func line(_ map: TOMLLineMap, _ components: ConfigPath.Component...) -> Int? {
        map.lines[ConfigPath(components)]
    }

    @Test func tablesAndPlainKeys() {
        let map = TOMLLineMap(text: "# top\n[bot]\nprefix = \"!\"\n\n[levels]\ncooldown = 1\n")
        #expect(line(map, .key("bot")) == 2)
        #expect(line(map, .key("bot"), .key("prefix")) == 3)
        #expect(line(map, .key("levels")) == 5)
        #expect(line(map, .key("levels"), .key("cooldown")) == 6)
    }

    @Test func arrayOfTablesIsIndexAware() {
        let text = """
            [[levels.roles]]
            level = 1
            [[levels.roles]]
            level = 2

            [[levels.roles]]
            level = 3
            role_id = 9
            [levels]
            cooldown = 4
            """
        let map = TOMLLineMap(text: text)
        let roles: [ConfigPath.Component] = [.key("levels"), .key("roles")]
        #expect(map.lines[ConfigPath(roles + [.index(0), .key("level")])] == 2)
        #expect(map.lines[ConfigPath(roles + [.index(1), .key("level")])] == 4)
        #expect(map.lines[ConfigPath(roles + [.index(2)])] == 6)
        #expect(map.lines[ConfigPath(roles + [.index(2), .key("level")])] == 7)
        #expect(map.lines[ConfigPath(roles + [.index(2), .key("role_id")])] == 8)
        #expect(line(map, .key("levels"), .key("cooldown")) == 10)
    }

    @Test func nestedArraysOfTablesAndSubtables() {
        let text = """
            [[fruits]]
            name = "apple"
            [fruits.physical]
            color = "red"
            [[fruits.varieties]]
            name = "red delicious"
            [[fruits]]
            name = "banana"
            [[fruits.varieties]]
            name = "plantain"
            """
        let map = TOMLLineMap(text: text)
        #expect(line(map, .key("fruits"), .index(0), .key("physical"), .key("color")) == 4)
        #expect(line(map, .key("fruits"), .index(0), .key("varieties"), .index(0), .key("name")) == 6)
        #expect(line(map, .key("fruits"), .index(1), .key("name")) == 8)
        #expect(line(map, .key("fruits"), .index(1), .key("varieties"), .index(0), .key("name")) == 10)
    }

    @Test func dottedAndQuotedKeys() {
        let map = TOMLLineMap(text: "a.b.c = 1\n\"odd key\" . 'x.y' = 2\n[ levels . \"sub\" ]\nk = 3\n")
        #expect(line(map, .key("a")) == 1)
        #expect(line(map, .key("a"), .key("b"), .key("c")) == 1)
        #expect(line(map, .key("odd key"), .key("x.y")) == 2)
        #expect(line(map, .key("levels"), .key("sub"), .key("k")) == 4)
        #expect(ConfigPath([.key("odd key"), .key("x.y")]).description == "\"odd key\".\"x.y\"")
    }

    @Test func inlineTablesAndArraysOfInlineTables() {
        let text = """
            limits = { per_user = 5, nested = { deep = 1 } }
            roles = [
              { level = 1, role_id = 10 },

              { level = 2,
                role_id = 20 },
            ]
            """
        let map = TOMLLineMap(text: text)
        #expect(line(map, .key("limits"), .key("per_user")) == 1)
        #expect(line(map, .key("limits"), .key("nested"), .key("deep")) == 1)
        #expect(line(map, .key("roles"), .index(0), .key("level")) == 3)
        #expect(line(map, .key("roles"), .index(1)) == 5)
        #expect(line(map, .key("roles"), .index(1), .key("role_id")) == 6)
    }

    @Test func multiLineArraysRecordElementLines() {
        let map = TOMLLineMap(text: "ids = [\n  1, # one\n  2,\n  [3, 4],\n]\nafter = true\n")
        #expect(line(map, .key("ids"), .index(0)) == 2)
        #expect(line(map, .key("ids"), .index(1)) == 3)
        #expect(line(map, .key("ids"), .index(2), .index(1)) == 4)
        #expect(line(map, .key("after")) == 6)
    }

    @Test func keysInsideStringsAreNotKeys() {
        let text = """
            a = \"\"\"
            fake = 1
            [fake_table]
            \\\"\"\" still = "inside"
            \"\"\"
            b = '''
            [[also_fake]]
            x = 2'''
            c = "# not a comment [x]"  # real comment = 3
            d = 'it''s' 
            e = \"\"\"quotes at the end\"\"\"\"\"
            f = 1
            """
        let map = TOMLLineMap(text: text)
        #expect(line(map, .key("fake")) == nil)
        #expect(line(map, .key("fake_table")) == nil)
        #expect(line(map, .key("also_fake")) == nil)
        #expect(line(map, .key("x")) == nil)
        #expect(line(map, .key("b")) == 6)
        #expect(line(map, .key("c")) == 9)
        #expect(line(map, .key("f")) == 12)
    }

    @Test func fallsBackToTheNearestAncestor() {
        let map = TOMLLineMap(text: "\n[levels]\nroles = []\n")
        #expect(map.line(for: ConfigPath([.key("levels"), .key("roles"), .index(3), .key("level")])) == 3)
        #expect(map.line(for: ConfigPath(keys: ["levels", "missing"])) == 2)
        #expect(map.line(for: ConfigPath(keys: ["nowhere"])) == nil)
    }

    @Test func malformedTextNeverTraps() {
        for text in ["[", "[[", "a = [", "a = {", "a = \"\"\"", "= 1", "a.=", "[a.]\n]", "x = [1,,2]", "\u{FEFF}a=1"] {
            _ = TOMLLineMap(text: text)
        }
    }

    @Test func errorLinesInsideMultiLineStringsAreCountedCorrectly() throws {
        let found = try issues(
            """
            [extras]
            mode = \"\"\"
            slow
            \"\"\"
            ratio = 2
            """)
        #expect(found.map(\.path.description) == ["extras.mode", "extras.ratio"])
        #expect(found.map(\.line) == [2, 5])
    }
}
