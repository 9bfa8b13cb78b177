import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

@Suite("duplicate-heading")
struct DuplicateHeadingTests {
    static func findings(_ files: [String: String]) async throws -> [Diagnostic] {
        try await RuleCatalogueTests.findings(of: RuleExample(files)).filter { $0.rule == "duplicate-heading" }
    }

    /// Siblings share their nearest enclosing heading and level; titles are matched as the
    /// section matcher normalizes them (a numbering prefix, full-width or not, is no difference).
    @Test func siblingsOnly() async throws {
        let text = """
        # 课程标准

        ## 一、课程目标

        ### 知识目标

        ## 二、教学内容

        ### 知识目标

        ## 课程目标

        ### 知识目标

        ### 知识目标

        """
        let found = try await Self.findings(["a.md": text])
        #expect(found.map { "\($0.location.line) \($0.notes.map { "\($0.location.line)" })" } == ["11 [\"3\"]", "15 [\"13\"]"])
    }

    /// On made-up documents, a few headings and many (each side of the point where the rule
    /// changes how it remembers the first of each title), the findings are those of the rule as
    /// written plainly: for each heading, the earlier heading under the same parent, at the
    /// same level, with the same normalized title.
    @Test func theSameAsComparingEveryEarlierHeading() async throws {
        let titles = ["目标", "一、目标", "内容", "（1）内容", "Assessment", "assessment ", "考核"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ count: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(count))
        }
        var files: [String: String] = [:]
        var expected: [String] = []
        for (number, count) in [2, 5, DuplicateHeading.fewHeadings, DuplicateHeading.fewHeadings + 1, 60, 300].enumerated() {
            let path = "d\(number).md"
            var headings: [(line: Int, level: Int, title: String)] = []
            var text = ""
            var line = 1
            for _ in 0..<count {
                let level = 1 + next(3)
                let title = titles[next(titles.count)]
                text += String(repeating: "#", count: level) + " " + title + "\n\n文字。\n\n"
                headings.append((line, level, title))
                line += 4
            }
            files[path] = text
            for (index, heading) in headings.enumerated() {
                let parent = headings[..<index].lastIndex { $0.level < heading.level }
                let first = headings[..<index].indices.first { earlier in
                    headings[earlier].level == heading.level
                        && SectionMatcher.normalized(headings[earlier].title) == SectionMatcher.normalized(heading.title)
                        && headings[..<earlier].lastIndex { $0.level < heading.level } == parent
                }
                if let first { expected.append("\(path):\(heading.line) first at \(headings[first].line)") }
            }
        }
        let found = try await Self.findings(files)
        let reported = found.map { "\($0.file):\($0.location.line) first at \($0.notes.first?.location.line ?? 0)" }
        #expect(reported.sorted() == expected.sorted())
        #expect(expected.count > 100)
    }
}
