import StdKitModel
import StdKitSyntax

/// A programme's declared total hours differ from the sum of its course table.
struct TotalHoursMismatch: Rule {
    let description = RuleDescription(
        id: "total-hours-mismatch", family: .arithmetic, scope: .document,
        summary: "declared total hours differ from the course table's sum",
        explanation: """
            A programme's `total_hours` must equal the sum of theory and practice hours of the \
            entries in its `courses` list. When they differ, one of them is out of date.
            """,
        passing: [RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 方案\ntotal_hours: 80\ncourses:\n  - {id: C1, category: practice, hours: {theory: 32, practice: 48}}\n---\n")],
        failing: [RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ntotal_hours: ↓96\ncourses:\n  - {id: C1, category: practice, hours: {theory: 32, practice: 48}}\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        ProgrammeTable.all(in: context).compactMap { table in
            guard table.isComplete, let declaredNode = table.programme.frontMatter?["total_hours"],
                  let declared = ProgrammeTable.int(declaredNode), declared != table.totalHours else { return nil }
            return Diagnostic(
                rule: description.id, file: table.programme.path, location: declaredNode.location,
                message: "total_hours is \(Figures.hours(declared)), but the course table adds up to \(Figures.hours(table.totalHours))",
                notes: [Diagnostic.Note(file: table.programme.path, location: table.location, message: "the course table is here")],
                hint: "set total_hours to \(table.totalHours), or correct the course entries")
        }
    }
}
