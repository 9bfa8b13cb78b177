import StdKitModel
import StdKitSyntax

/// A training module (`TM` item) that reuses course units but covers no job requirement: the
/// training would teach without saying which competence of the post it builds. A module with
/// no references at all is `outcome-covers-nothing`'s, so that it is reported once.
struct ModuleCoversNoRequirement: Rule {
    let description = RuleDescription(
        id: "module-covers-no-requirement", family: .coverage,
        passing: [RuleExample(["job.md": CooperationExample.job,
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **U1** 示教编程 {hours=8}\n",
                               "t.md": "---\nid: TRN-A\nkind: training\ntitle: 培训\nenterprise: hnauto\nhours: 16\n---\n\n- **TM1** 示教编程提升 → JOB-OP#R1, C1#U1 {hours=16}\n"])],
        failing: [RuleExample(["job.md": CooperationExample.job,
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **U1** 示教编程 {hours=8}\n",
                               "t.md": "---\nid: TRN-A\nkind: training\ntitle: 培训\nenterprise: hnauto\nhours: 16\n---\n\n- **↓TM1** 示教编程提升 → C1#U1 {hours=16}\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let project = context.project
        var findings: [Diagnostic] = []
        for training in context.documents(ofKind: "training") where training.status != "withdrawn" && context.wants(training.path) {
            for module in training.items where context.itemKind(of: module.id, in: training)?.prefix == "TM" {
                // No references: `outcome-covers-nothing`; an unresolved one: `unresolved-reference`.
                guard !module.references.isEmpty, module.references.allSatisfy(\.isResolved) else { continue }
                let covers = module.references.contains { reference in
                    guard case .item(let document, let item) = reference.resolution, let target = project.document(document) else { return false }
                    return context.itemKind(of: item, in: target)?.mustBeCovered == true && target.kind == "job-profile"
                }
                guard !covers else { continue }
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: training.path, location: module.location,
                    message: .coversNoRequirement(module.fullID), hint: .nameRequirement))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func coversNoRequirement(_ module: String) -> Message {
        Message("module-covers-no-requirement.message", ["module": .verbatim(module)])
    }

    fileprivate static let nameRequirement = Message("module-covers-no-requirement.hint")
}
