import Foundation
import Testing
import StdKitOffice
@testable import StdKitCLI

/// `stdkit import docx FILE`: written with its images and the report, never over a file without
/// --force, and one message with nothing written for a file it cannot read.
@Suite("stdkit import docx")
struct ImportDocxCommandTests {
    static let fixture = CLIRun.repository.appendingPathComponent("Tests/StdKitOfficeTests/Fixtures/programme-zhengwen.docx")

    /// A project folder with two parties, in `lang`.
    static func project(lang: String = "en") throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        let config = """
            name: 机电一体化技术
            lang: \(lang)
            parties:
              - {id: nlzy, name: 南岭职业技术学院, kind: school}
              - {id: mj, name: 顺德美佳电器有限公司, kind: enterprise}
            """
        try config.write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Every file under `folder`, relative, sorted.
    static func files(_ folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                paths.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
            }
        }
        return paths.sorted()
    }

    /// A small course with an image, as Word writes one.
    static func courseWithImage() throws -> Data {
        let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#
        let body = """
            <w:p><w:r><w:t>Robot Programming course standard</w:t></w:r></w:p>\
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>一、课程目标</w:t></w:r></w:p>\
            <w:p><w:r><w:t>1.能够示教编程。</w:t></w:r></w:p>\
            <w:p><w:r><w:t>见图：</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="1" name="p" descr="工作站"/><a:graphic><a:graphicData><a:blip r:embed="rId7"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """
        let rels = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image3.png"/></Relationships>"#
        return try DocxPackage.zip([
            ("word/document.xml", Data(#"<?xml version="1.0"?><w:document \#(w)><w:body>\#(body)</w:body></w:document>"#.utf8)),
            ("word/_rels/document.xml.rels", Data(rels.utf8)),
            ("word/media/image3.png", Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3])),
        ])
    }

    @Test func theProgrammeIsWrittenBesideTheKindsDocumentsAndChecked() async throws {
        let project = try Self.project(lang: "zh-CN")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = await CLIRun.run(["import", "docx", Self.fixture.path], in: project)
        #expect(run.status == 0)
        #expect(run.errors == "")
        let lines = run.output.components(separatedBy: "\n")
        #expect(lines.first == "已写入 programme/prog-460301.md：programme PROG-460301，23 个条目")
        #expect(lines[1] == "  文档类型 programme：由标题“机电一体化技术专业人才培养方案”推断（如不对，请用 --kind 指定）")
        #expect(lines.contains("  major.code：460301，取自第 11 段（“专业代码：460301”）"))
        #expect(lines.suffix(2) == ["下一步：stdkit check", ""])
        #expect(Self.files(project) == ["programme/prog-460301.md", "stdkit.yml"])
        let check = await CLIRun.run(["check", "--lang", "en", "--format", "json"], in: project)
        #expect(check.status == 0)
        #expect(check.output.components(separatedBy: "\"rule\" : \"missing-section\"").count - 1 == 3)
        #expect(check.output.components(separatedBy: "\"rule\" : \"unserved-specification\"").count - 1 == 23)
    }

    @Test func imagesGoBesideTheOutputAndAnExistingFileNeedsForce() async throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let docx = project.appendingPathComponent("robot.docx")
        try Self.courseWithImage().write(to: docx)
        let first = await CLIRun.run(["import", "docx", "robot.docx", "-o", "courses/robot.md"], in: project)
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("written courses/robot.md: course COURSE-ROBOT-PROGRAMMING-COURSE-STANDARD; items: 1\n"))
        #expect(first.output.contains("  image word/media/image3.png: kept as robot-images/image3.png\n"))
        #expect(Self.files(project) == ["courses/robot-images/image3.png", "courses/robot.md", "robot.docx", "stdkit.yml"])
        #expect(try Data(contentsOf: project.appendingPathComponent("courses/robot-images/image3.png")) == Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]))
        let text = try String(contentsOf: project.appendingPathComponent("courses/robot.md"), encoding: .utf8)
        #expect(text.contains("## 课程目标\n\n- **LO1** 能够示教编程。\n\n见图：\n\n![工作站](robot-images/image3.png)\n"))

        try "changed by hand\n".write(to: project.appendingPathComponent("courses/robot.md"), atomically: true, encoding: .utf8)
        let again = await CLIRun.run(["import", "docx", "robot.docx", "-o", "courses/robot.md"], in: project)
        #expect(again.status == 2)
        #expect(again.output == "")
        #expect(again.errors == "error: courses/robot.md exists: give --force to replace it; nothing was written\n")
        #expect(try String(contentsOf: project.appendingPathComponent("courses/robot.md"), encoding: .utf8) == "changed by hand\n")

        let forced = await CLIRun.run(["import", "docx", "robot.docx", "-o", "courses/robot.md", "--force"], in: project)
        #expect(forced.status == 0)
        #expect(try String(contentsOf: project.appendingPathComponent("courses/robot.md"), encoding: .utf8) == text)
    }

    @Test func aTitleNamingNoKindAsksForKind() async throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
        let data = try DocxPackage.zip([("word/document.xml", Data(#"<w:document \#(w)><w:body><w:p><w:r><w:t>会议纪要</w:t></w:r></w:p></w:body></w:document>"#.utf8))])
        try data.write(to: project.appendingPathComponent("minutes.docx"))
        let run = await CLIRun.run(["import", "docx", "minutes.docx"], in: project)
        #expect(run.status == 2)
        #expect(run.errors == "error: cannot tell the kind of document from its title “会议纪要”: give --kind programme, course or job-profile; nothing was written\n")
        #expect(Self.files(project) == ["minutes.docx", "stdkit.yml"])
        let given = await CLIRun.run(["import", "docx", "minutes.docx", "--kind", "job-profile"], in: project)
        #expect(given.status == 0)
        #expect(given.output.hasPrefix("written jobs/job-"))
    }

    /// Each file that is not a readable .docx: one message in the project's language, exit 2,
    /// nothing written.
    @Test(arguments: [
        ("corrupt", "error: x.docx: 文件已损坏：word/document.xml 第 1 行不是合法的 XML（XML error 5）。请在 Word 或 WPS 中打开，重新保存后再导入\n"),
        ("encrypted", "error: x.docx: 文档设有打开密码：请在 Word 或 WPS 中打开，取消密码（文件 › 信息 › 保护文档），保存后再导入\n"),
        ("doc", "error: x.docx: 这是 Word 97–2003 文档（.doc），stdkit 无法读取：请在 Word 或 WPS 中打开，另存为 .docx（Word 文档）后再导入\n"),
        ("bomb", "error: x.docx: word/media/zeros.bin 解压后超过 64 MB，远超任何标准文件所需（压缩炸弹或文件已损坏）；未读取任何内容\n"),
        ("text", "error: x.docx: 不是 Word（.docx）文件：它不是 zip 压缩包。若确是 .docx，可能文件不完整，请重新复制；其他格式请先在 Word 或 WPS 中另存为 .docx\n"),
    ])
    func unreadableFilesGetOneMessageAndNothingWritten(kind: String, message: String) async throws {
        let project = try Self.project(lang: "zh-CN")
        defer { try? FileManager.default.removeItem(at: project) }
        let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
        let document = ("word/document.xml", Data(#"<w:document \#(w)><w:body><w:p><w:r><w:t>课程标准</w:t></w:r></w:p></w:body></w:document>"#.utf8))
        let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)
        let data: Data
        switch kind {
        case "corrupt":
            var zip = try DocxPackage.zip([document])
            let at = try #require(zip.range(of: Data("word/document.xml".utf8))).upperBound + 4
            for offset in at..<at + 8 { zip[offset] ^= 0x5A }
            data = zip
        case "encrypted": data = Data(compound + Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        case "doc": data = Data(compound + Array("WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        case "bomb": data = try DocxPackage.zip([document, ("word/media/zeros.bin", Data(count: 65 << 20))])
        default: data = Data("<html>404</html>".utf8)
        }
        try data.write(to: project.appendingPathComponent("x.docx"))
        let run = await CLIRun.run(["import", "docx", "x.docx", "-o", "out.md"], in: project)
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.errors == message)
        #expect(Self.files(project) == ["stdkit.yml", "x.docx"])
    }
}
