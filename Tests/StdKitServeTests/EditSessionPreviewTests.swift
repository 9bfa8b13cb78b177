import Foundation
import StdKitSyntax
import Testing
@testable import StdKitServe

/// `EditSession.preview` and `complete`: a text rendered and checked as if saved, nothing
/// written; references found by id and by Chinese title.
@Suite struct EditSessionPreviewTests {
    @Test func aPreviewRendersTheStatementAndFindsTheUnsavedError() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let document = try await fixture.session.document(id: EditSessionSaveTests.id)
        let edited = document.text.replacingOccurrences(of: EditSessionSaveTests.lo1, with: EditSessionSaveTests.brokenLO1)
        let preview = await fixture.session.preview(id: EditSessionSaveTests.id, text: edited)
        #expect(preview.html.contains("安全启停包装机"))
        #expect(!preview.html.contains("<html"))
        #expect(preview.findings.map(\.rule) == ["unresolved-reference"])
        #expect(preview.findings.first?.line == 24)
        #expect(preview.findings.first?.column == 21)
        // Nothing written, and the workspace still holds the disk's text and findings.
        #expect(fixture.text(EditSessionSaveTests.path) == document.text)
        #expect(await fixture.workspace.project.document(atPath: EditSessionSaveTests.path)?.text == document.text)
        #expect(await fixture.workspace.allFindings.isEmpty)
    }

    @Test func aPreviewEscapesWhatTheTextHolds() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let document = try await fixture.session.document(id: EditSessionSaveTests.id)
        let edited = document.text.replacingOccurrences(of: "Students learn to run", with: "Students <script>alert(1)</script> learn to run")
        let preview = await fixture.session.preview(id: EditSessionSaveTests.id, text: edited)
        #expect(!preview.html.contains("<script>alert(1)</script>"))
        #expect(preview.html.contains("learn to run"))
    }

    @Test func aPreviewOfANewDocumentIsCheckedWhereItWouldGo() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let text = "---\nid: COURSE-NEW\nkind: course\ntitle: 新课程\nversion: 0.1.0\nstatus: draft\nowner: college\nparties: [college]\ncode: X\nhours: {theory: 1, practice: 1}\ncredits: 1\nsemester: 1\ncategory: practice\n---\n\n# 新课程\n\n## Learning outcomes\n\n- **LO1** 新的成果 → JOB-NONE#R1\n"
        let preview = await fixture.session.preview(id: nil, text: text)
        #expect(preview.html.contains("新的成果"))
        #expect(preview.findings.contains { $0.rule == "unresolved-reference" && $0.line == 20 && $0.column == 18 })
        #expect(fixture.files() == [".stdkit/links.lock", "machine-operation.md", "machine-operator.md", "stdkit.yml"])
    }

    @Test func completionFindsChineseTitlesAndItems() async throws {
        let fixture = try await EditFixture("standards", language: .zhCN)
        defer { fixture.remove() }
        let operators = await fixture.session.complete("操作员", kinds: ["job-profile"], limit: 50)
        #expect(operators == [Candidate(id: "JOB-ROBOT-OPERATOR", title: "工业机器人系统操作员", kind: "job-profile")])
        // Ids starting with the query first.
        let robots = await fixture.session.complete("job-robot", kinds: ["job-profile#R"], limit: 50)
        #expect(robots.map(\.id) == ["JOB-ROBOT-MAINTAINER", "JOB-ROBOT-OPERATOR"])
        let limited = await fixture.session.complete("", kinds: ["job-profile"], limit: 2)
        #expect(limited.count == 2)
        let items = await fixture.session.complete("JOB-ROBOT-OPERATOR#首件", kinds: [], limit: 50)
        #expect(items == [Candidate(id: "JOB-ROBOT-OPERATOR#R7", title: "能按 5S 与质量要求完成首件检验、交接班记录与生产数据记录。", kind: "job-profile")])
        let none = await fixture.session.complete("操作员", kinds: ["course"], limit: 50)
        #expect(none == [])
    }
}
