import StdKitModel
import StdKitSyntax

/// A requirement whose level no outcome covering it reaches (DESIGN §13.4, "levels").
///
/// One finding per requirement, not per outcome: a requirement at level 4 that one course
/// teaches at level 3 and another at level 4 is reached, and what a reviewer sends back is the
/// requirement that nothing brings to its level. `{reached_by=COURSE-ID}` on the requirement
/// says which later course (or the internship) reaches it; then only that course's outcomes
/// count, and one of them must reach the level. An outcome or a requirement without a numeric
/// `level` is not compared. Checked under a profile, as the reviewer's other rules.
struct LevelBelowRequirement: Rule {
    let description = RuleDescription(
        id: "level-below-requirement", family: .coverage, severity: .warning,
        passing: [
            RuleExample([
                "stdkit.yml": "profile: cn-vocational-higher\n",
                "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接机器人操作员\n---\n\n- **R1** 能示教编程并调试焊接轨迹 {level=4}\n",
                "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人编程\n---\n\n- **LO1** 能编写弧焊程序 → JOB-A#R1 {level=3}\n",
                "c2.md": "---\nid: C2\nkind: course\ntitle: 焊接工作站\n---\n\n- **LO1** 能独立调试焊接轨迹 → JOB-A#R1 {level=4}\n",
            ]),
            RuleExample([
                "stdkit.yml": "profile: cn-vocational-higher\n",
                "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接机器人操作员\n---\n\n- **R1** 能示教编程并调试焊接轨迹 {level=4 reached_by=C9}\n",
                "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人编程\n---\n\n- **LO1** 能编写弧焊程序 → JOB-A#R1 {level=3}\n",
                "c9.md": "---\nid: C9\nkind: course\ntitle: 岗位实习\n---\n\n- **LO1** 能在岗独立调试焊接轨迹 → JOB-A#R1 {level=4}\n",
            ]),
        ],
        failing: [
            RuleExample([
                "stdkit.yml": "profile: cn-vocational-higher\n",
                "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接机器人操作员\n---\n\n- **↓R1** 能示教编程并调试焊接轨迹 {level=4}\n- **R2** 能完成开机点检 {level=3}\n",
                "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人编程\n---\n\n- **LO1** 能编写弧焊程序 → JOB-A#R1, JOB-A#R2 {level=3}\n",
            ]),
            RuleExample([
                "stdkit.yml": "profile: cn-vocational-higher\n",
                "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接机器人操作员\n---\n\n- **↓R1** 能调试焊接轨迹 {level=4 reached_by=C9}\n",
                "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人编程\n---\n\n- **LO1** 能调试焊接轨迹 → JOB-A#R1 {level=4}\n",
                "c9.md": "---\nid: C9\nkind: course\ntitle: 岗位实习\n---\n\n- **LO1** 能在岗调试焊接轨迹 → JOB-A#R1 {level=3}\n",
            ]),
            RuleExample([
                "stdkit.yml": "profile: cn-vocational-higher\n",
                "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接机器人操作员\n---\n\n- **R1** 能调试焊接轨迹 {level=4 ↓reached_by=C8}\n",
                "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人编程\n---\n\n- **LO1** 能调试焊接轨迹 → JOB-A#R1 {level=3}\n",
            ]),
        ])

    func check(_ context: CheckContext) -> [Diagnostic] {
        // A reviewer's rule (DESIGN §13.4): it comes with a profile, as the arithmetic does.
        guard context.project.profile != nil else { return [] }
        var findings: [Diagnostic] = []
        for document in context.focusedStandardsDocuments where document.kind != "programme" && document.status != "withdrawn" {
            for item in document.items where context.itemKind(of: item.id, in: document)?.mustBeCovered == true {
                // A `reached_by` naming no course is wrong whether or not the item has a level.
                if let reachedBy = item.attributes.first(where: { $0.key == "reached_by" }),
                   context.project.document(reachedBy.value)?.kind != "course" {
                    findings.append(Diagnostic(
                        rule: description.id, severity: .error, file: document.path, location: reachedBy.location,
                        message: .reachedByNoCourse(reachedBy.value, item: item.fullID), hint: .nameACourse))
                    continue
                }
                guard let written = item.attribute("level"), let level = Double(written) else { continue }
                if let finding = finding(for: item, level: level, written: written, in: document, context) { findings.append(finding) }
            }
        }
        return findings
    }

    private func finding(for item: Item, level: Double, written: String, in document: Document, _ context: CheckContext) -> Diagnostic? {
        // Each covering outcome with its level, nil when it states none (or none as a number).
        var outcomes: [(document: Document, item: Item, level: Double?)] = []
        for source in context.coveringSources(of: item, in: document) {
            guard let course = context.document(of: source), let id = source.item,
                  let outcome = course.items.first(where: { $0.id == id }) else { continue }
            outcomes.append((course, outcome, outcome.attribute("level").flatMap(Double.init)))
        }
        let kind = context.itemKind(of: item.id, in: document)?.name ?? "requirement"
        var course: String?
        if let reachedBy = item.attributes.first(where: { $0.key == "reached_by" }) {
            guard let target = context.project.document(reachedBy.value) else { return nil }
            course = reachedBy.value
            outcomes = outcomes.filter { $0.document.id == reachedBy.value }
            if outcomes.isEmpty {
                return Diagnostic(
                    rule: description.id, severity: description.severity, file: document.path, location: item.location,
                    message: .noOutcomeOf(reachedBy.value, kind: kind, item: item.fullID, level: written),
                    notes: [Diagnostic.Note(file: target.path, location: target.location(ofField: "id"), message: .courseIsHere(reachedBy.value))],
                    hint: .coverInCourse(item.fullID, course: reachedBy.value))
            }
        }
        // Outcomes without a level are not compared: they neither reach nor miss it.
        let compared = outcomes.filter { $0.level != nil }
        guard !compared.isEmpty, !compared.contains(where: { $0.level.map { $0 >= level } == true }) else { return nil }
        let named = compared.map { Message.outcome($0.item.fullID, level: $0.item.attribute("level") ?? "") }
        return Diagnostic(
            rule: description.id, severity: description.severity, file: document.path, location: item.location,
            message: course.map { Message.belowIn($0, kind: kind, item: item.fullID, level: written, outcomes: named) }
                ?? Message.below(kind: kind, item: item.fullID, level: written, outcomes: named),
            notes: compared.map {
                Diagnostic.Note(file: $0.document.path, location: $0.item.location, message: .outcomeIsAt($0.item.fullID, level: $0.item.attribute("level") ?? ""))
            },
            hint: course.map { Message.raiseIn($0, level: written) } ?? Message.raise(level: written))
    }
}

extension Message {
    fileprivate static func outcome(_ id: String, level: String) -> Message {
        Message("level-below-requirement.outcome", ["outcome": .verbatim(id), "level": .verbatim(level)])
    }

    fileprivate static func below(kind: String, item: String, level: String, outcomes: [Message]) -> Message {
        Message("level-below-requirement.message", [
            "kind": itemKind(kind), "item": .verbatim(item), "level": .verbatim(level), "outcomes": .messages(outcomes, .and),
        ])
    }

    fileprivate static func belowIn(_ course: String, kind: String, item: String, level: String, outcomes: [Message]) -> Message {
        Message("level-below-requirement.reached-by", [
            "kind": itemKind(kind), "item": .verbatim(item), "level": .verbatim(level), "course": .verbatim(course),
            "outcomes": .messages(outcomes, .and),
        ])
    }

    fileprivate static func noOutcomeOf(_ course: String, kind: String, item: String, level: String) -> Message {
        Message("level-below-requirement.reached-by-none", [
            "kind": itemKind(kind), "item": .verbatim(item), "level": .verbatim(level), "course": .verbatim(course),
        ])
    }

    fileprivate static func reachedByNoCourse(_ written: String, item: String) -> Message {
        Message("level-below-requirement.no-course", ["course": .verbatim(written), "item": .verbatim(item)])
    }

    fileprivate static func outcomeIsAt(_ outcome: String, level: String) -> Message {
        Message("level-below-requirement.note", ["outcome": .verbatim(outcome), "level": .verbatim(level)])
    }

    fileprivate static func courseIsHere(_ course: String) -> Message {
        Message("level-below-requirement.note.course", ["course": .verbatim(course)])
    }

    fileprivate static func raise(level: String) -> Message {
        Message("level-below-requirement.hint", ["level": .verbatim(level)])
    }

    fileprivate static func raiseIn(_ course: String, level: String) -> Message {
        Message("level-below-requirement.hint.reached-by", ["course": .verbatim(course), "level": .verbatim(level)])
    }

    fileprivate static func coverInCourse(_ item: String, course: String) -> Message {
        Message("level-below-requirement.hint.reached-by-none", ["item": .verbatim(item), "course": .verbatim(course)])
    }

    fileprivate static let nameACourse = Message("level-below-requirement.hint.no-course")
}
