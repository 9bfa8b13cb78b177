import StdKitModel
import StdKitSyntax

/// Public basic courses outside the profile's share of the total.
struct PublicBasicShare: ProfileRule {
    let description = RuleDescription(
        id: "public-basic-share", family: .arithmetic, scope: .document,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "public-basic", theory: 30, practice: 30, credits: 3),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)])],
        failing: [ProfileExample.project(courses: [ProfileExample.course("C1", "public-basic", theory: 10, practice: 10, credits: 1),
                                                   ProfileExample.course("C2", "professional-core", theory: 40, practice: 100, credits: 8)])])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: Message, hint: Message)? {
        let hours = table.hours(inCategory: "public-basic")
        guard let share = table.publicBasicShare else { return nil }
        if let minimum = profile.minPublicBasicShare, share < minimum {
            return (table.location,
                    .publicBasicTooLow(share: share, hours: hours, total: table.totalHours, minimum: minimum), .addPublicBasic)
        }
        if let maximum = profile.maxPublicBasicShare, share > maximum {
            return (table.location,
                    .publicBasicTooHigh(share: share, hours: hours, total: table.totalHours, maximum: maximum), .movePublicBasic)
        }
        return nil
    }
}

extension Message {
    fileprivate static func publicBasicTooLow(share: Double, hours: Int, total: Int, minimum: Double) -> Message {
        Message("public-basic-share.too-low", [
            "share": .verbatim(Figures.percent(share)), "hours": .verbatim(Figures.hours(hours)),
            "total": .verbatim(Figures.hours(total)), "minimum": .verbatim(Figures.percent(minimum)),
        ])
    }

    fileprivate static let addPublicBasic = Message("public-basic-share.too-low.hint")

    fileprivate static func publicBasicTooHigh(share: Double, hours: Int, total: Int, maximum: Double) -> Message {
        Message("public-basic-share.too-high", [
            "share": .verbatim(Figures.percent(share)), "hours": .verbatim(Figures.hours(hours)),
            "total": .verbatim(Figures.hours(total)), "maximum": .verbatim(Figures.percent(maximum)),
        ])
    }

    fileprivate static let movePublicBasic = Message("public-basic-share.too-high.hint")
}
