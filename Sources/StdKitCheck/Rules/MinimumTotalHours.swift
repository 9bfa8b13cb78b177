import StdKitModel
import StdKitSyntax

/// A programme with fewer hours than its profile requires.
struct MinimumTotalHours: ProfileRule {
    let description = RuleDescription(
        id: "minimum-total-hours", family: .arithmetic, scope: .document,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "practice", theory: 0, practice: 2600, credits: 100)], extra: "duration: 3\n")],
        failing: [ProfileExample.project(courses: [ProfileExample.course("C1", "practice", theory: 0, practice: 2400, credits: 100)], extra: "duration: 3\n")])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: Message, hint: Message)? {
        guard let minimum = profile.minTotalHours else { return nil }
        let years = ProgrammeTable.int(table.programme.frontMatter?["duration"]) ?? profile.referenceDuration
        let required = minimum * years / profile.referenceDuration
        guard table.totalHours < required else { return nil }
        return (table.location,
                .tooFewHours(table.totalHours, years: years, required: required), .addHours)
    }
}

extension Message {
    fileprivate static func tooFewHours(_ hours: Int, years: Int, required: Int) -> Message {
        Message("minimum-total-hours.message", [
            "hours": .verbatim(Figures.hours(hours)), "years": .number(years), "required": .verbatim(Figures.hours(required)),
        ])
    }

    fileprivate static let addHours = Message("minimum-total-hours.hint")
}
