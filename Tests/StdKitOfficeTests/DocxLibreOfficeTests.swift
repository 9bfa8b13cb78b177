import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitOffice

/// The flagship exported and opened by other programs: LibreOffice converts it to PDF whose text
/// holds every item, python-docx reads the 教学进程总体安排 with its merged cells. Each test
/// skips, saying so, where its program is not installed (`make deps` installs them).
@Suite("Word export opened by LibreOffice and python-docx", .serialized)
struct DocxLibreOfficeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL

    /// The first of `names` found on the usual paths.
    static func tool(_ names: String...) -> String? {
        for folder in ["/usr/bin", "/usr/local/bin", "/opt/libreoffice/program"] {
            for name in names where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
        }
        return nil
    }

    /// Runs `tool` and returns its exit status and standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The flagship with all its courses, written into a new temporary folder.
    static func exportFlagship() async throws -> (folder: URL, file: URL, export: DocxExport) {
        let project = try await ProjectLoader.load(root: repository.appendingPathComponent("standards"), keepingBodies: true)
        let documents = DocxExport.defaultDocuments(of: project)
        var source = DocxSource(project: "standards")
        for document in documents {
            source.paths[document.id!] = document.path
            source.blobs[document.id!] = DocxSource.blobID(of: Array(document.text.utf8))
        }
        let export = DocxExport(project: project, documents: documents, source: source)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("flagship.docx")
        try export.data().write(to: file)
        return (folder, file, export)
    }

    static func withoutWhitespace(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    @Test func libreOfficeConvertsTheFlagshipAndThePDFHoldsEveryItem() async throws {
        guard let soffice = Self.tool("soffice", "libreoffice"), let pdftotext = Self.tool("pdftotext") else {
            print("skipped: soffice or pdftotext is not installed (Debian libreoffice-writer-nogui, poppler-utils; make deps)")
            return
        }
        let (folder, file, export) = try await Self.exportFlagship()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(export.documents.count == 41)
        // A private profile: parallel runs would otherwise share (and lock) the user's.
        let converted = try Self.run(soffice, ["-env:UserInstallation=file://\(folder.path)/profile", "--headless",
                                              "--convert-to", "pdf", "--outdir", folder.path, file.path])
        #expect(converted.status == 0)
        let pdf = folder.appendingPathComponent("flagship.pdf")
        try #require(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice wrote no PDF")
        let text = try Self.run(pdftotext, ["-layout", pdf.path, "-"])
        #expect(text.status == 0)
        // A statement that runs over a page has the page's footer (— 5 —) and a form feed in it.
        let pages = text.output.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("—") || !$0.trimmingCharacters(in: .whitespaces).hasSuffix("—") }
        let flat = Self.withoutWhitespace(pages.joined(separator: "\n"))
        var missing: [String] = []
        var count = 0
        for document in export.documents {
            for item in document.items {
                count += 1
                // The id is its own run (bold), so it is whole in the text; the statement may
                // wrap over lines and pages, which only whitespace separates.
                if !flat.contains(item.id) || !flat.contains(Self.withoutWhitespace(item.text)) {
                    missing.append("\(item.fullID): \(item.text)")
                }
            }
        }
        #expect(count == 340)
        #expect(missing == [], "items whose id or statement the PDF does not hold")
        // The official heading numbers are LibreOffice's, from numbering.xml.
        #expect(text.output.contains("一、专业名称及代码"))
        #expect(text.output.contains("（一）素质"))
    }

    @Test func pythonDocxReadsTheScheduleWithItsMergedCells() async throws {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python),
              (try? Self.run(python, ["-c", "import docx"]).status) == 0 else {
            print("skipped: /usr/bin/python3 with python-docx is not installed (Debian python3-docx; make deps)")
            return
        }
        let (folder, file, export) = try await Self.exportFlagship()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = Self.repository.appendingPathComponent("Tests/StdKitOfficeTests/Fixtures/docx-tables.py").path
        let result = try Self.run(python, [script, file.path, "课程类别", "课程名称", "课程代码", "考核方式", "学时"])
        #expect(result.status == 0)
        struct Table: Decodable { var texts: [[String]]; var elements: [[Int]] }
        let table = try JSONDecoder().decode(Table.self, from: Data(result.output.utf8))
        let programme = try #require(export.documents.first)
        let courses = try #require(CourseTable(programme))
        // The header: 学时 over three columns, 各学期学时分配 over the six semesters, the first four merged down.
        #expect(Set(table.elements[0][4...6]).count == 1)
        #expect(Set(table.elements[0][8...13]).count == 1)
        #expect((0..<4).allSatisfy { table.elements[0][$0] == table.elements[1][$0] })
        #expect(table.texts[1] == ["课程类别", "课程名称", "课程代码", "考核方式", "总学时", "理论", "实践", "学分", "一", "二", "三", "四", "五", "六"])
        // The course rows (no subtotal: those span four columns) in the programme's order by category.
        let body = Array(zip(table.texts, table.elements).dropFirst(2))
        let courseRows = body.filter { Set($0.1[0...3]).count == 4 }
        let categories = courses.entries.map { $0.category ?? "" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let expected = categories.flatMap { category in courses.entries.filter { $0.category == category } }
        #expect(courseRows.map { $0.0[1] } == expected.map { entry in export.project.document(entry.id ?? "")?.title ?? "" })
        #expect(courseRows.map { $0.0[4] } == expected.map { $0.total.map(String.init) ?? "" })
        // Each category's cell is one element over its courses.
        var start = 0
        for category in categories {
            let n = courses.entries.filter { $0.category == category }.count
            let rows = courseRows[start..<start + n]
            #expect(Set(rows.map { $0.1[0] }).count == 1, "\(category)")
            #expect(rows.allSatisfy { $0.0[0] == DocxStrings(lang: "zh-CN").category(category) })
            start += n
        }
        #expect(Set(courseRows.map { $0.1[0] }).count == categories.count)
        // The total row: counted sums.
        let last = try #require(table.texts.last)
        #expect(Array(last[4...7]) == ["2640", "887", "1753", "142.5"])
    }
}
