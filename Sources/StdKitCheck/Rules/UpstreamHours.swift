import StdKitModel
import StdKitSyntax

/// Hours below the upstream programme's (DESIGN §14.2): the implementing programme's total hours
/// (its declared `total_hours`, else its course table's counted total) below the upstream's
/// `total_hours`; its practice share (counted as `practice-share` counts it) below the minimum
/// of the upstream project's profile; a course entry that is or implements an upstream core
/// course with fewer hours than the upstream's entry gives it. One finding per shortfall.
struct UpstreamHours: Rule {
    private static let standard = UpstreamExample.standard(
        courses: ["{id: COURSE-NS-PROG, category: professional-core, hours: {theory: 24, practice: 40}}"], extra: "total_hours: 2600\n")
    /// The national project states its threshold: the share is its profile's, not the school's.
    private static let nationalSettings = "name: 国家专业教学标准\nprofile: cn-vocational-higher\nprofile_settings:\n  required_courses: []\n"

    private static func example(total: String, courses: [String], courseKey: String = "", mark: String = "") -> RuleExample {
        UpstreamExample.project(
            upstream: ["p.md": standard, "c.md": UpstreamExample.nationalCourse],
            local: ["p.md": UpstreamExample.programme(extra: "total_hours: \(total)\n", courses: courses).replacingOccurrences(of: "\ncourses:", with: "\n\(mark)courses:"),
                    "c1.md": UpstreamExample.course("C1", title: "工业机器人编程与调试", implements: "ns:COURSE-NS-PROG")],
            upstreamSettings: nationalSettings)
    }

    let description = RuleDescription(
        id: "upstream-hours", family: .upstream,
        passing: [example(total: "2640", courses: [
            "{id: C1, category: professional-core, hours: {theory: 24, practice: 48}}",
            "{id: C2, category: practice, hours: {theory: 0, practice: 1400}}",
            "{id: C3, category: public-basic, hours: {theory: 1168, practice: 0}}",
        ])],
        failing: [example(total: "↓2400", courses: [
            "{id: C1, category: professional-core, hours: ↓{theory: 32, practice: 24}}",
            "{id: C2, category: practice, hours: {theory: 0, practice: 1000}}",
            "{id: C3, category: public-basic, hours: {theory: 1344, practice: 0}}",
        ], mark: "↓")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for implemented in ImplementedStandard.all(in: context) where context.wants(implemented.programme.path) {
            let file = implemented.programme.path
            let standard = implemented.named(implemented.key)
            let table = implemented.table
            // Total hours: the upstream's declared total, or its counted one where its table is whole.
            if let required = Self.totalHours(of: implemented.standard), let total = Self.totalHours(of: implemented.programme), total.hours < required.hours {
                findings.append(Diagnostic(
                    rule: description.id, file: file, location: total.location ?? implemented.location,
                    message: .totalBelow(programme: implemented.programmeName, hours: total.hours, standard: standard, required: required.hours),
                    hint: .raiseTotal(required.hours)))
            }
            // The practice share, as the upstream project's profile measures it.
            if let profile = implemented.upstreamProject.profile, let minimum = profile.minPracticeShare,
               let table, table.isComplete, table.totalHours > 0 {
                let share = Double(table.practiceHours) / Double(table.totalHours)
                if share < minimum {
                    findings.append(Diagnostic(
                        rule: description.id, file: file, location: table.location,
                        message: .practiceBelow(programme: implemented.programmeName, share: share, hours: table.practiceHours, total: table.totalHours,
                                                standard: standard, minimum: minimum, profile: profile.id, upstream: implemented.upstream.id),
                        hint: .movePractice))
                }
            }
            // Each core course's hours.
            for (key, upstreamEntry) in implemented.coreCourses {
                guard let required = upstreamEntry.total else { continue }
                for entry in implemented.localEntries(for: key) {
                    guard let hours = entry.total, hours < required else { continue }
                    findings.append(Diagnostic(
                        rule: description.id, file: file, location: entry.node["hours"]?.location ?? entry.node.location,
                        message: .courseBelow(entry.id ?? "", hours: hours, course: implemented.named(key), standard: standard, required: required),
                        hint: .raiseCourse(entry.id ?? "", required: required)))
                }
            }
        }
        return findings
    }

    /// A programme's total hours: its declared `total_hours` (and where it is written), else
    /// its course table's counted total when every entry states its hours.
    static func totalHours(of programme: Document) -> (hours: Int, location: SourceLocation?)? {
        if let node = programme.frontMatter?["total_hours"], let declared = CourseTable.int(node) { return (declared, node.location) }
        guard let table = CourseTable(programme), table.isComplete, table.totalHours > 0 else { return nil }
        return (table.totalHours, nil)
    }
}

extension Message {
    fileprivate static func totalBelow(programme: Message.Argument, hours: Int, standard: Message.Argument, required: Int) -> Message {
        Message("upstream-hours.total", [
            "programme": programme, "hours": .verbatim(Figures.hours(hours)), "standard": standard, "required": .verbatim(Figures.hours(required)),
        ])
    }

    fileprivate static func raiseTotal(_ required: Int) -> Message {
        Message("upstream-hours.total.hint", ["required": .verbatim(Figures.hours(required))])
    }

    fileprivate static func practiceBelow(programme: Message.Argument, share: Double, hours: Int, total: Int, standard: Message.Argument,
                                          minimum: Double, profile: String, upstream: String) -> Message {
        Message("upstream-hours.practice", [
            "programme": programme, "share": .verbatim(Figures.percent(share)), "hours": .verbatim(Figures.hours(hours)),
            "total": .verbatim(Figures.hours(total)), "standard": standard, "minimum": .verbatim(Figures.percent(minimum)),
            "profile": .verbatim(profile), "upstream": .verbatim(upstream),
        ])
    }

    fileprivate static let movePractice = Message("upstream-hours.practice.hint")

    fileprivate static func courseBelow(_ id: String, hours: Int, course: Message.Argument, standard: Message.Argument, required: Int) -> Message {
        Message("upstream-hours.course", [
            "id": .verbatim(id), "hours": .number(hours), "course": course, "standard": standard, "required": .number(required),
        ])
    }

    fileprivate static func raiseCourse(_ id: String, required: Int) -> Message {
        Message("upstream-hours.course.hint", ["id": .verbatim(id), "required": .number(required)])
    }
}
