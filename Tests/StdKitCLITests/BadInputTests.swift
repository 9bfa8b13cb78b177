import Foundation
import Testing
@testable import StdKitCLI

/// Broken and hostile files in one project: each gets its diagnostic, none crashes or hangs the
/// check, and the same holds when the project is read from git.
@Suite("Bad input")
struct BadInputTests {
    static func project() throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }
        try write("stdkit.yml", "name: 坏输入\n")
        try write("binary.md", [0x89, 0x50, 0x4E, 0x47, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        try write("empty.md", "")
        try write("invalid-utf8.md", [UInt8]("# 标题\n\n第二行 ".utf8) + [0xC3, 0x28] + [UInt8]("\n".utf8))
        try write("front-matter-list.md", "---\n- a\n- b\n---\n# 列表\n")
        try write("front-matter-scalar.md", "---\n只是一个值\n---\n# 标量\n")
        try write("duplicate-key.md", "---\nid: A1\nkind: course\ntitle: 甲\ntitle: 乙\n---\n")
        try write("tabs.md", "---\nid: T1\n\tkind: course\n---\n")
        try write("long-line.md", "# 长行\n\n" + String(repeating: "字", count: 350_000) + "\n")
        try write("nested-lists.md", (0..<2_000).map { String(repeating: "  ", count: $0) + "- 项" }.joined(separator: "\n") + "\n")
        try write("nested-quotes.md", String(repeating: ">", count: 5_000) + " 深\n")
        try write("unterminated-fence.md", "# 代码\n\n```swift\nlet a = 1\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder.md"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("outside.md").path, withDestinationPath: "/etc/hostname")
        return folder
    }

    @Test func everyBadFileIsReportedAndNoneStopsTheCheck() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["check"], in: folder)
        #expect(run.status == 1, "errors, not a crash: \(run.errors)")
        let expected = [
            "binary.md:3:1: note: the file holds NUL bytes: it is binary, not Markdown text, and is skipped [binary-file]",
            "invalid-utf8.md:3:5: error: file is not valid UTF-8 [invalid-utf8]",
            "front-matter-list.md:2:1: error: front matter is a list, not a mapping of fields [front-matter-invalid]",
            "front-matter-scalar.md:2:1: error: front matter is a single value, not a mapping of fields [front-matter-invalid]",
            "duplicate-key.md:5:1: error: key 'title' is defined more than once (lines 4, 5) [duplicate-key]",
            "tabs.md:3:1: error: front matter is not valid YAML",
            "loop:1:1: warning: loop is a symbolic link; stdkit does not follow links",
            "outside.md:1:1: warning: outside.md is a symbolic link; stdkit does not follow links",
            "nested-lists.md:51:101: note: the Markdown here is nested more than 100 levels deep (each list, list item, quote and inline counts one); its text is kept, its formatting below that level is flattened [markdown-flattened]",
            "nested-quotes.md:1:100: note: the Markdown here is nested more than 100 levels deep",
        ]
        for line in expected { #expect(run.output.contains(line), "\(line)\n--- in ---\n\(run.output)") }
        for quiet in ["empty.md", "long-line.md", "unterminated-fence.md", "folder.md"] {
            #expect(!run.output.contains(quiet + ":"), "\(quiet) is read without a finding")
        }
        #expect(!run.output.contains("/etc/hostname") && !run.output.contains("outside.md:2"), "the link's target is never read")
        #expect(run.output.hasSuffix("checked 10 files: 5 errors, 2 warnings, 3 notes\n"), "\(run.output)")
        // Publishing walks the trees the check read: deep nesting must not exhaust its stack.
        let build = await CLIRun.run(["build", "-o", folder.appendingPathComponent("_site").path], in: folder)
        #expect(build.status == 0, "\(build.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("_site/documents/nested-quotes.html").path))
    }

    /// The limits of stdkit.yml: a large file is not read, a wide table row is left out before
    /// cmark sees it, and a limit that is not a number is a settings problem.
    @Test func limitsFromTheSettings() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: 限制\nlimits: {file_size_mb: 1, table_columns: 10, nesting_depth: 8, documents: 3, yaml_nodes: many}\n"
            .write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try ("# 大\n\n" + String(repeating: "字", count: 400_000) + "\n").write(to: folder.appendingPathComponent("a-large.md"), atomically: true, encoding: .utf8)
        let wide = "|" + Array(repeating: "列", count: 20_000).joined(separator: "|") + "|"
        let delimiter = "|" + Array(repeating: "---", count: 20_000).joined(separator: "|") + "|"
        try "---\nid: JOB-W\nkind: job-profile\ntitle: 宽\n---\n# 宽表\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n\(wide)\n\(delimiter)\n\n- **R1** 要求\n".write(to: folder.appendingPathComponent("b-wide.md"), atomically: true, encoding: .utf8)
        try "- 一\n  - 二\n    - 三\n      - 四\n        - 五\n".write(to: folder.appendingPathComponent("c-deep.md"), atomically: true, encoding: .utf8)
        try "# 第四个\n".write(to: folder.appendingPathComponent("d-fourth.md"), atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["check"], in: folder)
        #expect(run.output.contains("stdkit.yml:2:90: error: 'limits.yaml_nodes' must be a positive whole number [config-invalid]"), "\(run.output)")
        #expect(run.output.contains("stdkit.yml:1:1: error: the project holds 4 documents, above the limit of 3; only the first 3 by path are read [resource-limit]"))
        #expect(run.output.contains("a-large.md:1:1: error: the file is 1171 KB, above the limit of 1024 KB; it is not read [resource-limit]"))
        #expect(run.output.contains("b-wide.md:12:1: error: a table row of 20000 cells, above the limit of 10; rows this wide are left out [resource-limit]"))
        #expect(run.output.contains("c-deep.md:5:9: note: the Markdown here is nested more than 8 levels deep"))
        #expect(!run.output.contains("d-fourth.md"))
        let model = await CLIRun.run(["model", "--json"], in: folder)
        #expect(model.output.contains("\"JOB-W#R1\""), "the rest of the wide document is read: \(model.output.prefix(3000))")
    }

    /// Read from git (`--staged`), links are recorded as links and binary files as blobs: the
    /// same findings.
    @Test func theSameFromTheIndex() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try GitTests.git(["init", "-q"], in: folder)
        try GitTests.git(["add", "."], in: folder)
        let run = await CLIRun.run(["check", "--staged"], in: folder)
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.output.contains("outside.md:1:1: warning: outside.md is a symbolic link"), "\(run.output)")
        #expect(run.output.contains("loop:1:1: warning: loop is a symbolic link"))
        #expect(run.output.contains("binary.md:3:1: note: the file holds NUL bytes"))
        #expect(!run.output.contains("/etc/hostname"))
    }

    @Test func anUnreadableFileIsReportedAndTheRestChecked() async throws {
        guard getuid() != 0 else {
            print("skipped: running as root, every file can be read")
            return
        }
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# 页\n".write(to: folder.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
        try "# 页\n".write(to: folder.appendingPathComponent("open.md"), atomically: true, encoding: .utf8)
        chmod(folder.appendingPathComponent("secret.md").path, 0)
        let run = await CLIRun.run(["check"], in: folder)
        #expect(run.output.contains("secret.md:1:1: error: file cannot be read"), "\(run.output)")
        #expect(run.output.hasSuffix("checked 1 file: 1 error\n"), "the readable file is checked")
    }
}
