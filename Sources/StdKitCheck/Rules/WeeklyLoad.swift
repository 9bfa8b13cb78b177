import StdKitModel
import StdKitSyntax

/// A semester whose courses take more hours a teaching week than the profile allows.
///
/// Reported at the programme's `courses:` key, once per semester: the load belongs to the
/// semester, not to one course — every entry may be right on its own, and which course to move
/// is the curriculum team's choice, so the finding names them all, heaviest first. (The
/// heaviest entry would also move from one semester's finding to another's as the table is
/// edited, and with it any disable comment.)
struct WeeklyLoad: Rule {
    let description = RuleDescription(
        id: "weekly-load", family: .arithmetic, scope: .document, severity: .warning,
        passing: [ProfileExample.project(courses: [
            "{id: C1, category: professional-core, semester: 1, hours: {theory: 100, practice: 200}, credits: 18}",
            "{id: C2, category: public-basic, semester: [1, 2], hours: {theory: 100, practice: 100}, credits: 12}",
            // Concentrated practice takes whole weeks: not part of the weekly load.
            "{id: C3, category: practice, semester: 1, weeks: 4, hours: {theory: 0, practice: 96}, credits: 4}",
        ])],
        failing: [ProfileExample.project(courses: [
            "{id: C1, category: professional-core, semester: 1, hours: {theory: 100, practice: 200}, credits: 18}",
            "{id: C2, category: public-basic, semester: [1, 2], hours: {theory: 160, practice: 320}, credits: 30}",
            "{id: C3, category: practice, semester: 1, weeks: 4, hours: {theory: 0, practice: 96}, credits: 4}",
        ])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let profile = context.project.profile, let maximum = profile.maxWeeklyHours else { return [] }
        let weeks = Double(profile.teachingWeeksPerSemester)
        var findings: [Diagnostic] = []
        for timetable in Timetable.all(in: context) {
            // Each semester's courses with the hours they take in it, in table order.
            var bySemester: [Int: [(course: String, hours: Double)]] = [:]
            for entry in timetable.entries where entry.weeks == nil {
                guard let hours = entry.countedHours, !entry.semesters.isEmpty else { continue }
                let share = hours / Double(entry.semesters.count)
                for semester in entry.semesters {
                    bySemester[semester, default: []].append((entry.id ?? "?", share))
                }
            }
            for semester in bySemester.keys.sorted() {
                let courses = bySemester[semester] ?? []
                let total = courses.map(\.hours).reduce(0, +)
                let perWeek = total / weeks
                // Hundredths, as the message shows them: 28.001 is not reported as "28 > 28".
                guard (perWeek * 100).rounded() > (maximum * 100).rounded() else { continue }
                let heaviestFirst = courses.enumerated().sorted { ($0.element.hours, -$0.offset) > ($1.element.hours, -$1.offset) }.map(\.element)
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: timetable.table.programme.path, location: timetable.table.location,
                    message: .weeklyLoad(semester: semester, perWeek: perWeek, hours: total, weeks: profile.teachingWeeksPerSemester,
                                         maximum: maximum, profile: profile.id,
                                         courses: heaviestFirst.map { .courseInSemester($0.course, hours: $0.hours) }),
                    hint: .spreadTheLoad(maximum: maximum)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func weeklyLoad(
        semester: Int, perWeek: Double, hours: Double, weeks: Int, maximum: Double, profile: String, courses: [Message]
    ) -> Message {
        Message("weekly-load.message", [
            "semester": .number(semester), "perWeek": .verbatim(Figures.number(perWeek)), "hours": .verbatim(Figures.number(hours)),
            "weeks": .number(weeks), "maximum": .verbatim(Figures.number(maximum)), "profile": .verbatim(profile),
            "courses": .messages(courses, .and),
        ])
    }

    fileprivate static func courseInSemester(_ course: String, hours: Double) -> Message {
        Message("weekly-load.course", ["course": .verbatim(course), "hours": .verbatim(Figures.number(hours))])
    }

    fileprivate static func spreadTheLoad(maximum: Double) -> Message {
        Message("weekly-load.hint", ["maximum": .verbatim(Figures.number(maximum))])
    }
}
