import StdKitModel
import StdKitSyntax

/// A professional core course of the upstream programme that the implementing programme does
/// not teach (DESIGN §14.2): no entry of its `courses` is the upstream course (`id: ns:COURSE-…`)
/// or a local course whose `implements` names it. A local course that implements it but is not
/// in the course table is still missing: students do not take it.
struct UpstreamCoreCourse: Rule {
    private static let standard = UpstreamExample.standard(courses: [
        "{id: COURSE-NS-PROG, category: professional-core, hours: {theory: 24, practice: 40}}",
    ])

    private static func example(implementing: String?, listed: Bool = true, mark: Bool = false) -> RuleExample {
        UpstreamExample.project(
            upstream: ["p.md": standard, "c.md": UpstreamExample.nationalCourse],
            local: ["p.md": UpstreamExample.programme(implements: (mark ? "↓" : "") + "ns:PROG-NS",
                                                      courses: listed ? ["{id: C1, category: professional-core, hours: {theory: 24, practice: 40}}"] : []),
                    "c1.md": UpstreamExample.course("C1", title: "工业机器人编程与调试", implements: implementing)])
    }

    let description = RuleDescription(
        id: "upstream-core-course", family: .upstream,
        passing: [
            example(implementing: "ns:COURSE-NS-PROG"),
            // The national course itself in the table.
            UpstreamExample.project(
                upstream: ["p.md": standard, "c.md": UpstreamExample.nationalCourse],
                local: ["p.md": UpstreamExample.programme(courses: ["{id: ns:COURSE-NS-PROG, category: professional-core, hours: {theory: 24, practice: 40}}"])]),
        ],
        failing: [example(implementing: nil, mark: true), example(implementing: "ns:COURSE-NS-PROG", listed: false, mark: true)])

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for implemented in ImplementedStandard.all(in: context) where context.wants(implemented.programme.path) {
            for (key, _) in implemented.coreCourses where implemented.localEntries(for: key).isEmpty {
                // A local course that implements it, left out of the table.
                let unlisted = implemented.implementedCourses.filter { $0.value == key }.keys.sorted()
                findings.append(Diagnostic(
                    rule: description.id, file: implemented.programme.path, location: implemented.location,
                    message: unlisted.isEmpty
                        ? .coreCourseMissing(implemented.named(key), standard: implemented.named(implemented.key), programme: implemented.programmeName)
                        : .coreCourseNotListed(implemented.named(key), standard: implemented.named(implemented.key),
                                               programme: implemented.programmeName, courses: unlisted),
                    hint: unlisted.isEmpty ? .addCoreCourse(key) : .listCourse(unlisted)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func coreCourseMissing(_ course: Message.Argument, standard: Message.Argument, programme: Message.Argument) -> Message {
        Message("upstream-core-course.message", ["course": course, "standard": standard, "programme": programme])
    }

    fileprivate static func coreCourseNotListed(_ course: Message.Argument, standard: Message.Argument, programme: Message.Argument,
                                                courses: [String]) -> Message {
        Message("upstream-core-course.not-listed", ["course": course, "standard": standard, "programme": programme, "courses": .list(courses, .and)])
    }

    fileprivate static func addCoreCourse(_ key: String) -> Message {
        Message("upstream-core-course.hint", ["key": .verbatim(key)])
    }

    fileprivate static func listCourse(_ courses: [String]) -> Message {
        Message("upstream-core-course.not-listed.hint", ["courses": .list(courses, .and)])
    }
}
