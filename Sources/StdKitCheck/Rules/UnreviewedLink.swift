import StdKitModel
import StdKitSyntax

/// A coverage link that was never reviewed: it is not in `.stdkit/links.lock`.
struct UnreviewedLink: Rule {
    let description = RuleDescription(
        id: "unreviewed-link", family: .review, severity: .note,
        summary: "a coverage link is not yet recorded as reviewed",
        explanation: """
            A coverage link that `.stdkit/links.lock` does not list has not been reviewed: nobody \
            has recorded that the outcome teaches what the requirement asks, so a later change \
            of the requirement could not be noticed. Review it and record it with `stdkit review \
            accept`. A project without a lock gets one note for all its links, at the first.
            """,
        passing: [SuspectLink.example(requirement: "- **R1** 能焊接薄板\n", outcomes: "- **LO1** 目标 → JOB-A#R1\n",
                                      lock: "C1#LO1 -> JOB-A#R1 9de2563ca08da1848e0ef6cb4660a7ddade2060b52de4e5fd8176ee3547f22fd\n")],
        failing: [SuspectLink.example(requirement: "- **R1** 能焊接薄板\n- **R2** 能焊接厚板\n",
                                      outcomes: "- **LO1** 目标 → JOB-A#R1\n- **LO2** 目标 → ↓JOB-A#R2\n",
                                      lock: "C1#LO1 -> JOB-A#R1 9de2563ca08da1848e0ef6cb4660a7ddade2060b52de4e5fd8176ee3547f22fd\n"),
                  SuspectLink.example(requirement: "- **R1** 能焊接薄板\n- **R2** 能焊接厚板\n",
                                      outcomes: "- **LO1** 目标 → ↓JOB-A#R1\n- **LO2** 目标 → JOB-A#R2\n", lock: nil)])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let unreviewed = context.linkReview.unreviewed.map(\.link)
        guard let first = unreviewed.first else { return [] }
        guard context.linkReview.hasLock else {
            let count = unreviewed.count
            return [Diagnostic(
                rule: description.id, severity: description.severity, file: first.sourcePath, location: first.location,
                message: "no coverage link of this project has been reviewed yet: there is no \(Project.linkLockPath) (\(count) link\(count == 1 ? "" : "s"), this is the first)",
                hint: "once the parties have reviewed the links, record them: stdkit review accept --all")]
        }
        return unreviewed.map { link in
            let sourceItem = link.sourceItem
            return Diagnostic(
                rule: description.id, severity: description.severity, file: link.sourcePath, location: link.location,
                message: "\(sourceItem) covers \(link.key.target), a link not yet reviewed",
                hint: "review it, then: stdkit review accept \(link.key)")
        }
    }
}
