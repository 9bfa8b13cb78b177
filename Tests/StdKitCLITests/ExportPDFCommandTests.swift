import Foundation
import Testing
@testable import StdKitCLI

/// `stdkit export --format pdf` as a user runs it: the message when there is no browser, and
/// one real export of a course when there is.
@Suite("stdkit export --format pdf")
struct ExportPDFCommandTests {
    static let environment = ProcessInfo.processInfo.environment
    static let hasChromium = ["chromium", "chromium-browser", "google-chrome"].contains { name in
        (environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// The flagship's language is zh-CN: the message is in Chinese.
    static let missing = "error: 无法生成 PDF：未安装 Chromium（已查找 STDKIT_CHROMIUM=/nonexistent）。请安装（Debian：apt-get install chromium），或将 STDKIT_CHROMIUM 设为浏览器的路径；--format docx 不需要它\n"

    @Test func noBrowserNamedIsExitTwoWithWhatToInstallAndNoFile() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.pdf")
        let run = await CLIRun.run(["export", "standards", "--format", "pdf", "-o", output.path],
                                   variables: ["PATH": Self.environment["PATH"] ?? "", "STDKIT_CHROMIUM": "/nonexistent"])
        #expect(run.status == 2)
        #expect(run.errors == Self.missing)
        #expect(run.output == "")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func anEmptyPathIsExitTwoInEnglishWhenAskedAndNoFile() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["export", CLIRun.repository.appendingPathComponent("standards").path, "--format", "pdf"],
                                   in: folder, variables: ["PATH": "", "STDKIT_LANG": "en"])
        #expect(run.status == 2)
        #expect(run.errors == "error: cannot make a PDF: Chromium is not installed (looked for chromium, chromium-browser, google-chrome, STDKIT_CHROMIUM). Install it (Debian: apt-get install chromium) or set STDKIT_CHROMIUM to the browser's path; --format docx works without it\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func anUnknownDocumentIsExitTwoBeforeAnyBrowserIsLookedFor() async throws {
        let run = await CLIRun.run(["export", "standards", "--format", "pdf", "--document", "COURSE-ROBOT-PRG"], variables: ["STDKIT_LANG": "en"])
        #expect(run.status == 2)
        #expect(run.errors == "error: --document COURSE-ROBOT-PRG: the project has no document with this id; did you mean 'COURSE-ROBOT-PROG'?\n")
    }

    @Test(.enabled(if: hasChromium, "skipped: chromium is not installed (make deps installs it)"))
    func oneCourseToTheFileNamedByItsId() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["export", CLIRun.repository.appendingPathComponent("standards").path, "--format", "pdf",
                                    "--document", "COURSE-ROBOT-PROG"], in: folder, variables: Self.environment)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "wrote COURSE-ROBOT-PROG.pdf (1 document)\n")
        let data = try Data(contentsOf: folder.appendingPathComponent("COURSE-ROBOT-PROG.pdf"))
        #expect(data.prefix(5) == Data("%PDF-".utf8))
        // Only the PDF: the temporary site is elsewhere and gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["COURSE-ROBOT-PROG.pdf"])
    }
}
