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

    @Test func aBadThemeIsAnIOFailure() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "publish: {theme: nowhere}\n".write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["build"], in: folder)
        #expect(run.status == 2)
        #expect(run.errors == "error: [theme] nowhere: publish.theme names no folder of the project\n")
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
