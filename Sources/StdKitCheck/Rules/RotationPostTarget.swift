import StdKitModel
import StdKitSyntax

/// A rotation post (`P` item) of an apprenticeship that serves no task or requirement of the
/// job profiles its programme prepares for (the programme's `occupations`): the post would
/// train for work the programme does not name.
struct RotationPostTarget: Rule {
    let description = RuleDescription(
        id: "rotation-post-target", family: .coverage,
        passing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: 10}\n", body: "- **P1** 焊装线机器人操作岗 → JOB-OP#T1 {weeks=4}\n- **P2** 示教编程岗 → JOB-OP#R1 {weeks=4}\n")])],
        failing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: 10}\n", body: "- **↓P1** 焊装线机器人操作岗 {weeks=4}\n- **↓P2** 涂装线喷涂岗 → JOB-PAINT#T1 {weeks=4}\n"),
                                              "paint.md": "---\nid: JOB-PAINT\nkind: job-profile\ntitle: 喷涂工\n---\n\n- **T1** 喷涂\n- **R1** 能喷涂 → #T1\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let project = context.project
        var findings: [Diagnostic] = []
        for plan in context.documents(ofKind: "apprenticeship") where context.wants(plan.path) {
            guard let programmeID = plan.referencedDocuments(inFields: { $0 == "programme" }).first,
                  let programme = project.document(programmeID) else { continue }
            let occupations = Set(programme.referencedDocuments(inFields: { $0.hasPrefix("occupations[") }))
            for post in plan.items where context.itemKind(of: post.id, in: plan)?.prefix == "P" {
                // An unresolved reference is `unresolved-reference`'s to report.
                guard post.references.allSatisfy(\.isResolved) else { continue }
                let served = post.references.contains { reference in
                    guard case .item(let document, let item) = reference.resolution, occupations.contains(document),
                          let profile = project.document(document), let family = context.itemKind(of: item, in: profile) else { return false }
                    return family.prefix == "T" || family.prefix == "R"
                }
                guard !served else { continue }
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: plan.path, location: post.location,
                    message: .servesNothing(post.fullID, programme: programmeID, profiles: occupations.sorted()),
                    hint: .referTask(occupations.sorted())))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func servesNothing(_ post: String, programme: String, profiles: [String]) -> Message {
        Message("rotation-post-target.message", ["post": .verbatim(post), "programme": .verbatim(programme), "profiles": .list(profiles, .or)])
    }

    fileprivate static func referTask(_ profiles: [String]) -> Message {
        Message("rotation-post-target.hint", ["example": .verbatim((profiles.first ?? "JOB-ID") + "#T1")])
    }
}
