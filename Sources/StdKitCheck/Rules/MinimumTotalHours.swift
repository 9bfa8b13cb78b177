import StdKitModel
import StdKitSyntax

/// A programme with fewer hours than its profile requires.
struct MinimumTotalHours: ProfileRule {
    let description = RuleDescription(
        id: "minimum-total-hours", family: .arithmetic, scope: .document,
        summary: "a programme has fewer total hours than the profile requires",
        explanation: """
            Under `cn-vocational-higher` a three-year programme has at least 2,500 hours, under \
            `cn-vocational-secondary` at least 3,000 (`min_total_hours`, stated for \
            `reference_duration` years and scaled by the programme's `duration`).
            """,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "practice", theory: 0, practice: 2600, credits: 100)], extra: "duration: 3\n")],
        failing: [ProfileExample.project(courses: [ProfileExample.course("C1", "practice", theory: 0, practice: 2400, credits: 100)], extra: "duration: 3\n")])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: String, hint: String)? {
        guard let minimum = profile.minTotalHours else { return nil }
        let years = ProgrammeTable.int(table.programme.frontMatter?["duration"]) ?? profile.referenceDuration
        let required = minimum * years / profile.referenceDuration
        guard table.totalHours < required else { return nil }
        return (table.location,
                "the course table has \(Figures.hours(table.totalHours)) hours; a \(years)-year programme needs at least \(Figures.hours(required))",
                "add courses or hours, or set min_total_hours under profile_settings in stdkit.yml if your authority allows fewer")
    }
}
