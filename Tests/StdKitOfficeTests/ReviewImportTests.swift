import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitOffice

/// The review import on values: a reviewed file as `ReviewedFile` holds it, merged with a base
/// and the file now.
@Suite("Review import: theirs, the merge and the report")
struct ReviewImportTests {
    static let base = """
        ---
        id: COURSE-ROBOT
        kind: course
        title: 工业机器人编程
        version: 1.0.0
        ---

        # 工业机器人编程

        ## 课程目标

        - **LO1** 能够独立完成 ABB 机器人的示教编程。
        - **LO2** 能够按工艺文件调试搬运工作站。
        - **LO3** 能够编写码垛程序并优化节拍。
        - **LO4** 能够排除常见报警。

        ## 考核

        过程考核占 60%。

        """

    static func unitIndex(_ item: String?, heading: String? = nil, in text: String = base) async throws -> Int {
        let project = try await ProjectLoader.load(files: ["course.md": Array(text.utf8)])
        let units = ReviewUnits.units(of: try #require(project.documents.first))
        return try #require(units.first { item != nil ? $0.item == item : ($0.item == nil && $0.heading == heading && $0.lines.count == 1 && !text.components(separatedBy: "\n")[$0.lines.lowerBound - 1].hasPrefix("#")) }).index
    }

    static func paragraph(_ original: String, _ accepted: String) -> ReviewedFile.Paragraph {
        ReviewedFile.Paragraph(original: original, accepted: accepted, markdown: accepted)
    }

    /// LO2 with an insertion and LO3 with a deletion by 李工, a comment on LO1.
    static func reviewed() async throws -> ReviewedFile {
        let lo1 = try await unitIndex("LO1"), lo2 = try await unitIndex("LO2"), lo3 = try await unitIndex("LO3")
        var units: [ReviewedFile.UnitKey: ReviewedFile.Unit] = [:]
        units[.init(document: 0, unit: lo1)] = .init(paragraphs: [paragraph("LO1 能够独立完成 ABB 机器人的示教编程。", "LO1 能够独立完成 ABB 机器人的示教编程。")])
        units[.init(document: 0, unit: lo2)] = .init(paragraphs: [paragraph("LO2 能够按工艺文件调试搬运工作站。", "LO2 能够按工艺文件熟练调试搬运工作站。")],
                                                   revisions: [.init(kind: .insertion, author: "李工", date: "2026-11-20T10:00:00Z", text: "熟练")])
        units[.init(document: 0, unit: lo3)] = .init(paragraphs: [paragraph("LO3 能够编写码垛程序并优化节拍。", "LO3 能够编写码垛程序。")],
                                                   revisions: [.init(kind: .deletion, author: "李工", date: "2026-11-21T09:30:00Z", text: "并优化节拍")])
        let comment = ReviewedFile.Comment(author: "李工", initials: "李", date: "2026-11-20T10:05:00Z", text: "请补充安全要求", unit: .init(document: 0, unit: lo1))
        return ReviewedFile(properties: ["stdkit.documents": "COURSE-ROBOT"], units: units, comments: [comment])
    }

    @Test func theEditsLandInTheirItemsAndAnEditMadeInGitIsKept() async throws {
        let ours = Self.base.replacingOccurrences(of: "能够排除常见报警。", with: "能够排除常见报警并记录。")
        let result = ReviewImport(reviewed: try await Self.reviewed(), index: 0, id: "COURSE-ROBOT", base: Self.base, ours: ours,
                                  path: "course.md", schemas: try SchemaLibrary.builtIn())
        #expect(result.theirs == Self.base.replacingOccurrences(of: "按工艺文件调试", with: "按工艺文件熟练调试")
            .replacingOccurrences(of: "码垛程序并优化节拍。", with: "码垛程序。"))
        #expect(result.merge.conflicts.isEmpty)
        #expect(result.merge.text == ours.replacingOccurrences(of: "按工艺文件调试", with: "按工艺文件熟练调试")
            .replacingOccurrences(of: "码垛程序并优化节拍。", with: "码垛程序。"))
        #expect(result.units.map { $0.unit.item } == ["LO1", "LO2", "LO3"])
        #expect(result.units.map(\.carried) == [nil, .edited, .edited])
        #expect(result.units[0].comments.map(\.text) == ["请补充安全要求"])

        let report = ReviewImportReport(documents: [result], commit: "0123456789abcdef", commentsFile: ".stdkit/reviews/x.json", dryRun: false)
        #expect(report.text(in: .zhCN) == """
            COURSE-ROBOT（course.md），导出自 0123456789ab
              LO1
                李工 批注（2026-11-20T10:05:00Z）：请补充安全要求
              LO2
                李工 插入（2026-11-20T10:00:00Z）：“熟练”
                修改已逐词写入其 Markdown
              LO3
                李工 删除（2026-11-21T09:30:00Z）：“并优化节拍”
                修改已逐词写入其 Markdown
              已无冲突地合并到 course.md
            批注已保存在 .stdkit/reviews/x.json，供 stdkit review 查看

            """)
        #expect(report.text(in: .en) == """
            COURSE-ROBOT (course.md), exported at 0123456789ab
              LO1
                comment by 李工, 2026-11-20T10:05:00Z: 请补充安全要求
              LO2
                inserted by 李工, 2026-11-20T10:00:00Z: “熟练”
                the edit is carried into its Markdown word by word
              LO3
                deleted by 李工, 2026-11-21T09:30:00Z: “并优化节拍”
                the edit is carried into its Markdown word by word
              merged cleanly into course.md
            comments kept for stdkit review in .stdkit/reviews/x.json

            """)
    }

    @Test func bothSidesEditingOneItemIsAConflictMarkedAsMergeMarksIt() async throws {
        let ours = Self.base.replacingOccurrences(of: "能够按工艺文件调试搬运工作站。", with: "能够按作业指导书调试搬运工作站。")
        let result = ReviewImport(reviewed: try await Self.reviewed(), index: 0, id: "COURSE-ROBOT", base: Self.base, ours: ours,
                                  path: "course.md", schemas: try SchemaLibrary.builtIn(),
                                  markers: .init(ours: "course.md", base: "exported", theirs: "review"))
        #expect(result.merge.conflicts.count == 1)
        #expect(result.merge.conflicts.first?.place == "工业机器人编程 › 课程目标 › LO2")
        #expect(result.merge.text.contains("""
            <<<<<<< course.md
            - **LO2** 能够按作业指导书调试搬运工作站。
            ||||||| exported
            - **LO2** 能够按工艺文件调试搬运工作站。
            =======
            - **LO2** 能够按工艺文件熟练调试搬运工作站。
            >>>>>>> review
            """))
        // LO3's edit, elsewhere, merged.
        #expect(result.merge.text.contains("- **LO3** 能够编写码垛程序。\n"))
    }

    @Test func aDeletedUnitLosesItsLinesAndAnAddedParagraphFollowsItsUnit() async throws {
        let lo4 = try await Self.unitIndex("LO4")
        let lo1 = try await Self.unitIndex("LO1")
        var units: [ReviewedFile.UnitKey: ReviewedFile.Unit] = [:]
        units[.init(document: 0, unit: lo4)] = .init(paragraphs: [Self.paragraph("LO4 能够排除常见报警。", "")],
                                                   revisions: [.init(kind: .deletion, author: "王老师", date: nil, text: "LO4 能够排除常见报警。")])
        units[.init(document: 0, unit: lo1)] = .init(paragraphs: [Self.paragraph("LO1 能够独立完成 ABB 机器人的示教编程。", "LO1 能够独立完成 ABB 机器人的示教编程。"),
                                                                  ReviewedFile.Paragraph(original: "", accepted: "能够遵守安全规程。", markdown: "能够遵守**安全**规程。", attached: true)],
                                                   revisions: [.init(kind: .insertion, author: "王老师", date: nil, text: "能够遵守安全规程。")])
        let result = ReviewImport(reviewed: ReviewedFile(properties: [:], units: units), index: 0, id: "COURSE-ROBOT", base: Self.base,
                                  ours: Self.base, path: "course.md", schemas: try SchemaLibrary.builtIn())
        #expect(result.merge.text == Self.base.replacingOccurrences(of: "- **LO4** 能够排除常见报警。\n", with: "")
            .replacingOccurrences(of: "示教编程。\n", with: "示教编程。\n- 能够遵守**安全**规程。\n"))
        #expect(result.units.map(\.carried) == [.edited, .deleted])
        #expect(result.units.map(\.added) == [1, 0])
    }

    @Test func nothingReviewedLeavesTheFileAsItIs() async throws {
        let ours = Self.base.replacingOccurrences(of: "\n", with: "\r\n")
        let result = ReviewImport(reviewed: ReviewedFile(properties: [:]), index: 0, id: "COURSE-ROBOT", base: Self.base, ours: ours,
                                  path: "course.md", schemas: try SchemaLibrary.builtIn())
        #expect(result.merge.text == ours)
        #expect(!result.changesFile)
        #expect(result.units.isEmpty)
    }

    @Test func anEditThatCannotBePlacedIsWrittenAnewFromTheRunsKeepingMarkerIdAndReferences() {
        let unit = ReviewUnit(index: 3, lines: 5...5, item: "LO2", heading: "课程目标")
        let written = ReviewImport.regenerate(unit: unit, source: ["  - **LO2** 调试工作站 → JOB#R2 {level=3}"],
                                              paragraphs: [ReviewedFile.Paragraph(original: "LO2 调试工作站 → R2", accepted: "LO2 独立调试**搬运**工作站 → R2",
                                                                                  markdown: "**LO2** 独立调试**搬运**工作站 → R2")])
        #expect(written == ["  - **LO2** 独立调试**搬运**工作站 → JOB#R2 {level=3}"])
        let heading = ReviewImport.regenerate(unit: ReviewUnit(index: 0, lines: 1...1, item: nil, heading: "课程目标"), source: ["## 课程目标"],
                                              paragraphs: [ReviewedFile.Paragraph(original: "一、课程目标", accepted: "一、教学目标", markdown: "一、教学目标")])
        #expect(heading == ["## 教学目标"])
    }

    @Test func aUnitRewrittenAsANewParagraphIsReplacedByIt() async throws {
        let lo3 = try await Self.unitIndex("LO3")
        var units: [ReviewedFile.UnitKey: ReviewedFile.Unit] = [:]
        units[.init(document: 0, unit: lo3)] = .init(paragraphs: [Self.paragraph("LO3 能够编写码垛程序并优化节拍。", ""),
                                                                  ReviewedFile.Paragraph(original: "", accepted: "LO3 能够编写码垛程序。", markdown: "**LO3** 能够编写码垛程序。")])
        let result = ReviewImport(reviewed: ReviewedFile(properties: [:], units: units), index: 0, id: "COURSE-ROBOT", base: Self.base,
                                  ours: Self.base, path: "course.md", schemas: try SchemaLibrary.builtIn())
        #expect(result.merge.text == Self.base.replacingOccurrences(of: "- **LO3** 能够编写码垛程序并优化节拍。", with: "- **LO3** 能够编写码垛程序。"))
        #expect(result.units.map(\.carried) == [.regenerated])
        #expect(result.units.map(\.added) == [1])
    }
}
