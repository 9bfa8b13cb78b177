import StdKitDiff
import StdKitModel
import StdKitSyntax

/// The one use of the semantic diff in approvals, kept here so that the review code (in
/// StdKitModel) needs no diff engine: the stale-approval rule and `stdkit review` say what changed.
extension Approval {
    /// What changed in `document` since this approval, in one line, from the semantic diff of
    /// the approved text — the newest earlier revision in `history` whose digest is the
    /// approval's. Nil when history does not hold the approved text.
    public func changesSince(in document: Document, project: Project, history: ProjectHistory) -> Message? {
        guard let approved = history.earlierTexts(of: document.path).first(where: { ContentDigest.of($0) == digest }) else { return nil }
        let before = ProjectLoader.document(path: document.path, bytes: Array(approved.utf8), schemas: project.schemas)
        let change = Differ(old: project, new: project).compare(before, document)
        return change.reasons.isEmpty ? .noChangeInMeaning : .changes(change.reasons)
    }
}

extension Message {
    fileprivate static let noChangeInMeaning = Message("approval-stale.no-change-in-meaning")

    /// The first three reasons and "…" when there are more, as the diff's one-line summary.
    fileprivate static func changes(_ reasons: [Message]) -> Message {
        reasons.count > 3
            ? Message("approval-stale.changes.more", ["reasons": Message.reasons(reasons)])
            : Message("approval-stale.changes", ["reasons": Message.reasons(reasons)])
    }
}
