import StdKitModel
import StdKitSyntax

/// A concentrated-practice entry whose hours are not its weeks at the project's hours a week.
///
/// A week of concentrated practice (军事技能, 集中实训, 岗位实习) counts
/// `practice_hours_per_week` hours (`stdkit.yml`, default 24): "2 weeks" with 112 hours says
/// two different things, and the totals and the practice share take the hours. An entry
/// without `weeks` is not checked.
struct PracticeWeeks: Rule {
    let description = RuleDescription(
        id: "practice-weeks", family: .arithmetic, scope: .document,
        passing: [ProfileExample.project(courses: [
            "{id: C-MIL, category: practice, semester: 1, weeks: 2, hours: {theory: 0, practice: 48}, credits: 2}",
            // Without weeks, the hours are not measured in weeks.
            "{id: C-LAB, category: practice, semester: 2, hours: {theory: 0, practice: 112}, credits: 2}",
        ])],
        failing: [RuleExample([
            "stdkit.yml": "profile: cn-vocational-higher\n",
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n"
                + "  - {id: C-MIL, category: practice, semester: 1, weeks: ↓2, hours: {theory: 0, practice: 112}, credits: 2}\n"
                + "  - {id: C-TRAIN, category: practice, semester: 5, weeks: 5, hours: {theory: 0, practice: 120}, credits: 5}\n---\n",
        ])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let perWeek = Timetable.practiceHoursPerWeek(of: context.project)
        var findings: [Diagnostic] = []
        for timetable in Timetable.all(in: context) {
            for entry in timetable.entries {
                guard let weeks = entry.weeks, let hours = entry.entry.total, let weeksNode = entry.node["weeks"] else { continue }
                let expected = Double(weeks) * perWeek
                guard abs(Double(hours) - expected) >= 0.5 else { continue }
                findings.append(Diagnostic(
                    rule: description.id, file: timetable.table.programme.path, location: weeksNode.location,
                    message: .hoursNotWeeks(course: entry.id ?? "?", weeks: weeks, perWeek: perWeek, expected: expected, hours: hours),
                    hint: .correctHoursOrWeeks(expected: expected, weeks: Double(hours) / perWeek)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func hoursNotWeeks(course: String, weeks: Int, perWeek: Double, expected: Double, hours: Int) -> Message {
        Message("practice-weeks.message", [
            "course": .verbatim(course), "weeks": .number(weeks), "perWeek": .verbatim(Figures.number(perWeek)),
            "expected": .verbatim(Figures.number(expected)), "hours": .number(hours),
        ])
    }

    fileprivate static func correctHoursOrWeeks(expected: Double, weeks: Double) -> Message {
        Message("practice-weeks.hint", ["expected": .verbatim(Figures.number(expected)), "weeks": .verbatim(Figures.number(weeks))])
    }
}
