import Foundation
import StdKitSyntax

/// A rule profile: the thresholds of the programme arithmetic rules for one kind of
/// programme (`cn-vocational-higher`, `cn-vocational-secondary`), and the lists a reviewer
/// checks against (`Profile+Review.swift`). Shipped as data files in `Resources/profiles/`; a
/// file may name a base profile (`extends:`) whose settings it starts from. A project
/// overrides any setting under `profile_settings` in `stdkit.yml`.
public struct Profile: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The years `minTotalHours` is stated for; other durations scale it.
    public var referenceDuration: Int = 3
    public var minTotalHours: Int?
    public var minPracticeShare: Double?
    public var minPublicBasicShare: Double?
    public var maxPublicBasicShare: Double?
    public var minElectiveShare: Double?
    public var minCoreCourses: Int?
    public var maxCoreCourses: Int?
    public var minHoursPerCredit: Double?
    public var maxHoursPerCredit: Double?
    /// Course categories counted by weeks, not by 16–18 hours a credit.
    public var hoursPerCreditExempt: [String] = []
    /// The courses every programme must offer, each with the document requiring it.
    public var requiredCourses: [RequiredCourse] = []

    // Cooperation (DESIGN §13.4, issue 21).
    /// The enterprise's least share of an apprenticeship's scheduled weeks — a convention of
    /// the apprenticeship pilots, so its rule warns.
    public var minEnterpriseShare: Double?
    // The reviewer's sections and codes (issue 21, DESIGN §13.4): lists, not thresholds
    // (`Profile+Review.swift` reads them).
    /// The sections a programme must have, in order; nil keeps the programme schema's.
    public var programmeSections: [KindSchema.SectionSpec]?
    /// 专业大类 codes (two digits) → names, e.g. `46` → 装备制造大类.
    public var majorCategories: [String: String] = [:]
    /// 专业类 codes (four digits) → names, for the 大类 whose every 类 is listed.
    public var majorClasses: [String: String] = [:]
    /// GB/T 4754 门类 letters → the 大类 numbers they hold, e.g. `C` → 13…43.
    public var industryDivisions: [String: ClosedRange<Int>] = [:]
    // The timetable (DESIGN §13.4): a profile file that says nothing keeps these defaults.
    /// Teaching weeks of a semester, over which its hours are spread for the weekly load.
    public var teachingWeeksPerSemester: Int = 18
    /// The most hours a week a semester's courses may take (a convention: warning).
    public var maxWeeklyHours: Double? = 28
    /// All weeks of a semester, which concentrated practice and the internship may fill.
    public var weeksPerSemester: Int = 20
    /// The shortest internship, in weeks (about six months).
    public var minInternshipWeeks: Int? = 24
    /// What a practice course's title matches when it is the internship (a regular expression).
    public var internshipMatch: String = "岗位实习|顶岗实习|跟岗实习|[Ii]nternship"

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }

    /// The names of the settings, as written in profile files and `profile_settings`.
    public static let settingNames = [
        "reference_duration", "min_total_hours", "min_practice_share", "min_public_basic_share",
        "max_public_basic_share", "min_elective_share", "min_core_courses", "max_core_courses",
        "min_hours_per_credit", "max_hours_per_credit", "hours_per_credit_exempt", "required_courses",
        "teaching_weeks_per_semester", "max_weekly_hours", "weeks_per_semester", "min_internship_weeks", "internship_match",
    ] + cooperationSettingNames + reviewListNames

    /// The settings of the cooperation rules (DESIGN §13.4).
    public static let cooperationSettingNames = ["min_enterprise_share"]

    /// Applies the settings of `node` (a mapping), reporting what is wrong in `file`.
    public mutating func apply(_ node: YAMLNode, file: String, rule: String, diagnostics: inout [Diagnostic]) {
        for pair in node.mapping ?? [] {
            guard let name = pair.key.scalar else { continue }
            let value = pair.value
            func problem(_ message: Message) {
                diagnostics.append(Diagnostic(rule: rule, file: file, location: value.location, message: message))
            }
            func number() -> Double? {
                guard let text = value.scalar, let number = Double(text), number >= 0 else {
                    problem(.notANumber(name, value))
                    return nil
                }
                return number
            }
            func whole() -> Int? {
                guard let text = value.scalar, let number = Int(text), number >= 0 else {
                    problem(.notAWholeNumber(name, value))
                    return nil
                }
                return number
            }
            func share() -> Double? {
                guard let number = number() else { return nil }
                guard number <= 1 else {
                    problem(.notAShare(name, value.scalar ?? ""))
                    return nil
                }
                return number
            }
            switch name {
            case "reference_duration": if let v = whole(), v > 0 { referenceDuration = v }
            case "min_total_hours": minTotalHours = whole() ?? minTotalHours
            case "min_practice_share": minPracticeShare = share() ?? minPracticeShare
            case "min_public_basic_share": minPublicBasicShare = share() ?? minPublicBasicShare
            case "max_public_basic_share": maxPublicBasicShare = share() ?? maxPublicBasicShare
            case "min_elective_share": minElectiveShare = share() ?? minElectiveShare
            case "min_core_courses": minCoreCourses = whole() ?? minCoreCourses
            case "max_core_courses": maxCoreCourses = whole() ?? maxCoreCourses
            case "min_hours_per_credit": minHoursPerCredit = number() ?? minHoursPerCredit
            case "max_hours_per_credit": maxHoursPerCredit = number() ?? maxHoursPerCredit
            case "min_enterprise_share": minEnterpriseShare = share() ?? minEnterpriseShare
            case "hours_per_credit_exempt":
                if let list = value.sequence?.compactMap(\.scalar) { hoursPerCreditExempt = list } else { problem(.notCategories(name)) }
            case let list where Self.reviewListNames.contains(list):
                if let message = applyReviewList(list, value) { problem(message) }
            case "required_courses":
                // A project's list replaces the profile's whole: a school that must add or drop
                // a course writes the list it follows.
                requiredCourses = RequiredCourse.list(value, file: file, rule: rule, diagnostics: &diagnostics)
            case "teaching_weeks_per_semester": if let v = whole(), v > 0 { teachingWeeksPerSemester = v }
            case "max_weekly_hours": maxWeeklyHours = number() ?? maxWeeklyHours
            case "weeks_per_semester": if let v = whole(), v > 0 { weeksPerSemester = v }
            case "min_internship_weeks": minInternshipWeeks = whole() ?? minInternshipWeeks
            case "internship_match":
                // Checked here, so that a pattern that cannot be read is reported where it is
                // written rather than silently matching nothing.
                if let text = value.scalar, !value.isNull, (try? Regex(text)) != nil { internshipMatch = text } else { problem(.notAPattern(name, value)) }
            default:
                let suggestion = Self.settingNames.min { Self.distance(name, $0) < Self.distance(name, $1) }
                diagnostics.append(Diagnostic(
                    rule: rule, file: file, location: pair.key.location,
                    message: .unknownSetting(name, suggestion: suggestion), hint: .settings(Self.settingNames)))
            }
        }
    }

    /// A rough distance for suggestions: shared prefix length, negated.
    private static func distance(_ a: String, _ b: String) -> Int {
        -zip(a, b).prefix(while: { $0 == $1 }).count
    }

    /// The shipped profiles by id.
    public static func builtIn() -> [String: Profile] {
        builtInWithDiagnostics().profiles
    }

    /// The shipped profiles by id, with what is wrong in their files (nothing: a test reads them).
    public static func builtInWithDiagnostics() -> (profiles: [String: Profile], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let folder = Bundle.module.url(forResource: "profiles", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return ([:], []) }
        var roots: [String: (file: String, root: YAMLNode)] = [:]
        for name in names.sorted() where name.hasSuffix(".yml") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let root = YAMLReader.read(String(decoding: data, as: UTF8.self), file: name).root,
                  let id = root["profile"]?.scalar else { continue }
            roots[id] = (name, root)
        }
        // A variant (`extends: cn-vocational-higher`) starts from its base's settings, so that
        // an edition differing in a list or two does not copy every threshold.
        func settings(of id: String, depth: Int = 0) -> [(file: String, node: YAMLNode)] {
            guard let entry = roots[id], depth < 8 else { return [] }
            var all: [(file: String, node: YAMLNode)] = []
            if let base = entry.root["extends"]?.scalar { all = settings(of: base, depth: depth + 1) }
            if let own = entry.root["settings"] { all.append((file: entry.file, node: own)) }
            return all
        }
        var profiles: [String: Profile] = [:]
        for (id, entry) in roots.sorted(by: { $0.key < $1.key }) {
            var profile = Profile(id: id, title: entry.root["title"]?.scalar ?? id)
            let all = settings(of: id)
            for (index, (file, node)) in all.enumerated() {
                // A base's problems are reported once, with the base itself.
                var ignored: [Diagnostic] = []
                if index == all.count - 1, file == entry.file {
                    profile.apply(node, file: file, rule: "schema-invalid", diagnostics: &diagnostics)
                } else {
                    profile.apply(node, file: file, rule: "schema-invalid", diagnostics: &ignored)
                }
            }
            profiles[id] = profile
        }
        return (profiles, diagnostics)
    }
}

extension Message {
    fileprivate static func notANumber(_ name: String, _ value: YAMLNode) -> Message {
        Message("profile.not-number", ["name": .verbatim(name), "value": Message.value(of: value)])
    }

    fileprivate static func notAWholeNumber(_ name: String, _ value: YAMLNode) -> Message {
        Message("profile.not-whole-number", ["name": .verbatim(name), "value": Message.value(of: value)])
    }

    fileprivate static func notAShare(_ name: String, _ value: String) -> Message {
        Message("profile.not-share", ["name": .verbatim(name), "value": .verbatim(value)])
    }

    fileprivate static func notAPattern(_ name: String, _ value: YAMLNode) -> Message {
        Message("profile.not-pattern", ["name": .verbatim(name), "value": Message.value(of: value)])
    }

    fileprivate static func notCategories(_ name: String) -> Message {
        Message("profile.not-categories", ["name": .verbatim(name)])
    }

    fileprivate static func unknownSetting(_ name: String, suggestion: String?) -> Message {
        Message("profile.unknown-setting", ["name": .verbatim(name), "suggestion": didYouMean(suggestion)])
    }

    fileprivate static func settings(_ names: [String]) -> Message {
        Message("profile.unknown-setting.hint", ["settings": .list(names, .and)])
    }
}
