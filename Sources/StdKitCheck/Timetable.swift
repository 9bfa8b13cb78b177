import Foundation
import StdKitModel
import StdKitSyntax

/// What the timetable rules (`weekly-load`, `prerequisite-semester`, `practice-weeks`,
/// `internship-placement`) read from a programme's course table: each entry's semesters, its
/// weeks of concentrated practice and its hours as an elective group counts them.
///
/// Kept small and local on purpose: the counted hours of elective groups belong in
/// `CourseTable` (the model's one owner of a programme's numbers), where another change of
/// issue 21 puts them; when it lands, `countedHours` should read the table's counted hours
/// instead of computing its own share.
struct Timetable {
    struct Entry {
        var entry: CourseTable.Entry
        /// The semesters the entry runs in (`semester: 3` or `semester: [1, 2]`), sorted; empty
        /// when it states none.
        var semesters: [Int]
        /// Weeks of concentrated practice (`weeks`), when stated.
        var weeks: Int?
        /// Its hours as they count toward the timetable: in full, or, for a course of an
        /// elective group, in the proportion the group's required credits bear to the credits
        /// of all its courses (docs/format.md); nil when the entry states no hours.
        var countedHours: Double?

        var id: String? { entry.id }
        var node: YAMLNode { entry.node }
        /// The first semester it runs in.
        var start: Int? { semesters.first }
    }

    var table: CourseTable
    var entries: [Entry]

    init(_ table: CourseTable) {
        self.table = table
        let ratios = Self.groupRatios(table)
        entries = table.entries.map { entry in
            let ratio = entry.node["group"]?.scalar.flatMap { ratios[$0] } ?? 1
            return Entry(entry: entry, semesters: Self.semesters(entry.node["semester"]), weeks: CourseTable.int(entry.node["weeks"]),
                         countedHours: entry.total.map { Double($0) * ratio })
        }
    }

    /// The semesters written in a `semester` value.
    static func semesters(_ node: YAMLNode?) -> [Int] {
        guard let node else { return [] }
        let values = node.sequence.map { $0.compactMap { $0.scalar.flatMap { Int($0) } } } ?? node.scalar.flatMap { Int($0) }.map { [$0] } ?? []
        return Array(Set(values)).sorted()
    }

    /// For each declared elective group (`elective_groups: [{id, title, choose_credits}]`), the
    /// share of its courses' hours a student takes: its required credits over the credits of its
    /// courses. A group without required credits, or whose courses state none, counts in full.
    private static func groupRatios(_ table: CourseTable) -> [String: Double] {
        var ratios: [String: Double] = [:]
        for group in table.programme.frontMatter?["elective_groups"]?.sequence ?? [] {
            guard let id = group["id"]?.scalar, let choose = CourseTable.number(group["choose_credits"]) else { continue }
            let offered = table.entries.filter { $0.node["group"]?.scalar == id }.compactMap(\.credits).reduce(0, +)
            if offered > 0 { ratios[id] = min(1, choose / offered) }
        }
        return ratios
    }

    /// Every programme of the project with a course table, as a timetable.
    static func all(in context: CheckContext) -> [Timetable] {
        ProgrammeTable.all(in: context).map(Timetable.init)
    }

    /// The hours one week of concentrated practice counts: the project's
    /// `practice_hours_per_week` in `stdkit.yml` (DESIGN §13.1), 24 when it says nothing.
    ///
    /// `ProjectConfig` does not carry the key yet (another change of issue 21 adds it), so it is
    /// read here from the settings file of a project read from a folder; a project read from
    /// memory or git counts the default. When `ProjectConfig` has it, this should return
    /// `project.config.practiceHoursPerWeek` and nothing else.
    static func practiceHoursPerWeek(of project: Project) -> Double {
        let fallback = 24.0
        guard let root = project.root,
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(ProjectConfig.fileName).path),
              let text = YAMLReader.read(DecodedSource(bytes: [UInt8](data)).text, file: ProjectConfig.fileName).root?["practice_hours_per_week"]?.scalar,
              let value = Double(text), value > 0 else { return fallback }
        return value
    }
}
