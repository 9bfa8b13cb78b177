import StdKitModel
import StdKitSyntax

/// A course whose hours per credit fall outside the profile's range. Exempt are the categories
/// the profile counts by weeks and the required courses it marks exempt (形势与政策 runs every
/// semester for one credit): which course an entry is depends on the course document's title,
/// so the rule reads other documents (scope `project`).
struct HoursPerCredit: Rule {
    let description = RuleDescription(
        id: "hours-per-credit", family: .arithmetic,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-core", theory: 32, practice: 32, credits: 4)]),
                  // 形势与政策: 8 hours in each of four semesters for one credit, exempt by the profile.
                  RuleExample([
                      "stdkit.yml": "profile: cn-vocational-higher\n",
                      "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n  - {id: C1, category: public-basic, semester: [1, 2, 3, 4], hours: {theory: 32, practice: 0}, credits: 1}\n---\n",
                      "c1.md": "---\nid: C1\nkind: course\ntitle: 形势与政策\n---\n",
                  ])],
        failing: [RuleExample([
            "stdkit.yml": "profile: cn-vocational-higher\n",
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n  - {id: C1, category: professional-core, hours: {theory: 32, practice: 32}, credits: ↓3}\n---\n",
        ])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let profile = context.project.profile, profile.minHoursPerCredit != nil || profile.maxHoursPerCredit != nil else { return [] }
        var findings: [Diagnostic] = []
        for table in ProgrammeTable.focused(in: context) {
            for entry in table.entries {
                guard let total = entry.total, let credits = entry.credits, credits > 0,
                      !profile.hoursPerCreditExempt.contains(entry.category ?? ""),
                      !profile.requiredCourses.contains(where: { $0.hoursPerCreditExempt && RequiredCourses.entry(entry, is: $0, in: context) })
                else { continue }
                let perCredit = Double(total) / credits
                let low = profile.minHoursPerCredit ?? 0
                let high = profile.maxHoursPerCredit ?? .infinity
                guard perCredit < low - 0.001 || perCredit > high + 0.001 else { continue }
                let suggested = Figures.number((Double(total) / ((low + min(high, low * 2)) / 2) * 2).rounded() / 2)
                findings.append(Diagnostic(
                    rule: description.id, file: table.programme.path, location: entry.node["credits"]?.location ?? entry.node.location,
                    message: .hoursPerCredit(course: entry.id, hours: total, credits: credits, perCredit: perCredit, low: low, high: high,
                                             profile: profile.id),
                    hint: .suggestCredits(suggested)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func hoursPerCredit(
        course: String?, hours: Int, credits: Double, perCredit: Double, low: Double, high: Double, profile: String
    ) -> Message {
        Message("hours-per-credit.message", [
            "course": course.map { .verbatim($0) } ?? .message(Message("hours-per-credit.a-course")),
            "hours": .number(hours), "credits": .verbatim(Figures.number(credits)), "perCredit": .verbatim(Figures.number(perCredit)),
            "low": .verbatim(Figures.number(low)), "high": .verbatim(Figures.number(high)), "profile": .verbatim(profile),
        ])
    }

    fileprivate static func suggestCredits(_ credits: String) -> Message {
        Message("hours-per-credit.hint", ["credits": .verbatim(credits)])
    }
}
