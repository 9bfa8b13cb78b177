import StdKitModel
import StdKitSyntax

/// A programme's declared credits differ from its course table's counted credits (each elective
/// group by its `choose_credits`).
struct TotalCreditsMismatch: Rule {
    let description = RuleDescription(
        id: "total-credits-mismatch", family: .arithmetic, scope: .document,
        passing: [RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 方案\ncredits: 5\ncourses:\n  - {id: C1, category: practice, credits: 3}\n  - {id: C2, category: practice, credits: 2}\n---\n"),
                  // Students choose 2 of the group's 6 credits: it counts 2 credits and 32 of its 96 hours.
                  RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 方案\ncredits: 2\nelective_groups:\n  - {id: G1, title: 专业拓展选修, choose_credits: 2}\ncourses:\n  - {id: C1, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n  - {id: C2, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n  - {id: C3, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n---\n")],
        failing: [RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncredits: ↓6\ncourses:\n  - {id: C1, category: practice, credits: 3}\n  - {id: C2, category: practice, credits: 2}\n---\n"),
                  RuleExample(document: "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncredits: ↓6\nelective_groups:\n  - {id: G1, title: 专业拓展选修, choose_credits: 2}\ncourses:\n  - {id: C1, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n  - {id: C2, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n  - {id: C3, category: professional-elective, group: G1, hours: {theory: 16, practice: 16}, credits: 2}\n---\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        ProgrammeTable.all(in: context).compactMap { table in
            guard table.entries.allSatisfy({ $0.credits != nil }), let declaredNode = table.programme.frontMatter?["credits"],
                  let declared = ProgrammeTable.number(declaredNode), abs(declared - table.totalCredits) > 0.001 else { return nil }
            return Diagnostic(
                rule: description.id, file: table.programme.path, location: declaredNode.location,
                message: .creditsDiffer(declared: Figures.number(declared), table: Figures.number(table.totalCredits)),
                notes: [Diagnostic.Note(file: table.programme.path, location: table.location, message: .courseTableHere)],
                hint: .setCredits(Figures.number(table.totalCredits)),
                // One of the hint's two ways, and only where the figure written is the sum (two
                // decimals may not be).
                fixes: abs((Double(Figures.number(table.totalCredits)) ?? .infinity) - table.totalCredits) > 0.001 ? []
                    : Fix.replacing(declaredNode, with: Figures.number(table.totalCredits), in: table.programme))
        }
    }
}

extension Message {
    fileprivate static func creditsDiffer(declared: String, table: String) -> Message {
        Message("total-credits-mismatch.message", ["declared": .verbatim(declared), "table": .verbatim(table)])
    }

    fileprivate static let courseTableHere = Message("total-credits-mismatch.note")

    fileprivate static func setCredits(_ credits: String) -> Message {
        Message("total-credits-mismatch.hint", ["credits": .verbatim(credits)])
    }
}
