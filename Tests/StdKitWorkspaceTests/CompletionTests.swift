import StdKitModel
import StdKitSyntax
import Testing
@testable import StdKitWorkspace

@Suite struct CompletionTests {
    /// The fixture's course with line 14 as an author is typing it.
    func typing(_ line14: String, in files: [String: String] = QueryFixture.files) async throws -> Workspace {
        let workspace = try await QueryFixture.workspace(files)
        var lines = QueryFixture.course.components(separatedBy: "\n")
        lines[13] = line14
        _ = await workspace.open("courses/weld.md", text: lines.joined(separator: "\n"), version: 2)
        return workspace
    }

    func labels(_ candidates: [CompletionCandidate]) -> [String] {
        candidates.map { "\($0.label) \($0.detail) \($0.replacing.lowerBound)-\($0.replacing.upperBound)" }
    }

    @Test func afterTheArrowDocumentsOfTheKindsTheItemMayReferenceReplacingWhatIsTyped() async throws {
        // "- **LO2** 能调试 → JOB-": the arrow at 15, "JOB-" at 17..<21. A course's outcomes
        // reference job profiles, programmes and certificates: no course is offered.
        let workspace = try await typing("- **LO2** 能调试 → JOB-")
        let candidates = await workspace.completion("courses/weld.md", at: QueryFixture.at(14, 21))
        #expect(labels(candidates) == ["JOB-WELD 焊接机器人操作员 14:17-14:21"])
        #expect(candidates.map(\.kind) == [.document])
        let empty = await workspace.completion("courses/weld.md", at: QueryFixture.at(14, 17))
        #expect(labels(empty) == ["JOB-WELD 焊接机器人操作员 14:17-14:17"])
        let lowerCase = try await typing("- **LO2** 能调试 -> job")
        #expect(labels(await lowerCase.completion("courses/weld.md", at: QueryFixture.at(14, 21))) == ["JOB-WELD 焊接机器人操作员 14:18-14:21"])
    }

    @Test func afterACommaAndAHashTheTargetsItemsWithTheirStatements() async throws {
        let workspace = try await typing("- **LO2** 能调试 → JOB-WELD#R1， JOB-WELD#")
        // "JOB-WELD#" after the full-width comma: at 30..<39, the item part empty at 39.
        let candidates = await workspace.completion("courses/weld.md", at: QueryFixture.at(14, 39))
        #expect(labels(candidates) == ["R1 能完成开机🤖与急停测试。 14:39-14:39", "R2 能示教编程。 14:39-14:39"])
        #expect(candidates.map(\.kind) == [.item, .item])
        let pinned = try await typing("- **LO2** 能调试 → JOB-WELD@1#R2")
        #expect(labels(await pinned.completion("courses/weld.md", at: QueryFixture.at(14, 30))) == ["R2 能示教编程。 14:28-14:30"])
    }

    @Test func aHashAloneIsAnItemOfTheSameDocument() async throws {
        let workspace = try await QueryFixture.workspace()
        // jobs/weld.md line 14: "- **R2** 能示教编程。 → #R1"; "#R1" at 19..<22.
        let candidates = await workspace.completion("jobs/weld.md", at: QueryFixture.at(14, 22))
        #expect(labels(candidates) == ["R1 能完成开机🤖与急停测试。 14:20-14:22"])
        let both = await workspace.completion("jobs/weld.md", at: QueryFixture.at(14, 20))
        #expect(both.map(\.label) == ["R1", "R2"])
    }

    @Test func nothingInProseHeadingsOrBeforeTheArrow() async throws {
        let workspace = try await typing("本课程对接 → JOB-")
        #expect(await workspace.completion("courses/weld.md", at: QueryFixture.at(14, 14)) == [])
        #expect(await workspace.completion("courses/weld.md", at: QueryFixture.at(10, 6)) == [])
        #expect(await workspace.completion("courses/weld.md", at: QueryFixture.at(13, 12)) == [])
        #expect(await workspace.completion("courses/weld.md", at: QueryFixture.at(99, 1)) == [])
        #expect(await workspace.completion("nowhere.md", at: QueryFixture.at(1, 1)) == [])
    }

    @Test func frontMatterEnumValuesPartiesAndReferenceFields() async throws {
        var files = QueryFixture.files
        files["courses/weld.md"] = QueryFixture.course
            .replacingOccurrences(of: "status: draft\n", with: "status: dr\nowner: \ncategory: \"pro\napprovals:\n  - {party: sz, version: 1.0.0}\nparties:\n  - acme\n  - \n")
            .replacingOccurrences(of: "prerequisites: [COURSE-BASE]", with: "prerequisites: [COURSE-BASE, C]")
        let workspace = try await QueryFixture.workspace(files)
        let path = "courses/weld.md"
        #expect(labels(await workspace.completion(path, at: QueryFixture.at(6, 11))) == ["draft status 6:9-6:11"])
        #expect(labels(await workspace.completion(path, at: QueryFixture.at(7, 8))) == [
            "acme 某汽车制造有限公司 7:8-7:8", "szpt 深圳某职业技术学院 7:8-7:8",
        ])
        #expect(labels(await workspace.completion(path, at: QueryFixture.at(8, 15))) == [
            "professional-basic category 8:12-8:15", "professional-core category 8:12-8:15", "professional-elective category 8:12-8:15",
        ])
        // "  - {party: sz": "sz" at 13..<15.
        #expect(labels(await workspace.completion(path, at: QueryFixture.at(10, 15))) == ["szpt 深圳某职业技术学院 10:13-10:15"])
        // A block list's new entry under "parties:".
        #expect(labels(await workspace.completion(path, at: QueryFixture.at(13, 5))).count == 2)
        // "prerequisites: [COURSE-BASE, C": courses only (this one's front matter does not read
        // while the quote is open, so it is a page with no id for now).
        #expect(labels(await workspace.completion(path, at: QueryFixture.at(14, 31))) == ["COURSE-BASE 基础 14:30-14:31"])
        // A key being typed, the title's text: nothing.
        #expect(await workspace.completion(path, at: QueryFixture.at(4, 3)) == [])
        #expect(await workspace.completion(path, at: QueryFixture.at(4, 10)) == [])
    }

    @Test func theFlagshipOffersItsUpstreamsPrefixAndThenTheUpstreamsDocuments() async throws {
        let workspace = try await QueryFixture.flagship()
        let path = "courses/professional-core/robot-programming.md"
        let text = try #require(await workspace.buffer(of: path)).text
        let line = "- **LO9** 能按作业指导书完成程序备份 → "
        _ = await workspace.open(path, text: text + line + "ns:\n", version: 2)
        let lineNumber = text.components(separatedBy: "\n").count
        // "ns:" at 27..<30.
        let afterPrefix = await workspace.completion(path, at: QueryFixture.at(lineNumber, 30))
        #expect(labels(afterPrefix) == ["PROG-NS-460305 高等职业学校工业机器人技术专业教学标准 \(lineNumber):30-\(lineNumber):30"])
        let atArrow = await workspace.completion(path, at: QueryFixture.at(lineNumber, 27))
        #expect(atArrow.filter { $0.kind == .upstream }.map(\.label) == ["ns:"])
        #expect(atArrow.filter { $0.kind == .document }.map(\.label) == [
            "CERT-ROBOT-OM", "JOB-ROBOT-MAINTAINER", "JOB-ROBOT-OPERATOR", "JOB-WELD-ROBOT", "PROG-ROBOT-460305",
        ])
    }
}
