import Foundation
import StdKitModel
import StdKitSyntax

/// What the timetable rules (`weekly-load`, `prerequisite-semester`, `practice-weeks`,
/// `internship-placement`) read from a programme's course table: each entry's semesters, its
/// weeks of concentrated practice and its hours as an elective group counts them — all from
/// `CourseTable`, the model's one owner of a programme's numbers.
struct Timetable {
    struct Entry {
        var entry: CourseTable.Entry
        /// The semesters the entry runs in (`semester: 3` or `semester: [1, 2]`), sorted; empty
        /// when it states none.
        var semesters: [Int]
        /// Its hours as they count toward the timetable: in full, or, for a course of an
        /// elective group, in the proportion the group's required credits bear to the credits
        /// of all its courses (`CourseTable.weight(of:)`, docs/format.md); nil when the entry
        /// states no hours.
        var countedHours: Double?

        var id: String? { entry.id }
        var node: YAMLNode { entry.node }
        /// Weeks of concentrated practice (`weeks`), when stated.
        var weeks: Int? { entry.weeks }
        /// The first semester it runs in.
        var start: Int? { semesters.first }
    }

    var table: CourseTable
    var entries: [Entry]

    init(_ table: CourseTable) {
        self.table = table
        entries = table.entries.map { entry in
            Entry(entry: entry, semesters: Array(Set(entry.semesters)).sorted(),
                  countedHours: entry.total.map { Double($0) * table.weight(of: entry) })
        }
    }

    /// The semesters written in a `semester` value (a course's own front matter).
    static func semesters(_ node: YAMLNode?) -> [Int] {
        guard let node else { return [] }
        let values = node.sequence.map { $0.compactMap { $0.scalar.flatMap { Int($0) } } } ?? node.scalar.flatMap { Int($0) }.map { [$0] } ?? []
        return Array(Set(values)).sorted()
    }

    /// Every programme of the project with a course table, as a timetable.
    static func all(in context: CheckContext) -> [Timetable] {
        ProgrammeTable.all(in: context).map(Timetable.init)
    }

    /// The timetables of the programmes whose findings are wanted (`CheckContext.focus`).
    static func focused(in context: CheckContext) -> [Timetable] {
        ProgrammeTable.focused(in: context).map(Timetable.init)
    }

    /// The hours one week of concentrated practice counts: the project's
    /// `practice_hours_per_week` in `stdkit.yml` (DESIGN §13.1), 24 when it says nothing.
    static func practiceHoursPerWeek(of project: Project) -> Double {
        Double(project.config.practiceHoursPerWeek)
    }
}
