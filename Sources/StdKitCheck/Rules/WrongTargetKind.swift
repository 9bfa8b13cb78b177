import StdKitModel
import StdKitSyntax

/// A reference into a document of a kind it may not point at, e.g. an outcome "covering" a course.
struct WrongTargetKind: Rule {
    let description = RuleDescription(
        id: "wrong-target-kind", family: .references,
        passing: [RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n",
                               "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → JOB-A#R1\n"])],
        failing: [RuleExample(["c0.md": "---\nid: C0\nkind: course\ntitle: 基础\n---\n\n- **U1** 单元\n",
                               "c1.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 能编写程序 → ↓C0#U1\n"]),
                  RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n",
                               "c1.md": "---\nid: C1\nkind: course\ntitle: 课程\nprerequisites: [↓JOB-A]\n---\n"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let project = context.project
        var findings: [Diagnostic] = []
        for document in context.focusedStandardsDocuments {
            for reference in document.everyReference where !reference.allowedTargets.isEmpty {
                let targetID: String
                let targetItem: String?
                switch reference.resolution {
                case .document(let id): (targetID, targetItem) = (id, nil)
                case .item(let id, let item): (targetID, targetItem) = (id, item)
                default: continue
                }
                guard let target = project.document(targetID),
                      !Self.allows(reference.allowedTargets, kind: target.kind, item: targetItem) else { continue }
                let what: Message
                switch reference.origin {
                case .item(let item):
                    what = .referringItem(kind: context.itemKind(of: item, in: document)?.name ?? "item", id: item)
                case .field(let path):
                    what = .referringField(path)
                }
                findings.append(Diagnostic(
                    rule: description.id, file: document.path, location: reference.syntax.location,
                    message: .wrongKind(what, reference: reference.syntax.text, kind: target.kind, allowed: reference.allowedTargets),
                    notes: [Diagnostic.Note(file: target.path, location: target.location(ofField: "kind"), message: .isOfKind(targetID, kind: target.kind))],
                    hint: .checkID(allowed: reference.allowedTargets)))
            }
        }
        return findings
    }

    /// Whether `allowed` (kinds, or `kind#PREFIX` for items of a prefix) admits the target.
    static func allows(_ allowed: [String], kind: String, item: String?) -> Bool {
        allowed.contains { entry in
            let parts = entry.split(separator: "#", maxSplits: 1).map(String.init)
            guard parts[0] == kind else { return false }
            guard parts.count == 2 else { return true }
            return item?.hasPrefix(parts[1]) == true
        }
    }
}

extension Message {
    fileprivate static func referringItem(kind: String, id: String) -> Message {
        Message("wrong-target-kind.item", ["kind": itemKind(kind), "id": .verbatim(id)])
    }

    fileprivate static func referringField(_ path: String) -> Message {
        Message("wrong-target-kind.field", ["field": .verbatim(path)])
    }

    fileprivate static func wrongKind(_ what: Message, reference: String, kind: String, allowed: [String]) -> Message {
        Message("wrong-target-kind.message", [
            "what": .message(what), "reference": .verbatim(reference), "kind": .verbatim(kind), "allowed": .list(allowed, .and),
        ])
    }

    fileprivate static func isOfKind(_ id: String, kind: String) -> Message {
        Message("wrong-target-kind.note", ["id": .verbatim(id), "kind": .verbatim(kind)])
    }

    fileprivate static func checkID(allowed: [String]) -> Message {
        Message("wrong-target-kind.hint", ["allowed": .list(allowed, .or)])
    }
}
