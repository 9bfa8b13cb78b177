import StdKitModel
import StdKitSyntax

/// A typical work task of a job profile that no requirement of the profile serves (DESIGN
/// §13.4, "job profiles"): a task nobody has said what competence it takes cannot be taught.
/// Only requirements of the same profile count (`→ #T2`). Checked under a profile.
struct TaskWithoutRequirement: Rule {
    let description = RuleDescription(
        id: "task-without-requirement", family: .coverage, scope: .document, severity: .warning,
        passing: [
            RuleExample(["stdkit.yml": "profile: cn-vocational-higher\n", "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊装线机器人操作员\n---\n\n## 典型工作任务\n\n- **T1** 开班点检\n- **T2** 换型调试\n\n## 职业能力要求\n\n- **R1** 能完成安全点检 → #T1\n- **R2** 能调用并微调车型程序 → JOB-A#T2\n"]),
        ],
        failing: [
            RuleExample(["stdkit.yml": "profile: cn-vocational-higher\n", "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊装线机器人操作员\n---\n\n## 典型工作任务\n\n### **T1** 开班点检\n\n### **↓T2** 交接班与记录\n\n## 职业能力要求\n\n- **R1** 能完成安全点检 → #T1\n"]),
        ])

    func check(_ context: CheckContext) -> [Diagnostic] {
        // A reviewer's rule (DESIGN §13.4): it comes with a profile, as the arithmetic does.
        guard context.project.profile != nil else { return [] }
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments where document.kind == "job-profile" && document.status != "withdrawn" {
            let tasks = JobTasks(document, context)
            guard !tasks.ids.isEmpty else { continue }
            let served = Set(document.items.filter(tasks.isRequirement).flatMap(tasks.served(by:)))
            for item in document.items where tasks.ids.contains(item.id) && !served.contains(item.id) {
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: item.location,
                    message: .unserved(item.fullID, profile: document.id ?? document.path), hint: .serveIt(item.id)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func unserved(_ item: String, profile: String) -> Message {
        Message("task-without-requirement.message", ["item": .verbatim(item), "profile": .verbatim(profile)])
    }

    fileprivate static func serveIt(_ task: String) -> Message {
        Message("task-without-requirement.hint", ["task": .verbatim(task)])
    }
}
