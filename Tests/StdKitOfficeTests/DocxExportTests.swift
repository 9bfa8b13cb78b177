import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitOffice

/// `DocxExport`: the parts it writes, read back as XML.
@Suite("Word export")
struct DocxExportTests {
    static let config = """
        name: 测试专业
        lang: zh-CN
        parties:
          - {id: szpt, name: 深圳某职业技术学院, kind: school}
          - {id: acme, name: 某汽车制造有限公司, kind: enterprise}
        """

    static let programme = """
        ---
        id: PROG-T
        kind: programme
        title: 测试专业人才培养方案
        version: 1.0.0
        status: approved
        owner: szpt
        parties: [szpt, acme]
        duration: 1
        courses:
          - {id: COURSE-A, category: public-basic, semester: 1, hours: {theory: 30, practice: 10}, credits: 2.5, assessment: exam}
          - {id: COURSE-B, category: public-basic, semester: [1, 2], hours: {theory: 20, practice: 20}, credits: 2, assessment: test}
          - {id: COURSE-C, category: professional-core, semester: 2, hours: {theory: 0, practice: 60}, credits: 3, assessment: test}
        approvals:
          - {party: acme, version: 1.0.0, digest: 0000000000000000000000000000000000000000000000000000000000000000, by: 刘工, date: 2026-07-09}
        ---

        # 测试专业人才培养方案

        ## 培养规格

        - **S1** 能完成机器人示教编程。
        - **S2** 能维护工作站 → ns:PROG-NS#S1

        ## 课程设置

        | 课程 | 学时 |
        | --- | --- |
        | 示教 | 40 |
        """

    static let courseA = """
        ---
        id: COURSE-A
        kind: course
        title: 机器人编程
        version: 1.1.0
        status: review
        hours: {theory: 30, practice: 10}
        credits: 2.5
        ---

        # 机器人编程

        ## 课程目标

        - **LO1** 能编写搬运程序 → PROG-T#S1, COURSE-B#LO9
        - **LO2** 能使用 `MoveL` 指令

        ### **U1** 基本指令 {hours=10}

        ```
        MoveL p10, v100;
        ```
        """

    static let courseB = """
        ---
        id: COURSE-B
        kind: course
        title: 工作站维护
        ---

        ## 课程目标

        - **LO1** 能点检工作站。
        """

    static let courseC = """
        ---
        id: COURSE-C
        kind: course
        title: 岗位实习
        ---

        # 岗位实习
        """

    static func project(config: String = config) async throws -> Project {
        try await ProjectLoader.load(files: [
            "stdkit.yml": Array(config.utf8), "programme.md": Array(programme.utf8),
            "courses/a.md": Array(courseA.utf8), "courses/b.md": Array(courseB.utf8), "courses/c.md": Array(courseC.utf8),
        ], name: "test")
    }

    static func export(_ project: Project) -> DocxExport {
        let documents = DocxExport.defaultDocuments(of: project)
        var source = DocxSource(project: "test", commit: "0123456789abcdef0123456789abcdef01234567", date: Date(timeIntervalSince1970: 1_780_000_000))
        for document in documents {
            source.paths[document.id!] = document.path
            source.blobs[document.id!] = DocxSource.blobID(of: Array(document.text.utf8))
        }
        return DocxExport(project: project, documents: documents, source: source)
    }

    static func part(_ export: DocxExport, _ name: String) throws -> String {
        let data = try #require(export.parts().first { $0.name == name }?.data)
        return String(decoding: data, as: UTF8.self)
    }

    /// Every element of `xml` named `name`, with its attributes, in order.
    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String])] = []
        var error: String?
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            found.append((elementName, attributes))
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            error = "\(parseError) at line \(parser.lineNumber)"
        }
        static func of(_ xml: String) -> Elements {
            let parser = XMLParser(data: Data(xml.utf8))
            let elements = Elements()
            parser.delegate = elements
            _ = parser.parse()
            return elements
        }
    }

    @Test func theProgrammeComesFirstThenItsCoursesInTheListsOrder() async throws {
        let project = try await Self.project()
        #expect(DocxExport.defaultDocuments(of: project).compactMap(\.id) == ["PROG-T", "COURSE-A", "COURSE-B", "COURSE-C"])
    }

    @Test func everyPartIsWellFormedXML() async throws {
        let parts = Self.export(try await Self.project()).parts()
        #expect(parts.map(\.name) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                                      "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/fontTable.xml",
                                      "word/footer1.xml", "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"])
        for part in parts {
            let elements = Elements.of(String(decoding: part.data, as: UTF8.self))
            #expect(elements.error == nil, "\(part.name): \(elements.error ?? "")")
            #expect(!elements.found.isEmpty, "\(part.name) is empty")
        }
    }

    @Test func theSameInputGivesTheSameBytes() async throws {
        let first = try Self.export(try await Self.project()).data()
        let second = try Self.export(try await Self.project()).data()
        #expect(first == second)
        // And the zip is one the reader of stdkit opens.
        let archive = try DocxArchive(data: first, file: "t.docx")
        #expect(archive.part("word/document.xml") != nil)
        #expect(archive.part("docProps/custom.xml") != nil)
    }

    @Test func itemsHaveTheirBookmarksAndEveryReviewUnitItsHiddenOne() async throws {
        let project = try await Self.project()
        let export = Self.export(project)
        let elements = Elements.of(try Self.part(export, "word/document.xml")).found
        let starts = elements.filter { $0.name == "w:bookmarkStart" }
        let ends = elements.filter { $0.name == "w:bookmarkEnd" }.compactMap { $0.attributes["w:id"] }
        let ids = starts.compactMap { $0.attributes["w:id"] }
        #expect(Set(ids).count == ids.count, "bookmark ids repeat")
        #expect(ids.sorted() == ends.sorted(), "every bookmark ends once")
        let names = starts.compactMap { $0.attributes["w:name"] }
        for document in export.documents {
            #expect(names.contains(DocxNames.bookmark(for: document.id!)))
            for item in document.items {
                #expect(names.contains(DocxNames.bookmark(for: item.fullID)), "\(item.fullID)")
            }
        }
        #expect(names.contains("COURSE_A_U1") && names.contains("COURSE_A_LO2") && names.contains("PROG_T_S2"))
        for (index, document) in export.documents.enumerated() {
            let units = ReviewUnits.units(of: document)
            let expected = units.map { ReviewUnits.bookmarkName(document: index, unit: $0.index) }
            #expect(names.filter { $0.hasPrefix("_sk\(index)_") } == expected, "\(document.id!)")
        }
        // COURSE-A: title, heading, two items, the unit heading, the code block.
        #expect(ReviewUnits.units(of: export.documents[1]).count == 6)
    }

    @Test func aReviewUnitEnclosesItsItemsParagraph() async throws {
        let export = Self.export(try await Self.project())
        let xml = try Self.part(export, "word/document.xml")
        // COURSE-A's units: 0 title, 1 课程目标, 2 LO1, 3 LO2, …
        let start = try #require(xml.range(of: "w:name=\"_sk1_2\""))
        let tail = xml[start.upperBound...]
        let idText = try #require(xml[..<start.lowerBound].range(of: "w:id=\"", options: .backwards))
        let id = xml[idText.upperBound...].prefix { $0 != "\"" }
        let end = try #require(tail.range(of: "<w:bookmarkEnd w:id=\"\(id)\"/>"))
        let inside = String(tail[..<end.lowerBound])
        #expect(inside.contains("w:name=\"COURSE_A_LO1\""))
        #expect(inside.contains(">LO1<"))
        #expect(inside.contains("能编写搬运程序"))
        #expect(!inside.contains("LO2"))
    }

    @Test func aReferenceInTheFileLinksToItsBookmarkAndOneOutsideStaysText() async throws {
        let export = Self.export(try await Self.project())
        let elements = Elements.of(try Self.part(export, "word/document.xml")).found
        let names = Set(elements.filter { $0.name == "w:bookmarkStart" }.compactMap { $0.attributes["w:name"] })
        let anchors = elements.filter { $0.name == "w:hyperlink" }.compactMap { $0.attributes["w:anchor"] }
        #expect(anchors.contains("PROG_T_S1"))
        #expect(anchors.allSatisfy(names.contains), "a hyperlink to no bookmark: \(anchors.filter { !names.contains($0) })")
        // COURSE-B#LO9 and ns:PROG-NS#S1 are not in the file: text as written, no link.
        #expect(!anchors.contains("COURSE_B_LO9"))
        let xml = try Self.part(export, "word/document.xml")
        #expect(xml.contains(">PROG-T#S1</w:t></w:r></w:hyperlink>"))
        #expect(xml.contains(">COURSE-B#LO9</w:t>"))
        #expect(xml.contains(">ns:PROG-NS#S1</w:t>"))
    }

    @Test func customPropertiesRecordTheSource() async throws {
        let export = Self.export(try await Self.project())
        let elements = Elements.of(try Self.part(export, "docProps/custom.xml")).found
        let names = elements.filter { $0.name == "property" }.compactMap { $0.attributes["name"] }
        #expect(names == ["stdkit.project", "stdkit.documents", "stdkit.commit",
                          "stdkit.path.PROG-T", "stdkit.blob.PROG-T", "stdkit.path.COURSE-A", "stdkit.blob.COURSE-A",
                          "stdkit.path.COURSE-B", "stdkit.blob.COURSE-B", "stdkit.path.COURSE-C", "stdkit.blob.COURSE-C"])
        let pids = elements.filter { $0.name == "property" }.compactMap { $0.attributes["pid"] }
        #expect(pids == (2...12).map(String.init))
        let values = Dictionary(uniqueKeysWithValues: export.customProperties.map { ($0.name, $0.value) })
        #expect(values["stdkit.documents"] == "PROG-T COURSE-A COURSE-B COURSE-C")
        #expect(values["stdkit.commit"] == "0123456789abcdef0123456789abcdef01234567")
        #expect(values["stdkit.path.COURSE-A"] == "courses/a.md")
        #expect(values["stdkit.blob.COURSE-A"] == DocxSource.blobID(of: Array(Self.courseA.utf8)))
        let core = try Self.part(export, "docProps/core.xml")
        #expect(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-05-28T20:26:40Z</dcterms:modified>"))
    }

    @Test func theBlobIDIsGits() {
        // `printf 'hello\n' | git hash-object --stdin`
        #expect(DocxSource.blobID(of: Array("hello\n".utf8)) == "ce013625030ba8dba906f756967f9e9ca394464a")
        #expect(DocxSource.blobID(of: []) == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
    }

    @Test func fontsComeFromTheSettingsChineseAndLatinApart() async throws {
        let defaults = try Self.part(Self.export(try await Self.project()), "word/styles.xml")
        #expect(defaults.contains("<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/>"))
        #expect(defaults.contains("<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"120\" w:after=\"60\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"黑体\""))
        let settings = Self.config + "\nword: {fonts: {body: 仿宋, heading: 方正小标宋简体, latin: Arial}}\n"
        let chosen = try Self.part(Self.export(try await Self.project(config: settings)), "word/styles.xml")
        #expect(chosen.contains("<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"仿宋\" w:cs=\"Arial\"/>"))
        #expect(chosen.contains("w:eastAsia=\"方正小标宋简体\""))
        #expect(!chosen.contains("Times New Roman"))
        let fontTable = try Self.part(Self.export(try await Self.project(config: settings)), "word/fontTable.xml")
        #expect(fontTable.contains("<w:font w:name=\"仿宋\"><w:altName w:val=\"FangSong\"/><w:charset w:val=\"86\"/>"))
    }

    @Test func aFontThatIsNotOneNameIsAConfigFindingAtItsLine() {
        let (config, diagnostics) = ProjectConfig.parse("name: x\nword:\n  fonts:\n    body: [宋体, 仿宋]\n    latin: Arial\n", defaultName: "x")
        #expect(diagnostics.map(\.rule) == ["config-invalid"])
        #expect(diagnostics.map(\.location.line) == [4])
        #expect(config.wordFonts == WordFonts(body: "宋体", heading: "黑体", latin: "Arial"))
        let (_, unknown) = ProjectConfig.parse("word:\n  fonts:\n    title: 黑体\n", defaultName: "x")
        #expect(unknown.map(\.rule) == ["config-invalid"])
        #expect(unknown.map(\.location.line) == [3])
    }

    @Test func theScheduleMergesTheCategoryColumnAndGroupsTheHeader() async throws {
        let project = try await Self.project()
        let programme = try #require(project.document("PROG-T"))
        let tables = DocxProgrammeTables(table: try #require(CourseTable(programme)), project: project, strings: DocxStrings(lang: "zh-CN"))
        let schedule = tables.schedule()
        // 8 fixed columns and the semesters of a one-year programme.
        #expect(schedule.columns.count == 10)
        #expect(schedule.columns.reduce(0, +) == DocxDocumentRenderer.textWidth)
        let xml = schedule.xml
        let cells = Elements.of(xml).found.filter { ["w:gridSpan", "w:vMerge"].contains($0.name) }.map { "\($0.name)=\($0.attributes["w:val"] ?? "")" }
        #expect(cells == [
            // header row 1: 课程类别 … 考核方式 restart, 学时 over 3, 学分 restart, 各学期 over 2
            "w:vMerge=restart", "w:vMerge=restart", "w:vMerge=restart", "w:vMerge=restart", "w:gridSpan=3", "w:vMerge=restart", "w:gridSpan=2",
            // header row 2: the four continued, 学分 continued
            "w:vMerge=", "w:vMerge=", "w:vMerge=", "w:vMerge=", "w:vMerge=",
            // 公共基础课 over its two courses, then its subtotal over 4 columns
            "w:vMerge=restart", "w:vMerge=", "w:gridSpan=4",
            // 专业核心课: one course, no merge; its subtotal; the total
            "w:gridSpan=4", "w:gridSpan=4",
        ])
        let texts = Self.texts(xml)
        #expect(Array(texts.suffix(7)) == ["合计", "140", "50", "90", "7.5", "60", "80"])
        let structure = Self.texts(tables.structure().xml)
        #expect(Array(structure.prefix(12)) == ["课程类别", "门数", "学时", "占总学时", "学分", "理论", "实践", "总学时", "公共基础课", "2", "50", "30"])
        #expect(structure.contains("57.1%") && structure.contains("42.9%"))
    }

    /// The text of each `w:t`, in order.
    static func texts(_ xml: String) -> [String] {
        var texts: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<w:t xml:space=\"preserve\">"), let close = rest[open.upperBound...].range(of: "</w:t>") {
            texts.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return texts
    }

    @Test func headingsAreNumberedOfficiallyEachDocumentFromOne() async throws {
        let export = Self.export(try await Self.project())
        let numbering = try Self.part(export, "word/numbering.xml")
        #expect(numbering.contains("<w:numFmt w:val=\"chineseCounting\"/><w:pStyle w:val=\"Heading2\"/><w:suff w:val=\"nothing\"/><w:lvlText w:val=\"%1、\"/>"))
        #expect(numbering.contains("<w:numFmt w:val=\"chineseCounting\"/><w:pStyle w:val=\"Heading3\"/><w:suff w:val=\"nothing\"/><w:lvlText w:val=\"（%2）\"/>"))
        #expect(numbering.contains("<w:lvlText w:val=\"%3.\"/>") && numbering.contains("<w:lvlText w:val=\"（%4）\"/>"))
        let document = try Self.part(export, "word/document.xml")
        // The programme's 培养规格 and 课程设置 share instance 1; COURSE-A's 课程目标 and U1 have their own.
        #expect(document.contains("<w:pStyle w:val=\"Heading2\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"))
        let courseA = try #require(document.range(of: "w:name=\"COURSE_A\""))
        let afterA = document[courseA.upperBound...]
        let firstHeading = try #require(afterA.range(of: "<w:pStyle w:val=\"Heading2\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\""))
        let number = afterA[firstHeading.upperBound...].prefix { $0 != "\"" }
        #expect(number != "1")
        #expect(numbering.contains("<w:num w:numId=\"\(number)\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"))
        #expect(afterA.contains("<w:pStyle w:val=\"Heading3\"/><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"\(number)\"/></w:numPr>"))
        #expect(DocxDocumentRenderer.isNumbered("一、专业名称") && DocxDocumentRenderer.isNumbered("（二）素质")
                && DocxDocumentRenderer.isNumbered("3. 知识") && DocxDocumentRenderer.isNumbered("附录一 审定记录"))
        #expect(!DocxDocumentRenderer.isNumbered("课程目标") && !DocxDocumentRenderer.isNumbered("2026 年修订") && !DocxDocumentRenderer.isNumbered("1+X 证书"))
    }

    @Test func thePageIsA4WithThePageNumberInTheFooter() async throws {
        let export = Self.export(try await Self.project())
        let document = try Self.part(export, "word/document.xml")
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(document.contains("<w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-3&quot; \\h \\z \\u </w:instrText>"))
        #expect(try Self.part(export, "word/footer1.xml").contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(try Self.part(export, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"))
        // The sign-off table: the approval's digest is not the document's, so it is stale.
        #expect(document.contains(">某汽车制造有限公司（acme）</w:t>"))
        #expect(document.contains(">已过期（批准后有修改）</w:t>"))
    }

    /// The paragraphs of `blocks`, table cells included, in order.
    static func paragraphs(_ blocks: [WordBlock]) -> [WordParagraph] {
        blocks.flatMap { block -> [WordParagraph] in
            switch block {
            case .paragraph(let paragraph): [paragraph]
            case .table(let table): table.rows.flatMap { $0.cells.flatMap { paragraphs($0.blocks) } }
            }
        }
    }

    @Test func stdkitsOwnReaderReadsTheExportBack() async throws {
        let export = Self.export(try await Self.project())
        let word = try WordDocument(archive: try DocxArchive(data: try export.data(), file: "t.docx"))
        #expect(word.customProperties["stdkit.documents"] == "PROG-T COURSE-A COURSE-B COURSE-C")
        #expect(word.customProperties["stdkit.commit"] == "0123456789abcdef0123456789abcdef01234567")
        let paragraphs = Self.paragraphs(word.blocks)
        func paragraph(bookmarked name: String) -> WordParagraph? {
            paragraphs.first { $0.inlines.contains { if case .bookmarkStart(_, name) = $0 { true } else { false } } }
        }
        // The review unit of LO1 holds its text as written, references and all.
        let lo1 = try #require(paragraph(bookmarked: "_sk1_2"))
        #expect(lo1.text() == "LO1 能编写搬运程序 → PROG-T#S1, COURSE-B#LO9")
        #expect(lo1.inlines.contains(.hyperlinkStart(anchor: "PROG_T_S1", relationship: nil)))
        let goals = try #require(paragraph(bookmarked: "_sk1_1"))
        #expect(goals.text() == "课程目标")
        #expect(word.headingLevel(of: goals) == 2)
        #expect(word.headingLevel(of: try #require(paragraph(bookmarked: "_sk1_0"))) == 1)
        let unit = try #require(paragraph(bookmarked: "COURSE_A_U1"))
        #expect(unit.text() == "U1 基本指令 {hours=10}")
        #expect(word.headingLevel(of: unit) == 3)
        let number = try #require(goals.numbering)
        #expect(word.numbering.level(numID: number.numID, level: 0) == WordNumberingLevel(format: "chineseCounting", text: "%1、", start: 1))
        #expect(word.numbering.level(numID: number.numID, level: 1) == WordNumberingLevel(format: "chineseCounting", text: "（%2）", start: 1))
        // The schedule: 学时 over three columns, 公共基础课 merged down its two courses.
        let tables = word.blocks.compactMap { block -> WordTable? in
            if case .table(let table) = block, table.rows.first?.cells.first?.text() == "课程类别", table.rows.first?.cells.count == 7 { table } else { nil }
        }
        let schedule = try #require(tables.first)
        #expect(schedule.rows[0].cells.map(\.gridSpan) == [1, 1, 1, 1, 3, 1, 2])
        #expect(schedule.rows[0].isHeader && schedule.rows[1].isHeader)
        #expect(schedule.rows[2].cells[0].verticalMerge == .restart)
        #expect(schedule.rows[3].cells[0].verticalMerge == .continue)
        #expect(schedule.rows[2].cells.map { $0.text() } == ["公共基础课", "机器人编程", "", "考试", "40", "30", "10", "2.5", "40", ""])
    }
}
