import StdKitModel
import StdKitSyntax

/// A specification of the upstream programme (an item that must be covered: `S*`) that no item
/// of the project references (DESIGN §14.2): the school's programme says nowhere how it meets
/// it. A warning, like `unserved-specification`: a reviewer asks, the school may answer.
struct UpstreamSpecification: Rule {
    private static let standard = UpstreamExample.standard(body: "## 培养规格\n\n- **S1** 能按工艺文件完成工业机器人示教编程\n- **S2** 能按维护手册完成工业机器人本体与控制柜的日常维护与定期保养，并填写维护保养记录\n")

    private static func example(_ body: String, mark: Bool = false) -> RuleExample {
        UpstreamExample.project(upstream: ["p.md": standard],
                                local: ["p.md": UpstreamExample.programme(implements: (mark ? "↓" : "") + "ns:PROG-NS", body: "## 培养规格\n\n" + body)])
    }

    let description = RuleDescription(
        id: "upstream-specification", family: .upstream, severity: .warning,
        passing: [example("- **S1** 能示教编程焊接与搬运作业 → ns:PROG-NS#S1\n- **S2** 能维护保养工业机器人工作站 → ns:PROG-NS#S2\n")],
        failing: [example("- **S1** 能示教编程焊接与搬运作业 → ns:PROG-NS#S1\n- **S2** 能维护保养工业机器人工作站\n", mark: true)])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for implemented in ImplementedStandard.all(in: context) where context.wants(implemented.programme.path) {
            let schema = implemented.upstreamProject.schemas.schema(for: implemented.standard.kind)
            for item in implemented.standard.items where schema?.itemKind(of: item.id)?.mustBeCovered == true {
                // Any local item counts (a specification, an outcome): a field does not say how.
                let served = context.project.index.sources(referencingItem: item.id, of: implemented.key).contains { $0.item != nil }
                guard !served else { continue }
                let fullKey = "\(implemented.key)#\(item.id)"
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: implemented.programme.path, location: implemented.location,
                    message: .unserved(fullKey, text: ImplementedStandard.short(item.text), standard: implemented.named(implemented.key),
                                       programme: implemented.programmeName),
                    notes: [Diagnostic.Note(file: implemented.standard.path, location: item.location, message: .statedHere(fullKey))],
                    hint: .referenceIt(fullKey)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func unserved(_ item: String, text: String, standard: Message.Argument, programme: Message.Argument) -> Message {
        Message("upstream-specification.message", ["item": .verbatim(item), "text": .verbatim(text), "standard": standard, "programme": programme])
    }

    fileprivate static func statedHere(_ item: String) -> Message {
        Message("upstream-specification.note", ["item": .verbatim(item)])
    }

    fileprivate static func referenceIt(_ item: String) -> Message {
        Message("upstream-specification.hint", ["item": .verbatim(item)])
    }
}
