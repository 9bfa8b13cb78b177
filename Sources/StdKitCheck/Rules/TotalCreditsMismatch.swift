import StdKitModel
import StdKitSyntax

/// A programme's declared credits differ from the sum of its course table.
struct TotalCreditsMismatch: Rule {
    let description = RuleDescription(
        id: "total-credits-mismatch", family: .arithmetic, scope: .document,
        summary: "declared credits differ from the course table's sum",
        explanation: """
            A programme's `credits` must equal the sum of the `credits` of the entries in its \
            `courses` list.
            """,
        passing: [RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 方案\ncredits: 5\ncourses:\n  - {id: C1, category: practice, credits: 3}\n  - {id: C2, category: practice, credits: 2}\n---\n")],
        failing: [RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncredits: ↓6\ncourses:\n  - {id: C1, category: practice, credits: 3}\n  - {id: C2, category: practice, credits: 2}\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        ProgrammeTable.all(in: context).compactMap { table in
            guard table.entries.allSatisfy({ $0.credits != nil }), let declaredNode = table.programme.frontMatter?["credits"],
                  let declared = ProgrammeTable.number(declaredNode), abs(declared - table.totalCredits) > 0.001 else { return nil }
            return Diagnostic(
                rule: description.id, file: table.programme.path, location: declaredNode.location,
                message: "credits is \(Figures.number(declared)), but the course table adds up to \(Figures.number(table.totalCredits))",
                notes: [Diagnostic.Note(file: table.programme.path, location: table.location, message: "the course table is here")],
                hint: "set credits to \(Figures.number(table.totalCredits)), or correct the course entries")
        }
    }
}
