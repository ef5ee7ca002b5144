import ApusPlugins
import Testing

@Suite("Level curve: the original bot's formulas and their float boundary")
struct LevelCurveTests {
    @Test("XP needed per level, exponent 2 and 3")
    func thresholds() {
        // IEEE double, as Python computes it: 500 * (1/5)**2 is 20.000000000000004, so compare within a hair.
        let square = LevelCurve(exponent: 2)
        let squares: [Double] = [20, 80, 180, 320, 500, 720, 980, 1280, 1620, 2000]
        for (level, xp) in zip(1...10, squares) {
            #expect(abs(square.xpRequired(forLevel: level) - xp) < 1e-9)
        }
        let cube = LevelCurve(exponent: 3)
        let expected: [Double] = [4, 32, 108, 256, 500, 864, 1372, 2048, 2916, 4000]
        for (level, xp) in zip(1...10, expected) {
            #expect(abs(cube.xpRequired(forLevel: level) - xp) < 1e-9)
        }
    }

    @Test("the boundary trap: level(xp(L)) is L-1 at exactly the levels Python finds")
    func boundaryTrap() {
        let square = LevelCurve(exponent: 2)
        #expect((0...100).filter { square.level(forXP: square.xpRequired(forLevel: $0)) != $0 } == [39, 78])
        let cube = LevelCurve(exponent: 3)
        let cubeMisses = (0...100).filter { cube.level(forXP: cube.xpRequired(forLevel: $0)) != $0 }
        #expect(cubeMisses.count == 70)
        #expect(Array(cubeMisses.prefix(5)) == [17, 19, 20, 24, 25])
        #expect(cube.level(forXP: 32000) == 19)
    }

    @Test("negative XP is level 0; exponent 0 falls back to 2")
    func edges() {
        #expect(LevelCurve().level(forXP: -50) == 0)
        #expect(LevelCurve(exponent: 0).exponent == 2)
        #expect(LevelCurve(exponent: 0).level(forXP: 2000) == 10)
    }

    @Test("progress uses the stored level; the bar has ten segments")
    func progress() {
        let curve = LevelCurve(exponent: 2)
        // xp(2) is 80.00000000000001, so the original shows 59/99 here, not 60/100; Apus truncates the same way.
        let progress = curve.progress(xp: 140, level: 2)
        #expect(progress.current == 59 && progress.target == 99)
        let exact = curve.progress(xp: 600, level: 5)
        #expect(exact.current == 100 && exact.target == 220)
        #expect(LevelCurve.progressBar(current: 60, target: 100) == "`▰▰▰▰▰▰▱▱▱▱` 60/100")
        #expect(LevelCurve.progressBar(current: 0, target: 0) == "`▰▰▰▰▰▰▰▰▰▰` 0/0")
    }
}
