import StdKitModel
import StdKitSyntax

/// A course the profile requires of every programme (思想道德与法治, 体育, 军事理论, 职业发展与就业指导 …)
/// is missing from a programme's course table, or has fewer hours or other credits than the
/// document requiring it says. The list, each entry with its document, is the profile's
/// `required_courses` (`RequiredCourse`).
struct RequiredCourses: Rule {
    /// The examples' own list, so that they stay small: a project may replace the profile's.
    private static let settings = """
        profile_settings:
          required_courses:
            - {name: 职业发展与就业指导, match: [就业指导], min_hours: 38, source: 教高厅〔2007〕7号}
            - {name: 劳动教育, match: [劳动教育], min_hours: 16, source: 《大中小学劳动教育指导纲要（试行）》}
            - {name: 形势与政策, match: [形势与政策], per_semester_min_hours: 8, min_credits: 1, max_credits: 2, source: 教社科〔2018〕1号}

        """

    private static func example(_ courses: [String], titles: [String: String]) -> RuleExample {
        var files = [
            "stdkit.yml": "profile: cn-vocational-higher\n" + settings,
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\n↓courses:\n" + courses.map { "  - \($0)\n" }.joined() + "---\n",
        ]
        for (id, title) in titles {
            files["\(id).md"] = "---\nid: \(id)\nkind: course\ntitle: \(title)\n---\n"
        }
        return RuleExample(files)
    }

    let description = RuleDescription(
        id: "required-course", family: .arithmetic,
        passing: [example([
            "{id: C1, category: public-basic, hours: {theory: 20, practice: 18}, credits: 2}",
            "{id: C2, category: public-basic, hours: {theory: 4, practice: 12}, credits: 1}",
            "{id: C3, category: public-basic, semester: [1, 2], hours: {theory: 16, practice: 0}, credits: 1}",
        ], titles: ["C1": "职业发展与就业指导", "C2": "劳动教育", "C3": "形势与政策"])],
        failing: [example([
            "{id: C1, category: public-basic, hours: ↓{theory: 16, practice: 16}, credits: 2}",
            "{id: C3, category: public-basic, semester: [1, 2, 3, 4], hours: ↓{theory: 16, practice: 0}, credits: ↓3}",
        ], titles: ["C1": "职业发展与就业指导", "C3": "形势与政策"])])

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let profile = context.project.profile, !profile.requiredCourses.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        for table in ProgrammeTable.focused(in: context) {
            let file = table.programme.path
            for required in profile.requiredCourses {
                let entries = table.entries.filter { Self.entry($0, is: required, in: context) }
                guard let first = entries.first else {
                    findings.append(Diagnostic(
                        rule: description.id, file: file, location: table.location,
                        message: .missing(required), hint: .addCourse(required)))
                    continue
                }
                let ids = entries.map { $0.id ?? "" }
                // A course taught in parts (体育一、体育二) meets its minimum together.
                if let minimum = required.minHours, entries.allSatisfy({ $0.total != nil }) {
                    let hours = entries.compactMap(\.total).reduce(0, +)
                    if hours < minimum {
                        findings.append(Diagnostic(
                            rule: description.id, file: file, location: first.node["hours"]?.location ?? first.node.location,
                            message: .tooFewHours(ids, hours: hours, required: required, minimum: minimum), hint: .raiseHours(minimum)))
                    }
                }
                if let perSemester = required.perSemesterMinHours {
                    for entry in entries {
                        guard let total = entry.total else { continue }
                        let semesters = max(entry.semesters.count, 1)
                        let each = Double(total) / Double(semesters)
                        guard each < Double(perSemester) - 0.001 else { continue }
                        findings.append(Diagnostic(
                            rule: description.id, file: file, location: entry.node["hours"]?.location ?? entry.node.location,
                            message: .tooFewHoursASemester(entry.id ?? "", each: each, semesters: semesters, required: required,
                                                           minimum: perSemester),
                            hint: .raiseHours(perSemester * semesters)))
                    }
                }
                if entries.allSatisfy({ $0.credits != nil }), let expected = Self.creditsRule(required) {
                    let credits = entries.compactMap(\.credits).reduce(0, +)
                    if credits < expected.low - 0.001 || credits > expected.high + 0.001 {
                        findings.append(Diagnostic(
                            rule: description.id, file: file, location: first.node["credits"]?.location ?? first.node.location,
                            message: .wrongCredits(ids, credits: credits, required: required, expected: expected.words),
                            hint: .setCredits(expected.words)))
                    }
                }
            }
        }
        return findings
    }

    /// Whether `entry` names a course that is `required`: by the course document's title or tags.
    static func entry(_ entry: CourseTable.Entry, is required: RequiredCourse, in context: CheckContext) -> Bool {
        guard let id = entry.id, let course = context.project.document(id), course.kind == "course" else { return false }
        let tags = course.frontMatter?["tags"]?.sequence?.compactMap(\.scalar) ?? []
        return required.matches(title: course.title, tags: tags)
    }

    /// The credits `required` allows, as a range and in words.
    static func creditsRule(_ required: RequiredCourse) -> (low: Double, high: Double, words: Message)? {
        if let exact = required.credits { return (exact, exact, .exactly(exact)) }
        switch (required.minCredits, required.maxCredits) {
        case let (low?, high?): return (low, high, .between(low, high))
        case let (low?, nil): return (low, .infinity, .atLeast(low))
        case let (nil, high?): return (0, high, .atMost(high))
        case (nil, nil): return nil
        }
    }
}

extension Message {
    fileprivate static func missing(_ required: RequiredCourse) -> Message {
        Message("required-course.missing", ["name": .verbatim(required.name), "source": .verbatim(required.source)])
    }

    fileprivate static func addCourse(_ required: RequiredCourse) -> Message {
        Message("required-course.missing.hint", ["name": .verbatim(required.name), "patterns": .list(required.match, .or)])
    }

    fileprivate static func tooFewHours(_ ids: [String], hours: Int, required: RequiredCourse, minimum: Int) -> Message {
        Message("required-course.hours", [
            "courses": .list(ids, .and), "hours": .number(hours), "name": .verbatim(required.name),
            "source": .verbatim(required.source), "minimum": .number(minimum),
        ])
    }

    fileprivate static func raiseHours(_ minimum: Int) -> Message {
        Message("required-course.hours.hint", ["minimum": .number(minimum)])
    }

    fileprivate static func tooFewHoursASemester(_ id: String, each: Double, semesters: Int, required: RequiredCourse, minimum: Int) -> Message {
        Message("required-course.per-semester", [
            "course": .verbatim(id), "hours": .verbatim(Figures.number(each)), "semesters": .number(semesters),
            "name": .verbatim(required.name), "source": .verbatim(required.source), "minimum": .number(minimum),
        ])
    }

    fileprivate static func wrongCredits(_ ids: [String], credits: Double, required: RequiredCourse, expected: Message) -> Message {
        Message("required-course.credits", [
            "courses": .list(ids, .and), "credits": .verbatim(Figures.number(credits)), "name": .verbatim(required.name),
            "source": .verbatim(required.source), "expected": .message(expected),
        ])
    }

    fileprivate static func setCredits(_ expected: Message) -> Message {
        Message("required-course.credits.hint", ["expected": .message(expected)])
    }

    fileprivate static func exactly(_ credits: Double) -> Message {
        Message("required-course.credits.exactly", ["credits": .verbatim(Figures.number(credits))])
    }

    fileprivate static func between(_ low: Double, _ high: Double) -> Message {
        Message("required-course.credits.between", ["low": .verbatim(Figures.number(low)), "high": .verbatim(Figures.number(high))])
    }

    fileprivate static func atLeast(_ credits: Double) -> Message {
        Message("required-course.credits.at-least", ["credits": .verbatim(Figures.number(credits))])
    }

    fileprivate static func atMost(_ credits: Double) -> Message {
        Message("required-course.credits.at-most", ["credits": .verbatim(Figures.number(credits))])
    }
}
