import Mustache
import StdKitModel

/// One approval of a document as the index and the document page show it: who approved which
/// version and when, and whether the document changed since (stale, docs/review.md).
struct ApprovalLine: MustacheParent, Sendable {
    /// The approving party's name.
    var party: String
    var version: String
    var by: String
    var date: String
    /// The note, nil for none.
    var note: String?
    var stale: Bool

    /// The approvals recorded in `document`'s front matter, in order.
    static func all(of document: Document, in site: SiteBuilder) -> [ApprovalLine] {
        let state = site.approvalStates[document.path] ?? ApprovalState(document)
        return state.entries.map { entry in
            let approval = entry.node
            return ApprovalLine(
                party: site.partyLabel(approval["party"]?.scalar), version: approval["version"]?.scalar ?? "",
                by: approval["by"]?.scalar ?? "", date: approval["date"]?.scalar ?? "",
                note: (approval["note"]?.scalar).flatMap { $0.isEmpty ? nil : $0 },
                stale: !entry.isCurrent)
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "party": party
        case "version": version
        case "by": by
        case "date": date
        // No note is false, not nil (a section would look for `note` in the enclosing page)
        // nor "" (which a Mustache section would still show, as （）).
        case "note": note.map { $0 as Any } ?? false
        case "stale": stale
        default: nil
        }
    }
}
