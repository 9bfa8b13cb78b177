import Testing
@testable import StdKitDiff
import StdKitSyntax

@Suite("Word-level diff")
struct WordDiffTests {
    @Test func rewrappingIsNoChange() {
        #expect(!WordDiff(old: "能根据焊接工艺卡\n示教编程", new: "能根据焊接\n工艺卡示教编程").changed)
        #expect(!WordDiff(old: "Adjust welding\ncurrent", new: "Adjust  welding current").changed)
    }

    @Test func wordsAndCharacters() {
        let english = WordDiff(old: "judge the weld bead", new: "judge the weld seam")
        #expect(english.segments.map(\.kind) == [.same, .removed, .added])
        #expect(english.segments.map(\.text) == ["judge the weld", " bead", " seam"])
        let chinese = WordDiff(old: "判断焊缝质量", new: "判断焊缝成形质量")
        #expect(chinese.segments.map(\.text) == ["判断焊缝", "成形", "质量"])
    }

    @Test(arguments: [("1.2.3", "1.2.4", Bump.patch), ("1.2.3", "1.3.0", .minor), ("1.2.3", "2.0.0", .major),
                      ("1.2.3", "1.2.3", .none), ("2.0.0", "1.9.9", .none)])
    func bumpBetweenVersions(old: String, new: String, bump: Bump) {
        #expect(Bump.between(old, new) == bump)
    }

    @Test func bumpApplies() {
        #expect(Bump.minor.apply(to: "1.10.3") == "1.11.0")
        #expect(Bump.major.apply(to: "1.10.3") == "2.0.0")
        #expect(Bump.patch.apply(to: "1.10") == nil)
    }

    @Test func criticMarkup() {
        #expect(CriticMarkup.render(old: "甲\n判断焊缝质量\n乙", new: "甲\n判断焊缝成形质量\n乙") == "甲\n判断焊缝{++成形++}质量\n乙")
        #expect(CriticMarkup.render(old: "a\nb", new: "a") == "a\n{--b--}")
        #expect(CriticMarkup.render(old: "level 3", new: "level 4") == "level {~~3~>4~~}")
    }
}
