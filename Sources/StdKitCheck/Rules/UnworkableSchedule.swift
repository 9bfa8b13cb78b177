import StdKitModel
import StdKitSyntax

/// An apprenticeship's alternation calendar that cannot be followed: a range of weeks that is
/// not one, two entries of a semester claiming the same weeks, a semester with weeks nobody
/// planned, a post that is not one of the plan's rotation posts.
struct UnworkableSchedule: Rule {
    let description = RuleDescription(
        id: "alternation-schedule", family: .structure, scope: .document,
        passing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: 10}\nschedule:\n  - {semester: 3, weeks: 1-12, place: school}\n  - {semester: 3, weeks: 13-20, place: enterprise, posts: [P1]}\n",
            body: "- **P1** 焊装线机器人操作岗 → JOB-OP#T1 {weeks=8}\n")])],
        failing: [CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: 10}\nschedule:\n  - {semester: 3, weeks: ↓1-12周, place: school}\n  - {semester: 4, weeks: 1-10, place: school}\n  - {semester: 4, weeks: ↓9-12, place: enterprise}\n  - {semester: 4, weeks: ↓15-20, place: enterprise, posts: [↓P2]}\n",
            body: "- **P1** 焊装线机器人操作岗 → JOB-OP#T1 {weeks=8}\n")]),
                  CooperationExample.project(["a.md": CooperationExample.apprenticeship(
            "cohort: {year: 2026, size: 10}\nschedule:\n  - {semester: 5, weeks: ↓3-18, place: enterprise}  # 第5学期顶岗\n")])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.documents(ofKind: "apprenticeship").flatMap { findings(in: $0, context) }
    }

    private func findings(in document: Document, _ context: CheckContext) -> [Diagnostic] {
        guard let schedule = AlternationSchedule(document) else { return [] }
        let plan = document.id ?? document.path
        var findings: [Diagnostic] = []
        func add(_ location: SourceLocation, _ message: Message, note: Diagnostic.Note? = nil, hint: Message) {
            findings.append(Diagnostic(rule: description.id, severity: description.severity, file: document.path, location: location,
                                       message: message, notes: note.map { [$0] } ?? [], hint: hint))
        }
        for entry in schedule.entries {
            if let text = entry.weeksText, entry.weeks == nil {
                add(entry.weeksLocation, .notWeeks(text, semester: entry.semester), hint: .writeWeeks)
            }
        }
        let semesters = Set(schedule.entries.compactMap(\.semester)).sorted()
        for semester in semesters {
            // The well-formed entries of the semester, with their weeks.
            let entries = schedule.entries.compactMap { entry -> (entry: AlternationSchedule.Entry, weeks: ClosedRange<Int>)? in
                entry.semester == semester ? entry.weeks.map { (entry: entry, weeks: $0) } : nil
            }
            // Overlaps, each entry against those written before it.
            for (index, (entry, weeks)) in entries.enumerated() {
                guard let earlier = entries[..<index].first(where: { $0.weeks.overlaps(weeks) })?.entry else { continue }
                add(entry.weeksLocation, .overlap(entry.weeksText ?? "", earlier: earlier.weeksText ?? "", semester: semester),
                    note: Diagnostic.Note(file: document.path, location: earlier.weeksLocation, message: .earlierEntry),
                    hint: .separateWeeks)
            }
            // Gaps: weeks 1 to the last scheduled week, each reported at the entry after it.
            var covered = 0
            for (entry, weeks) in entries.sorted(by: { $0.weeks.lowerBound < $1.weeks.lowerBound }) {
                if weeks.lowerBound > covered + 1 {
                    add(entry.weeksLocation, .gap(from: covered + 1, to: weeks.lowerBound - 1, semester: semester, plan: plan), hint: .fillGap)
                }
                covered = max(covered, weeks.upperBound)
            }
        }
        let posts = Set(document.items.filter { context.itemKind(of: $0.id, in: document)?.prefix == "P" }.map(\.id))
        for entry in schedule.entries {
            for post in entry.node["posts"]?.sequence ?? [] {
                guard let id = post.scalar, !posts.contains(id) else { continue }
                add(post.location, .unknownPost(id, semester: entry.semester, weeks: entry.weeksText ?? "", plan: plan), hint: .declarePost(id))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func notWeeks(_ text: String, semester: Int?) -> Message {
        Message("alternation-schedule.weeks", ["weeks": .verbatim(text), "semester": .verbatim(semester.map(String.init) ?? "?")])
    }

    fileprivate static let writeWeeks = Message("alternation-schedule.weeks.hint", ["maximum": .number(AlternationSchedule.maximumWeek)])

    fileprivate static func overlap(_ weeks: String, earlier: String, semester: Int) -> Message {
        Message("alternation-schedule.overlap", ["weeks": .verbatim(weeks), "earlier": .verbatim(earlier), "semester": .number(semester)])
    }

    fileprivate static let earlierEntry = Message("alternation-schedule.overlap.note")
    fileprivate static let separateWeeks = Message("alternation-schedule.overlap.hint")

    fileprivate static func gap(from: Int, to: Int, semester: Int, plan: String) -> Message {
        Message("alternation-schedule.gap", [
            "weeks": .verbatim(from == to ? "\(from)" : "\(from)-\(to)"), "semester": .number(semester), "plan": .verbatim(plan),
        ])
    }

    fileprivate static let fillGap = Message("alternation-schedule.gap.hint")

    fileprivate static func unknownPost(_ post: String, semester: Int?, weeks: String, plan: String) -> Message {
        Message("alternation-schedule.post", [
            "post": .verbatim(post), "semester": .verbatim(semester.map(String.init) ?? "?"), "weeks": .verbatim(weeks), "plan": .verbatim(plan),
        ])
    }

    fileprivate static func declarePost(_ post: String) -> Message {
        Message("alternation-schedule.post.hint", ["post": .verbatim(post)])
    }
}
