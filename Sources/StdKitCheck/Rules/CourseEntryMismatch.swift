import StdKitModel
import StdKitSyntax

/// A programme's entry for a course disagrees with the course standard.
struct CourseEntryMismatch: Rule {
    let description = RuleDescription(
        id: "course-entry-mismatch", family: .arithmetic,
        summary: "a programme's course entry disagrees with the course standard",
        explanation: """
            The hours, credits and category of a course in the programme's `courses` list must be \
            those of the course standard itself; when one side is revised, the other must follow.
            """,
        passing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\ncourses:\n  - {id: C1, category: practice, hours: {theory: 0, practice: 48}, credits: 2}\n---\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\ncategory: practice\nhours: {theory: 0, practice: 48}\ncredits: 2\n---\n"])],
        failing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\ncourses:\n  - {id: C1, category: practice, hours: {theory: 0, practice: ↓32}, credits: 2}\n---\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 综合实训\ncategory: practice\nhours: {theory: 0, practice: 48}\ncredits: 2\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in ProgrammeTable.all(in: context) {
            for entry in table.entries {
                guard let id = entry.id, let course = context.project.document(id), course.kind == "course",
                      let front = course.frontMatter else { continue }
                let comparisons: [(String, YAMLNode?, YAMLNode?)] = [
                    ("hours.theory", entry.node["hours"]?["theory"], front["hours"]?["theory"]),
                    ("hours.practice", entry.node["hours"]?["practice"], front["hours"]?["practice"]),
                    ("credits", entry.node["credits"], front["credits"]),
                    ("category", entry.node["category"], front["category"]),
                ]
                for (field, programmeValue, courseValue) in comparisons {
                    guard let programmeValue, let courseValue, let a = programmeValue.scalar, let b = courseValue.scalar,
                          !Self.same(a, b) else { continue }
                    findings.append(Diagnostic(
                        rule: description.id, file: table.programme.path, location: programmeValue.location,
                        message: "\(field) of \(id) is \(a) here but \(b) in its course standard",
                        notes: [Diagnostic.Note(file: course.path, location: courseValue.location, message: "\(id) gives \(field) \(b) here")],
                        hint: "make the programme's entry and the course standard agree"))
                }
            }
        }
        return findings
    }

    /// Equal as numbers where both are numbers (`2` and `2.0`), else as text.
    static func same(_ a: String, _ b: String) -> Bool {
        if let x = Double(a), let y = Double(b) { return abs(x - y) < 0.001 }
        return a == b
    }
}
