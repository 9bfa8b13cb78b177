import Foundation
import StdKitModel
import StdKitSyntax
@testable import StdKitWorkspace

/// A small project with Chinese text (and an emoji, two UTF-16 units) for the query tests, and
/// the flagship standard read from the repository.
enum QueryFixture {
    /// Rules the tiny documents here would trip, off.
    static let settings = """
        rules: {missing-section: off, uncovered-requirement: off, outcome-covers-nothing: off, unreviewed-link: off}
        parties:
          - {id: acme, name: 某汽车制造有限公司, kind: enterprise}
          - {id: szpt, name: 深圳某职业技术学院, kind: school}

        """

    static let job = """
        ---
        id: JOB-WELD
        kind: job-profile
        title: 焊接机器人操作员
        version: 1.3.0
        status: review
        owner: acme
        ---

        # 焊接机器人操作员

        ## 职业能力要求
        - **R1** 能完成开机🤖与急停测试。
        - **R2** 能示教编程。 → #R1

        """

    static let course = """
        ---
        id: COURSE-WELD
        kind: course
        title: 焊接编程
        version: 2.0.0
        status: draft
        prerequisites: [COURSE-BASE]
        ---

        # 焊接编程

        ## 学习目标
        - **LO1** 能编写焊接程序 → JOB-WELD#R1, JOB-WELD@1#R2
        - **LO2** 能调试 → JOB-WELD#R9

        """

    static let base = """
        ---
        id: COURSE-BASE
        kind: course
        title: 基础
        ---

        # 基础
        - **LO1** 认识机器人 → JOB-WELD#R1

        """

    static let files = ["stdkit.yml": settings, "jobs/weld.md": job, "courses/weld.md": course, "courses/base.md": base]

    static func workspace(_ files: [String: String] = files, language: Language = .en) async throws -> Workspace {
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        return Workspace(project: project, root: URL(fileURLWithPath: "/nonexistent/stdkit-query-tests"), language: language)
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL

    /// The flagship standard, read from disk.
    static func flagship(language: Language = .zhCN) async throws -> Workspace {
        try await Workspace(root: repository.appendingPathComponent("standards"), language: language)
    }

    /// `line:column-line:column` of a place, for short exact expectations.
    static func text(_ place: Place) -> String {
        "\(place.path) \(place.range.lowerBound)-\(place.range.upperBound)"
    }

    static func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(line: line, column: column)
    }
}
