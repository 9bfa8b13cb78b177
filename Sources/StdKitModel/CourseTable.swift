import StdKitSyntax

/// A programme's course table: each entry of `courses` with its numbers and where they are
/// written, its elective groups, and the sums. The arithmetic rules and the published charts
/// read it.
///
/// Sums are *counted* sums (DESIGN §13.2): a student takes only `choose_credits` credits of an
/// elective group, not every course it offers, so a group counts `choose_credits` credits and
/// its hours in proportion — Σ hours × choose_credits ÷ Σ credits, rounded to the nearest whole
/// hour, practice scaled alike and theory the rest. Entries without a group count in full.
public struct CourseTable: Sendable {
    public struct Entry: Sendable {
        public var id: String?
        public var node: YAMLNode
        public var category: String?
        public var theory: Int?
        public var practice: Int?
        public var credits: Double?
        /// The elective group the entry belongs to (`group`).
        public var group: String?
        /// Weeks of concentrated practice (`weeks`).
        public var weeks: Int?
        public var total: Int? { theory.flatMap { theory in practice.map { theory + $0 } } }

        /// The semesters the entry runs in: one number or a list (`semester`).
        public var semesters: [Int] {
            guard let node = node["semester"] else { return [] }
            if let list = node.sequence { return list.compactMap { $0.scalar.flatMap { Int($0) } } }
            return node.scalar.flatMap { Int($0) }.map { [$0] } ?? []
        }
    }

    /// An elective group (`elective_groups`): students choose `chooseCredits` credits of its courses.
    public struct ElectiveGroup: Sendable {
        public var id: String
        public var title: String?
        public var chooseCredits: Double?
        public var node: YAMLNode
    }

    /// Theory and practice hours, as counted.
    public struct Hours: Sendable, Hashable {
        public var theory: Int
        public var practice: Int
        public var total: Int { theory + practice }

        public init(theory: Int, practice: Int) {
            self.theory = theory
            self.practice = practice
        }
    }

    public var programme: Document
    public var entries: [Entry]
    public var groups: [ElectiveGroup]
    /// Where `courses` is written.
    public var location: SourceLocation

    public init?(_ programme: Document) {
        guard let courses = programme.frontMatter?["courses"], let list = courses.sequence else { return nil }
        self.programme = programme
        self.location = programme.frontMatter?.pair("courses")?.key.location ?? programme.location(ofField: "courses")
        entries = list.map { node in
            Entry(id: node["id"]?.scalar, node: node, category: node["category"]?.scalar,
                  theory: CourseTable.int(node["hours"]?["theory"]), practice: CourseTable.int(node["hours"]?["practice"]),
                  credits: CourseTable.number(node["credits"]), group: node["group"]?.scalar, weeks: CourseTable.int(node["weeks"]))
        }
        groups = (programme.frontMatter?["elective_groups"]?.sequence ?? []).compactMap { node in
            guard let id = node["id"]?.scalar, !node.isNull else { return nil }
            return ElectiveGroup(id: id, title: node["title"]?.scalar, chooseCredits: CourseTable.number(node["choose_credits"]), node: node)
        }
    }

    /// Whether every entry states its hours, so that sums and shares mean something.
    public var isComplete: Bool { entries.allSatisfy { $0.total != nil } }

    /// The entries of group `id`.
    public func entries(inGroup id: String) -> [Entry] {
        entries.filter { $0.group == id }
    }

    /// The credits the courses of group `id` offer together.
    public func offeredCredits(inGroup id: String) -> Double {
        entries(inGroup: id).compactMap(\.credits).reduce(0, +)
    }

    /// The part of its courses' hours and credits a group counts: `choose_credits` ÷ the credits
    /// offered, at most 1 (a group cannot count hours no course of it offers; `elective-group`
    /// reports one that asks for more). A group whose required or offered credits are unknown
    /// counts in full, as it did before groups were declared.
    public func ratio(ofGroup id: String) -> Double {
        guard let group = groups.first(where: { $0.id == id }), let choose = group.chooseCredits else { return 1 }
        let members = entries(inGroup: id)
        guard !members.isEmpty, members.allSatisfy({ $0.credits != nil }) else { return 1 }
        let offered = offeredCredits(inGroup: id)
        guard offered > 0 else { return 1 }
        return min(choose, offered) / offered
    }

    /// The declared group of `entry`, if it names one.
    private func declaredGroup(of entry: Entry) -> String? {
        guard let group = entry.group, groups.contains(where: { $0.id == group }) else { return nil }
        return group
    }

    /// The counted hours of the entries for which `include` holds: entries outside a declared
    /// group in full, each group's scaled by its ratio and rounded once for the group.
    public func countedHours(where include: (Entry) -> Bool) -> Hours {
        var theory = 0
        var practice = 0
        var grouped: [String: (total: Int, practice: Int)] = [:]
        for entry in entries where include(entry) {
            guard let total = entry.total, let entryPractice = entry.practice else { continue }
            if let group = declaredGroup(of: entry) {
                grouped[group, default: (0, 0)].total += total
                grouped[group, default: (0, 0)].practice += entryPractice
            } else {
                theory += total - entryPractice
                practice += entryPractice
            }
        }
        for (group, sums) in grouped {
            let ratio = ratio(ofGroup: group)
            let total = Int((Double(sums.total) * ratio).rounded())
            let scaledPractice = min(total, Int((Double(sums.practice) * ratio).rounded()))
            theory += total - scaledPractice
            practice += scaledPractice
        }
        return Hours(theory: theory, practice: practice)
    }

    /// The counted hours of the whole table.
    public var counted: Hours { countedHours { _ in true } }
    /// The counted total hours.
    public var totalHours: Int { counted.total }
    /// The counted practice hours.
    public var practiceHours: Int { counted.practice }

    /// The counted credits: entries outside a declared group in full, each group its
    /// `choose_credits` (at most what its courses offer).
    public var totalCredits: Double {
        var credits = entries.filter { declaredGroup(of: $0) == nil }.compactMap(\.credits).reduce(0, +)
        for group in groups {
            credits += offeredCredits(inGroup: group.id) * ratio(ofGroup: group.id)
        }
        return credits
    }

    /// The counted hours of one category.
    public func hours(inCategory category: String) -> Int {
        countedHours(inCategory: category).total
    }

    /// The counted theory and practice hours of one category. When a group mixes categories,
    /// each category's part is rounded on its own, so the categories may sum one hour off the total.
    public func countedHours(inCategory category: String) -> Hours {
        countedHours { $0.category == category }
    }

    /// The counted hours of several categories together (the elective share counts public and
    /// professional electives).
    public func hours(inCategories categories: Set<String>) -> Int {
        countedHours { $0.category.map(categories.contains) ?? false }.total
    }

    /// The part of an entry's hours that counts (its group's ratio; 1 outside a group), for
    /// spreading counted hours over semesters.
    public func weight(of entry: Entry) -> Double {
        declaredGroup(of: entry).map(ratio(ofGroup:)) ?? 1
    }

    public static func int(_ node: YAMLNode?) -> Int? { node?.scalar.flatMap { Int($0) } }
    public static func number(_ node: YAMLNode?) -> Double? { node?.scalar.flatMap { Double($0) } }

}
