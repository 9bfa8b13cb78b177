import Foundation
import Testing
@testable import StdKitCLI

/// docs/editors.md's VS Code task: its problem matcher reads every finding of `stdkit check`.
@Suite("Editor integration as documented")
struct EditorDocsTests {
    @Test func theDocumentedProblemMatcherReadsEveryFinding() async throws {
        let page = try String(contentsOf: CLIRun.repository.appendingPathComponent("docs/editors.md"), encoding: .utf8)
        let start = try #require(page.range(of: "```json\n"))
        let end = try #require(page.range(of: "\n```", range: start.upperBound..<page.endIndex))
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        let task = try #require((tasks["tasks"] as? [[String: Any]])?.first)
        let command = try #require(task["command"] as? String)
        let pattern = try #require(((task["problemMatcher"] as? [String: Any])?["pattern"] as? [String: Any]))
        let regex = try NSRegularExpression(pattern: try #require(pattern["regexp"] as? String))

        let arguments = Array(command.split(separator: " ").dropFirst().map(String.init)) + [CLIRun.checkFixtures]
        let run = await CLIRun.run(arguments, outputIsTerminal: true)
        #expect(!run.output.contains("\u{1B}["), "the task's command turns colour off")
        let json = await CLIRun.run(["check", "--format", "json", CLIRun.checkFixtures])
        let diagnostics = try #require((try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])?["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count > 20)
        var matched: [(file: String, line: Int, column: Int, severity: String, rule: String)] = []
        for line in run.output.split(separator: "\n").map(String.init) {
            guard let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
            func group(_ key: String) -> String {
                guard let index = pattern[key] as? Int, let range = Range(match.range(at: index), in: line) else { return "" }
                return String(line[range])
            }
            guard !group("code").isEmpty else { continue }  // a related note: no rule of its own
            matched.append((group("file"), Int(group("line")) ?? 0, Int(group("column")) ?? 0, group("severity"), group("code")))
        }
        #expect(matched.count == diagnostics.count, "every finding is read, none twice")
        for (found, diagnostic) in zip(matched, diagnostics) {
            #expect(found.file.hasSuffix(diagnostic["file"] as? String ?? "?"))
            #expect(found.line == diagnostic["line"] as? Int && found.column == diagnostic["column"] as? Int)
            #expect(found.severity == diagnostic["severity"] as? String && found.rule == diagnostic["rule"] as? String)
        }
    }
}
