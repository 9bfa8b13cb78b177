import StdKitModel
import StdKitSyntax

/// Fewer or more professional core courses than the profile allows.
struct CoreCourseCount: ProfileRule {
    let description = RuleDescription(
        id: "core-course-count", family: .arithmetic, scope: .document,
        summary: "the number of professional core courses is outside the profile's range",
        explanation: """
            A higher vocational programme has 6 to 8 professional core courses \
            (`min_core_courses`, `max_core_courses`).
            """,
        passing: [ProfileExample.project(courses: (1...6).map { ProfileExample.course("C\($0)", "professional-core", theory: 16, practice: 48, credits: 4) })],
        failing: [ProfileExample.project(courses: (1...4).map { ProfileExample.course("C\($0)", "professional-core", theory: 16, practice: 48, credits: 4) })])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: String, hint: String)? {
        let count = table.entries.filter { $0.category == "professional-core" }.count
        if let minimum = profile.minCoreCourses, count < minimum {
            return (table.location, "the programme has \(count) professional core courses; at least \(minimum) are required",
                    "mark the programme's central courses 'professional-core'")
        }
        if let maximum = profile.maxCoreCourses, count > maximum {
            return (table.location, "the programme has \(count) professional core courses; at most \(maximum) are allowed",
                    "keep the \(maximum) most central courses as core and make the others professional-basic or elective")
        }
        return nil
    }
}
