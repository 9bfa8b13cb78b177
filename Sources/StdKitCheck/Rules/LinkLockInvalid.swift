import StdKitModel
import StdKitSyntax

/// A line of `.stdkit/links.lock` that cannot be read: a conflict left by a merge, a damaged line.
struct LinkLockInvalid: Rule {
    let description = RuleDescription(
        id: "links-lock-invalid", family: .review, severity: .error,
        passing: [SuspectLink.example(requirement: "- **R1** 能焊接薄板\n", outcomes: "- **LO1** 目标 → JOB-A#R1\n",
                                      lock: "\(LinkLock.header)\nC1#LO1 -> JOB-A#R1 9de2563ca08da1848e0ef6cb4660a7ddade2060b52de4e5fd8176ee3547f22fd\n")],
        failing: [SuspectLink.example(requirement: "- **R1** 能焊接薄板\n", outcomes: "- **LO1** 目标 → JOB-A#R1\n",
                                      lock: "↓C1#LO1 -> JOB-A#R1 9de2563c\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard context.wants(Project.linkLockPath) else { return [] }
        return context.linkReview.problems.map { problem in
            Diagnostic(rule: description.id, severity: description.severity, file: Project.linkLockPath,
                       location: SourceLocation(line: problem.line, column: 1), message: problem.message, hint: problem.hint)
        }
    }
}
