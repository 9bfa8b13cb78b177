import StdKitModel
import StdKitSyntax

/// A course standard that no programme lists.
struct CourseNotInProgramme: Rule {
    let description = RuleDescription(
        id: "course-not-in-programme", family: .coverage, severity: .warning,
        summary: "a course is in no programme's course table",
        explanation: """
            When a project has a programme, each of its course standards should appear in a \
            programme's `courses` list; a course that none lists is either missing from the course \
            table or no longer taught (then mark it `status: withdrawn`).
            """,
        passing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\ncourses:\n  - {id: C1, category: practice}\n---\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n"])],
        failing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\ncourses:\n  - {id: C1, category: practice}\n---\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n",
                               "c2.md": "---\nid: ↓C2\nkind: course\ntitle: 机器人编程\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let programmes = context.documents(ofKind: "programme")
        guard !programmes.isEmpty else { return [] }
        let listed = Set(programmes.flatMap { programme in
            programme.references.compactMap { reference -> String? in
                guard case .field(let path) = reference.origin, path.hasPrefix("courses["), case .document(let id) = reference.resolution else { return nil }
                return id
            }
        })
        return context.documents(ofKind: "course").compactMap { course in
            guard let id = course.id, course.status != "withdrawn", !listed.contains(id) else { return nil }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: course.path, location: course.location(ofField: "id"),
                message: "course \(id) is in no programme's course table",
                notes: programmes.map { Diagnostic.Note(file: $0.path, location: $0.location(ofField: "courses"), message: "\($0.id ?? $0.path) lists its courses here") },
                hint: "add '- {id: \(id), category: …}' to the programme's courses, or mark the course withdrawn")
        }
    }
}
