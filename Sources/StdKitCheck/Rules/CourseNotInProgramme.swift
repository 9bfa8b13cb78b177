import StdKitModel
import StdKitSyntax

/// A course standard that no programme lists.
struct CourseNotInProgramme: Rule {
    let description = RuleDescription(
        id: "course-not-in-programme", family: .coverage, severity: .warning,
        passing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\ncourses:\n  - {id: C1, category: practice}\n---\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n"])],
        failing: [RuleExample(["p.md": "---\nid: P1\nkind: programme\ntitle: 方案\ncourses:\n  - {id: C1, category: practice}\n---\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n",
                               "c2.md": "---\nid: ↓C2\nkind: course\ntitle: 机器人编程\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let programmes = context.documents(ofKind: "programme")
        guard !programmes.isEmpty else { return [] }
        // Findings are in the courses: with none in focus, the programmes' lists are not read.
        let courses = context.documents(ofKind: "course").filter { context.wants($0.path) }
        guard !courses.isEmpty else { return [] }
        let listed = Set(programmes.flatMap { programme in
            programme.references.compactMap { reference -> String? in
                guard case .field(let path) = reference.origin, path.hasPrefix("courses["), case .document(let id) = reference.resolution else { return nil }
                return id
            }
        })
        return courses.compactMap { course in
            guard let id = course.id, course.status != "withdrawn", !listed.contains(id) else { return nil }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: course.path, location: course.location(ofField: "id"),
                message: .inNoProgramme(id),
                notes: programmes.map { Diagnostic.Note(file: $0.path, location: $0.location(ofField: "courses"), message: .listsCourses($0.id ?? $0.path)) },
                hint: .addToProgramme(id))
        }
    }
}

extension Message {
    fileprivate static func inNoProgramme(_ course: String) -> Message {
        Message("course-not-in-programme.message", ["course": .verbatim(course)])
    }

    fileprivate static func listsCourses(_ programme: String) -> Message {
        Message("course-not-in-programme.note", ["programme": .verbatim(programme)])
    }

    fileprivate static func addToProgramme(_ course: String) -> Message {
        Message("course-not-in-programme.hint", ["course": .verbatim(course)])
    }
}
