import StdKitModel
import StdKitSyntax
import Testing
@testable import StdKitWorkspace

@Suite struct HoverTests {
    @Test func aReferenceShowsTheStatementTheDocumentAndWhatCoversItInEnglish() async throws {
        let workspace = try await QueryFixture.workspace(language: .en)
        let hover = try #require(await workspace.hover("courses/weld.md", at: QueryFixture.at(13, 25)))
        #expect(hover.range == QueryFixture.at(13, 21)..<QueryFixture.at(13, 32))
        #expect(hover.markdown == """
            **R1** 能完成开机🤖与急停测试。

            JOB-WELD “焊接机器人操作员” · version 1.3.0 · status review

            covered by 3: COURSE-BASE#LO1, COURSE-WELD#LO1, JOB-WELD#R2
            """)
    }

    @Test func theSameInChinese() async throws {
        let workspace = try await QueryFixture.workspace(language: .zhCN)
        let hover = try #require(await workspace.hover("jobs/weld.md", at: QueryFixture.at(13, 5)))
        #expect(hover.range == QueryFixture.at(13, 5)..<QueryFixture.at(13, 7))
        #expect(hover.markdown == """
            **R1** 能完成开机🤖与急停测试。

            JOB-WELD《焊接机器人操作员》 · 版本 1.3.0 · 状态 review

            被 3 项覆盖：COURSE-BASE#LO1、COURSE-WELD#LO1、JOB-WELD#R2
            """)
    }

    @Test func aDocumentShowsWhatUsesItAndAnUnresolvedReferenceSaysSo() async throws {
        let english = try await QueryFixture.workspace(language: .en)
        let base = try #require(await english.hover("courses/weld.md", at: QueryFixture.at(7, 20)))
        #expect(base.markdown == "COURSE-BASE “基础”\n\nused by 1: COURSE-WELD")
        let job = try #require(await english.hover("jobs/weld.md", at: QueryFixture.at(2, 13)))
        #expect(job.markdown == "JOB-WELD “焊接机器人操作员” · version 1.3.0 · status review\n\nnothing refers to the document as a whole")
        let nothing = try #require(await english.hover("courses/weld.md", at: QueryFixture.at(14, 20)))
        #expect(nothing.markdown == "JOB-WELD#R9 resolves to nothing: JOB-WELD has no item R9")
        #expect(nothing.range == QueryFixture.at(14, 17)..<QueryFixture.at(14, 28))
        let chinese = try await QueryFixture.workspace(language: .zhCN)
        #expect(await chinese.hover("courses/weld.md", at: QueryFixture.at(14, 20))?.markdown == "JOB-WELD#R9 无法解析：JOB-WELD 中没有条目 R9")
        let lone = try await QueryFixture.workspace(["stdkit.yml": QueryFixture.settings, "c.md": QueryFixture.base], language: .zhCN)
        #expect(await lone.hover("c.md", at: QueryFixture.at(8, 20))?.markdown == "JOB-WELD#R1 无法解析：没有 id 为 JOB-WELD 的文档")
        #expect(await english.hover("courses/weld.md", at: QueryFixture.at(13, 12)) == nil)
    }

    @Test func manyCoveringItemsAreCountedAndTheFirstNamed() async throws {
        let english = try await QueryFixture.flagship(language: .en)
        // programme/robot-technology-460305.md line 131: "- **S5** 掌握必备的思想政治理论…", covered by ten outcomes.
        let hover = try #require(await english.hover("programme/robot-technology-460305.md", at: QueryFixture.at(131, 6)))
        #expect(hover.markdown.components(separatedBy: "\n\n").dropFirst() == [
            "PROG-ROBOT-460305 “工业机器人技术专业人才培养方案（2026级）” · version 2.0.0 · status approved",
            "covered by 10: COURSE-ART#LO1, COURSE-AUTO-CULTURE#LO1, COURSE-CULTURE#LO1, COURSE-ENGLISH#LO2, COURSE-HISTORY#LO1, COURSE-MAO#LO1, COURSE-MATH#LO1, COURSE-MATH#LO2 and 2 more",
        ])
        let chinese = try await QueryFixture.flagship(language: .zhCN)
        let reference = try #require(await chinese.hover("courses/professional-core/robot-fundamentals.md", at: QueryFixture.at(73, 50)))
        #expect(reference.markdown.components(separatedBy: "\n\n").dropFirst() == [
            "JOB-ROBOT-OPERATOR《工业机器人系统操作员》 · 版本 1.3.0 · 状态 review",
            "被 6 项覆盖：COURSE-INTERNSHIP#LO1、COURSE-ROBOT-BASIC#LO2、COURSE-SENSOR#LO2、COURSE-TRAINING#LO2、COURSE-WORKSTATION#LO3、TRN-OPERATOR-UPSKILL#TM1",
        ])
    }
}
