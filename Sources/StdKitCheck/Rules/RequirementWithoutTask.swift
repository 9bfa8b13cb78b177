import StdKitModel
import StdKitSyntax

/// A requirement of a job profile that lists work tasks, linked to none of them (DESIGN §13.4,
/// "job profiles"): `- **R3** … → #T2` says which typical work task the competence serves, so
/// that the enterprise can see every requirement grounded in the work.
///
/// Checked under a profile, as the reviewer's other rules. A profile without `T` items (an
/// older one listing requirements only) is not checked. Only
/// the profile's own tasks count: a requirement pointing at another profile's task is still
/// reported. A requirement → task link is not coverage: it appears in no matrix and needs no
/// review (only the families the schema marks `coverage`, the outcomes, cover).
struct RequirementWithoutTask: Rule {
    let description = RuleDescription(
        id: "requirement-without-task", family: .coverage, scope: .document, severity: .warning,
        passing: [
            RuleExample(["stdkit.yml": "profile: cn-vocational-higher\n", "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊装线机器人操作员\n---\n\n## 典型工作任务\n\n- **T1** 开班点检\n- **T2** 换型调试\n\n## 职业能力要求\n\n- **R1** 能完成安全点检 → #T1\n- **R2** 能调用并微调车型程序 → #T2, JOB-A#T1\n"]),
            RuleExample(["stdkit.yml": "profile: cn-vocational-higher\n", "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊装线机器人操作员\n---\n\n## 职业能力要求\n\n- **R1** 能完成安全点检\n"]),
            // Without a profile the reviewer's rules do not apply.
            RuleExample(["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊装线机器人操作员\n---\n\n## 典型工作任务\n\n- **T1** 开班点检\n\n## 职业能力要求\n\n- **R1** 能完成安全点检\n"]),
        ],
        failing: [
            RuleExample(["stdkit.yml": "profile: cn-vocational-higher\n", "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊装线机器人操作员\n---\n\n## 典型工作任务\n\n- **T1** 开班点检\n\n## 职业能力要求\n\n- **R1** 能完成安全点检 → #T1\n- **↓R2** 能识读工作站电气原理图\n"]),
        ])

    func check(_ context: CheckContext) -> [Diagnostic] {
        // A reviewer's rule (DESIGN §13.4): it comes with a profile, as the arithmetic does.
        guard context.project.profile != nil else { return [] }
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments where document.kind == "job-profile" && document.status != "withdrawn" {
            let tasks = JobTasks(document, context)
            guard !tasks.ids.isEmpty else { continue }
            for item in document.items where tasks.isRequirement(item) && !tasks.namesATask(item) {
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: item.location,
                    message: .noTask(item.fullID, profile: document.id ?? document.path),
                    hint: .linkTask(tasks.ids)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func noTask(_ item: String, profile: String) -> Message {
        Message("requirement-without-task.message", ["item": .verbatim(item), "profile": .verbatim(profile)])
    }

    fileprivate static func linkTask(_ tasks: [String]) -> Message {
        Message("requirement-without-task.hint", ["task": .verbatim(tasks[0]), "tasks": .list(tasks, .and)])
    }
}
