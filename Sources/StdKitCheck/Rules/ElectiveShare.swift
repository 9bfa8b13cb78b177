import StdKitModel
import StdKitSyntax

/// Elective courses below the profile's share of the total.
struct ElectiveShare: ProfileRule {
    let description = RuleDescription(
        id: "elective-share", family: .arithmetic, scope: .document,
        summary: "elective courses are below the profile's share of the total",
        explanation: """
            Elective courses (`category: professional-elective`) take at least a tenth of all hours \
            (`min_elective_share` 0.10).
            """,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-elective", theory: 10, practice: 10, credits: 1),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)])],
        failing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-elective", theory: 4, practice: 4, credits: 1),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)])])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: String, hint: String)? {
        guard let minimum = profile.minElectiveShare else { return nil }
        let hours = table.hours(inCategory: "professional-elective")
        let share = Double(hours) / Double(table.totalHours)
        guard share < minimum else { return nil }
        return (table.location,
                "elective courses are \(Figures.percent(share)) of the hours (\(Figures.hours(hours)) of \(Figures.hours(table.totalHours))); at least \(Figures.percent(minimum)) is required",
                "add professional-elective courses or hours")
    }
}
