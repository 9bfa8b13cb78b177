import StdKitModel
import StdKitSyntax

/// The internship (岗位实习) shorter than about six months, or placed in fewer semesters than
/// can hold its weeks.
///
/// The internship is a `practice` entry whose course's title matches the profile's
/// `internship_match`. Its weeks are its `weeks`, else its hours at the project's
/// `practice_hours_per_week`. Both are conventions ("一般为 6 个月"), so the rule warns. Too short is
/// reported at its `weeks` (or its `hours`), too little room at its `semester`.
struct InternshipPlacement: Rule {
    let description = RuleDescription(
        id: "internship-placement", family: .arithmetic, severity: .warning,
        passing: [RuleExample([
            "stdkit.yml": "profile: cn-vocational-higher\n",
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n"
                + "  - {id: C-INTERN, category: practice, semester: [5, 6], weeks: 24, hours: {theory: 0, practice: 576}, credits: 24}\n---\n",
            "intern.md": "---\nid: C-INTERN\nkind: course\ntitle: 岗位实习\n---\n",
        ])],
        failing: [RuleExample([
            "stdkit.yml": "profile: cn-vocational-higher\n",
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n"
                + "  - {id: C-INTERN, category: practice, semester: [5, 6], weeks: ↓12, hours: {theory: 0, practice: 288}, credits: 12}\n---\n",
            "intern.md": "---\nid: C-INTERN\nkind: course\ntitle: 岗位实习\n---\n",
        ]),
        // 576 hours are 24 weeks, which one semester of 20 weeks cannot hold.
        RuleExample([
            "stdkit.yml": "profile: cn-vocational-higher\n",
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n"
                + "  - {id: C-INTERN, category: practice, semester: ↓6, hours: {theory: 0, practice: 576}, credits: 24}\n---\n",
            "intern.md": "---\nid: C-INTERN\nkind: course\ntitle: Internship\n---\n",
        ])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let profile = context.project.profile, let pattern = try? Regex(profile.internshipMatch) else { return [] }
        let perWeek = Timetable.practiceHoursPerWeek(of: context.project)
        var findings: [Diagnostic] = []
        for timetable in Timetable.focused(in: context) {
            let file = timetable.table.programme.path
            for entry in timetable.entries where entry.entry.category == "practice" {
                guard let id = entry.id, let title = context.project.document(id)?.title, title.contains(pattern) else { continue }
                guard let weeks = entry.weeks.map(Double.init) ?? entry.entry.total.map({ Double($0) / perWeek }) else { continue }
                if let minimum = profile.minInternshipWeeks, weeks < Double(minimum) - 0.001 {
                    let place = entry.node["weeks"] ?? entry.node["hours"] ?? entry.node
                    findings.append(Diagnostic(
                        rule: description.id, severity: description.severity, file: file, location: place.location,
                        message: .tooShort(course: id, title: title, weeks: weeks, minimum: minimum, profile: profile.id),
                        hint: .lengthen(minimum: minimum, hours: Double(minimum) * perWeek)))
                }
                let room = entry.semesters.count * profile.weeksPerSemester
                if let semester = entry.node["semester"], !entry.semesters.isEmpty, Double(room) < weeks - 0.001 {
                    let needed = Int((weeks / Double(profile.weeksPerSemester)).rounded(.up))
                    findings.append(Diagnostic(
                        rule: description.id, severity: description.severity, file: file, location: semester.location,
                        message: .noRoom(course: id, title: title, weeks: weeks, semesters: entry.semesters.map(String.init), room: room,
                                         weeksPerSemester: profile.weeksPerSemester),
                        hint: .placeOver(needed)))
                }
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func tooShort(course: String, title: String, weeks: Double, minimum: Int, profile: String) -> Message {
        Message("internship-placement.too-short", [
            "course": .verbatim(course), "title": .verbatim(title), "weeks": .verbatim(Figures.number(weeks)),
            "minimum": .number(minimum), "profile": .verbatim(profile),
        ])
    }

    fileprivate static func lengthen(minimum: Int, hours: Double) -> Message {
        Message("internship-placement.too-short.hint", ["minimum": .number(minimum), "hours": .verbatim(Figures.number(hours))])
    }

    fileprivate static func noRoom(course: String, title: String, weeks: Double, semesters: [String], room: Int, weeksPerSemester: Int) -> Message {
        Message("internship-placement.no-room", [
            "course": .verbatim(course), "title": .verbatim(title), "weeks": .verbatim(Figures.number(weeks)),
            "semesters": .list(semesters, .and), "room": .number(room), "weeksPerSemester": .number(weeksPerSemester),
        ])
    }

    fileprivate static func placeOver(_ count: Int) -> Message {
        Message("internship-placement.no-room.hint", ["count": .number(count)])
    }
}
