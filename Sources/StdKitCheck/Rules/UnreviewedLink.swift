import StdKitModel
import StdKitSyntax

/// A coverage link that was never reviewed: it is not in `.stdkit/links.lock`.
struct UnreviewedLink: Rule {
    let description = RuleDescription(
        id: "unreviewed-link", family: .review, severity: .note,
        passing: [SuspectLink.example(requirement: "- **R1** 能焊接薄板\n", outcomes: "- **LO1** 目标 → JOB-A#R1\n",
                                      lock: "C1#LO1 -> JOB-A#R1 9de2563ca08da1848e0ef6cb4660a7ddade2060b52de4e5fd8176ee3547f22fd\n")],
        failing: [SuspectLink.example(requirement: "- **R1** 能焊接薄板\n- **R2** 能焊接厚板\n",
                                      outcomes: "- **LO1** 目标 → JOB-A#R1\n- **LO2** 目标 → ↓JOB-A#R2\n",
                                      lock: "C1#LO1 -> JOB-A#R1 9de2563ca08da1848e0ef6cb4660a7ddade2060b52de4e5fd8176ee3547f22fd\n"),
                  SuspectLink.example(requirement: "- **R1** 能焊接薄板\n- **R2** 能焊接厚板\n",
                                      outcomes: "- **LO1** 目标 → ↓JOB-A#R1\n- **LO2** 目标 → JOB-A#R2\n", lock: nil)])

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard context.linkReview.hasLock else {
            guard let (first, count) = context.linksWithoutLock, context.wants(first.sourcePath) else { return [] }
            return [Diagnostic(
                rule: description.id, severity: description.severity, file: first.sourcePath, location: first.location,
                message: .noLock(Project.linkLockPath, links: count), hint: .recordLinks)]
        }
        return context.linkReview.unreviewed.map(\.link).map { link in
            let sourceItem = link.sourceItem
            return Diagnostic(
                rule: description.id, severity: description.severity, file: link.sourcePath, location: link.location,
                message: .unreviewed(sourceItem, covers: link.key.target), hint: .reviewThenAccept(link.key.description))
        }
    }
}

extension Message {
    fileprivate static func noLock(_ lock: String, links: Int) -> Message {
        Message(links == 1 ? "unreviewed-link.no-lock.one" : "unreviewed-link.no-lock", ["lock": .verbatim(lock), "count": .number(links)])
    }

    fileprivate static let recordLinks = Message("unreviewed-link.no-lock.hint")

    fileprivate static func unreviewed(_ source: String, covers target: String) -> Message {
        Message("unreviewed-link.message", ["source": .verbatim(source), "target": .verbatim(target)])
    }

    fileprivate static func reviewThenAccept(_ link: String) -> Message {
        Message("unreviewed-link.hint", ["link": .verbatim(link)])
    }
}
