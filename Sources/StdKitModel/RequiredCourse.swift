import StdKitSyntax

/// A course every programme of a profile must offer (a profile's `required_courses`, DESIGN
/// §13.4): 思想道德与法治, 体育 ≥ 108 学时, 军事理论 …, each with the document that requires it.
///
/// A programme's course entry is this course when the course document it names has a title
/// containing one of `match`, or a tag equal to one of them.
public struct RequiredCourse: Sendable, Hashable {
    /// The course's name as the documents call it (used in messages).
    public var name: String
    /// Title fragments or tags that identify the course.
    public var match: [String]
    public var minHours: Int?
    /// Exact credits, when the document fixes them.
    public var credits: Double?
    public var minCredits: Double?
    public var maxCredits: Double?
    /// Hours the course must have in each semester it runs (形势与政策: 8).
    public var perSemesterMinHours: Int?
    /// Whether the course is exempt from the hours-per-credit range (形势与政策 runs every
    /// semester for one or two credits; 军事技能 is counted in weeks).
    public var hoursPerCreditExempt = false
    /// The document that requires it, e.g. 《大学生职业发展与就业指导课程教学要求》（教高厅〔2007〕7号）.
    public var source: String

    public init(name: String, match: [String], source: String) {
        self.name = name
        self.match = match
        self.source = source
    }

    /// The fields a `required_courses` entry may carry.
    public static let fieldNames = [
        "name", "match", "min_hours", "credits", "min_credits", "max_credits", "per_semester_min_hours",
        "hours_per_credit_exempt", "source",
    ]

    /// Whether a course titled `title` with `tags` is this course.
    public func matches(title: String?, tags: [String]) -> Bool {
        match.contains { pattern in
            (title.map { $0.contains(pattern) } ?? false) || tags.contains(pattern)
        }
    }

    /// The entries of a `required_courses` list, with a finding (of `rule`, in `file`) for each
    /// entry that cannot be read; such an entry is left out.
    public static func list(_ node: YAMLNode, file: String, rule: String, diagnostics: inout [Diagnostic]) -> [RequiredCourse] {
        guard let elements = node.sequence else {
            diagnostics.append(Diagnostic(rule: rule, file: file, location: node.location, message: .requiredCoursesNotList))
            return []
        }
        var courses: [RequiredCourse] = []
        for element in elements {
            if let course = read(element, file: file, rule: rule, diagnostics: &diagnostics) { courses.append(course) }
        }
        return courses
    }

    private static func read(_ node: YAMLNode, file: String, rule: String, diagnostics: inout [Diagnostic]) -> RequiredCourse? {
        func problem(_ at: YAMLNode, _ message: Message) {
            diagnostics.append(Diagnostic(rule: rule, file: file, location: at.location, message: message, hint: .requiredCourseForm))
        }
        guard let pairs = node.mapping else {
            problem(node, .requiredCourseNotMapping)
            return nil
        }
        guard let name = node["name"]?.scalar, !name.isEmpty, node["name"]?.isNull == false else {
            problem(node, .requiredCourseField("name", of: nil))
            return nil
        }
        var patterns: [String] = []
        if let match = node["match"] {
            if let text = match.scalar, !match.isNull {
                patterns = [text]
            } else if let list = match.sequence, list.allSatisfy({ $0.scalar != nil && !$0.isNull }) {
                patterns = list.compactMap(\.scalar)
            } else {
                problem(match, .requiredCourseMatch(name))
                return nil
            }
        } else {
            patterns = [name]
        }
        guard let source = node["source"]?.scalar, !source.isEmpty, node["source"]?.isNull == false else {
            problem(node, .requiredCourseField("source", of: name))
            return nil
        }
        var course = RequiredCourse(name: name, match: patterns, source: source)
        var valid = true
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            let value = pair.value
            func number() -> Double? {
                guard let text = value.scalar, let number = Double(text), number >= 0 else {
                    problem(value, .requiredCourseNumber(key, of: name))
                    valid = false
                    return nil
                }
                return number
            }
            func whole() -> Int? {
                guard let text = value.scalar, let number = Int(text), number >= 0 else {
                    problem(value, .requiredCourseNumber(key, of: name))
                    valid = false
                    return nil
                }
                return number
            }
            switch key {
            case "name", "match", "source": break
            case "min_hours": course.minHours = whole()
            case "credits": course.credits = number()
            case "min_credits": course.minCredits = number()
            case "max_credits": course.maxCredits = number()
            case "per_semester_min_hours": course.perSemesterMinHours = whole()
            case "hours_per_credit_exempt":
                switch value.scalar {
                case "true": course.hoursPerCreditExempt = true
                case "false": course.hoursPerCreditExempt = false
                default:
                    problem(value, .requiredCourseBoolean(key, of: name))
                    valid = false
                }
            default:
                problem(pair.key, .requiredCourseUnknownField(key, of: name, suggestion: Suggestion.closest(to: key, among: fieldNames)))
                valid = false
            }
        }
        return valid ? course : nil
    }
}

extension Message {
    fileprivate static let requiredCoursesNotList = Message("profile.required-courses.not-list")
    fileprivate static let requiredCourseNotMapping = Message("profile.required-course.not-mapping")
    fileprivate static let requiredCourseForm = Message("profile.required-course.hint")

    fileprivate static func requiredCourseField(_ field: String, of name: String?) -> Message {
        name.map { Message("profile.required-course.missing", ["field": .verbatim(field), "name": .verbatim($0)]) }
            ?? Message("profile.required-course.missing-name")
    }

    fileprivate static func requiredCourseMatch(_ name: String) -> Message {
        Message("profile.required-course.match", ["name": .verbatim(name)])
    }

    fileprivate static func requiredCourseNumber(_ field: String, of name: String) -> Message {
        Message("profile.required-course.number", ["field": .verbatim(field), "name": .verbatim(name)])
    }

    fileprivate static func requiredCourseBoolean(_ field: String, of name: String) -> Message {
        Message("profile.required-course.boolean", ["field": .verbatim(field), "name": .verbatim(name)])
    }

    fileprivate static func requiredCourseUnknownField(_ field: String, of name: String, suggestion: String?) -> Message {
        Message("profile.required-course.unknown-field", [
            "field": .verbatim(field), "name": .verbatim(name), "suggestion": didYouMean(suggestion),
        ])
    }
}
