import StdKitModel
import StdKitSyntax

/// Elective courses below the profile's share of the total. Public and professional electives
/// both count, each elective group by its required credits (`CourseTable`'s counted hours).
struct ElectiveShare: ProfileRule {
    static let electiveCategories = CourseTable.electiveCategories

    let description = RuleDescription(
        id: "elective-share", family: .arithmetic, scope: .document,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-elective", theory: 10, practice: 10, credits: 1),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)]),
                  // Public electives count toward the share too.
                  ProfileExample.project(courses: [ProfileExample.course("C1", "public-elective", theory: 10, practice: 10, credits: 1),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)])],
        failing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-elective", theory: 4, practice: 4, credits: 1),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)]),
                  // Three electives of 2 credits offered, one to be chosen: 16 of their 48 hours count.
                  ProfileExample.project(
                      courses: ["{id: C1, category: professional-elective, group: G1, hours: {theory: 8, practice: 8}, credits: 2}",
                                "{id: C2, category: professional-elective, group: G1, hours: {theory: 8, practice: 8}, credits: 2}",
                                "{id: C3, category: professional-elective, group: G1, hours: {theory: 8, practice: 8}, credits: 2}",
                                ProfileExample.course("C4", "professional-core", theory: 40, practice: 130, credits: 10)],
                      extra: "elective_groups:\n  - {id: G1, title: 专业拓展选修, choose_credits: 2}\n")])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: Message, hint: Message)? {
        guard let minimum = profile.minElectiveShare else { return nil }
        let hours = table.hours(inCategories: Self.electiveCategories)
        guard let share = table.electiveShare, share < minimum else { return nil }
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
