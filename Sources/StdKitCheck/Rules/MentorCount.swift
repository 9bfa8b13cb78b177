import StdKitModel
import StdKitSyntax

/// An apprenticeship with too few enterprise mentors for its cohort: the mentors (`M` items)
/// times `mentor_ratio` (apprentices one mentor guides, at most) are fewer than `cohort.size`;
/// and a mentor whose `{party=…}` is missing or not a declared party, since a reviewer asks
/// which enterprise stands behind each mentor.
struct MentorCount: Rule {
    let description = RuleDescription(
        id: "mentor-count", family: .arithmetic, scope: .document,
        passing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: 10}\nmentor_ratio: 5\n",
            body: "- **M1** 张工，焊装车间高级技师 {party=hnauto}\n- **M2** 李工，涂装车间技师 {party=hnauto}\n")])],
        failing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: ↓30}   # 30 名学徒\nmentor_ratio: 5\n",
            body: "- **M1** 张工，焊装车间高级技师 {party=hnauto}\n- **M2** 李工，涂装车间技师 {party=hnauto}\n")]),
                  CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: 10}\nmentor_ratio: 5\n",
            body: "- **M1** 张工，焊装车间高级技师 {party=hnauto}\n- **↓M2** 李工，涂装车间技师\n- **↓M3** 王工 {party=hnqc}\n")])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.documents(ofKind: "apprenticeship").flatMap { document in
            (count(in: document, context).map { [$0] } ?? []) + parties(in: document, context)
        }
    }

    private func count(in document: Document, _ context: CheckContext) -> Diagnostic? {
        guard let ratio = CourseTable.int(document.frontMatter?["mentor_ratio"]), ratio > 0,
              let sizeNode = document.frontMatter?["cohort"]?["size"], let size = CourseTable.int(sizeNode) else { return nil }
        let mentors = document.items.filter { context.itemKind(of: $0.id, in: document)?.prefix == "M" }
        guard mentors.count * ratio < size else { return nil }
        return Diagnostic(
            rule: description.id, severity: description.severity, file: document.path, location: sizeNode.location,
            message: .tooFewMentors(mentors.count, ratio: ratio, size: size),
            hint: .addMentors(needed: (size + ratio - 1) / ratio))
    }

    /// Mentors without a declared party (checked when `stdkit.yml` declares parties).
    private func parties(in document: Document, _ context: CheckContext) -> [Diagnostic] {
        let declared = context.project.config.parties.map(\.id)
        guard !declared.isEmpty else { return [] }
        return document.items.compactMap { mentor in
            guard context.itemKind(of: mentor.id, in: document)?.prefix == "M" else { return nil }
            let party = mentor.attribute("party")
            guard party.flatMap({ context.project.party($0) }) == nil else { return nil }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: document.path, location: mentor.location,
                message: .mentorWithoutParty(mentor.fullID, party: party), hint: .nameParty(declared))
        }
    }
}

extension Message {
    fileprivate static func tooFewMentors(_ mentors: Int, ratio: Int, size: Int) -> Message {
        Message("mentor-count.message", ["mentors": .number(mentors), "ratio": .number(ratio), "capacity": .number(mentors * ratio), "size": .number(size)])
    }

    fileprivate static func mentorWithoutParty(_ mentor: String, party: String?) -> Message {
        party.map { Message("mentor-count.party.unknown", ["mentor": .verbatim(mentor), "party": .verbatim($0)]) }
            ?? Message("mentor-count.party.missing", ["mentor": .verbatim(mentor)])
    }

    fileprivate static func nameParty(_ parties: [String]) -> Message {
        Message("mentor-count.party.hint", ["parties": .list(parties, .and)])
    }

    fileprivate static func addMentors(needed: Int) -> Message {
        Message("mentor-count.hint", ["needed": .number(needed)])
    }
}
