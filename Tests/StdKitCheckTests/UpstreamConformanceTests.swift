import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// Not below the national standard (DESIGN §14.2): a school's programme that implements the
/// national programme is measured against it. Each fault planted alone in a conforming project
/// gives exactly one finding, at the exact place in the school's own files, in both languages.
@Suite("Upstream conformance")
struct UpstreamConformanceTests {
    static let rules: Set<String> = ["upstream-core-course", "upstream-hours", "upstream-specification", "upstream-profile-edited",
                                     "uncovered-requirement"]

    static let nationalProgramme = """
        ---
        id: PROG-NS
        kind: programme
        title: 工业机器人技术专业教学标准
        total_hours: 2600
        occupations: [JOB-OP]
        courses:
          - {id: COURSE-NS-PROG, category: professional-core, hours: {theory: 24, practice: 40}}
          - {id: COURSE-NS-MAINT, category: professional-core, hours: {theory: 16, practice: 32}}
          - {id: COURSE-NS-CAD, category: professional-basic, hours: {theory: 32, practice: 32}}
        ---

        ## 培养规格

        - **S1** 能按工艺文件完成工业机器人示教编程
        - **S2** 能按维护手册完成工业机器人本体与控制柜的日常维护与定期保养，并填写维护保养记录

        """

    static let nationalProfile = """
        ---
        id: JOB-OP
        kind: job-profile
        title: 工业机器人系统操作员
        ---

        ## 职业能力要求

        - **R1** 能完成工业机器人的开机、回原点与示教编程
        - **R2** 能完成工业机器人的日常点检

        """

    /// The national project: its own settings (the profile whose practice share it requires),
    /// its programme, two core courses and the job profile.
    static let national: [String: String] = [
        "vendor/ns/stdkit.yml": "name: 国家专业教学标准\nprofile: cn-vocational-higher\nprofile_settings:\n  required_courses: []\n",
        "vendor/ns/programme.md": nationalProgramme,
        "vendor/ns/courses/prog.md": "---\nid: COURSE-NS-PROG\nkind: course\ntitle: 工业机器人现场编程\n---\n",
        "vendor/ns/courses/maint.md": "---\nid: COURSE-NS-MAINT\nkind: course\ntitle: 工业机器人维护与保养\n---\n",
        "vendor/ns/jobs/op.md": nationalProfile,
    ]

    static let programme = """
        ---
        id: P1
        kind: programme
        title: 工业机器人技术专业人才培养方案
        implements: ns:PROG-NS
        total_hours: 2640
        occupations: [ns:JOB-OP]
        courses:
          - {id: C1, category: professional-core, hours: {theory: 24, practice: 48}}
          - {id: ns:COURSE-NS-MAINT, category: professional-core, hours: {theory: 16, practice: 32}}
          - {id: C2, category: practice, hours: {theory: 0, practice: 1400}}
          - {id: C3, category: public-basic, hours: {theory: 1120, practice: 0}}
        ---

        ## 培养规格

        - **S1** 能示教编程焊接与搬运作业 → ns:PROG-NS#S1
        - **S2** 能维护保养工业机器人工作站 → ns:PROG-NS#S2

        """

    static let course = """
        ---
        id: C1
        kind: course
        title: 工业机器人编程与调试
        implements: ns:COURSE-NS-PROG
        ---

        - **LO1** 能示教编程焊接轨迹 → ns:JOB-OP#R1, P1#S1
        - **LO2** 能完成日常点检与保养 → ns:JOB-OP#R2, P1#S2

        """

    /// The conforming school project.
    static let school: [String: String] = national.merging([
        "stdkit.yml": "name: 学校人才培养方案\nupstream:\n  - id: ns\n    path: vendor/ns\n    release: v2025.1\n",
        "programme.md": programme,
        "courses/c1.md": course,
        "courses/c2.md": "---\nid: C2\nkind: course\ntitle: 岗位实习\n---\n",
        "courses/c3.md": "---\nid: C3\nkind: course\ntitle: 公共基础课\n---\n",
    ]) { $1 }

    /// The school project with `replacements` made in the file at `path` (each text must be there).
    static func planted(_ path: String, _ replacements: [(String, String)], adding: [String: String] = [:]) throws -> [String: String] {
        var files = school.merging(adding) { $1 }
        var text = try #require(files[path])
        for (old, new) in replacements {
            try #require(text.contains(old), "\(path) has no '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        files[path] = text
        return files
    }

    static func findings(_ files: [String: String], rules: Set<String> = rules) async throws -> [Diagnostic] {
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        return Checker().check(project).diagnostics.filter { rules.contains($0.rule) }
    }

    static func lines(_ findings: [Diagnostic], _ language: Language = .en) -> [String] {
        findings.map { "\($0.file):\($0.location) \($0.rule) \($0.message.text(in: language))" + ($0.hint.map { " | " + $0.text(in: language) } ?? "") }
    }

    @Test func theConformingProjectGivesNone() async throws {
        let project = try await ProjectLoader.load(files: Self.school.mapValues { Array($0.utf8) })
        #expect(project.document("ns:PROG-NS")?.path == "vendor/ns/programme.md")
        let diagnostics = Checker().check(project).diagnostics
        #expect(diagnostics.filter { Self.rules.contains($0.rule) || $0.rule.hasPrefix("upstream") }.isEmpty)
        #expect(diagnostics.allSatisfy { !$0.file.hasPrefix("vendor/") })
    }

    @Test func aMissingCoreCourse() async throws {
        let files = try Self.planted("programme.md", [("{id: ns:COURSE-NS-MAINT,", "{id: C4,")],
                                     adding: ["courses/c4.md": "---\nid: C4\nkind: course\ntitle: 机器人维护\n---\n"])
        let found = try await Self.findings(files)
        #expect(Self.lines(found) == [
            "programme.md:5:13 upstream-core-course programme P1 lacks professional core course '工业机器人维护与保养' (ns:COURSE-NS-MAINT) of '工业机器人技术专业教学标准' (ns:PROG-NS): no entry of `courses` is it or implements it | add ns:COURSE-NS-MAINT to `courses` as a professional-core entry, or a local course whose `implements` is ns:COURSE-NS-MAINT",
        ])
        #expect(Self.lines(found, .zhCN) == [
            "programme.md:5:13 upstream-core-course 方案 P1 未开设《工业机器人技术专业教学标准》（ns:PROG-NS）规定的专业核心课程《工业机器人维护与保养》（ns:COURSE-NS-MAINT）：课程设置（`courses`）中既没有该课程，也没有落实（`implements`）该课程的本校课程 | 在课程设置（`courses`）中加入 ns:COURSE-NS-MAINT（`category: professional-core`），或列入一门 `implements` 为 ns:COURSE-NS-MAINT 的本校课程",
        ])
    }

    /// A local course implementing the core course, left out of the table, is still missing.
    @Test func aCoreCourseImplementedButNotInTheTable() async throws {
        let files = try Self.planted("programme.md", [("{id: ns:COURSE-NS-MAINT,", "{id: C4,")],
                                     adding: ["courses/c4.md": "---\nid: C4\nkind: course\ntitle: 机器人维护\n---\n",
                                              "courses/c5.md": "---\nid: C5\nkind: course\ntitle: 工业机器人维护\nimplements: ns:COURSE-NS-MAINT\n---\n"])
        let found = try await Self.findings(files)
        #expect(Self.lines(found) == [
            "programme.md:5:13 upstream-core-course programme P1 lacks professional core course '工业机器人维护与保养' (ns:COURSE-NS-MAINT) of '工业机器人技术专业教学标准' (ns:PROG-NS): C5 implements it but is not in `courses` | add C5 to `courses` as a professional-core entry",
        ])
        #expect(Self.lines(found, .zhCN) == [
            "programme.md:5:13 upstream-core-course 方案 P1 的课程设置中缺少《工业机器人技术专业教学标准》（ns:PROG-NS）规定的专业核心课程《工业机器人维护与保养》（ns:COURSE-NS-MAINT）：本校课程 C5 落实（`implements`）了该课程，但未列入课程设置（`courses`） | 把 C5 作为专业核心课程（`category: professional-core`）列入课程设置（`courses`）",
        ])
    }

    @Test func totalHoursBelowTheNationalStandard() async throws {
        let found = try await Self.findings(try Self.planted("programme.md", [("total_hours: 2640", "total_hours: 2500")]))
        #expect(Self.lines(found) == [
            "programme.md:6:14 upstream-hours programme P1 has 2,500 hours in total, below the 2,600 hours of '工业机器人技术专业教学标准' (ns:PROG-NS) | raise the total hours to at least 2,600",
        ])
        #expect(Self.lines(found, .zhCN) == [
            "programme.md:6:14 upstream-hours 方案 P1 总学时为 2,500，低于《工业机器人技术专业教学标准》（ns:PROG-NS）规定的 2,600 学时 | 总学时应不少于 2,600",
        ])
    }

    /// Without `total_hours`, the counted total is measured, and the finding stands at `implements`.
    @Test func countedTotalHoursBelowTheNationalStandard() async throws {
        let found = try await Self.findings(try Self.planted("programme.md", [
            ("total_hours: 2640\n", ""), ("{theory: 1120, practice: 0}", "{theory: 1000, practice: 0}"),
        ]))
        #expect(Self.lines(found) == [
            "programme.md:5:13 upstream-hours programme P1 has 2,520 hours in total, below the 2,600 hours of '工业机器人技术专业教学标准' (ns:PROG-NS) | raise the total hours to at least 2,600",
        ])
    }

    @Test func practiceShareBelowTheNationalProfile() async throws {
        let found = try await Self.findings(try Self.planted("programme.md", [("{theory: 0, practice: 1400}", "{theory: 400, practice: 1000}")]))
        #expect(Self.lines(found) == [
            "programme.md:8:1 upstream-hours practice hours of programme P1 are 40.9 % of the total (1,080 of 2,640), below the 50 % that '工业机器人技术专业教学标准' (ns:PROG-NS) requires (profile cn-vocational-higher of upstream 'ns') | move hours from theory to practice, or add practical courses",
        ])
        #expect(Self.lines(found, .zhCN) == [
            "programme.md:8:1 upstream-hours 方案 P1 实践学时占总学时的 40.9 %（1,080 / 2,640），低于《工业机器人技术专业教学标准》（ns:PROG-NS）要求的 50 %（上游“ns”的规则配置 cn-vocational-higher） | 把部分理论学时改为实践学时，或增设实践课程",
        ])
    }

    /// The national project without a profile asks no share.
    @Test func noPracticeShareWithoutTheUpstreamsProfile() async throws {
        var files = try Self.planted("programme.md", [("{theory: 0, practice: 1400}", "{theory: 400, practice: 1000}")])
        files["vendor/ns/stdkit.yml"] = "name: 国家专业教学标准\n"
        #expect(try await Self.findings(files).isEmpty)
    }

    @Test func aCoreCourseWithFewerHours() async throws {
        let found = try await Self.findings(try Self.planted("programme.md", [("{theory: 24, practice: 48}", "{theory: 24, practice: 32}")]))
        #expect(Self.lines(found) == [
            "programme.md:9:50 upstream-hours course C1 has 56 hours, fewer than the 64 of professional core course '工业机器人现场编程' (ns:COURSE-NS-PROG) in '工业机器人技术专业教学标准' (ns:PROG-NS) | give C1 at least 64 hours (theory + practice)",
        ])
        #expect(Self.lines(found, .zhCN) == [
            "programme.md:9:50 upstream-hours 课程 C1 共 56 学时，少于《工业机器人技术专业教学标准》（ns:PROG-NS）中专业核心课程《工业机器人现场编程》（ns:COURSE-NS-PROG）的 64 学时 | C1 的学时（理论 + 实践）应不少于 64",
        ])
    }

    /// The national course itself in the table is measured too.
    @Test func theNationalCourseItselfWithFewerHours() async throws {
        let found = try await Self.findings(try Self.planted("programme.md", [("{theory: 16, practice: 32}", "{theory: 16, practice: 16}")]))
        #expect(Self.lines(found) == [
            "programme.md:10:66 upstream-hours course ns:COURSE-NS-MAINT has 32 hours, fewer than the 48 of professional core course '工业机器人维护与保养' (ns:COURSE-NS-MAINT) in '工业机器人技术专业教学标准' (ns:PROG-NS) | give ns:COURSE-NS-MAINT at least 48 hours (theory + practice)",
        ])
    }

    @Test func aNationalSpecificationMetByNoItem() async throws {
        let found = try await Self.findings(try Self.planted("programme.md", [(" → ns:PROG-NS#S2", "")]))
        #expect(Self.lines(found) == [
            "programme.md:5:13 upstream-specification specification ns:PROG-NS#S2 of '工业机器人技术专业教学标准' (ns:PROG-NS) ('能按维护手册完成工业机器人本体与控制柜的日常维护与定期保养…') is met by no item of programme P1 | add 'ns:PROG-NS#S2' after the arrow of the specification or outcome that meets it",
        ])
        #expect(Self.lines(found, .zhCN) == [
            "programme.md:5:13 upstream-specification 《工业机器人技术专业教学标准》（ns:PROG-NS）的培养规格 ns:PROG-NS#S2（“能按维护手册完成工业机器人本体与控制柜的日常维护与定期保养…”）在方案 P1 中没有任何条目落实 | 在落实它的培养规格或学习成果的箭头后加上“ns:PROG-NS#S2”",
        ])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.notes.map { "\($0.file):\($0.location)" } == ["vendor/ns/programme.md:16:5"])
    }

    /// A course outcome referencing the specification meets it as well as a programme item.
    @Test func anOutcomeMeetsANationalSpecification() async throws {
        var files = try Self.planted("programme.md", [(" → ns:PROG-NS#S2", "")])
        files["courses/c1.md"] = Self.course.replacingOccurrences(of: "P1#S2", with: "P1#S2, ns:PROG-NS#S2")
        #expect(try await Self.findings(files).isEmpty)
    }

    /// The school copies the national job profile and edits it: its outcomes cover the copy,
    /// which is no longer the national occupation.
    @Test func anEditedCopyOfTheNationalJobProfile() async throws {
        let copy = Self.nationalProfile.replacingOccurrences(of: "能完成工业机器人的日常点检", with: "能完成工业机器人的日常清洁")
        var files = try Self.planted("programme.md", [("occupations: [ns:JOB-OP]", "occupations: [JOB-OP]")], adding: ["jobs/op.md": copy])
        files["courses/c1.md"] = Self.course.replacingOccurrences(of: "ns:JOB-OP#", with: "JOB-OP#")
        let found = try await Self.findings(files)
        #expect(Self.lines(found) == [
            "programme.md:7:15 upstream-profile-edited programme P1 names job profile JOB-OP (jobs/op.md), a copy of the upstream's ns:JOB-OP with other content: an edited copy no longer states the upstream's requirements | refer to ns:JOB-OP instead of the copy, or give the local profile an id of its own in place of JOB-OP",
        ])
        #expect(Self.lines(found, .zhCN) == [
            "programme.md:7:15 upstream-profile-edited 方案 P1 职业面向中的岗位标准 JOB-OP（jobs/op.md）与上游的 ns:JOB-OP 同 id，但内容已改动：改动过的副本不再是上游标准的要求 | 改为引用 ns:JOB-OP，或给本校的岗位标准另起一个 id（不再用 JOB-OP）",
        ])
        #expect(found.first?.notes.map { "\($0.file):\($0.location)" } == ["vendor/ns/jobs/op.md:1:1"])
        // An identical copy (its status aside) is the national profile.
        files["jobs/op.md"] = Self.nationalProfile.replacingOccurrences(of: "kind: job-profile\n", with: "kind: job-profile\nstatus: draft\n")
        #expect(try await Self.findings(files).isEmpty)
    }

    @Test func aNationalRequirementCoveredByNoOutcome() async throws {
        let found = try await Self.findings(try Self.planted("courses/c1.md", [("ns:JOB-OP#R2, ", "")]))
        #expect(Self.lines(found) == [
            "programme.md:7:15 uncovered-requirement requirement ns:JOB-OP#R2 of the upstream job profile that programme P1 names in `occupations` is covered by no learning outcome | add 'ns:JOB-OP#R2' after the arrow of the outcome that teaches it",
        ])
        #expect(Self.lines(found, .zhCN) == [
            "programme.md:7:15 uncovered-requirement 方案 P1 职业面向中上游岗位标准的岗位要求 ns:JOB-OP#R2 没有任何学习成果对应 | 在讲授它的学习成果的箭头后加上“ns:JOB-OP#R2”",
        ])
        #expect(found.first?.notes.map { "\($0.file):\($0.location)" } == ["vendor/ns/jobs/op.md:10:5"])
    }

    /// A national requirement only an elective covers: at the `occupations` entry too, not in
    /// the upstream's file.
    @Test func aNationalRequirementOnlyAnElectiveCovers() async throws {
        var files = try Self.planted("programme.md", [
            ("  - {id: C2,", "  - {id: C5, category: professional-elective, hours: {theory: 0, practice: 0}}\n  - {id: C2,"),
        ], adding: ["courses/c5.md": "---\nid: C5\nkind: course\ntitle: 机器人视觉应用\n---\n\n- **LO1** 能完成日常点检 → ns:JOB-OP#R2\n"])
        files["courses/c1.md"] = Self.course.replacingOccurrences(of: "ns:JOB-OP#R2, ", with: "")
        let found = try await Self.findings(files, rules: Self.rules.union(["elective-only-coverage"]))
        #expect(Self.lines(found) == [
            "programme.md:7:15 elective-only-coverage ns:JOB-OP#R2 is covered in P1 only by the elective courses C5: a student who chooses others graduates without it | cover ns:JOB-OP#R2 by an outcome of a required course as well, or make one of those courses required",
        ])
        #expect(found.first?.notes.map { "\($0.file):\($0.location)" } == ["programme.md:8:1", "vendor/ns/jobs/op.md:10:5"])
    }

    /// The national requirements the programme names are rows of the trace matrix, after the
    /// school's own, covered by the school's outcomes.
    @Test func nationalRequirementsAreRowsOfTheTraceMatrix() async throws {
        let files = try Self.planted("courses/c1.md", [("ns:JOB-OP#R2, ", "")])
        let matrix = TraceMatrix(try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) }))
        #expect(matrix.rows.map(\.fullID) == ["P1#S1", "P1#S2", "ns:JOB-OP#R1", "ns:JOB-OP#R2"])
        #expect(matrix.gaps.map(\.fullID) == ["ns:JOB-OP#R2"])
        let national = try #require(matrix.rows.first { $0.fullID == "ns:JOB-OP#R1" })
        #expect(national.document == "ns:JOB-OP")
        #expect(national.documentTitle == "工业机器人系统操作员")
        #expect(national.family == "requirement")
        #expect(national.covers.map { "\($0.course)#\($0.outcome) \($0.level ?? "-")" } == ["C1#LO1 -"])
        #expect(matrix.columns.map(\.id) == ["C1"])
    }

    /// Without `implements` the programme is measured against no upstream programme.
    @Test func aProgrammeWithoutImplementsGivesNone() async throws {
        let files = try Self.planted("programme.md", [
            ("implements: ns:PROG-NS\n", ""), ("total_hours: 2640", "total_hours: 2000"), ("{id: ns:COURSE-NS-MAINT,", "{id: C4,"),
            (" → ns:PROG-NS#S2", ""),
        ], adding: ["courses/c4.md": "---\nid: C4\nkind: course\ntitle: 机器人维护\n---\n"])
        let found = try await Self.findings(files, rules: ["upstream-core-course", "upstream-hours", "upstream-specification", "upstream-profile-edited"])
        #expect(found.isEmpty)
    }

    /// An upstream that is not there is one finding; nothing is measured against it.
    @Test func anAbsentUpstreamGivesOnlyUpstreamMissing() async throws {
        let files = try Self.planted("programme.md", [("total_hours: 2640", "total_hours: 2000"), (" → ns:PROG-NS#S2", "")])
            .filter { !$0.key.hasPrefix("vendor/") }
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        let found = Checker().check(project).diagnostics.filter { Self.rules.contains($0.rule) || $0.rule.hasPrefix("upstream") || $0.rule == "unresolved-reference" }
        #expect(Self.lines(found) == [
            "stdkit.yml:4:11 upstream-missing upstream 'ns' is not there: the folder vendor/ns does not exist | copy release v2025.1 of the upstream project into vendor/ns, or correct `path` in stdkit.yml",
        ])
    }
}
