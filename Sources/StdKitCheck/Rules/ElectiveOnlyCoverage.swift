import StdKitModel
import StdKitSyntax

/// A requirement of a job profile the programme prepares for (`occupations`, 职业面向) that only
/// elective courses of the programme cover: a student who chooses other electives graduates
/// without it. A warning: a school may mean it, but a reviewer asks why.
struct ElectiveOnlyCoverage: Rule {
    private static let job = "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接机器人操作员\n---\n\n- **R1** 能完成开机与回原点\n- **↓R2** 能离线编程焊接轨迹\n"
    private static let programme = """
        ---
        id: P1
        kind: programme
        title: 工业机器人技术
        occupations: [JOB-A]
        courses:
          - {id: C1, category: professional-core}
          - {id: C2, category: professional-elective}
        ---

        """

    private static func course(_ id: String, covers item: String) -> String {
        "---\nid: \(id)\nkind: course\ntitle: 课程\(id)\n---\n\n- **LO1** 目标 → JOB-A#\(item)\n"
    }

    let description = RuleDescription(
        id: "elective-only-coverage", family: .coverage, severity: .warning,
        passing: [RuleExample(["job.md": job.replacingOccurrences(of: "↓", with: ""), "p.md": programme,
                               "c1.md": "---\nid: C1\nkind: course\ntitle: 课程C1\n---\n\n- **LO1** 目标 → JOB-A#R1, JOB-A#R2\n",
                               "c2.md": course("C2", covers: "R2")])],
        failing: [RuleExample(["job.md": job, "p.md": programme, "c1.md": course("C1", covers: "R1"), "c2.md": course("C2", covers: "R2")])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for programme in context.documents(ofKind: "programme") {
            // The programme's table and its courses' categories, read when a profile it prepares
            // for is wanted: a programme may list thousands of courses.
            var read: (table: CourseTable, categories: [String: Set<String>])??
            func tableAndCategories() -> (table: CourseTable, categories: [String: Set<String>])? {
                if let read { return read }
                let made: (table: CourseTable, categories: [String: Set<String>])? = ProgrammeTable(programme).map { table in
                    var categories: [String: Set<String>] = [:]
                    for entry in table.entries {
                        guard let id = entry.id else { continue }
                        categories[id, default: []].insert(entry.category ?? "")
                    }
                    return (table: table, categories: categories)
                }
                read = made
                return made
            }
            let occupations = programme.frontMatter?["occupations"]?.sequence ?? []
            for node in occupations {
                guard let occupation = node.scalar else { continue }
                let id = String(occupation.prefix { $0 != "@" && $0 != "#" })
                guard let profile = context.project.document(id), profile.kind == "job-profile", profile.status != "withdrawn" else { continue }
                // An upstream's profile (`ns:JOB-…`) is not the project's file: its finding stands
                // at the programme's `occupations` entry (DESIGN §14.2).
                let isUpstream = context.project.document(atPath: profile.path) == nil
                guard context.wants(isUpstream ? programme.path : profile.path) else { continue }
                guard let (table, categories) = tableAndCategories() else { break }
                for item in profile.items {
                    guard let family = context.itemKind(of: item.id, in: profile), family.mustBeCovered else { continue }
                    // The programme's courses whose outcomes cover the requirement.
                    let courses = Set(context.coveringSources(of: item, in: profile).compactMap { source -> String? in
                        guard let document = context.document(of: source), document.kind == "course", let id = document.id,
                              categories[id] != nil else { return nil }
                        return id
                    })
                    guard !courses.isEmpty,
                          courses.allSatisfy({ categories[$0, default: []].isSubset(of: ElectiveShare.electiveCategories) }) else { continue }
                    let fullID = isUpstream ? "\(id)#\(item.id)" : item.fullID
                    var notes = [Diagnostic.Note(file: programme.path, location: table.location, message: .programmeCourses(programme.id ?? programme.path))]
                    if isUpstream { notes.append(Diagnostic.Note(file: profile.path, location: item.location, message: .statedHere(fullID))) }
                    findings.append(Diagnostic(
                        rule: description.id, severity: description.severity, file: isUpstream ? programme.path : profile.path,
                        location: isUpstream ? node.location : item.location,
                        message: .onlyElectives(fullID, courses: courses.sorted(), programme: programme.id ?? programme.path),
                        notes: notes, hint: .coverInRequiredCourse(fullID)))
                }
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func onlyElectives(_ item: String, courses: [String], programme: String) -> Message {
        Message("elective-only-coverage.message", [
            "item": .verbatim(item), "courses": .list(courses, .and), "programme": .verbatim(programme),
        ])
    }

    fileprivate static func programmeCourses(_ programme: String) -> Message {
        Message("elective-only-coverage.note", ["programme": .verbatim(programme)])
    }

    fileprivate static func statedHere(_ item: String) -> Message {
        Message("elective-only-coverage.upstream.note", ["item": .verbatim(item)])
    }

    fileprivate static func coverInRequiredCourse(_ item: String) -> Message {
        Message("elective-only-coverage.hint", ["item": .verbatim(item)])
    }
}
