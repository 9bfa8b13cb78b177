import StdKitModel
import StdKitSyntax

/// A job requirement that no learning outcome covers: a gap between what the enterprise needs
/// and what the school teaches.
///
/// The requirements of an upstream job profile that a programme names in `occupations`
/// (`ns:JOB-…`, DESIGN §14.2) must be covered by the project's outcomes like its own. The
/// requirement's file is the upstream's, not the project's, so the finding stands at the
/// programme's `occupations` entry, with a note at the requirement.
struct UncoveredRequirement: Rule {
    private static let upstreamProfile = "---\nid: JOB-OP\nkind: job-profile\ntitle: 工业机器人系统操作员\n---\n\n- **R1** 能完成开机与回原点\n- **R2** 能调试焊接轨迹\n"

    private static func upstreamExample(covering items: String, mark: Bool = false) -> RuleExample {
        UpstreamExample.project(
            upstream: ["jobs/op.md": upstreamProfile],
            local: ["p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术专业人才培养方案\noccupations: [\(mark ? "↓" : "")ns:JOB-OP]\n---\n",
                    "c.md": "---\nid: C1\nkind: course\ntitle: 工业机器人编程\n---\n\n- **LO1** 目标 → \(items)\n"])
    }

    let description = RuleDescription(
        id: "uncovered-requirement", family: .coverage, severity: .warning,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"]),
                  upstreamExample(covering: "ns:JOB-OP#R1, ns:JOB-OP#R2")],
        failing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n- **↓R2** 能调试焊接轨迹\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"]),
                  upstreamExample(covering: "ns:JOB-OP#R1", mark: true)])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let local = context.uncoveredItems { $0.kind != "programme" }.map { document, item, family in
            Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: item.location,
                message: .uncovered(kind: family.name, item: item.fullID), hint: .addAfterArrow(item.fullID))
        }
        return local + upstreamFindings(context)
    }

    /// The requirements of the upstream job profiles the programmes name, covered by no
    /// outcome of the project: at the `occupations` entry.
    func upstreamFindings(_ context: CheckContext) -> [Diagnostic] {
        guard !context.project.upstreams.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        for programme in context.documents(ofKind: "programme") where context.wants(programme.path) {
            for requirement in context.project.upstreamRequirements(namedBy: programme) {
                let (reference, profile, item, family) = (requirement.reference, requirement.profile, requirement.item, requirement.family)
                guard context.coveringSources(of: item, in: profile).isEmpty else { continue }
                let fullKey = "\(profile.id ?? "")#\(item.id)"
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: programme.path, location: reference.syntax.location,
                    message: .uncoveredUpstream(kind: family.name, item: fullKey, programme: programme.id ?? programme.path),
                    notes: [Diagnostic.Note(file: profile.path, location: item.location, message: .statedHere(fullKey))],
                    hint: .addAfterArrow(fullKey)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func uncovered(kind: String, item: String) -> Message {
        Message("uncovered-requirement.message", ["kind": itemKind(kind), "item": .verbatim(item)])
    }

    fileprivate static func uncoveredUpstream(kind: String, item: String, programme: String) -> Message {
        Message("uncovered-requirement.upstream", ["kind": itemKind(kind), "item": .verbatim(item), "programme": .verbatim(programme)])
    }

    fileprivate static func statedHere(_ item: String) -> Message {
        Message("uncovered-requirement.upstream.note", ["item": .verbatim(item)])
    }

    fileprivate static func addAfterArrow(_ item: String) -> Message {
        Message("uncovered-requirement.hint", ["item": .verbatim(item)])
    }
}
