import StdKitModel
import StdKitSyntax

/// A programme's course table as the arithmetic rules read it: each entry of `courses` with its
/// numbers and where they are written, and the sums.
struct ProgrammeTable {
    struct Entry {
        var id: String?
        var node: YAMLNode
        var category: String?
        var theory: Int?
        var practice: Int?
        var credits: Double?
        var total: Int? { theory.flatMap { theory in practice.map { theory + $0 } } }
    }

    var programme: Document
    var entries: [Entry]
    /// Where `courses` is written.
    var location: SourceLocation

    init?(_ programme: Document) {
        guard let courses = programme.frontMatter?["courses"], let list = courses.sequence else { return nil }
        self.programme = programme
        self.location = programme.frontMatter?.pair("courses")?.key.location ?? programme.location(ofField: "courses")
        entries = list.map { node in
            Entry(id: node["id"]?.scalar, node: node, category: node["category"]?.scalar,
                  theory: ProgrammeTable.int(node["hours"]?["theory"]), practice: ProgrammeTable.int(node["hours"]?["practice"]),
                  credits: ProgrammeTable.number(node["credits"]))
        }
    }

    /// Whether every entry states its hours, so that sums and shares mean something.
    var isComplete: Bool { entries.allSatisfy { $0.total != nil } }
    var totalHours: Int { entries.compactMap(\.total).reduce(0, +) }
    var practiceHours: Int { entries.compactMap(\.practice).reduce(0, +) }
    var totalCredits: Double { entries.compactMap(\.credits).reduce(0, +) }

    func hours(inCategory category: String) -> Int {
        entries.filter { $0.category == category }.compactMap(\.total).reduce(0, +)
    }

    static func int(_ node: YAMLNode?) -> Int? { node?.scalar.flatMap { Int($0) } }
    static func number(_ node: YAMLNode?) -> Double? { node?.scalar.flatMap { Double($0) } }

    /// Every programme of the project with a course table.
    static func all(in context: CheckContext) -> [ProgrammeTable] {
        context.documents(ofKind: "programme").compactMap(ProgrammeTable.init)
    }
}

/// Numbers as a curriculum team writes them: `2,568`, `48.2 %`, `4.5`.
enum Figures {
    static func hours(_ value: Int) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return result
    }

    static func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths)) %" : "\(tenths) %"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : "\((value * 100).rounded() / 100)"
    }
}
