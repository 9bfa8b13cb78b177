import StdKitModel
import StdKitSyntax

/// An apprenticeship that keeps its apprentices at school for most of the scheduled weeks: the
/// enterprise's share is below the profile's `min_enterprise_share`. A convention of the
/// apprenticeship pilots rather than a figure of the measures, so a warning.
struct EnterpriseShare: Rule {
    let description = RuleDescription(
        id: "enterprise-share", family: .arithmetic, scope: .document, severity: .warning,
        passing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: 10}\nschedule:\n  - {semester: 3, weeks: 1-10, place: school}\n  - {semester: 3, weeks: 11-20, place: enterprise}\n")])],
        failing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: 10}\nschedule:\n  ↓- {semester: 3, weeks: 1-14, place: school}   # 校内 14 周\n  - {semester: 3, weeks: 15-20, place: enterprise}\n")])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let profile = context.project.profile, let minimum = profile.minEnterpriseShare else { return [] }
        return context.documents(ofKind: "apprenticeship").compactMap { document in
            guard let schedule = AlternationSchedule(document), schedule.scheduledWeeks > 0 else { return nil }
            let weeks = schedule.weeks(at: "enterprise")
            let share = Double(weeks) / Double(schedule.scheduledWeeks)
            guard share < minimum else { return nil }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: schedule.location,
                message: .enterpriseShare(share: share, weeks: weeks, total: schedule.scheduledWeeks, minimum: minimum, profile: profile.id),
                hint: .moveWeeks)
        }
    }
}

extension Message {
    fileprivate static func enterpriseShare(share: Double, weeks: Int, total: Int, minimum: Double, profile: String) -> Message {
        Message("enterprise-share.message", [
            "share": .verbatim(Figures.percent(share)), "weeks": .number(weeks), "total": .number(total),
            "minimum": .verbatim(Figures.percent(minimum)), "profile": .verbatim(profile),
        ])
    }

    fileprivate static let moveWeeks = Message("enterprise-share.hint")
}
