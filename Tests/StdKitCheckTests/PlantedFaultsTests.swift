import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// A copy of the flagship with one fault of each rule family planted: the check must report
/// exactly those faults, at their places, and nothing else.
@Suite("Planted faults in a copy of the flagship")
struct PlantedFaultsTests {
    struct Found: Hashable, CustomStringConvertible {
        var rule: String
        var file: String
        var line: Int
        var column: Int
        var description: String { "\(file):\(line):\(column) [\(rule)]" }
    }

    /// A copy of `standards/` in a temporary folder.
    static func copy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-planted-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FlagshipStandardTests.repository.appendingPathComponent("standards"), to: folder)
        return folder
    }

    /// Replaces the only occurrence of `old` in `file` by `new`, and returns where `marker`
    /// (a part of `new`) ends up: line and character column.
    static func plant(_ root: URL, _ file: String, replacing old: String, with new: String, marker: String) throws -> (Int, Int) {
        let url = root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "'\(old)' must occur once in \(file)")
        let changed = text.replacingOccurrences(of: old, with: new)
        try changed.write(to: url, atomically: true, encoding: .utf8)
        let anchor = try #require(changed.range(of: new))
        let markerRange = try #require(changed[anchor.lowerBound...].range(of: marker))
        let before = changed[..<markerRange.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { changed.index(after: $0) } ?? changed.startIndex
        return (line, changed[lineStart..<markerRange.lowerBound].unicodeScalars.count + 1)
    }

    @Test func exactlyThePlantedFaults() async throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root) }
        var expected: Set<Found> = []
        func plant(_ rule: String, _ file: String, _ old: String, _ new: String, at marker: String) throws {
            let (line, column) = try Self.plant(root, file, replacing: old, with: new, marker: marker)
            expected.insert(Found(rule: rule, file: file, line: line, column: column))
        }
        // syntax: attributes with a stray word
        try plant("malformed-attribute", "courses/professional-elective/welding-robot.md",
                  "→ JOB-WELD-ROBOT#R1 {level=3}", "→ JOB-WELD-ROBOT#R1 {level=3 hours=4 h}", at: "h}")
        // schema: a status that is not one of the values
        try plant("invalid-value", "courses/professional-core/machine-vision.md", "status: review\n", "status: reviewed\n", at: "reviewed")
        // identity: a requirement number used twice
        try plant("duplicate-item-id", "jobs/robot-system-operator.md",
                  "生产数据记录。 {level=2}\n", "生产数据记录。 {level=2}\n- **R7** 能在交接班时说明设备异常。 {level=2}\n", at: "R7** 能在交接班")
        // references: a requirement that does not exist (R4 stays covered by another course)
        try plant("unresolved-reference", "courses/professional-elective/welding-robot.md",
                  "导电嘴 → JOB-WELD-ROBOT#R4", "导电嘴 → JOB-WELD-ROBOT#R14", at: "JOB-WELD-ROBOT#R14")
        // coverage: a new requirement no course covers yet
        try plant("uncovered-requirement", "jobs/robot-system-maintainer.md",
                  "安全与使用交底。 {level=2}\n", "安全与使用交底。 {level=2}\n- **R8** 能使用制造执行系统查询设备停机记录。 {level=2}\n", at: "R8**")
        // structure: a link to a job profile under a wrong name
        try plant("broken-link", "programme/robot-technology-460305.md",
                  "[工业机器人系统操作员](../jobs/robot-system-operator.md)", "[工业机器人系统操作员](../jobs/robot-operator.md)", at: "[工业机器人系统操作员]")
        // arithmetic: a declared total that no longer matches the table
        try plant("total-hours-mismatch", "programme/robot-technology-460305.md", "total_hours: 2568", "total_hours: 2600", at: "2600")

        let project = try await ProjectLoader.load(root: root)
        let found = Set(Checker().check(project).diagnostics.map {
            Found(rule: $0.rule, file: $0.file, line: $0.location.line, column: $0.location.column)
        })
        #expect(found == expected, "missing: \(expected.subtracting(found).sorted { $0.description < $1.description }), unexpected: \(found.subtracting(expected).sorted { $0.description < $1.description })")
        #expect(Set(expected.map(\.rule)).count == 7)

        // Rules run on both cores: the findings are those of a serial run, every time.
        let serial = Checker(concurrent: false).check(project).diagnostics
        for _ in 0..<5 { #expect(Checker().check(project).diagnostics == serial) }
    }

    /// The same on every broken fixture, whose findings come from many rules at once.
    @Test func concurrentRulesFindWhatASerialRunFinds() async throws {
        let fixtures = FlagshipStandardTests.repository.appendingPathComponent("Tests/StdKitCheckTests/Fixtures")
        let folders = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
        var total = 0
        for folder in folders {
            let project = try await ProjectLoader.load(root: fixtures.appendingPathComponent(folder))
            let serial = Checker(concurrent: false).check(project).diagnostics
            total += serial.count
            for _ in 0..<3 { #expect(Checker().check(project).diagnostics == serial, "\(folder)") }
        }
        #expect(total > folders.count, "the fixtures have findings to compare")
    }
}
