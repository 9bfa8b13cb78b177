import Foundation
import Testing
@testable import StdKitCLI

@Suite("stdkit trace")
struct TraceCommandTests {
    /// A project with one gap: R2 is covered by no outcome.
    static func project() throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        let files = [
            "stdkit.yml": "rules: {missing-section: off}\n",
            "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\n---\n\n- **R1** 能完成开机。 {level=3}\n- **R2** 能调试焊接轨迹。 {level=4}\n- **R3** 能更换导电嘴。\n",
            "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人基础\n---\n\n- **LO1** 会开机 → JOB-A#R1 {level=2}\n- **LO2** 会安全操作 → JOB-A#R1 {level=3}\n",
            "c2.md": "---\nid: C2\nkind: course\ntitle: 焊接工艺\n---\n\n- **LO1** 会换嘴 → JOB-A#R3\n",
        ]
        for (path, text) in files { try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func textListsGapsFirstAndLevelsInCells() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["trace"], in: folder)
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "traceability: 3 requirements and specifications, 2 covered (66.7 %), 1 gap, 2 courses")
        #expect(lines[2] == "gaps (covered by no outcome):")
        #expect(lines[3] == "  JOB-A#R2  能调试焊接轨迹。")
        let r1 = try #require(lines.first { $0.hasPrefix("  R1") })
        #expect(r1.hasSuffix("3   -    2"), "C1's highest level is 3, C2 does not cover R1, two outcomes: \(r1)")
        let r3 = try #require(lines.first { $0.hasPrefix("  R3") })
        #expect(r3.hasSuffix("-   ●    1"))
        #expect(lines.contains("  C1   C1  机器人基础"))
    }

    @Test func csvJSONAndMarkdown() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = await CLIRun.run(["trace", "--format", "csv"], in: folder)
        #expect(csv.output.replacingOccurrences(of: "\r\n", with: "\n") == """
            document,item,kind,statement,level,outcomes,C1,C2
            JOB-A,R2,requirement,能调试焊接轨迹。,4,0,,
            JOB-A,R1,requirement,能完成开机。,3,2,3,
            JOB-A,R3,requirement,能更换导电嘴。,,1,,●

            """)
        #expect(csv.output.hasSuffix("\r\n") && !csv.output.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "records end with CRLF (RFC 4180)")
        let json = await CLIRun.run(["trace", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["gaps"] as? [String] == ["JOB-A#R2"])
        #expect(summary["covered"] as? Int == 2)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["fullId"] as? String } == ["JOB-A#R1", "JOB-A#R2", "JOB-A#R3"])
        #expect(rows[0]["cells"] as? [String: String] == ["C1": "3"])
        let markdown = await CLIRun.run(["trace", "--format", "markdown"], in: folder)
        #expect(markdown.output.contains("| R1 | 能完成开机。 | 3 |  | 2 |"))
        #expect(markdown.output.contains("## Gaps\n\n- **JOB-A#R2** 能调试焊接轨迹。"))
    }

    /// The requirements of an upstream job profile the programme names (`ns:JOB-…`, DESIGN
    /// §14.2) are rows after the project's own, covered by the project's outcomes.
    @Test func upstreamRequirementsTheProgrammeNamesAreRows() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "stdkit.yml": "rules: {missing-section: off}\nupstream:\n  - {id: ns, path: vendor/ns}\n",
            "vendor/ns/stdkit.yml": "name: 国家专业教学标准\n",
            "vendor/ns/job.md": "---\nid: JOB-NS\nkind: job-profile\ntitle: 工业机器人系统操作员\n---\n\n- **R1** 能完成开机与回原点。\n- **R2** 能完成日常点检。\n",
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\noccupations: [ns:JOB-NS]\n---\n",
            "c1.md": "---\nid: C1\nkind: course\ntitle: 机器人基础\n---\n\n- **LO1** 会开机 → ns:JOB-NS#R1 {level=2}\n",
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let text = await CLIRun.run(["trace"], in: folder)
        #expect(text.status == 0)
        let lines = text.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "traceability: 2 requirements and specifications, 1 covered (50 %), 1 gap, 1 courses")
        #expect(lines[3] == "  ns:JOB-NS#R2  能完成日常点检。")
        #expect(lines.contains("ns:JOB-NS  工业机器人系统操作员"))
        let csv = await CLIRun.run(["trace", "--format", "csv"], in: folder)
        #expect(csv.output.replacingOccurrences(of: "\r\n", with: "\n") == """
            document,item,kind,statement,level,outcomes,C1
            ns:JOB-NS,R2,requirement,能完成日常点检。,,0,
            ns:JOB-NS,R1,requirement,能完成开机与回原点。,,1,2

            """)
    }

    @Test func flagshipHasNoGaps() async {
        let run = await CLIRun.run(["trace", "standards"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("traceability: 37 requirements and specifications, 37 covered (100 %), 0 gaps, 41 courses\n"))
    }
}
