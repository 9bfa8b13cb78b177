import Foundation
import Testing
@testable import StdKitCLI

@Suite("stdkit export, import, schema")
struct InteropCommandTests {
    static let corpora = CLIRun.repository.appendingPathComponent("../shared/corpora").standardizedFileURL
    static let fixtures = CLIRun.repository.appendingPathComponent("Tests/StdKitInteropTests/Fixtures")

    static func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    @Test func caseExportWritesOnePackagePerDocumentAndReplacesTheFolder() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("case")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "mine".write(to: output.appendingPathComponent("OLD.json"), atomically: true, encoding: .utf8)
        let refused = await CLIRun.run(["export", "standards", "--format", "case", "-o", output.path])
        #expect(refused.status == 2 && refused.errors.contains("the folder holds files stdkit did not write"), "\(refused.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["OLD.json"], "a folder of the user's is left alone")
        try FileManager.default.removeItem(at: output)
        #expect(await CLIRun.run(["export", "standards", "--format", "case", "-o", output.path]).status == 0)
        try "stale".write(to: output.appendingPathComponent("OLD.json"), atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["export", "standards", "--format", "case", "-o", output.path])
        #expect(run.status == 0, "\(run.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(run.output == "wrote \(files.count) CASE 1.1 packages to \(output.path)\n")
        #expect(files.contains("JOB-WELD-ROBOT.json") && files.contains("COURSE-PLC.json") && !files.contains("OLD.json"))
        let package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("COURSE-PLC.json"))) as? [String: Any])
        let document = try #require(package["CFDocument"] as? [String: Any])
        #expect(document["title"] as? String == "可编程控制器应用技术")
        // The change date comes from git: the last commit of the file, an ISO 8601 time.
        let date = try #require(document["lastChangeDateTime"] as? String)
        #expect(date.range(of: "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$", options: .regularExpression) != nil, "\(date)")
    }

    @Test func twoDocumentsWithOneIdAreNotExported() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["export", CLIRun.checkFixtures + "/duplicate-document-id", "--format", "case", "-o", folder.appendingPathComponent("case").path])
        #expect(run.status == 2 && run.errors.contains("have the same id C1; give each its own id"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("case").path))
    }

    @Test func csvExportsOpenInSpreadsheets() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = folder.appendingPathComponent("items.csv")
        let run = await CLIRun.run(["export", "standards", "--format", "csv", "--table", "items", "--bom", "-o", items.path])
        #expect(run.status == 0 && run.output.isEmpty, "\(run.errors)")
        let bytes = Array(try Data(contentsOf: items))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("document,kind,document_title,item,family,section,statement,attributes,references,covered_by\r\n"))
        #expect(text.contains("COURSE-PLC,course,可编程控制器应用技术,LO1,learning outcome,能力目标,"), "\(text.prefix(600))")
        let matrix = await CLIRun.run(["export", "standards", "--format", "csv"])
        let trace = await CLIRun.run(["trace", "standards", "--format", "csv"])
        #expect(matrix.output == trace.output && matrix.output.hasPrefix("document,item,kind,statement,level,outcomes,"))
        let json = await CLIRun.run(["export", "standards", "--format", "json"])
        let model = await CLIRun.run(["model", "standards", "--json"])
        #expect(json.output == model.output && json.output.hasPrefix("{"))
    }

    /// A project made by `stdkit init` (Chinese).
    static func project() async throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        #expect(await CLIRun.run(["init", "p"], in: folder).status == 0)
        return folder.appendingPathComponent("p")
    }

    @Test func aGB18030SpreadsheetBecomesAValidJobProfile() async throws {
        let root = try await Self.project()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let file = Self.fixtures.appendingPathComponent("requirements-gb18030.csv").path
        let run = await CLIRun.run(["import", "csv", file, "--id", "JOB-WELD", "--title", "焊接机器人操作员"], in: root)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("created jobs/job-weld.md: job-profile JOB-WELD, 7 items\n"), "\(run.output)")
        let text = Self.read(root.appendingPathComponent("jobs/job-weld.md"))
        for statement in ["能按照安全规程完成焊接机器人开机、回原点与急停测试", "能识读焊接工艺卡，确定电流、电压与焊接速度",
                          "能编写直线、圆弧焊缝的示教程序，并完成焊枪姿态调整", "能记录𠀀设备运行参数并填写交接班记录"] {
            #expect(text.contains(statement), "every requirement: \(statement)")
        }
        let check = await CLIRun.run(["check", "--format", "json"], in: root)
        #expect(check.status == 0, "no error: \(check.output.prefix(2000))")
        // The same again: refused, nothing written.
        let again = await CLIRun.run(["import", "csv", file, "--id", "JOB-WELD"], in: root)
        #expect(again.status == 2 && again.errors == "error: the id JOB-WELD is taken by jobs/job-weld.md; choose another\n", "\(again.errors)")
        let wrong = await CLIRun.run(["import", "csv", file, "--encoding", "utf-8", "--id", "JOB-OTHER"], in: root)
        #expect(wrong.status == 2 && wrong.errors.contains("requirements-gb18030.csv:1: the file is not valid UTF-8 here; if it is GBK or GB18030, say --encoding gb18030"), "\(wrong.errors)")
    }

    @Test func caseOnetAndESCOImportsFromTheCommandLine() async throws {
        guard FileManager.default.fileExists(atPath: Self.corpora.appendingPathComponent("case").path) else {
            print("skipped: ../shared/corpora is absent")
            return
        }
        let root = try await Self.project()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let sample = Self.corpora.appendingPathComponent("case/opensalt-sample-framework.json").path
        let run = await CLIRun.run(["import", "case", sample, "--owner", "enterprise", "-o", "imported"], in: root)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("created imported/job-what-standards-could-be.md: job-profile JOB-WHAT-STANDARDS-COULD-BE, 16 items"), "\(run.output)")
        #expect(run.output.contains("note: associations other than isChildOf and isRelatedTo between the package's own items are not imported (exactMatchOf"), "\(run.output)")
        let certificate = await CLIRun.run(["import", "case", sample, "--kind", "certificate", "--id", "CERT-CCSS"], in: root)
        #expect(certificate.status == 0, "\(certificate.errors)")
        #expect(Self.read(root.appendingPathComponent("certificates/cert-ccss.md")).contains("- **WA1** Understand ratio concepts"))
        let onet = await CLIRun.run(["import", "onet", "51-4121.00", "--data", Self.corpora.appendingPathComponent("onet-29.3").path], in: root)
        #expect(onet.status == 0 && onet.output.contains("JOB-ONET-51-4121-00, 30 items"), "\(onet.errors)")
        let check = await CLIRun.run(["check"], in: root)
        #expect(check.status == 0, "\(check.output.suffix(500))")
        let esco = await CLIRun.run(["import", "esco", "technical director", "--data", Self.corpora.appendingPathComponent("esco-1.0").path], in: root)
        #expect(esco.status == 2 && esco.errors.contains("occupationSkillRelations_en.csv is missing"), "\(esco.errors)")
        let wrongKind = await CLIRun.run(["import", "case", sample, "--kind", "course"], in: root)
        #expect(wrongKind.errors == "error: unknown kind 'course'; the kinds this can make are: job-profile, certificate\n")
        let notCASE = await CLIRun.run(["import", "case", root.appendingPathComponent("stdkit.yml").path], in: root)
        #expect(notCASE.status == 2 && notCASE.errors.contains("not JSON"), "\(notCASE.errors)")
    }

    @Test func schemasForOneKindOrAll() async throws {
        let run = await CLIRun.run(["schema", "standards", "--kind", "course"])
        #expect(run.status == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect((properties["owner"] as? [String: Any])?["enum"] as? [String] == ["yhzy", "hnauto", "hnauto-college", "gd-robot-group"], "the flagship's parties")
        #expect(((properties["prerequisites"] as? [String: Any])?["items"] as? [String: Any])?["examples"].map { ($0 as? [String])?.contains("COURSE-PLC") == true } == true)
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = await CLIRun.run(["schema", "standards", "--all", "-o", folder.appendingPathComponent("schemas").path])
        #expect(all.status == 0, "\(all.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("schemas").path).filter { !$0.hasPrefix(".") }.sorted()
                == ["apprenticeship.schema.json", "certificate.schema.json", "course.schema.json", "facility.schema.json", "job-profile.schema.json",
                    "material.schema.json", "programme.schema.json", "training.schema.json"])
        let unknown = await CLIRun.run(["schema", "standards", "--kind", "lesson"])
        #expect(unknown.status == 2 && unknown.errors.contains("unknown kind 'lesson'"))
        let neither = await CLIRun.run(["schema", "standards"])
        #expect(neither.status == 2 && neither.errors.contains("name one --kind, or --all with -o DIR"))
    }
}
