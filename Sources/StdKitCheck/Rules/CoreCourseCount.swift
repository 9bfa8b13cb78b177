import StdKitModel
import StdKitSyntax

/// Fewer or more professional core courses than the profile allows.
struct CoreCourseCount: ProfileRule {
    let description = RuleDescription(
        id: "core-course-count", family: .arithmetic, scope: .document,
        passing: [ProfileExample.project(courses: (1...6).map { ProfileExample.course("C\($0)", "professional-core", theory: 16, practice: 48, credits: 4) })],
        failing: [ProfileExample.project(courses: (1...4).map { ProfileExample.course("C\($0)", "professional-core", theory: 16, practice: 48, credits: 4) })])

    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: Message, hint: Message)? {
        let count = table.entries.filter { $0.category == "professional-core" }.count
        if let minimum = profile.minCoreCourses, count < minimum {
            return (table.location, .tooFewCoreCourses(count, minimum: minimum), .markCoreCourses)
        }
        if let maximum = profile.maxCoreCourses, count > maximum {
            return (table.location, .tooManyCoreCourses(count, maximum: maximum), .keepCoreCourses(maximum))
        }
        return nil
    }
}

extension Message {
    fileprivate static func tooFewCoreCourses(_ count: Int, minimum: Int) -> Message {
        Message("core-course-count.too-few", ["count": .number(count), "minimum": .number(minimum)])
    }

    fileprivate static let markCoreCourses = Message("core-course-count.too-few.hint")

    fileprivate static func tooManyCoreCourses(_ count: Int, maximum: Int) -> Message {
        Message("core-course-count.too-many", ["count": .number(count), "maximum": .number(maximum)])
    }

    fileprivate static func keepCoreCourses(_ maximum: Int) -> Message {
        Message("core-course-count.too-many.hint", ["maximum": .number(maximum)])
    }
}
