import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitOffice

@Suite("Review units and Word names")
struct ReviewUnitsTests {
    static let course = """
        ---
        id: COURSE-X
        kind: course
        title: 工业机器人编程
        ---

        # 课程目标

        学完本课程，学生能够：

        - **LO1** 独立完成 ABB 机器人的示教编程。
        - **LO2** 按工艺文件调试搬运工作站，
          节拍不超过 30 s。

        | 模块 | 学时 |
        | --- | --- |
        | 基础 | 16 |

        ## 考核
        过程考核占 60%。
        """

    @Test func aListGivesOneUnitPerItemAndEveryOtherBlockOne() async throws {
        let project = try await ProjectLoader.load(files: ["course.md": Array(Self.course.utf8)])
        let document = try #require(project.documents.first)
        let units = ReviewUnits.units(of: document)
        #expect(units.map(\.lines) == [7...7, 9...9, 11...11, 12...13, 15...17, 19...19, 20...20])
        #expect(units.map(\.item) == [nil, nil, "LO1", "LO2", nil, nil, nil])
        #expect(units.map(\.heading) == ["课程目标", "课程目标", "课程目标", "课程目标", "课程目标", "考核", "考核"])
        #expect(units.map(\.index) == Array(0..<7))
    }

    @Test func bookmarkNamesOfUnitsReadBack() {
        #expect(ReviewUnits.bookmarkName(document: 2, unit: 17) == "_sk2_17")
        #expect(ReviewUnits.unit(ofBookmark: "_sk2_17")! == (2, 17))
        #expect(ReviewUnits.unit(ofBookmark: "_Toc123") == nil)
        #expect(ReviewUnits.unit(ofBookmark: "_sk2") == nil)
    }

    @Test func itemBookmarksFollowWordsRules() {
        #expect(DocxNames.bookmark(for: "COURSE-ROBOT-PROG#LO1") == "COURSE_ROBOT_PROG_LO1")
        #expect(DocxNames.bookmark(for: "2025-PLAN#S1") == "B2025_PLAN_S1")
        let long = DocxNames.bookmark(for: "COURSE-INDUSTRIAL-ROBOT-OFFLINE-PROGRAMMING#LO12")
        #expect(long.count == 40)
        #expect(long.hasPrefix("COURSE_INDUSTRIAL_ROBOT_OFFLINE_"))
        #expect(long != DocxNames.bookmark(for: "COURSE-INDUSTRIAL-ROBOT-OFFLINE-PROGRAMMING#LO13"))
        let chinese = DocxNames.bookmark(for: "课程#LO1")
        #expect(chinese.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        #expect(chinese != DocxNames.bookmark(for: "规格#LO1"))
    }
}
