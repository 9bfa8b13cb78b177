import StdKitDiff
import StdKitModel
import StdKitSyntax

/// A coverage link whose target changed since the link was reviewed: the outcome may no longer
/// teach what the requirement now asks.
struct SuspectLink: Rule {
    /// The files the link rules' examples share: a requirement, and an outcome covering it.
    static func example(requirement: String, outcomes: String, lock: String?) -> RuleExample {
        var files = ["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\nowner: acme\n---\n\n\(requirement)",
                     "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nowner: szpt\n---\n\n\(outcomes)"]
        files[Project.linkLockPath] = lock
        return RuleExample(files)
    }

    let description = RuleDescription(
        id: "suspect-link", family: .review, severity: .warning,
        summary: "a requirement changed after the outcome covering it was reviewed",
        explanation: """
            `.stdkit/links.lock` records, for each coverage link, the digest of the requirement's \
            text (with its attributes) when the link was last reviewed. When the enterprise rewords \
            the requirement, each outcome covering it is suspect: the message shows the change word \
            by word (from git history; `[-removed-]`, `{+added+}`). The owner of the course reviews \
            the outcome against the new text, adapts it if needed, and records the review with \
            `stdkit review accept`.
            """,
        passing: [Self.example(requirement: "- **R1** 能焊接薄板 {level=2}\n", outcomes: "- **LO1** 目标 → JOB-A#R1\n",
                               lock: "C1#LO1 -> JOB-A#R1 c9c5007079459a1407e1e134dd42057cde919d75065cfa640e0cb74be25a6da0\n")],
        failing: [Self.example(requirement: "- **R1** 能焊接薄板 {level=2}\n", outcomes: "- **LO1** 目标 → ↓JOB-A#R1\n",
                               lock: "C1#LO1 -> JOB-A#R1 55efbdf3af00f067bae943a568a4bea37c0d100d7534b327aa1d9c7e3260490a\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.linkReview.suspect.compactMap { entry in
            guard case .suspect(let reviewed) = entry.status else { return nil }
            let link = entry.link
            let sourceItem = link.sourceItem
            let change: String
            if let history = context.history,
               let before = LinkReview.reviewedText(of: link, digest: reviewed, history: history, schemas: context.project.schemas) {
                change = WordDiff(old: before, new: link.targetText).marked
            } else {
                change = "the reviewed text is not in the git history here; now: \(link.targetText)"
            }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: link.sourcePath, location: link.location,
                message: "\(sourceItem) covers \(link.key.target), which changed since the link was reviewed: \(change)",
                hint: "review \(sourceItem) against the new text and adapt it if needed, then: stdkit review accept \(link.key)")
        }
    }
}
