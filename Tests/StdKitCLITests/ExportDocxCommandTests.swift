import Foundation
import Testing
import StdKitOffice
@testable import StdKitCLI

/// `stdkit export --format docx`, run in process on copies of the flagship.
@Suite("stdkit export --format docx")
struct ExportDocxCommandTests {
    /// The custom properties of the .docx at `url`, name → value.
    static func customProperties(_ url: URL) throws -> [String: String] {
        let archive = try DocxArchive(contentsOf: url)
        let xml = String(decoding: try #require(archive.part("docProps/custom.xml")), as: UTF8.self)
        var properties: [String: String] = [:]
        var rest = xml[...]
        while let name = rest.range(of: " name=\""), let close = rest[name.upperBound...].firstIndex(of: "\""),
              let open = rest[close...].range(of: "<vt:lpwstr>"), let end = rest[open.upperBound...].range(of: "</vt:lpwstr>") {
            properties[String(rest[name.upperBound..<close])] = String(rest[open.upperBound..<end.lowerBound])
            rest = rest[end.upperBound...]
        }
        return properties
    }

    /// A copy of the flagship in a new git repository, committed.
    static func flagshipRepository() throws -> (folder: URL, project: URL) {
        let folder = try CLIRun.temporaryFolder()
        let project = folder.appendingPathComponent("standards")
        try FileManager.default.copyItem(at: CLIRun.repository.appendingPathComponent("standards"), to: project)
        try GitTests.git(["init", "-q"], in: folder)
        try GitTests.git(["add", "."], in: folder)
        try GitTests.git(["commit", "-q", "-m", "flagship"], in: folder)
        return (folder, project)
    }

    @Test func theProgrammeAndItsCoursesWithTheRevisionTheyCameFrom() async throws {
        let (folder, project) = try Self.flagshipRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["export", "standards", "--format", "docx"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "wrote PROG-ROBOT-460305.docx (41 documents, 340 items)\n")
        #expect(run.errors == "")
        let properties = try Self.customProperties(folder.appendingPathComponent("PROG-ROBOT-460305.docx"))
        let head = try GitTests.git(["rev-parse", "HEAD"], in: folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(properties["stdkit.commit"] == head)
        #expect(properties["stdkit.project"] == "standards")
        let documents = try #require(properties["stdkit.documents"]).split(separator: " ")
        #expect(documents.count == 41)
        #expect(documents.prefix(3) == ["PROG-ROBOT-460305", "COURSE-MORAL-LAW", "COURSE-MAO"])
        #expect(documents.last == "COURSE-GRADUATION")
        #expect(properties["stdkit.path.COURSE-VISION"] == "courses/professional-core/machine-vision.md")
        let blob = try GitTests.git(["hash-object", "standards/courses/professional-core/machine-vision.md"], in: folder).output
        #expect(properties["stdkit.blob.COURSE-VISION"] == blob.trimmingCharacters(in: .whitespacesAndNewlines))
        _ = project
    }

    @Test func aFileNotCommittedIsKeptInGitAndTheExportSaysSo() async throws {
        let (folder, project) = try Self.flagshipRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = project.appendingPathComponent("courses/professional-core/machine-vision.md")
        try (String(contentsOf: path, encoding: .utf8) + "\n补充说明。\n").write(to: path, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out/视觉.docx")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let run = await CLIRun.run(["export", "standards", "--format", "docx", "--document", "COURSE-VISION", "-o", "out/视觉.docx"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "wrote out/视觉.docx (1 document, 11 items)\n")
        let properties = try Self.customProperties(output)
        let blob = try #require(properties["stdkit.blob.COURSE-VISION"])
        #expect(blob == DocxSource.blobID(of: Array(try Data(contentsOf: path))))
        // In the project's language (zh-CN).
        #expect(run.errors.contains("warning: courses/professional-core/machine-vision.md 有尚未提交的修改：导出的文本已作为 git 对象 \(blob) 保存"))
        #expect(run.errors.contains(blob))
        // The exported bytes are in git's objects, so the review import finds its base.
        #expect(try GitTests.git(["cat-file", "-e", blob], in: folder).status == 0)
        #expect(properties["stdkit.documents"] == "COURSE-VISION")
    }

    @Test func outsideGitTheFileRecordsNoCommitAndTheExportSaysWhy() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: CLIRun.repository.appendingPathComponent("standards"), to: folder.appendingPathComponent("standards"))
        let run = await CLIRun.run(["export", "standards", "--format", "docx", "--document", "COURSE-VISION", "--document", "COURSE-PLC"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        // Two documents: named after the first.
        #expect(run.output.hasPrefix("wrote COURSE-VISION.docx (2 documents, "))
        #expect(run.errors == "warning: 项目不在有提交的 git 仓库中：文件没有记录版本，审阅后无法用 stdkit import docx --review 合并回来\n")
        let properties = try Self.customProperties(folder.appendingPathComponent("COURSE-VISION.docx"))
        #expect(properties["stdkit.commit"] == "")
        #expect(properties["stdkit.documents"] == "COURSE-VISION COURSE-PLC")
    }

    @Test func anUnknownDocumentIsNamedWithADidYouMean() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["export", CLIRun.repository.appendingPathComponent("standards").path, "--format", "docx",
                                    "--document", "COURSE-VISON"], in: folder)
        #expect(run.status == 2)
        #expect(run.errors.contains("--document COURSE-VISON：项目中没有此 id 的文件；是否想写“COURSE-VISION”？"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func aFileThatCannotBeWrittenLeavesNothing() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["export", CLIRun.repository.appendingPathComponent("standards").path, "--format", "docx",
                                    "--document", "COURSE-VISION", "-o", "missing/x.docx"], in: folder)
        #expect(run.status == 2)
        #expect(run.errors.contains("无法写入 missing/x.docx："))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func aProjectWithSeveralProgrammesMustNameOne() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("standards")
        try FileManager.default.copyItem(at: CLIRun.repository.appendingPathComponent("standards"), to: project)
        let programme = project.appendingPathComponent("programme/robot-technology-460305.md")
        let second = try String(contentsOf: programme, encoding: .utf8).replacingOccurrences(of: "id: PROG-ROBOT-460305", with: "id: PROG-ROBOT-2027")
        try second.write(to: project.appendingPathComponent("programme/robot-2027.md"), atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["export", "standards", "--format", "docx"], in: folder)
        #expect(run.status == 2)
        #expect(run.errors.contains("项目中有多个人才培养方案（PROG-ROBOT-2027, PROG-ROBOT-460305）：请用 --document ID 指定要导出的方案及其课程"))
        let named = await CLIRun.run(["export", "standards", "--format", "docx", "--document", "PROG-ROBOT-2027"], in: folder)
        #expect(named.status == 0, "\(named.errors)")
        #expect(named.output.hasPrefix("wrote PROG-ROBOT-2027.docx (1 document, "))
    }
}
