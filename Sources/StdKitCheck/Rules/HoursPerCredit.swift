import StdKitModel
import StdKitSyntax

/// A course whose hours per credit fall outside the profile's range.
struct HoursPerCredit: Rule {
    let description = RuleDescription(
        id: "hours-per-credit", family: .arithmetic, scope: .document,
        summary: "a course's hours per credit are outside the profile's range",
        explanation: """
            A credit is generally 16 to 18 hours (`min_hours_per_credit`, `max_hours_per_credit`). \
            Categories counted by weeks — military skills, concentrated practice, the internship — \
            are exempt (`hours_per_credit_exempt`, `[practice]` by default).
            """,
        passing: [ProfileExample.project(courses: [ProfileExample.course("C1", "professional-core", theory: 32, practice: 32, credits: 4)])],
        failing: [RuleExample([
            "stdkit.yml": "profile: cn-vocational-higher\n",
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncourses:\n  - {id: C1, category: professional-core, hours: {theory: 32, practice: 32}, credits: ↓3}\n---\n",
        ])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let profile = context.project.profile, profile.minHoursPerCredit != nil || profile.maxHoursPerCredit != nil else { return [] }
        var findings: [Diagnostic] = []
        for table in ProgrammeTable.all(in: context) {
            for entry in table.entries {
                guard let total = entry.total, let credits = entry.credits, credits > 0,
                      !profile.hoursPerCreditExempt.contains(entry.category ?? "") else { continue }
                let perCredit = Double(total) / credits
                let low = profile.minHoursPerCredit ?? 0
                let high = profile.maxHoursPerCredit ?? .infinity
                guard perCredit < low - 0.001 || perCredit > high + 0.001 else { continue }
                let suggested = Figures.number((Double(total) / ((low + min(high, low * 2)) / 2) * 2).rounded() / 2)
                findings.append(Diagnostic(
                    rule: description.id, file: table.programme.path, location: entry.node["credits"]?.location ?? entry.node.location,
                    message: "\(entry.id ?? "a course") has \(total) hours for \(Figures.number(credits)) credits, \(Figures.number(perCredit)) hours a credit; \(Figures.number(low))–\(Figures.number(high)) is expected (profile \(profile.id))",
                    hint: "give it about \(suggested) credits, or list its category under hours_per_credit_exempt if it is counted by weeks"))
            }
        }
        return findings
    }
}
