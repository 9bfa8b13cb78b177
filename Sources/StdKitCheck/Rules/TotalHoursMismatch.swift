import StdKitModel
import StdKitSyntax

/// A programme's declared total hours differ from its course table's counted hours (each elective
/// group by its `choose_credits`, its hours in proportion).
struct TotalHoursMismatch: Rule {
    let description = RuleDescription(
        id: "total-hours-mismatch", family: .arithmetic, scope: .document,
        passing: [RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 方案\ntotal_hours: 80\ncourses:\n  - {id: C1, category: practice, hours: {theory: 32, practice: 48}}\n---\n"),
                  // Students choose 2 of the group's 6 credits: it counts 2 credits and 32 of its 96 hours.
                  RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 方案\ntotal_hours: 32\nelective_groups:\n  - {id: G1, title: 专业拓展选修, choose_credits: 2}\ncourses:\n  - {id: C1, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n  - {id: C2, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n  - {id: C3, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n---\n")],
        failing: [RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ntotal_hours: ↓96\ncourses:\n  - {id: C1, category: practice, hours: {theory: 32, practice: 48}}\n---\n"),
                  RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ntotal_hours: ↓96\nelective_groups:\n  - {id: G1, title: 专业拓展选修, choose_credits: 2}\ncourses:\n  - {id: C1, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n  - {id: C2, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n  - {id: C3, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        ProgrammeTable.all(in: context).compactMap { table in
            guard table.isComplete, let declaredNode = table.programme.frontMatter?["total_hours"],
                  let declared = ProgrammeTable.int(declaredNode), declared != table.totalHours else { return nil }
            return Diagnostic(
                rule: description.id, file: table.programme.path, location: declaredNode.location,
                message: .hoursDiffer(declared: Figures.hours(declared), table: Figures.hours(table.totalHours)),
                notes: [Diagnostic.Note(file: table.programme.path, location: table.location, message: .courseTableHere)],
                hint: .setTotalHours(table.totalHours),
                // One of the hint's two ways (the other: correct the entries), for the writer to choose.
                fixes: Fix.replacing(declaredNode, with: String(table.totalHours), in: table.programme))
        }
    }
}

extension Message {
    fileprivate static func hoursDiffer(declared: String, table: String) -> Message {
        Message("total-hours-mismatch.message", ["declared": .verbatim(declared), "table": .verbatim(table)])
    }

    fileprivate static let courseTableHere = Message("total-hours-mismatch.note")

    fileprivate static func setTotalHours(_ hours: Int) -> Message {
        Message("total-hours-mismatch.hint", ["hours": .number(hours)])
    }
}
