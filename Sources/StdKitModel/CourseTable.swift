import StdKitSyntax

/// A programme's course table: each entry of `courses` with its numbers and where they are
/// written, and the sums. The arithmetic rules and the published charts read it.
public struct CourseTable: Sendable {
    public struct Entry: Sendable {
        public var id: String?
        public var node: YAMLNode
        public var category: String?
        public var theory: Int?
        public var practice: Int?
        public var credits: Double?
        public var total: Int? { theory.flatMap { theory in practice.map { theory + $0 } } }
    }

    public var programme: Document
    public var entries: [Entry]
    /// Where `courses` is written.
    public var location: SourceLocation

    public init?(_ programme: Document) {
        guard let courses = programme.frontMatter?["courses"], let list = courses.sequence else { return nil }
        self.programme = programme
        self.location = programme.frontMatter?.pair("courses")?.key.location ?? programme.location(ofField: "courses")
        entries = list.map { node in
            Entry(id: node["id"]?.scalar, node: node, category: node["category"]?.scalar,
                  theory: CourseTable.int(node["hours"]?["theory"]), practice: CourseTable.int(node["hours"]?["practice"]),
                  credits: CourseTable.number(node["credits"]))
        }
    }

    /// Whether every entry states its hours, so that sums and shares mean something.
    public var isComplete: Bool { entries.allSatisfy { $0.total != nil } }
    public var totalHours: Int { entries.compactMap(\.total).reduce(0, +) }
    public var practiceHours: Int { entries.compactMap(\.practice).reduce(0, +) }
    public var totalCredits: Double { entries.compactMap(\.credits).reduce(0, +) }

    public func hours(inCategory category: String) -> Int {
        entries.filter { $0.category == category }.compactMap(\.total).reduce(0, +)
    }

    public static func int(_ node: YAMLNode?) -> Int? { node?.scalar.flatMap { Int($0) } }
    public static func number(_ node: YAMLNode?) -> Double? { node?.scalar.flatMap { Double($0) } }

}
