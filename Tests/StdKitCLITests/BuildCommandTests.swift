import Foundation
import Testing
@testable import StdKitCLI

@Suite("stdkit build")
struct BuildCommandTests {
    @Test func buildsIntoTheOutputAndSaysWhereTheIndexIs() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        let run = await CLIRun.run(["build", "examples/english-programme", "-o", output.path])
        #expect(run.status == 0)
        #expect(run.output.hasSuffix("open \(output.path)/index.html\n"))
        #expect(run.errors == "")
        for page in ["index.html", "matrix.html", "search.html", "search-index.js", "assets/style.css", "documents/programme.html",
                     "documents/courses/pneumatics-sensors.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(page) missing")
        }
    }

    @Test func findingsAreMentionedButDoNotStopTheBuild() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["build", "\(CLIRun.checkFixtures)/unresolved-reference", "-o", folder.appendingPathComponent("site").path])
        #expect(run.status == 0)
        #expect(run.errors == "note: checked 2 files: 4 errors; run 'stdkit check' for the details\n")
    }

    /// An upstream that is not there: the site is built, and the one finding the check makes of
    /// it is printed as the check prints it (DESIGN §14.1), above the summary.
    @Test func anAbsentUpstreamIsPrintedAsTheCheckPrintsIt() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("school")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try "name: 学校方案\nupstream:\n  - id: ns\n    path: vendor/ns-460305\n    release: v2025.1\n"
            .write(to: project.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try "---\nid: P1\nkind: page\ntitle: 方案\n---\n\n见 ns:PROG-NS-460305。\n"
            .write(to: project.appendingPathComponent("p.md"), atomically: true, encoding: .utf8)
        let finding = """
            school/stdkit.yml:4:11: error: upstream 'ns' is not there: the folder vendor/ns-460305 does not exist [upstream-missing]
                hint: copy release v2025.1 of the upstream project into vendor/ns-460305, or correct `path` in stdkit.yml

            """
        let check = await CLIRun.run(["check", "school"], in: folder)
        #expect(check.output == finding + "checked 1 file: 1 error\n")
        let run = await CLIRun.run(["build", "school", "-o", folder.appendingPathComponent("site").path], in: folder)
        #expect(run.status == 0)
        #expect(run.errors == finding + "note: checked 1 file: 1 error; run 'stdkit check' for the details\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/documents/p.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/upstream").path))
    }

    @Test func aBadThemeIsAnIOFailure() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "publish: {theme: nowhere}\n".write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["build"], in: folder)
        #expect(run.status == 2)
        #expect(run.errors == "error: [theme] nowhere: publish.theme names no folder of the project\n")
    }

    /// Pages nested far past the limit, of the kinds of cmark's pathological tests: the build
    /// succeeds without a finding of error level, and every occurrence of the page's word is on
    /// its published page (the word is a character no template holds).
    @Test func pathologicalPagesArePublishedWhole() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let word = "龘"
        func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }
        let pages = [
            "emphasis": repeated("*\(word) **\(word) ", 3_000) + "尾" + repeated(" \(word)** \(word)*", 3_000),
            "openers": repeated("_\(word) ", 3_000),
            "quotes": repeated("> ", 3_000) + word + "\n",
            "lists": (0..<500).map { repeated("  ", $0) + "- \(word)\n" }.joined(),
            "links": repeated("[\(word)", 3_000) + repeated("](https://例子.cn/)", 3_000),
            "backticks": (1...500).map { word + repeated("`", $0) }.joined(),
            "comments": "</" + repeated("<!--\(word) ", 3_000),
        ]
        try "name: 病态\n".write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        for (name, text) in pages {
            try text.write(to: folder.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
        }
        let check = await CLIRun.run(["check"], in: folder)
        #expect(check.status == 0, "\(check.output)")
        #expect(!check.output.contains("error"), "\(check.output)")
        let build = await CLIRun.run(["build", "-o", folder.appendingPathComponent("_site").path], in: folder)
        #expect(build.status == 0, "\(build.errors)")
        #expect(build.errors == "")
        for (name, text) in pages {
            let html = try String(contentsOf: folder.appendingPathComponent("_site/documents/\(name).html"), encoding: .utf8)
            let published = html.components(separatedBy: word).count - 1
            let written = text.components(separatedBy: word).count - 1
            #expect(published == written, "\(name): \(written) written, \(published) published")
        }
    }

    @Test func watchNoticesChanges() throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.md")
        try "一".write(to: file, atomically: true, encoding: .utf8)
        let before = BuildCommand.snapshot(of: folder, excluding: folder.appendingPathComponent("_site"))
        try "一二".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("_site"), withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent("_site/index.html"), atomically: true, encoding: .utf8)
        let after = BuildCommand.snapshot(of: folder, excluding: folder.appendingPathComponent("_site"))
        #expect(before != after)
        #expect(after.keys.sorted() == [file.standardizedFileURL.path], "the output folder is not watched")
    }
}

/// `stdkit build` killed at any moment leaves a whole site — the previous one or the new one,
/// never a mix or nothing — and the next build cleans up after it.
@Suite("A build killed midway")
struct KilledBuildTests {
    /// Every file of a folder, by relative path.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    @Test func theSiteIsAlwaysWhole() throws {
        guard let stdkit = GitTests.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("standards")
        try FileManager.default.copyItem(at: CLIRun.repository.appendingPathComponent("standards"), to: project)
        let site = folder.appendingPathComponent("site")
        func build() throws -> Process {
            let process = Process()
            process.executableURL = stdkit
            process.arguments = ["build", project.path, "-o", site.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let first = try build()
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let old = Self.snapshot(site)
        // A change that reaches every page (the site title is in each page's header).
        let config = project.appendingPathComponent("stdkit.yml")
        try (try String(contentsOf: config, encoding: .utf8)).replacingOccurrences(of: "title: 工业机器人技术专业人才培养方案（2026级）", with: "title: 修订中的标准")
            .write(to: config, atomically: true, encoding: .utf8)
        var killed = 0
        for delay in [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8] {
            let process = try build()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            let now = Self.snapshot(site)
            #expect(!now.isEmpty, "after a kill at \(delay) s there is a site")
            let isOld = now == old
            let isNew = now.keys.sorted() == old.keys.sorted() && String(decoding: now["index.html"] ?? Data(), as: UTF8.self).contains("修订中的标准")
            #expect(isOld || isNew, "after a kill at \(delay) s the site is the previous one or the new one, whole")
        }
        #expect(killed > 0, "at least one build was killed midway")
        let last = try build()
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(String(decoding: Self.snapshot(site)["index.html"] ?? Data(), as: UTF8.self).contains("修订中的标准"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "the folders of killed builds are cleaned up: \(leftovers)")
    }
}
