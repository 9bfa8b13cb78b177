import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitOffice
@testable import StdKitPublish

/// The tools the PDF tests read with: Chromium prints, poppler (`pdftotext`, `pdffonts`,
/// `pdfinfo`, Debian `poppler-utils`) reads the result.
enum PDFTools {
    static let environment = ProcessInfo.processInfo.environment
    static let chromium = try? Chromium.find(in: environment)
    static func onPath(_ name: String) -> String? {
        (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static let poppler = ["pdftotext", "pdffonts", "pdfinfo"].allSatisfy { onPath($0) != nil }
    static let available = chromium != nil && poppler
    static let skipReason: Comment = "PDF tests skipped: they need chromium (or STDKIT_CHROMIUM) and poppler-utils (pdftotext, pdffonts, pdfinfo); make deps installs them"

    /// Runs a poppler tool and returns its standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(onPath(tool)))
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-pdf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An executable shell script standing in for Chromium.
    static func fakeBrowser(_ script: String, in folder: URL, name: String = "chromium") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try ("#!/bin/sh\n" + script + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }
}

@Suite("PDF export")
struct PDFExportTests {
    static let flagship = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../standards").standardizedFileURL

    static func flagshipProject() async throws -> Project {
        try await ProjectLoader.load(root: flagship)
    }

    // MARK: Which documents

    @Test func byDefaultTheProgrammeThenItsCoursesInTheOrderOfItsList() async throws {
        let project = try await Self.flagshipProject()
        let export = try PDFExport(project: project)
        let programme = try #require(project.documents.first { $0.kind == "programme" })
        let listed = try #require(CourseTable(programme)).entries.compactMap(\.id)
        #expect(export.documents.first?.path == programme.path)
        #expect(export.documents.dropFirst().compactMap(\.id) == listed.filter { project.document($0) != nil })
        #expect(export.documents.count == 1 + listed.count)
        #expect(export.documents.dropFirst().allSatisfy { $0.kind == "course" })
        #expect(export.defaultFileName == programme.id! + ".pdf")
    }

    @Test func namedDocumentsInTheOrderGivenEachOnce() async throws {
        let project = try await Self.flagshipProject()
        let ids = try ["COURSE-ROBOT-PROG", "PROG-ROBOT-460305", "COURSE-ROBOT-PROG"].map { id in
            try #require(project.document(id)).id!
        }
        let export = try PDFExport(project: project, documentIDs: ids)
        #expect(export.documents.compactMap(\.id) == ["COURSE-ROBOT-PROG", "PROG-ROBOT-460305"])
        #expect(export.defaultFileName == "COURSE-ROBOT-PROG.pdf")
    }

    @Test func anUnknownDocumentIsNamedWithWhatWasMeant() async throws {
        let project = try await Self.flagshipProject()
        #expect(throws: PDFError(Message("docx.unknown-document", ["id": .verbatim("COURSE-ROBOT-PRG"), "suggestion": Message.didYouMean("COURSE-ROBOT-PROG")]))) {
            try PDFExport(project: project, documentIDs: ["COURSE-ROBOT-PRG"])
        }
        let error = try #require(throws: PDFError.self) { try PDFExport(project: project, documentIDs: ["COURSE-ROBOT-PRG"]) }
        #expect(error.text(in: .en) == "--document COURSE-ROBOT-PRG: the project has no document with this id; did you mean 'COURSE-ROBOT-PROG'?")
    }

    @Test func aProjectWithoutAProgrammeMustNameItsDocuments() async throws {
        let project = try await ProjectLoader.load(files: ["a.md": Array("---\nid: COURSE-A\nkind: course\ntitle: 甲\n---\n".utf8)])
        let error = try #require(throws: PDFError.self) { try PDFExport(project: project) }
        #expect(error.message.key == "docx.no-programme")
        #expect(try PDFExport(project: project, documentIDs: ["COURSE-A"]).documents.map(\.path) == ["a.md"])
    }

    // MARK: Finding and running the browser

    @Test func theBrowserIsTheOneNamedElseTheFirstOnThePath() throws {
        let folder = try PDFTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let second = folder.appendingPathComponent("second")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        let chrome = try PDFTools.fakeBrowser("exit 0", in: folder, name: "google-chrome")
        let chromium = try PDFTools.fakeBrowser("exit 0", in: second, name: "chromium")
        // chromium is looked for before google-chrome, in every folder of PATH.
        #expect(try Chromium.find(in: ["PATH": "\(folder.path):\(second.path)"]).executable.path == chromium.path)
        #expect(try Chromium.find(in: ["PATH": folder.path]).executable.path == chrome.path)
        #expect(try Chromium.find(in: ["PATH": folder.path, "STDKIT_CHROMIUM": chromium.path]).executable.path == chromium.path)
    }

    @Test func noBrowserSaysWhatToInstall() throws {
        let empty = try #require(throws: PDFError.self) { try Chromium.find(in: ["PATH": ""]) }
        #expect(empty.text(in: .en) == "cannot make a PDF: Chromium is not installed (looked for chromium, chromium-browser, google-chrome, STDKIT_CHROMIUM). Install it (Debian: apt-get install chromium) or set STDKIT_CHROMIUM to the browser's path; --format docx works without it")
        // A browser the user named that is not there is not replaced by the one on PATH.
        let named = try #require(throws: PDFError.self) { try Chromium.find(in: ["PATH": "/usr/bin:/bin", "STDKIT_CHROMIUM": "/nonexistent"]) }
        #expect(named.message == Message("pdf.chromium-missing", ["looked": .list(["STDKIT_CHROMIUM=/nonexistent"], .and)]))
        // Nor is a folder taken for the browser.
        let folder = try #require(throws: PDFError.self) { try Chromium.find(in: ["STDKIT_CHROMIUM": "/usr"]) }
        #expect(folder.message.key == "pdf.chromium-missing")
        #expect(named.text(in: .zhCN).hasPrefix("无法生成 PDF：未安装 Chromium（已查找 STDKIT_CHROMIUM=/nonexistent）。请安装（Debian：apt-get install chromium）"))
    }

    @Test func aFailingBrowserIsReportedWithItsLastLinesAndNothingIsWritten() async throws {
        let folder = try PDFTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = (1...9).map { "echo line \($0) >&2" }.joined(separator: "\n")
        let browser = try PDFTools.fakeBrowser(lines + "\necho '[1:2:1206/1:ERROR:dbus/bus.cc:405] Failed to connect to the bus' >&2\nexit 3", in: folder)
        let output = folder.appendingPathComponent("out.pdf")
        let export = try PDFExport(project: try await Self.flagshipProject(), documentIDs: ["COURSE-ROBOT-PROG"])
        let error = try #require(throws: PDFError.self) {
            try export.write(to: output, chromium: Chromium(executable: browser), toolVersion: "test")
        }
        #expect(error.message == Message("pdf.chromium-failed", ["status": .number(3), "lines": .verbatim("line 4\nline 5\nline 6\nline 7\nline 8\nline 9")]))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aBrowserThatHangsIsStoppedAtTheLimit() throws {
        let folder = try PDFTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let browser = try PDFTools.fakeBrowser("echo starting >&2\nexec sleep 60", in: folder)
        let page = try PDFTools.fakeBrowser("", in: folder, name: "page.html")
        let output = folder.appendingPathComponent("out.pdf")
        let started = Date()
        let error = try #require(throws: PDFError.self) {
            try Chromium(executable: browser).printToPDF(page: page, output: output, work: folder, timeout: 1)
        }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(error.message == Message("pdf.chromium-timeout", ["seconds": .number(1), "lines": .verbatim("starting")]))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aBrowserThatLeavesNoPDFIsAFailure() throws {
        let folder = try PDFTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Exit 0, but what it wrote is not a PDF.
        let browser = try PDFTools.fakeBrowser("for a in \"$@\"; do case $a in --print-to-pdf=*) echo '<html>' > \"${a#--print-to-pdf=}\";; esac; done", in: folder)
        let page = try PDFTools.fakeBrowser("", in: folder, name: "page.html")
        let error = try #require(throws: PDFError.self) {
            try Chromium(executable: browser).printToPDF(page: page, output: folder.appendingPathComponent("out.pdf"), work: folder, timeout: 30)
        }
        #expect(error.message == Message("pdf.no-output", ["lines": .verbatim("—")]))
    }

    // MARK: The flagship, printed

    /// The flagship's programme and courses printed once, for the tests that read the PDF, into
    /// this worktree's `.build` (replaced by the next run, so that runs leave nothing behind, and
    /// there to look at after a failure).
    static let printed: Task<(pdf: URL, documents: [Document]), Error> = Task {
        let project = try await flagshipProject()
        let export = try PDFExport(project: project)
        let folder = flagship.deletingLastPathComponent().appendingPathComponent(".build/pdf-tests")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent(export.defaultFileName)
        try? FileManager.default.removeItem(at: output)
        guard let chromium = PDFTools.chromium else { throw CancellationError() }
        try export.write(to: output, chromium: chromium, toolVersion: "test")
        return (output, export.documents)
    }

    /// Text with all whitespace removed: a statement wraps over lines, and pdftotext puts spaces
    /// where the layout had gaps.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    @Test(.enabled(if: PDFTools.available, PDFTools.skipReason))
    func theTextHoldsEveryItemIdAndStatementOfTheProgrammeAndItsCourses() async throws {
        let (pdf, documents) = try await Self.printed.value
        let text = Self.squeezed(try PDFTools.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]))
        let items = documents.flatMap(\.items)
        #expect(items.count > 100)
        for item in items {
            #expect(text.contains(Self.squeezed(item.id)), "\(item.fullID): id")
            #expect(text.contains(Self.squeezed(item.text)), "\(item.fullID): \(item.text)")
        }
        for document in documents {
            #expect(text.contains(Self.squeezed(document.title ?? "")), "\(document.path): title")
        }
    }

    @Test(.enabled(if: PDFTools.available, PDFTools.skipReason))
    func a4PagesNumberedWithEmbeddedFontsAndNoNavigation() async throws {
        let (pdf, documents) = try await Self.printed.value
        let info = try PDFTools.run("pdfinfo", [pdf.path])
        let size = try #require(info.split(separator: "\n").first { $0.hasPrefix("Page size:") })
        // A4 is 595.28 × 841.89 pt; Chromium rounds to its own units (594.96 x 841.92).
        let numbers = size.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count == 2 && abs(numbers[0] - 595.28) < 1 && abs(numbers[1] - 841.89) < 1, "\(size)")
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) })
        // Each document starts a page of its own.
        #expect(pages >= documents.count)

        // Every font is embedded. The print stylesheet names TrueType CJK fonts first (AR PL UMing
        // for text, WenQuanYi Zen Hei for headings; the Makefile installs both), which Chromium embeds
        // as named CID TrueType fonts; the CFF-based Noto CJK fonts would be unnamed Type 3 fonts.
        let fonts = try PDFTools.run("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        if FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/arphic/uming.ttc") {
            #expect(fonts.contains { $0.contains("UMingCN") && $0.contains("CID TrueType") }, "\(fonts)")
        }
        if FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc") {
            #expect(fonts.contains { $0.contains("WenQuanYiZenHei") && $0.contains("CID TrueType") }, "\(fonts)")
        }
        for font in fonts {
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            // name type… encoding emb sub uni object generation: emb is the fifth from the end.
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "not embedded: \(font)")
            // uni: each has a ToUnicode map, so the text can be searched and copied.
            #expect(columns.count >= 7 && columns[columns.count - 3] == "yes", "no ToUnicode map: \(font)")
        }

        // Page by page: "n / pages" in the foot of each, and none shows the site's navigation.
        let strings = SiteStrings(lang: "zh-CN")
        for page in [1, pages / 2, pages] {
            let text = try PDFTools.run("pdftotext", ["-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"])
            // pdftotext closes up the spaces of so short a line.
            let lastLine = text.split(separator: "\n").map { Self.squeezed(String($0)) }.last { !$0.isEmpty }
            #expect(lastLine == "\(page)/\(pages)", "page \(page)")
        }
        let text = try PDFTools.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"])
        for navigation in [strings["home"], strings["search"], strings["searchPlaceholder"], strings["generatedBy"], strings["matrix"], "›"] {
            #expect(!text.contains(navigation), "\(navigation)")
        }
        #expect(text.contains("工业机器人"))
    }

    @Test(.enabled(if: PDFTools.available, PDFTools.skipReason))
    func referencesBetweenPrintedDocumentsAreLinksInsideThePDF() async throws {
        let (pdf, documents) = try await Self.printed.value
        // Skia writes link annotations uncompressed (PDF 1.4 has no object streams): a link
        // inside the file is a /Dest; none leads to the temporary folder the page was printed from.
        let bytes = try Data(contentsOf: pdf)
        let inside = bytes.ranges(of: Data("/Dest".utf8)).count
        let references = documents.flatMap(\.items).flatMap(\.references).count
        #expect(inside >= references / 2, "\(inside) links inside the file for \(references) references")
        #expect(bytes.ranges(of: Data("file:".utf8)).isEmpty)
    }
}
