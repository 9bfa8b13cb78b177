import StdKitModel
import StdKitSyntax

/// A job profile the implementing programme names in `occupations` that is a local copy of one
/// of the upstream's (the same id) with other content (DESIGN §14.2): the programme claims the
/// national occupation but prepares for requirements the school rewrote. An identical copy is
/// the upstream's content (the content digest, as approvals compare it) and passes.
struct UpstreamProfileEdited: Rule {
    private static let profile = "---\nid: JOB-OP\nkind: job-profile\ntitle: 工业机器人系统操作员\n---\n\n## 职业能力要求\n\n- **R1** 能完成工业机器人的开机、回原点与示教编程\n"

    private static func example(_ copy: String, mark: Bool = false) -> RuleExample {
        UpstreamExample.project(
            upstream: ["p.md": UpstreamExample.standard(extra: "occupations: [JOB-OP]\n"), "jobs/op.md": profile],
            local: ["p.md": UpstreamExample.programme(extra: "occupations: [\(mark ? "↓" : "")JOB-OP]\n"), "jobs/op.md": copy,
                    "c.md": "---\nid: C1\nkind: course\ntitle: 工业机器人编程\n---\n\n- **LO1** 能示教编程 → JOB-OP#R1\n"])
    }

    let description = RuleDescription(
        id: "upstream-profile-edited", family: .upstream, severity: .warning,
        passing: [example(profile)],
        failing: [example(profile.replacingOccurrences(of: "能完成工业机器人的开机、回原点与示教编程", with: "能完成工业机器人的开机与回原点"), mark: true)])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for implemented in ImplementedStandard.all(in: context) where context.wants(implemented.programme.path) {
            for reference in implemented.programme.references {
                guard case .field(let path) = reference.origin, path.hasPrefix("occupations["), reference.syntax.upstream == nil,
                      case .document(let id) = reference.resolution, let local = context.project.document(id), local.kind == "job-profile",
                      let original = implemented.upstreamProject.document(id), original.kind == "job-profile",
                      ContentDigest.of(local.text) != ContentDigest.of(original.text) else { continue }
                let key = implemented.key(of: id)
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: implemented.programme.path, location: reference.syntax.location,
                    message: .editedCopy(id, path: local.path, key: key, programme: implemented.programmeName),
                    notes: [Diagnostic.Note(file: implemented.upstream.declaration.path + "/" + original.path, location: .start, message: .upstreamProfile(key))],
                    hint: .referUpstream(key, id: id)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func editedCopy(_ id: String, path: String, key: String, programme: Message.Argument) -> Message {
        Message("upstream-profile-edited.message", ["id": .verbatim(id), "path": .verbatim(path), "key": .verbatim(key), "programme": programme])
    }

    fileprivate static func upstreamProfile(_ key: String) -> Message {
        Message("upstream-profile-edited.note", ["key": .verbatim(key)])
    }

    fileprivate static func referUpstream(_ key: String, id: String) -> Message {
        Message("upstream-profile-edited.hint", ["key": .verbatim(key), "id": .verbatim(id)])
    }
}
