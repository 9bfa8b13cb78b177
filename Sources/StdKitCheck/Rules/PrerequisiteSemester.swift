import StdKitModel
import StdKitSyntax

/// A prerequisite that does not start in an earlier semester than the course that draws on it
/// (the graduation project in semester 5 on the internship in semester 6).
///
/// Semesters come from the course table of each programme that lists the course; a course the
/// programme does not list is placed by its own `semester` field, and a course no programme
/// lists is compared by the courses' own fields. Each prerequisite is reported once, at the
/// prerequisite in the course's front matter, by the first programme (by path) that orders them
/// wrongly.
struct PrerequisiteSemester: Rule {
    let description = RuleDescription(
        id: "prerequisite-semester", family: .references,
        passing: [RuleExample([
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n  - {id: C-INTERN, category: practice, semester: 5}\n  - {id: C-GRAD, category: practice, semester: 6}\n---\n",
            "grad.md": "---\nid: C-GRAD\nkind: course\ntitle: 毕业设计\nprerequisites: [C-INTERN]\n---\n",
            "intern.md": "---\nid: C-INTERN\nkind: course\ntitle: 岗位实习\n---\n",
        ])],
        failing: [RuleExample([
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n  - {id: C-GRAD, category: practice, semester: 5}\n  - {id: C-INTERN, category: practice, semester: 6}\n---\n",
            "grad.md": "---\nid: C-GRAD\nkind: course\ntitle: 毕业设计\nprerequisites: [↓C-INTERN]\n---\n",
            "intern.md": "---\nid: C-INTERN\nkind: course\ntitle: 岗位实习\n---\n",
        ]),
        // No programme: the courses' own semesters, the same semester is not earlier.
        RuleExample([
            "a.md": "---\nid: C-PROG\nkind: course\ntitle: 机器人编程\nsemester: 3\nprerequisites: [C-BASE, ↓C-PLC]\n---\n",
            "b.md": "---\nid: C-PLC\nkind: course\ntitle: PLC 技术\nsemester: 3\n---\n",
            "c.md": "---\nid: C-BASE\nkind: course\ntitle: 机器人基础\nsemester: 2\n---\n",
        ])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        // Only a focused course's prerequisites can lead to a finding wanted: the programmes'
        // tables (thousands of courses) are read when one has any.
        let courses = context.documents(ofKind: "course")
        guard courses.contains(where: { course in
            context.wants(course.path) && course.references.contains { reference in
                if case .field(let path) = reference.origin { path.hasPrefix("prerequisites[") } else { false }
            }
        }) else { return [] }
        // Each programme's first semester of each course it lists.
        let programmes: [(id: String, starts: [String: Int])] = Timetable.all(in: context).map { timetable in
            var starts: [String: Int] = [:]
            for entry in timetable.entries {
                guard let id = entry.id, let start = entry.start else { continue }
                starts[id] = min(starts[id] ?? start, start)
            }
            return (timetable.table.programme.id ?? timetable.table.programme.path, starts)
        }
        var own: [String: Int] = [:]
        for course in courses {
            if let id = course.id, let start = Timetable.semesters(course.frontMatter?["semester"]).first { own[id] = own[id] ?? start }
        }
        var findings: [Diagnostic] = []
        for course in courses where context.wants(course.path) {
            guard let id = course.id else { continue }
            let listing = programmes.filter { $0.starts[id] != nil }
            for reference in course.references {
                guard case .field(let path) = reference.origin, path.hasPrefix("prerequisites["),
                      case .document(let prerequisite) = reference.resolution, prerequisite != id else { continue }
                // (course start, prerequisite start, by which programme; nil: the courses' fields)
                let orders: [(Int?, Int?, String?)] = listing.isEmpty
                    ? [(own[id], own[prerequisite], nil)]
                    : listing.map { ($0.starts[id], $0.starts[prerequisite] ?? own[prerequisite], $0.id) }
                for case let (start?, prerequisiteStart?, programme) in orders where prerequisiteStart >= start {
                    findings.append(Diagnostic(
                        rule: description.id, file: course.path, location: reference.syntax.location,
                        message: .notEarlier(course: id, semester: start, prerequisite: prerequisite, prerequisiteSemester: prerequisiteStart,
                                             programme: programme),
                        hint: .moveOrRemove(course: id, prerequisite: prerequisite)))
                    break
                }
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func notEarlier(course: String, semester: Int, prerequisite: String, prerequisiteSemester: Int, programme: String?) -> Message {
        Message("prerequisite-semester.message", [
            "course": .verbatim(course), "semester": .number(semester), "prerequisite": .verbatim(prerequisite),
            "prerequisiteSemester": .number(prerequisiteSemester),
            "source": .message(programme.map { Message("prerequisite-semester.by-programme", ["programme": .verbatim($0)]) }
                ?? Message("prerequisite-semester.by-courses")),
        ])
    }

    fileprivate static func moveOrRemove(course: String, prerequisite: String) -> Message {
        Message("prerequisite-semester.hint", ["course": .verbatim(course), "prerequisite": .verbatim(prerequisite)])
    }
}
