import StdKitModel
import StdKitSyntax

/// A programme's entry for a course disagrees with the course standard.
struct CourseEntryMismatch: Rule {
    let description = RuleDescription(
        id: "course-entry-mismatch", family: .arithmetic,
        passing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\ncourses:\n  - {id: C1, category: practice, hours: {theory: 0, practice: 48}, credits: 2}\n---\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\ncategory: practice\nhours: {theory: 0, practice: 48}\ncredits: 2\n---\n"])],
        failing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\ncourses:\n  - {id: C1, category: practice, hours: {theory: 0, practice: ↓32}, credits: 2}\n---\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 综合实训\ncategory: practice\nhours: {theory: 0, practice: 48}\ncredits: 2\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in ProgrammeTable.focused(in: context) {
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
                        message: .entryDiffers(field: field, course: id, here: a, there: b),
                        notes: [Diagnostic.Note(file: course.path, location: courseValue.location, message: .courseGives(id, field: field, value: b))],
                        hint: .makeAgree))
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

extension Message {
    fileprivate static func entryDiffers(field: String, course: String, here: String, there: String) -> Message {
        Message("course-entry-mismatch.message", [
            "field": .verbatim(field), "course": .verbatim(course), "here": .verbatim(here), "there": .verbatim(there),
        ])
    }

    fileprivate static func courseGives(_ course: String, field: String, value: String) -> Message {
        Message("course-entry-mismatch.note", ["course": .verbatim(course), "field": .verbatim(field), "value": .verbatim(value)])
    }

    fileprivate static let makeAgree = Message("course-entry-mismatch.hint")
}
