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
        passing: [Self.example(requirement: "- **R1** 能焊接薄板 {level=2}\n", outcomes: "- **LO1** 目标 → JOB-A#R1\n",
                               lock: "C1#LO1 -> JOB-A#R1 c9c5007079459a1407e1e134dd42057cde919d75065cfa640e0cb74be25a6da0\n")],
        failing: [Self.example(requirement: "- **R1** 能焊接薄板 {level=2}\n", outcomes: "- **LO1** 目标 → ↓JOB-A#R1\n",
                               lock: "C1#LO1 -> JOB-A#R1 55efbdf3af00f067bae943a568a4bea37c0d100d7534b327aa1d9c7e3260490a\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.linkReview.suspect.compactMap { entry in
            guard case .suspect(let reviewed) = entry.status else { return nil }
            let link = entry.link
            let sourceItem = link.sourceItem
            let change: Message
            if let history = context.history,
               let before = LinkReview.reviewedText(of: link, digest: reviewed, history: history, schemas: context.project.schemas) {
                change = .changedText(WordDiff(old: before, new: link.targetText).marked)
            } else {
                change = .reviewedTextNotInHistory(now: link.targetText)
            }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: link.sourcePath, location: link.location,
                message: .suspect(sourceItem, covers: link.key.target, change: change),
                hint: .reviewAgain(sourceItem, link: link.key.description))
        }
    }
}

extension Message {
    fileprivate static func suspect(_ source: String, covers target: String, change: Message) -> Message {
        Message("suspect-link.message", ["source": .verbatim(source), "target": .verbatim(target), "change": .message(change)])
    }

    /// The target's text with the words changed marked; the document's own words.
    fileprivate static func changedText(_ marked: String) -> Message {
        Message("suspect-link.changed-text", ["text": .verbatim(marked)])
    }

    fileprivate static func reviewedTextNotInHistory(now: String) -> Message {
        Message("suspect-link.no-history", ["text": .verbatim(now)])
    }

    fileprivate static func reviewAgain(_ source: String, link: String) -> Message {
        Message("suspect-link.hint", ["source": .verbatim(source), "link": .verbatim(link)])
    }
}
