import StdKitModel
import StdKitSyntax

/// Practice hours below the profile's share of the total.
struct PracticeShare: ProfileRule {
    let description = RuleDescription(
        id: "practice-share", family: .arithmetic, scope: .document,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-core", theory: 40, practice: 60, credits: 6)])],
        failing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-core", theory: 60, practice: 40, credits: 6)])])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: Message, hint: Message)? {
        guard let minimum = profile.minPracticeShare else { return nil }
        guard let share = table.practiceShare, share < minimum else { return nil }
        return (table.location,
                .practiceTooLow(share: share, hours: table.practiceHours, total: table.totalHours, minimum: minimum), .movePractice)
    }
}

extension Message {
    fileprivate static func practiceTooLow(share: Double, hours: Int, total: Int, minimum: Double) -> Message {
        Message("practice-share.message", [
            "share": .verbatim(Figures.percent(share)), "hours": .verbatim(Figures.hours(hours)),
            "total": .verbatim(Figures.hours(total)), "minimum": .verbatim(Figures.percent(minimum)),
        ])
    }

    fileprivate static let movePractice = Message("practice-share.hint")
}
