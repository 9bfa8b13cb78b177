import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// A copy of the flagship with one fault of each rule family planted: the check must report
/// exactly those faults, at their places, and nothing else.
@Suite("Planted faults in a copy of the flagship")
struct PlantedFaultsTests {
    struct Found: Hashable, CustomStringConvertible {
        var rule: String
        var file: String
        var line: Int
        var column: Int
        var description: String { "\(file):\(line):\(column) [\(rule)]" }
    }

    /// A copy of `standards/` in a temporary folder, with the programme as a reviewer reads it:
    /// before the parties approve it (the faults are planted into the draft; an approved
    /// programme edited would also, rightly, have stale approvals).
    static func copy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-planted-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FlagshipStandardTests.repository.appendingPathComponent("standards"), to: folder)
        let programme = folder.appendingPathComponent("programme/robot-technology-460305.md")
        let text = try String(contentsOf: programme, encoding: .utf8)
        let approvals = try #require(text.range(of: #"\napprovals:\n(  [^\n]*\n)+"#, options: .regularExpression))
        try text.replacingCharacters(in: approvals, with: "\n").replacingOccurrences(of: "\nstatus: approved\n", with: "\nstatus: review\n")
            .write(to: programme, atomically: true, encoding: .utf8)
        return folder
    }

    /// Replaces the only occurrence of `old` in `file` by `new`, and returns where `marker`
    /// (a part of `new`) ends up: line and character column.
    static func plant(_ root: URL, _ file: String, replacing old: String, with new: String, marker: String) throws -> (Int, Int) {
        let url = root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "'\(old)' must occur once in \(file)")
        let changed = text.replacingOccurrences(of: old, with: new)
        try changed.write(to: url, atomically: true, encoding: .utf8)
        let anchor = try #require(changed.range(of: new))
        let markerRange = try #require(changed[anchor.lowerBound...].range(of: marker))
        let before = changed[..<markerRange.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { changed.index(after: $0) } ?? changed.startIndex
        return (line, changed[lineStart..<markerRange.lowerBound].unicodeScalars.count + 1)
    }

    @Test func exactlyThePlantedFaults() async throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        var expected: Set<Found> = []
        func plant(_ rule: String, _ file: String, _ old: String, _ new: String, at marker: String) throws {
            let (line, column) = try Self.plant(root, file, replacing: old, with: new, marker: marker)
            expected.insert(Found(rule: rule, file: file, line: line, column: column))
        }
        // syntax: attributes with a stray word
        try plant("malformed-attribute", "courses/professional-elective/welding-robot.md",
                  "→ PROG-ROBOT-460305#S2 {level=3}", "→ PROG-ROBOT-460305#S2 {level=3 hours=4 h}", at: "h}")
        // schema: a status that is not one of the values
        try plant("invalid-value", "courses/professional-core/machine-vision.md", "status: review\n", "status: reviewed\n", at: "reviewed")
        // identity: a requirement number used twice
        try plant("duplicate-item-id", "jobs/robot-system-operator.md",
                  "生产数据记录。 → #T3, #T4 {level=2}\n", "生产数据记录。 → #T3, #T4 {level=2}\n- **R7** 能在交接班时说明设备异常。 → #T3 {level=2}\n", at: "R7** 能在交接班")
        // references: a requirement that does not exist (R4 stays covered by another course)
        try plant("unresolved-reference", "courses/professional-elective/welding-robot.md",
                  "导电嘴 → JOB-WELD-ROBOT#R4", "导电嘴 → JOB-WELD-ROBOT#R14", at: "JOB-WELD-ROBOT#R14")
        // coverage: a new requirement no course covers yet
        try plant("uncovered-requirement", "jobs/robot-system-maintainer.md",
                  "安全与使用交底。 → #T1, #T2 {level=2}\n", "安全与使用交底。 → #T1, #T2 {level=2}\n- **R8** 能使用制造执行系统查询设备停机记录。 → #T1 {level=2}\n", at: "R8**")
        // structure: a link to a job profile under a wrong name
        try plant("broken-link", "programme/robot-technology-460305.md",
                  "[工业机器人系统操作员](../jobs/robot-system-operator.md)", "[工业机器人系统操作员](../jobs/robot-operator.md)", at: "[工业机器人系统操作员]")
        // arithmetic: a declared total that no longer matches the table
        try plant("total-hours-mismatch", "programme/robot-technology-460305.md", "total_hours: 2640", "total_hours: 2700", at: "2700")

        let project = try await ProjectLoader.load(root: root)
        let found = Set(Checker().check(project).diagnostics.map {
            Found(rule: $0.rule, file: $0.file, line: $0.location.line, column: $0.location.column)
        })
        #expect(found == expected, "missing: \(expected.subtracting(found).sorted { $0.description < $1.description }), unexpected: \(found.subtracting(expected).sorted { $0.description < $1.description })")
        #expect(Set(expected.map(\.rule)).count == 7)

        // Rules run on both cores: the findings are those of a serial run, every time.
        let serial = Checker(concurrent: false).check(project).diagnostics
        for _ in 0..<5 { #expect(Checker().check(project).diagnostics == serial) }
    }

    /// Issue 21: what a provincial reviewer found in the flagship before it was brought to depth,
    /// planted back into a copy of the fixed flagship. Each fault is one finding, at the place a
    /// reviewer would mark, and nothing else is reported.
    @Test func theReviewersFindingsPlantedBack() async throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let programme = "programme/robot-technology-460305.md"
        var expected: [Found] = []
        func plant(_ rule: String, _ file: String, _ old: String, _ new: String, at marker: String) throws {
            let (line, column) = try Self.plant(root, file, replacing: old, with: new, marker: marker)
            expected.append(Found(rule: rule, file: file, line: line, column: column))
        }
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let url = root.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.components(separatedBy: old).count == 2, "'\(old)' must occur once in \(file)")
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
        func courseTable() throws -> Found {
            let text = try String(contentsOf: root.appendingPathComponent(programme), encoding: .utf8)
            let before = try #require(text.range(of: "\ncourses:\n"))
            return Found(rule: "required-course", file: programme, line: text[..<before.lowerBound].filter { $0 == "\n" }.count + 2, column: 1)
        }

        // Mandatory public courses missing: 美育, 国家安全教育 and a "四史" course, each reported at
        // the programme's course table (the courses stay, under titles that are not those courses).
        try edit("courses/public-basic/public-art.md", "title: 公共艺术（美育）\n", "title: 音乐与美术欣赏\n")
        try edit("courses/public-basic/public-art.md", "tags: [美育, 公共艺术]\n", "tags: [艺术欣赏]\n")
        try edit("courses/public-basic/party-history.md", "tags: [四史]\n", "tags: [红色文化]\n")
        try edit("courses/public-basic/national-security.md", "title: 国家安全教育\n", "title: 公共安全与应急\n")
        try edit("courses/public-basic/party-history.md", "title: 中共党史\n", "title: 红色文化专题\n")
        expected += Array(repeating: try courseTable(), count: 3)
        // 职业发展与就业指导 at 32 hours where 38 are required (totals kept consistent).
        try plant("required-course", programme,
                  "{id: COURSE-CAREER, category: public-basic, semester: [2, 4], hours: {theory: 24, practice: 16}, credits: 2.5,",
                  "{id: COURSE-CAREER, category: public-basic, semester: [2, 4], hours: {theory: 16, practice: 16}, credits: 2,", at: "{theory: 16")
        try edit("courses/public-basic/career-development.md", "hours: {theory: 24, practice: 16}\ncredits: 2.5\n", "hours: {theory: 16, practice: 16}\ncredits: 2\n")
        try edit("courses/public-basic/career-development.md", "{hours=12}", "{hours=4}")
        try edit(programme, "total_hours: 2640\ncredits: 142.5\n", "total_hours: 2632\ncredits: 142\n")
        // Electives counted as if every student took all of them: the declared total adds every
        // elective's hours (2,632 counted + 320 of ZX and GX not chosen).
        try plant("total-hours-mismatch", programme, "total_hours: 2632\n", "total_hours: 2952\n", at: "2952")
        // Three requirements at level 4 reached only by level-3 outcomes: the internship, which
        // their `reached_by` names, no longer reaches them.
        let internship = "courses/practice/internship.md"
        try edit(internship, "→ JOB-ROBOT-MAINTAINER#R3, PROG-ROBOT-460305#S14 {level=4}", "→ JOB-ROBOT-MAINTAINER#R3, PROG-ROBOT-460305#S14 {level=3}")
        try edit(internship, "→ JOB-WELD-ROBOT#R2, JOB-WELD-ROBOT#R3, PROG-ROBOT-460305#S15 {level=4}", "→ JOB-WELD-ROBOT#R2, PROG-ROBOT-460305#S15 {level=4}")
        try edit(internship, "→ JOB-WELD-ROBOT#R6 {level=4}", "→ JOB-WELD-ROBOT#R6 {level=3}")
        for (file, requirement) in [("jobs/robot-system-maintainer.md", "R3"), ("jobs/welding-robot-programmer.md", "R3"), ("jobs/welding-robot-programmer.md", "R6")] {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let at = try #require(text.range(of: "- **\(requirement)** "))
            let line = text[..<at.lowerBound].filter { $0 == "\n" }.count + 1
            expected.append(Found(rule: "level-below-requirement", file: file, line: line, column: 5))
        }
        // 军事技能: 112 hours in "2 weeks" against the programme's 24 hours a week.
        try plant("practice-weeks", programme,
                  "{id: COURSE-MILITARY-SKILL, category: practice, semester: 1, hours: {theory: 0, practice: 112}, credits: 2, assessment: test}",
                  "{id: COURSE-MILITARY-SKILL, weeks: 2, category: practice, semester: 1, hours: {theory: 0, practice: 112}, credits: 2, assessment: test}",
                  at: "2, category")
        // The graduation project in semester 5 draws on the internship, which starts in semester 5.
        try edit(programme, "{id: COURSE-GRADUATION, category: practice, semester: 6,", "{id: COURSE-GRADUATION, category: practice, semester: 5,")
        try edit("courses/practice/graduation-project.md", "semester: 6\n", "semester: 5\n")
        try plant("prerequisite-semester", "courses/practice/graduation-project.md",
                  "prerequisites: [COURSE-TRAINING, COURSE-INTERNSHIP]", "prerequisites: [COURSE-INTERNSHIP]", at: "COURSE-INTERNSHIP]")
        // The body-shop welding profile without spot welding: its task T4 is served by no requirement.
        let welding = "jobs/welding-robot-programmer.md"
        let weldingText = try String(contentsOf: root.appendingPathComponent(welding), encoding: .utf8)
        let spot = try #require(weldingText.range(of: #"- \*\*R8\*\* [^\n]*\n"#, options: .regularExpression))
        try edit(welding, String(weldingText[spot]), "")
        let elective = try String(contentsOf: root.appendingPathComponent("courses/professional-elective/welding-robot.md"), encoding: .utf8)
        let spotOutcome = try #require(elective.range(of: #"- \*\*LO7\*\* [^\n]*JOB-WELD-ROBOT#R8[^\n]*\n"#, options: .regularExpression))
        try edit("courses/professional-elective/welding-robot.md", String(elective[spotOutcome]), "")
        try edit(internship, "→ JOB-WELD-ROBOT#R8, PROG-ROBOT-460305#S15", "→ PROG-ROBOT-460305#S15")
        let text = try String(contentsOf: root.appendingPathComponent(welding), encoding: .utf8)
        let task = try #require(text.range(of: "### **T4**"))
        expected.append(Found(rule: "task-without-requirement", file: welding, line: text[..<task.lowerBound].filter { $0 == "\n" }.count + 1, column: 7))

        let project = try await ProjectLoader.load(root: root)
        let found = Checker().check(project).diagnostics.map { Found(rule: $0.rule, file: $0.file, line: $0.location.line, column: $0.location.column) }
        let sortedExpected = expected.sorted { $0.description < $1.description }
        #expect(found.sorted { $0.description < $1.description } == sortedExpected,
                "\(Checker().check(project).diagnostics.map { "\($0.file):\($0.location) [\($0.rule)] \($0.message.english)" }.joined(separator: "\n"))")
        #expect(expected.count == 11)
    }

    /// The same on every broken fixture, whose findings come from many rules at once.
    @Test func concurrentRulesFindWhatASerialRunFinds() async throws {
        let fixtures = FlagshipStandardTests.repository.appendingPathComponent("Tests/StdKitCheckTests/Fixtures")
        let folders = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
        var total = 0
        for folder in folders {
            let project = try await ProjectLoader.load(root: fixtures.appendingPathComponent(folder))
            let serial = Checker(concurrent: false).check(project).diagnostics
            total += serial.count
            for _ in 0..<3 { #expect(Checker().check(project).diagnostics == serial, "\(folder)") }
        }
        #expect(total > folders.count, "the fixtures have findings to compare")
    }
}
