import Foundation
import Testing
import StdKitCheck
import StdKitModel
import StdKitSyntax
@testable import StdKitInterop

/// The CSV reader and writer, text decoding, and job profiles from spreadsheets, O*NET and ESCO.
@Suite("Spreadsheet and occupation imports")
struct SpreadsheetImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let corpora = CASETests.corpora

    /// The rows of requirements-utf8.csv as a spreadsheet program shows them.
    static let requirements = [
        ("R1", "能按照安全规程完成焊接机器人开机、回原点与急停测试", "3", "设备点检"),
        ("R2", "能识读焊接工艺卡，确定电流、电压与焊接速度", "3", "工艺准备"),
        ("R3", "能编写直线、圆弧焊缝的示教程序，并完成焊枪姿态调整", "4", "程序编制"),
        ("R4", "能记录𠀀设备运行参数并填写交接班记录", "2", "设备点检"),
    ]

    static func template(kind: String = "job-profile", lang: String = "zh-CN") throws -> (DocumentTemplate, SchemaLibrary) {
        var config = ProjectConfig(name: "导入")
        config.lang = lang
        config.parties = [Party(id: "school", name: "学校", kind: .school), Party(id: "acme", name: "企业", kind: .enterprise)]
        let schemas = try SchemaLibrary.builtIn()
        return (DocumentTemplate(schema: try #require(schemas.schema(for: kind)), config: config), schemas)
    }

    /// A project folder holding `documents`, loaded and checked: the errors found.
    static func errors(of documents: [NewDocument]) async throws -> [String] {
        let root = try CASETests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try "name: 导入\nparties:\n  - {id: school, name: 学校, kind: school}\n  - {id: acme, name: 企业, kind: enterprise}\n"
            .write(to: root.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        for document in documents {
            try document.text.write(to: root.appendingPathComponent(document.id + ".md"), atomically: true, encoding: .utf8)
        }
        let project = try await ProjectLoader.load(root: root)
        return Checker().check(project).diagnostics.filter { $0.severity == .error }.map { "\($0.file):\($0.location.line): \($0.message.english)" }
    }

    @Test(arguments: [("requirements-utf8.csv", TextDecoding.Encoding.utf8), ("requirements-utf8-bom.csv", .utf8), ("requirements-gb18030.csv", .gb18030)])
    func aSpreadsheetInEachEncodingBecomesTheSameJobProfile(file: String, encoding: TextDecoding.Encoding) async throws {
        let bytes = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent(file)))
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.encoding == encoding)
        let (template, schemas) = try Self.template()
        let documents = try RequirementsCSV(template: template, date: "2026-11-29").documents(from: decoded.text, name: file, encoding: decoded.encoding, id: "JOB-WELD", title: "焊接机器人操作员")
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.misread(schemas: schemas).isEmpty)
        let parsed = ProjectLoader.document(path: "job.md", bytes: Array(document.text.utf8), schemas: schemas)
        #expect(parsed.id == "JOB-WELD" && parsed.title == "焊接机器人操作员" && parsed.kind == "job-profile")
        for (id, statement, level, task) in Self.requirements {
            let item = try #require(parsed.item(id), "\(id) in \(document.text)")
            #expect(item.text == statement)
            #expect(item.attribute("level") == level)
            let taskID = try #require(item.attribute("task"))
            #expect(parsed.item(taskID)?.text == task)
        }
        #expect(parsed.item("R2")?.attribute("note") == "含\"双脉冲\"参数")
        #expect(parsed.item("R3")?.attribute("code") == "A-07", "an id of another form is kept as its code")
        #expect(parsed.items.filter { $0.id.hasPrefix("R") }.count == Self.requirements.count, "the empty row is skipped")
        #expect(document.text.contains("来源：表格 \(file)（\(encoding.rawValue.uppercased())）"))
        #expect(try await Self.errors(of: documents).isEmpty)
    }

    @Test func decodingFailuresNameTheLine() throws {
        var bytes = Array("要求\n第一行\n".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        #expect(throws: TextDecoding.Failure(line: 3, message: "the file is not valid UTF-8 here; if it is GBK or GB18030, say --encoding gb18030")) {
            try TextDecoding.decode(bytes, as: .utf8)
        }
        // Not GB18030 either (0x80 cannot start a GB18030 character): UTF-8's failure is reported.
        #expect(throws: TextDecoding.Failure.self) { try TextDecoding.decode(Array("要求\n".utf8) + [0x80, 0x0A]) }
        let gb = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("requirements-gb18030.csv")))
        #expect(throws: TextDecoding.Failure(line: 1, message: "the file is not valid UTF-8 here; if it is GBK or GB18030, say --encoding gb18030")) {
            try TextDecoding.decode(gb, as: .utf8)
        }
        let truncated = Array(gb.prefix(while: { $0 != 0x0A })) + [0x0A, 0x81]
        #expect(throws: TextDecoding.Failure(line: 2, message: "the file is not valid GB18030 here")) { try TextDecoding.decode(truncated, as: .gb18030) }
        // UTF-16 with its mark, as spreadsheets save "Unicode text".
        let units: [UInt8] = "编号\t要求\n1\t能焊接\n".utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf16: [UInt8] = [0xFF, 0xFE] + units
        let decoded = try TextDecoding.decode(utf16)
        #expect(decoded.encoding == .utf16 && decoded.text == "编号\t要求\n1\t能焊接\n")
        #expect(try CSV.records(decoded.text).map(\.fields) == [["编号", "要求"], ["1", "能焊接"]])
    }

    @Test func csvReadsWhatSpreadsheetsWriteAndWritesWhatTheyRead() throws {
        let text = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\r\n\r\nlast,\"\"\r\n"
        let records = try CSV.records(text)
        #expect(records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", ""], ["last", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
        #expect(try CSV.records(CSV.text(records.map(\.fields))).map(\.fields) == records.map(\.fields))
        #expect(try CSV.records("a;b\n1;2\n").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(throws: CSV.Failure(line: 2, message: "a quoted field opened here is never closed")) { try CSV.records("a\n\"open\nb\n") }
        #expect(CSV.text([["=1+1", "-", "-5", "@x", "+1", "- item"]]) == "'=1+1,-,-5,'@x,'+1,'- item\r\n", "formulas never compute")
        #expect(CSV.text([["中文"]], byteOrderMark: true).hasPrefix("\u{FEFF}中文"))
    }

    @Test func aTableOfSeveralJobsMakesOneDocumentEach() async throws {
        let text = "岗位,要求\n焊接操作员,能完成点检\nWelding Programmer,能编写程序\n焊接操作员,能记录参数\n"
        let (template, _) = try Self.template()
        let documents = try RequirementsCSV(template: template).documents(from: text, name: "jobs.csv", encoding: .utf8, id: "JOB-W", title: nil)
        #expect(documents.map(\.id) == ["JOB-W-1", "JOB-W-2"])
        #expect(documents.map(\.items.count) == [2, 1])
        let unnamed = try RequirementsCSV(template: template).documents(from: text, name: "jobs.csv", encoding: .utf8, id: nil, title: nil)
        #expect(unnamed[1].id == "JOB-WELDING-PROGRAMMER")
        #expect(unnamed[0].id.range(of: "^JOB-[0-9A-F]{6}$", options: .regularExpression) != nil, "a Chinese title gives a digest id: \(unnamed[0].id)")
        #expect(try await Self.errors(of: unnamed).isEmpty)
    }

    @Test func badTablesAreRefusedWithTheLine() throws {
        let (template, _) = try Self.template()
        let importer = RequirementsCSV(template: template)
        #expect(throws: RequirementsCSV.Failure.self) { try importer.documents(from: "名称,数量\n甲,1\n", name: "x.csv", encoding: .utf8, id: nil, title: nil) }
        do {
            _ = try importer.documents(from: "编号,要求\nR1,甲\nR1,乙\n", name: "x.csv", encoding: .utf8, id: nil, title: nil)
            Issue.record("duplicate ids must be refused")
        } catch {
            #expect(error.description == "x.csv:3: the id R1 is also on line 2; make the ids unique or leave the column empty")
        }
        let mixed = try importer.documents(from: "编号,要求\n,甲\nR1,乙\n,丙\n", name: "x.csv", encoding: .utf8, id: "JOB-X", title: nil)
        #expect(mixed[0].items.map(\.id) == ["R2", "R1", "R3"], "a row without an id takes a number no row gives")
        let unused = try importer.documents(from: "要求,负责人\n甲,张三\n", name: "x.csv", encoding: .utf8, id: "JOB-X", title: nil)
        #expect(unused[0].notes.contains { $0.contains("columns not imported: 负责人") }, "a column that is not read is said")
    }

    /// O*NET's Welders, Cutters, Solderers, and Brazers: every task statement of the database
    /// (read here from the file, not through the importer) is a requirement, in order.
    @Test func anONETOccupationBecomesAJobProfile() async throws {
        let folder = Self.corpora.appendingPathComponent("onet-29.3")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            print("skipped: ../shared/corpora/onet-29.3 is absent")
            return
        }
        let (template, schemas) = try Self.template(lang: "en")
        let document = try OccupationImport(template: template, date: "2026-11-29").onet(code: "51-4121", folder: folder, id: nil)
        let lines = try String(contentsOf: folder.appendingPathComponent("Task Statements.txt"), encoding: .utf8).split(separator: "\n")
        let rows = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }.filter { $0.first == "51-4121.00" }
        #expect(rows.count == 30)
        let parsed = ProjectLoader.document(path: "job.md", bytes: Array(document.text.utf8), schemas: schemas)
        #expect(parsed.id == "JOB-ONET-51-4121-00" && parsed.title == "Welders, Cutters, Solderers, and Brazers")
        #expect(parsed.items.map(\.text) == rows.map { String($0[3]) })
        #expect(parsed.items.map { $0.attribute("onet-task") } == rows.map { String($0[2]) })
        #expect(document.text.contains("used under the CC BY 4.0 license"))
        #expect(try await Self.errors(of: [document]).isEmpty)
        #expect(throws: OccupationImport.Failure.self) { try OccupationImport(template: template).onet(code: "99-9999.99", folder: folder, id: nil) }
    }

    /// ESCO: the occupation row is real (esco-1.0's occupations_en.csv); the corpus holds no
    /// occupation–skill relations or skills, so those two files are a small fixture in the
    /// Commission's column layout (Fixtures/esco/), with skills invented for the test.
    @Test func anESCOOccupationBecomesAJobProfile() async throws {
        let occupations = Self.corpora.appendingPathComponent("esco-1.0/occupations_en.csv")
        guard FileManager.default.fileExists(atPath: occupations.path) else {
            print("skipped: ../shared/corpora/esco-1.0 is absent")
            return
        }
        let folder = try CASETests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("occupations_en.csv"), withDestinationURL: occupations)
        for file in ["occupationSkillRelations_en.csv", "skills_en.csv"] {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("esco/" + file), to: folder.appendingPathComponent(file))
        }
        let (template, schemas) = try Self.template(lang: "en")
        let importer = OccupationImport(template: template, date: "2026-11-29")
        let document = try importer.esco(occupation: "000e93a3-d956-4e45-aacb-f12c83fedf84", folder: folder, id: nil)
        let parsed = ProjectLoader.document(path: "job.md", bytes: Array(document.text.utf8), schemas: schemas)
        #expect(parsed.id == "JOB-METAL-DRAWING-MACHINE-OPERATOR" && parsed.title == "metal drawing machine operator")
        // The essential relations of the fixture, not the optional one nor another occupation's.
        let relations = try CSV.records(String(contentsOf: folder.appendingPathComponent("occupationSkillRelations_en.csv"), encoding: .utf8)).dropFirst()
        let skills = Dictionary(try CSV.records(String(contentsOf: folder.appendingPathComponent("skills_en.csv"), encoding: .utf8)).dropFirst().map { ($0.fields[1], $0.fields[4]) },
                                uniquingKeysWith: { a, _ in a })
        let expected = relations.filter { $0.fields[0].hasSuffix("000e93a3-d956-4e45-aacb-f12c83fedf84") && $0.fields[1] == "essential" }.compactMap { skills[$0.fields[3]] }
        #expect(expected.count == 3)
        #expect(Set(parsed.items.map(\.text)) == Set(expected))
        #expect(parsed.items.allSatisfy { $0.attribute("esco")?.hasPrefix("http://data.europa.eu/esco/skill/") == true })
        #expect(document.text.contains("Metal drawing machine operators"), "the occupation's description from the real row leads")
        #expect(document.text.contains("© European Union"))
        #expect(try await Self.errors(of: [document]).isEmpty)
        // The real corpus has no relations: the message says what is missing.
        do {
            _ = try importer.esco(occupation: "metal drawing machine operator", folder: Self.corpora.appendingPathComponent("esco-1.0"), id: nil)
            Issue.record("no relations file, no import")
        } catch {
            #expect(error.description.hasPrefix("occupationSkillRelations_en.csv is missing in"))
        }
    }

    @Test func whatCannotBeWrittenAsGivenIsCaughtBeforeWriting() throws {
        let (template, schemas) = try Self.template()
        let text = "要求,备注\n\"A &amp; B <b>x</b> *y* [z] `code` \\ end\",普通\n能焊接,\"他说\"\"好\"\"，又说'行'\"\n工艺流程：下料→焊接->检验 → JOB-X {a=b},\n"
        let document = try #require(try RequirementsCSV(template: template).documents(from: text, name: "x.csv", encoding: .utf8, id: "JOB-X", title: nil).first)
        let misread = document.misread(schemas: schemas)
        // A note with both kinds of quotes cannot be written as an attribute: caught (the import
        // stops, naming it), not lost.
        #expect(misread.map(\.id) == ["R2"], "\(misread)")
        let parsed = ProjectLoader.document(path: "a.md", bytes: Array(document.text.utf8), schemas: schemas)
        #expect(parsed.item("R1")?.text == "A &amp; B <b>x</b> *y* [z] `code` \\ end", "Markdown, entities and HTML stay text")
        #expect(parsed.item("R3")?.text == "工艺流程：下料→焊接->检验 → JOB-X {a=b}", "arrows and braces stay text")
        #expect(parsed.item("R3")?.references.isEmpty == true && parsed.item("R3")?.attributes.isEmpty == true)
    }

    @Test func docsListEveryHeaderTheImportReads() throws {
        let page = try String(contentsOf: CASETests.repository.appendingPathComponent("docs/interop.md"), encoding: .utf8)
        for column in RequirementsCSV.Column.allCases {
            for header in column.headers {
                #expect(page.contains(header), "docs/interop.md names the header '\(header)' of \(column)")
            }
        }
    }

    /// An imported statement or attribute reads back as written, even where a `{`, an arrow or
    /// a quote is followed by a combining mark (one `Character` with it in Swift).
    @Test func importedItemsReadBackWithCombiningMarks() throws {
        let statement = "选 {\u{301}x=1} 与 \"\u{301} -\u{301}> 与 *强调*"
        let value = "a\"\u{301}b c"
        let lines = ItemNode.markdown([ItemNode(id: "R1", statement: statement, attributes: [(key: "level", value: value)])])
        let parsed = DocumentParser.parse(bytes: Array(("# 要求\n\n" + lines.joined(separator: "\n") + "\n").utf8), path: "a.md")
        let items = ItemExtractor(source: parsed.source, file: "a.md").extract(from: parsed.body)
        #expect(items.diagnostics.isEmpty)
        let item = try #require(items.items.first)
        #expect(item.statement == statement)
        #expect(item.attributes.map { $0.key } == ["level"])
        #expect(item.attributes.first?.value == value)
    }
}
