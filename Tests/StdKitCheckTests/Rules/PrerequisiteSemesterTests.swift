import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

@Suite("prerequisite-semester")
struct PrerequisiteSemesterTests {
    static func course(_ id: String, _ title: String, semester: String? = nil, prerequisites: [String] = []) -> String {
        "---\nid: \(id)\nkind: course\ntitle: \(title)\n" + (semester.map { "semester: \($0)\n" } ?? "")
            + (prerequisites.isEmpty ? "" : "prerequisites: [\(prerequisites.joined(separator: ", "))]\n") + "---\n\n# \(title)\n"
    }

    static let courses = [
        "grad.md": course("COURSE-GRADUATION", "毕业设计（论文）", prerequisites: ["COURSE-INTERNSHIP"]),
        "intern.md": course("COURSE-INTERNSHIP", "岗位实习"),
    ]

    /// The graduation project in semester 5 drawing on the internship in semester 6, at the
    /// prerequisite in the course's front matter, in Chinese.
    @Test func graduationBeforeInternship() async throws {
        let files = TimetableProject.files(courses: ["{id: COURSE-GRADUATION, category: practice, semester: 5}",
                                                    "{id: COURSE-INTERNSHIP, category: practice, semester: [6]}"], others: Self.courses)
        let found = try await TimetableProject.findings("prerequisite-semester", files)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.file == "grad.md" && finding.location == StdKitSyntax.SourceLocation(line: 5, column: 17))
        #expect(finding.message.text(in: .zhCN)
            == "课程 COURSE-GRADUATION 在第 5 学期开设，其先修课程 COURSE-INTERNSHIP 却在第 6 学期开设，未先于该课程（依据专业 P1 的课程安排）")
        #expect(finding.hint?.text(in: .zhCN)
            == "把 COURSE-INTERNSHIP 调到更早的学期，或把 COURSE-GRADUATION 调到更晚的学期；如 COURSE-GRADUATION 并不以 COURSE-INTERNSHIP 为基础，请删去该先修课程")
    }

    /// Starting in the same semester is not earlier; a prerequisite that starts before — even
    /// if it runs on — is.
    @Test func theFirstSemesterCounts() async throws {
        let same = TimetableProject.files(courses: ["{id: COURSE-GRADUATION, category: practice, semester: [5, 6]}",
                                                   "{id: COURSE-INTERNSHIP, category: practice, semester: [5, 6]}"], others: Self.courses)
        #expect(try await TimetableProject.findings("prerequisite-semester", same).map { $0.message.english }
            == ["COURSE-GRADUATION starts in semester 5, but its prerequisite COURSE-INTERNSHIP starts in semester 5, not earlier (by the course table of P1)"])
        let earlier = TimetableProject.files(courses: ["{id: COURSE-GRADUATION, category: practice, semester: 6}",
                                                      "{id: COURSE-INTERNSHIP, category: practice, semester: [5, 6]}"], others: Self.courses)
        #expect(try await TimetableProject.findings("prerequisite-semester", earlier).isEmpty)
    }

    /// A prerequisite the programme does not list is placed by its own `semester`; courses no
    /// programme lists, by theirs; a course without a semester anywhere is not compared.
    @Test func ownSemesterFields() async throws {
        var files = TimetableProject.files(courses: ["{id: COURSE-PROG, category: professional-core, semester: 3}"])
        files["prog.md"] = Self.course("COURSE-PROG", "工业机器人编程", prerequisites: ["COURSE-PLC"])
        files["plc.md"] = Self.course("COURSE-PLC", "PLC 控制技术", semester: "4")
        #expect(try await TimetableProject.findings("prerequisite-semester", files).map { $0.message.text(in: .zhCN) }
            == ["课程 COURSE-PROG 在第 3 学期开设，其先修课程 COURSE-PLC 却在第 4 学期开设，未先于该课程（依据专业 P1 的课程安排）"])

        let alone = ["a.md": Self.course("COURSE-PROG", "工业机器人编程", semester: "[3, 4]", prerequisites: ["COURSE-PLC", "COURSE-BASIC"]),
                     "b.md": Self.course("COURSE-PLC", "PLC 控制技术", semester: "3"),
                     "c.md": Self.course("COURSE-BASIC", "工业机器人技术基础")]
        let found = try await TimetableProject.findings("prerequisite-semester", alone)
        #expect(found.map { "\($0.file):\($0.location) \($0.message.text(in: .zhCN))" }
            == ["a.md:6:17 课程 COURSE-PROG 在第 3 学期开设，其先修课程 COURSE-PLC 却在第 3 学期开设，未先于该课程（依据课程的 `semester` 字段）"])
    }

    /// Each programme's own order: the programme that gets it wrong is named, once.
    @Test func byEachProgramme() async throws {
        var files = Self.courses
        files["p1.md"] = "---\nid: P1\nkind: programme\ntitle: 甲专业\ncourses:\n  - {id: COURSE-INTERNSHIP, category: practice, semester: 5}\n  - {id: COURSE-GRADUATION, category: practice, semester: 6}\n---\n"
        files["p2.md"] = "---\nid: P2\nkind: programme\ntitle: 乙专业\ncourses:\n  - {id: COURSE-INTERNSHIP, category: practice, semester: 6}\n  - {id: COURSE-GRADUATION, category: practice, semester: 5}\n---\n"
        #expect(try await TimetableProject.findings("prerequisite-semester", files).map { $0.message.text(in: .zhCN) }
            == ["课程 COURSE-GRADUATION 在第 5 学期开设，其先修课程 COURSE-INTERNSHIP 却在第 6 学期开设，未先于该课程（依据专业 P2 的课程安排）"])
    }
}
