import StdKitModel
import StdKitSyntax

/// Elective courses below the profile's share of the total.
struct ElectiveShare: ProfileRule {
    let description = RuleDescription(
        id: "elective-share", family: .arithmetic, scope: .document,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-elective", theory: 10, practice: 10, credits: 1),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)])],
        failing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-elective", theory: 4, practice: 4, credits: 1),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)])])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: Message, hint: Message)? {
        guard let minimum = profile.minElectiveShare else { return nil }
        let hours = table.hours(inCategory: "professional-elective")
        let share = Double(hours) / Double(table.totalHours)
        guard share < minimum else { return nil }
        return (table.location,
                .electivesTooFew(share: share, hours: hours, total: table.totalHours, minimum: minimum), .addElectives)
    }
}

extension Message {
    fileprivate static func electivesTooFew(share: Double, hours: Int, total: Int, minimum: Double) -> Message {
        Message("elective-share.message", [
            "share": .verbatim(Figures.percent(share)), "hours": .verbatim(Figures.hours(hours)),
            "total": .verbatim(Figures.hours(total)), "minimum": .verbatim(Figures.percent(minimum)),
        ])
    }

    fileprivate static let addElectives = Message("elective-share.hint")
}
