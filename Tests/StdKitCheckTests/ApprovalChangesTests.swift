import Testing
@testable import StdKitCheck
import StdKitModel
import StdKitSyntax

/// What a stale approval says changed since it was given: the semantic diff of the approved
/// revision (found in history by its digest) and the document now, in the reader's language.
@Suite("Changes since an approval")
struct ApprovalChangesTests {
    struct FixedHistory: ProjectHistory {
        var texts: [String: [String]]
        func earlierTexts(of path: String) -> [String] { texts[path] ?? [] }
    }

    static let approved = """
        ---
        id: JOB-WELD
        kind: job-profile
        title: 焊接机器人操作员
        version: 1.0.0
        ---

        ## 典型工作任务

        焊接机器人日常操作。

        ## 职业能力要求

        - **R1** 能完成焊接机器人开机与回原点。 {level=3}

        """

    static func approval(_ text: String) throws -> Approval {
        let node = YAMLReader.read("{party: hnauto, version: 1.0.0, digest: \(ContentDigest.of(text)), by: 王工, date: 2026-11-20}", file: "a").root
        return try #require(node.flatMap(Approval.init))
    }

    static func changes(now: String, history: [String]) async throws -> Message? {
        let project = try await ProjectLoader.load(files: ["job.md": Array(now.utf8)])
        let document = try #require(project.documents.first)
        return try approval(approved).changesSince(in: document, project: project, history: FixedHistory(texts: ["job.md": history]))
    }

    @Test func whatChangedIsSaidInBothLanguages() async throws {
        let now = Self.approved
            .replacingOccurrences(of: "开机与回原点。", with: "开机、回原点与急停测试。")
            .replacingOccurrences(of: "{level=3}\n", with: "{level=3}\n- **R2** 能根据焊接工艺卡示教编程。 {level=4}\n")
        // The approved text is found past a newer revision that is not it.
        let changes = try #require(try await Self.changes(now: now, history: [now, Self.approved]))
        #expect(changes.text(in: .en) == "R2 was added; R1 was reworded")
        #expect(changes.text(in: .zhCN) == "新增了条目 R2；条目 R1 的表述有改动")
    }

    @Test func onlyTheVersionChangedIsNoChangeInMeaning() async throws {
        let now = Self.approved.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.1")
        let changes = try #require(try await Self.changes(now: now, history: [Self.approved]))
        #expect(changes.text(in: .zhCN) == "内容含义未变，只改了版本号或排版")
        #expect(changes.text(in: .en) == "no change in meaning: only the version or the layout")
    }

    @Test func withoutTheApprovedTextInHistoryNothingIsSaid() async throws {
        #expect(try await Self.changes(now: Self.approved + "\n新增一段。\n", history: ["别的文本"]) == nil)
    }
}
