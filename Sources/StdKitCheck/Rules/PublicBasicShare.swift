import StdKitModel
import StdKitSyntax

/// Public basic courses outside the profile's share of the total.
struct PublicBasicShare: ProfileRule {
    let description = RuleDescription(
        id: "public-basic-share", family: .arithmetic, scope: .document,
        summary: "public basic courses are outside the profile's share of the total",
        explanation: """
            Public basic courses (`category: public-basic`) take at least a quarter of the hours in \
            higher vocational programmes (`min_public_basic_share` 0.25) and about a third in \
            secondary ones (0.30 to 0.40).
            """,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "public-basic", theory: 30, practice: 30, credits: 3),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)])],
        failing: [ProfileExample.project(courses: [ProfileExample.course("C1", "public-basic", theory: 10, practice: 10, credits: 1),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)])])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: String, hint: String)? {
        let hours = table.hours(inCategory: "public-basic")
        let share = Double(hours) / Double(table.totalHours)
        if let minimum = profile.minPublicBasicShare, share < minimum {
            return (table.location,
                    "public basic courses are \(Figures.percent(share)) of the hours (\(Figures.hours(hours)) of \(Figures.hours(table.totalHours))); at least \(Figures.percent(minimum)) is required",
                    "add public basic courses or hours")
        }
        if let maximum = profile.maxPublicBasicShare, share > maximum {
            return (table.location,
                    "public basic courses are \(Figures.percent(share)) of the hours (\(Figures.hours(hours)) of \(Figures.hours(table.totalHours))); at most \(Figures.percent(maximum)) is expected",
                    "check the categories of the courses, or move hours to professional courses")
        }
        return nil
    }
}
