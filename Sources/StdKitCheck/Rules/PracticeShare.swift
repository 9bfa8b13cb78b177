import StdKitModel
import StdKitSyntax

/// Practice hours below the profile's share of the total.
struct PracticeShare: ProfileRule {
    let description = RuleDescription(
        id: "practice-share", family: .arithmetic, scope: .document,
        summary: "practice hours are below the profile's share of the total",
        explanation: """
            Practical teaching should be at least half of all hours (`min_practice_share`, 0.50 in \
            both Chinese profiles). Practice hours are the `hours.practice` of every course entry.
            """,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-core", theory: 40, practice: 60, credits: 6)])],
        failing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-core", theory: 60, practice: 40, credits: 6)])])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: String, hint: String)? {
        guard let minimum = profile.minPracticeShare else { return nil }
        let share = Double(table.practiceHours) / Double(table.totalHours)
        guard share < minimum else { return nil }
        return (table.location,
                "practice hours are \(Figures.percent(share)) of the total (\(Figures.hours(table.practiceHours)) of \(Figures.hours(table.totalHours))); at least \(Figures.percent(minimum)) is required",
                "move hours from theory to practice, or add practical courses")
    }
}
