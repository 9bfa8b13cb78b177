import StdKitModel
import StdKitSyntax

/// A teaching material that names no course, outcome or unit it supports.
struct MaterialSupportsNothing: Rule {
    let description = RuleDescription(
        id: "material-supports-nothing", family: .coverage, scope: .document, severity: .warning,
        passing: [RuleExample(["c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n",
                               "m.md": "---\nid: M1\nkind: material\ntitle: 指导书\nsupports: [C1]\n---\n"])],
        failing: [RuleExample(document: "---\nid: ↓M1\nkind: material\ntitle: 实训指导书\n---\n\n# 实训指导书\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.documents(ofKind: "material").compactMap { material in
            guard material.status != "withdrawn", material.everyReference.isEmpty else { return nil }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: material.path, location: material.location(ofField: "id"),
                message: .supportsNothing(material.id ?? material.path), hint: .addSupports)
        }
    }
}

extension Message {
    fileprivate static func supportsNothing(_ material: String) -> Message {
        Message("material-supports-nothing.message", ["material": .verbatim(material)])
    }

    fileprivate static let addSupports = Message("material-supports-nothing.hint")
}
