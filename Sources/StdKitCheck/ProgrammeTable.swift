import StdKitModel
import StdKitSyntax

/// The arithmetic rules read programmes through the model's course table.
typealias ProgrammeTable = CourseTable

extension CourseTable {
    /// Every programme of the project with a course table.
    static func all(in context: CheckContext) -> [CourseTable] {
        context.documents(ofKind: "programme").compactMap(CourseTable.init)
    }

    /// The tables of the programmes whose findings are wanted (`CheckContext.focus`), for the
    /// rules that report in the programme only.
    static func focused(in context: CheckContext) -> [CourseTable] {
        context.documents(ofKind: "programme").filter { context.wants($0.path) }.compactMap(CourseTable.init)
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
