import StdKitModel
import StdKitSyntax

/// A course entry names an elective group the programme does not declare, or a group asks for
/// more credits than its courses offer. Either makes the counted totals (`CourseTable`) wrong:
/// an entry of an undeclared group counts in full, and a group cannot count hours no course of
/// it offers.
struct ElectiveGroup: Rule {
    let description = RuleDescription(
        id: "elective-group", family: .arithmetic, scope: .document,
        passing: [RuleExample(document: """
            ---
            id: P1
            kind: programme
            title: 工业机器人技术
            elective_groups:
              - {id: G1, title: 专业拓展选修, choose_credits: 2}
            courses:
              - {id: C1, category: professional-elective, group: G1, credits: 2}
              - {id: C2, category: professional-elective, group: G1, credits: 2}
            ---

            """)],
        failing: [RuleExample(document: """
            ---
            id: P1
            kind: programme
            title: 工业机器人技术
            elective_groups:
              - {id: G1, title: 专业拓展选修, choose_credits: ↓6}
            courses:
              - {id: C1, category: professional-elective, group: G1, credits: 2}
              - {id: C2, category: professional-elective, group: G1, credits: 2}
              - {id: C3, category: public-elective, group: ↓G2, credits: 2}
            ---

            """)])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in ProgrammeTable.all(in: context) {
            let declared = table.groups.map(\.id)
            for entry in table.entries {
                guard let group = entry.group, let node = entry.node["group"], !declared.contains(group) else { continue }
                let suggestion = Suggestion.closest(to: group, among: declared)
                findings.append(Diagnostic(
                    rule: description.id, file: table.programme.path, location: node.location,
                    message: .undeclaredGroup(group, course: entry.id, suggestion: suggestion),
                    hint: .declareGroup(group, declared: declared), fixes: Fix.replacing(node, with: suggestion, in: table.programme)))
            }
            for group in table.groups {
                guard let choose = group.chooseCredits else { continue }
                let offered = table.offeredCredits(inGroup: group.id)
                guard choose > offered + 0.001 else { continue }
                findings.append(Diagnostic(
                    rule: description.id, file: table.programme.path, location: group.node["choose_credits"]?.location ?? group.node.location,
                    message: .groupAsksTooMuch(group.id, choose: Figures.number(choose), offered: Figures.number(offered),
                                               courses: table.entries(inGroup: group.id).count),
                    hint: .offerMoreElectives(group.id)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func undeclaredGroup(_ group: String, course: String?, suggestion: String?) -> Message {
        Message("elective-group.undeclared", [
            "group": .verbatim(group), "course": course.map { .verbatim($0) } ?? .message(Message("elective-group.a-course")),
            "suggestion": didYouMean(suggestion),
        ])
    }

    fileprivate static func declareGroup(_ group: String, declared: [String]) -> Message {
        declared.isEmpty
            ? Message("elective-group.undeclared.hint.none", ["group": .verbatim(group)])
            : Message("elective-group.undeclared.hint", ["group": .verbatim(group), "groups": .list(declared, .and)])
    }

    fileprivate static func groupAsksTooMuch(_ group: String, choose: String, offered: String, courses: Int) -> Message {
        Message("elective-group.too-few-credits", [
            "group": .verbatim(group), "choose": .verbatim(choose), "offered": .verbatim(offered), "courses": .number(courses),
        ])
    }

    fileprivate static func offerMoreElectives(_ group: String) -> Message {
        Message("elective-group.too-few-credits.hint", ["group": .verbatim(group)])
    }
}
