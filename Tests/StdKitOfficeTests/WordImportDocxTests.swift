import Foundation
import Testing
import StdKitCheck
import StdKitInterop
import StdKitModel
import StdKitSyntax
@testable import StdKitOffice

/// `stdkit import docx` on .docx files: one written here part by part as Word writes it, one
/// python-docx writes, and the real programme typed in 正文 (Fixtures/programme-zhengwen.docx).
@Suite("Word import from .docx")
struct WordImportDocxTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let w = WordDocumentTests.w
    static let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])

    /// The project's findings as `file:line rule message`.
    static func findings(_ files: [String: String], otherFiles: Set<String> = []) async throws -> [String] {
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) }, otherFiles: otherFiles)
        return Checker().check(project).diagnostics.map { "\($0.file):\($0.location.line) \($0.rule) \($0.message.english)" }
    }

    /// A course standard as Word saves one: 正文 throughout, section numbers from automatic
    /// numbering (一、 and 1. in numbering.xml), a table of contents field, a page break, tracked
    /// changes, a comment, a footnote, an image, a text box, a field, merged cells, a footer.
    static func course() throws -> DocxArchive {
        func numbered(_ level: Int, _ text: String, bold: Bool = false) -> String {
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t>\(text)</w:t></w:r></w:p>"
        }
        let body = """
            <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>《PLC应用技术》课程标准</w:t></w:r></w:p>\
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、课程性质与任务</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>\
            <w:p><w:r><w:t>二、课程目标</w:t></w:r><w:r><w:tab/><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\
            <w:p><w:r><w:br w:type="page"/></w:r></w:p>\
            \(numbered(0, "课程性质与任务", bold: true))\
            <w:p><w:r><w:t>课程代码：ZY0301，学时：64（理论32，实践32），学分：4。本课程</w:t></w:r>\
            <w:del w:id="1" w:author="李工" w:date="2026-11-20T10:00:00Z"><w:r><w:delText>是一门课</w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="李工" w:date="2026-11-20T10:01:00Z"><w:r><w:t>是专业核心课</w:t></w:r></w:ins>\
            <w:r><w:t>。</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r></w:p>\
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:commentRangeStart w:id="0"/>\
            <w:r><w:rPr><w:b/></w:rPr><w:t>课程目标</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>\
            \(numbered(2, "能够识读电气原理图；"))\
            \(numbered(2, "能够编写梯形图程序。"))\
            \(numbered(0, "课程内容与学时分配", bold: true))\
            <w:p><w:r><w:t>项目安排见下表：</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="1" name="图片 1" descr="项目流程"/>\
            <a:graphic><a:graphicData><a:blip r:embed="rId9"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>\
            <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>实训前检查急停按钮。</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>实训前检查急停按钮。</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>\
            <w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
            <w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>学时</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>项目一 PLC 认识</w:t></w:r></w:p></w:tc>\
            <w:tc><w:p><w:r><w:t>硬件组成</w:t></w:r></w:p><w:p><w:r><w:t>接线</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>编程软件</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>16</w:t></w:r></w:p></w:tc></w:tr>\
            </w:tbl>\
            \(numbered(0, "考核评价", bold: true))\
            <w:p><w:r><w:t>过程考核占60%，由</w:t></w:r><w:fldSimple w:instr=" DOCPROPERTY Company "><w:r><w:t>南岭职院</w:t></w:r></w:fldSimple><w:r><w:t>组织。</w:t></w:r></w:p>
            """
        let document = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(w)><w:body>\#(body)<w:sectPr><w:footerReference w:type="default" r:id="rId12"/></w:sectPr></w:body></w:document>"#
        let numbering = #"<?xml version="1.0"?><w:numbering \#(w)><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        let footnotes = #"<?xml version="1.0"?><w:footnotes \#(w)><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 依据2026年专业教学标准修订。</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        let comments = #"<?xml version="1.0"?><w:comments \#(w)><w:comment w:id="0" w:author="王工" w:date="2026-11-21T09:00:00Z" w:initials="王"><w:p><w:r><w:t>目标太少</w:t></w:r></w:p></w:comment></w:comments>"#
        let rels = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="\#(relationship)/image" Target="media/image1.png"/><Relationship Id="rId12" Type="\#(relationship)/footer" Target="footer1.xml"/><Relationship Id="rId3" Type="\#(relationship)/numbering" Target="numbering.xml"/><Relationship Id="rId4" Type="\#(relationship)/footnotes" Target="footnotes.xml"/><Relationship Id="rId5" Type="\#(relationship)/comments" Target="comments.xml"/></Relationships>"#
        let footer = #"<?xml version="1.0"?><w:ftr \#(w)><w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"#
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
            ("word/document.xml", Data(document.utf8)), ("word/_rels/document.xml.rels", Data(rels.utf8)),
            ("word/numbering.xml", Data(numbering.utf8)), ("word/footnotes.xml", Data(footnotes.utf8)),
            ("word/comments.xml", Data(comments.utf8)), ("word/footer1.xml", Data(footer.utf8)), ("word/media/image1.png", png),
        ]
        return try DocxArchive(data: DocxPackage.zip(parts), file: "plc.docx")
    }

    @Test func whatWordPutsAroundTheTextIsReadOrReported() async throws {
        let archive = try Self.course()
        let source = WordImportSource(document: try WordDocument(archive: archive), archive: archive)
        let paragraphs = source.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
        // The table of contents is gone; the numbers Word draws are counted as it counts them.
        #expect(paragraphs.map { ($0.autoNumber ?? "") + $0.text } == [
            "《PLC应用技术》课程标准", "", "一、课程性质与任务", "课程代码：ZY0301，学时：64（理论32，实践32），学分：4。本课程是专业核心课。[注1]",
            "二、课程目标", "1.能够识读电气原理图；", "2.能够编写梯形图程序。", "三、课程内容与学时分配", "项目安排见下表：", "实训前检查急停按钮。",
            "四、考核评价", "过程考核占60%，由南岭职院组织。",
        ])
        #expect(paragraphs.map(\.number) == [1, 4, 5, 6, 7, 8, 9, 10, 11, 11, 12, 13])
        #expect(paragraphs.map(\.bold) == [true, false, true, false, true, false, false, true, false, false, true, false])
        #expect(paragraphs[8].images == [.init(part: "word/media/image1.png", description: "项目流程")])
        #expect(source.notes == ["依据2026年专业教学标准修订。"])
        #expect(source.notices.map(\.english) == [
            "paragraph 11: a text box: its text kept as paragraphs after it",
            "tracked changes accepted: 2 (insertions kept, deletions dropped)",
            "comments dropped: 1 (王工); stdkit did not export this file (bring reviews back with --review)",
            "table of contents: dropped (2 paragraphs)",
            "fields: 1 (DOCPROPERTY), their result text kept, the field dropped",
            "page breaks dropped: 1",
            "headers and footers dropped: 1",
        ])

        let result = WordImport(template: try await WordImportTests.template("course")).document(from: source, fileName: "plc")
        #expect(result.document.text == """
            ---
            id: COURSE-ZY0301
            kind: course
            title: 《PLC应用技术》课程标准
            version: 0.1.0
            status: draft
            owner: szpt
            parties: [szpt, acme]
            code: "ZY0301"
            hours: {theory: 32, practice: 32}
            credits: 4
            ---

            # 《PLC应用技术》课程标准

            ## 课程性质与任务

            课程代码：ZY0301，学时：64（理论32，实践32），学分：4。本课程是专业核心课。\\[注1\\]

            ## 课程目标

            - **LO1** 能够识读电气原理图；
            - **LO2** 能够编写梯形图程序。

            ## 课程内容与学时分配

            项目安排见下表：

            ![项目流程](course-zy0301-images/image1.png)

            实训前检查急停按钮。

            | 项目 | 任务 | 学时 |
            | --- | --- | --- |
            | 项目一 PLC 认识 | 硬件组成；接线 | 8 |
            | 项目一 PLC 认识 | 编程软件 | 8 |
            | 合计 | 合计 | 16 |

            ## 考核评价

            过程考核占60%，由南岭职院组织。

            - \\[注1\\] 依据2026年专业教学标准修订。

            """)
        #expect(result.report.map(\.english) == [
            "title “《PLC应用技术》课程标准”: paragraph 1",
            "sections: no heading styles (everything is 正文), guessed from the numbers that start paragraphs: 一、 level 1, （一） level 2, 1. level 3, （1） level 4",
            "paragraph 5: “一、课程性质与任务” (numbered by Word's automatic numbering) is a level-1 heading “课程性质与任务” (its number 一、 removed)",
            "paragraph 7: “二、课程目标” (numbered by Word's automatic numbering) is a level-1 heading “课程目标” (its number 二、 removed)",
            "paragraph 10: “三、课程内容与学时分配” (numbered by Word's automatic numbering) is a level-1 heading “课程内容与学时分配” (its number 三、 removed)",
            "paragraph 12: “四、考核评价” (numbered by Word's automatic numbering) is a level-1 heading “考核评价” (its number 四、 removed)",
            "id COURSE-ZY0301: made from the code ZY0301",
            "code: ZY0301 from paragraph 6 (“课程代码：ZY0301，学时：64（理论32，实践32），…”)",
            "hours: theory 32, practice 32 from paragraph 6 (“课程代码：ZY0301，学时：64（理论32，实践32），…”)",
            "credits: 4 from paragraph 6 (“课程代码：ZY0301，学时：64（理论32，实践32），…”)",
            "image word/media/image1.png: kept as course-zy0301-images/image1.png",
            "table 1: “项目一 PLC 认识” spans rows 2–3 of column 1: repeated in each",
            "table 1: “合计” spans columns 1–2 of row 4: repeated in each",
            "table 1: cells with several paragraphs, each joined in one line with “；”: 1",
            "footnotes and endnotes: 1, their text appended as a list at the end, marked [注1]… in the text",
            "section “课程目标”: 2 numbered lines became items LO1–LO2",
            "paragraph 11: a text box: its text kept as paragraphs after it",
            "tracked changes accepted: 2 (insertions kept, deletions dropped)",
            "comments dropped: 1 (王工); stdkit did not export this file (bring reviews back with --review)",
            "table of contents: dropped (2 paragraphs)",
            "fields: 1 (DOCPROPERTY), their result text kept, the field dropped",
            "page breaks dropped: 1",
            "headers and footers dropped: 1",
        ])
    }

    /// Whether `/usr/bin/python3` can import python-docx (Debian python3-docx).
    static let pythonDocx: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import docx"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// A programme python-docx writes with heading styles (Heading 1/2, numbers typed in them)
    /// and a table merged down and across (Fixtures/make-styled-programme.py).
    @Test(.enabled(if: pythonDocx, "skipped: /usr/bin/python3 with python-docx (Debian python3-docx) is missing"))
    func aProgrammeWithHeadingStylesFromPythonDocx() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("styled-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.fixtures.appendingPathComponent("make-styled-programme.py").path, output.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let archive = try DocxArchive(contentsOf: output)
        let source = WordImportSource(document: try WordDocument(archive: archive), archive: archive)
        let result = WordImport(template: try await WordImportTests.template("programme")).document(from: source, fileName: "styled")
        #expect(result.document.text.components(separatedBy: "---\n").last == """

            # 智能制造装备技术专业教学标准

            ## 专业名称及代码

            专业名称：智能制造装备技术

            专业代码：460701

            ## 修业年限

            修业年限：三年。

            ## 培养规格

            ### 知识

            - **S1** 掌握机械制图与公差配合知识。
            - **S2** 掌握PLC与伺服控制知识。

            ### 能力

            - **S3** 能够装调智能制造单元。

            ## 课程设置及学时安排

            总学时：2600，总学分：140。

            | 课程类别 | 课程名称 | 学时 |
            | --- | --- | --- |
            | 专业核心课程 | 智能制造单元装调 | 96 |
            | 专业核心课程 | 工业网络技术 | 64 |
            | 合计 | 合计 | 160 |

            """)
        #expect(result.document.text.hasPrefix("---\nid: PROG-460701\nkind: programme\n"))
        #expect(result.document.text.contains("major: {name: 智能制造装备技术, code: \"460701\"}\nduration: 3\ntotal_hours: 2600\ncredits: 140\n---"))
        #expect(result.report.map(\.english).filter { $0.hasPrefix("sections") || $0.hasPrefix("section ") || $0.hasPrefix("table") } == [
            "sections: from the heading styles",
            "table 1: “专业核心课程” spans rows 2–3 of column 1: repeated in each",
            "table 1: “合计” spans columns 1–2 of row 4: repeated in each",
            "section “培养规格”: 3 numbered lines became items S1–S3",
            "section “培养规格”: items numbered consecutively through its groups (知识, 能力), in their order (the Word numbers restart in each group)",
        ])
    }

    /// The real programme typed in 正文 (Fixtures/programme-zhengwen.docx, with what a correct
    /// import finds in programme-zhengwen.expected.md): imported, read by the check in a small
    /// project, its guesses listed.
    @Test func theProgrammeTypedInZhengwen() async throws {
        let archive = try DocxArchive(contentsOf: Self.fixtures.appendingPathComponent("programme-zhengwen.docx"))
        let source = WordImportSource(document: try WordDocument(archive: archive), archive: archive)
        let result = WordImport(template: try await WordImportTests.template("programme")).document(from: source, fileName: "programme-zhengwen")
        let report = result.report.map(\.english)
        #expect(result.document.id == "PROG-460301")
        #expect(result.title == "机电一体化技术专业人才培养方案")
        #expect(result.document.items.map(\.id) == (1...23).map { "S\($0)" })
        #expect(result.document.items.first?.statement.hasPrefix("坚定拥护中国共产党领导") == true)
        #expect(result.document.items.last?.statement.hasPrefix("能对注塑机、冲压机和装配线等机电设备") == true)
        // 10 + 11 + 15 + 7 headings, each with its number removed and reported.
        let headings = report.filter { $0.contains("heading “") }
        #expect([1, 2, 3, 4].map { level in headings.filter { $0.contains("level-\(level) heading") }.count } == [10, 11, 15, 7])
        #expect(result.document.text.components(separatedBy: "\n").filter { $0.hasPrefix("## ") } == [
            "## 专业名称及代码", "## 入学要求", "## 修业年限", "## 职业面向", "## 培养目标", "## 培养规格", "## 课程设置及要求",
            "## 教学进程总体安排", "## 实施保障", "## 毕业要求",
        ])
        #expect(report.filter { $0.hasPrefix("table 2:") && $0.contains("spans") }.count == 25)
        #expect(report.filter { $0.hasPrefix("table 3:") && $0.contains("spans") }.count == 8)
        #expect(report.contains("table 3: “课程类别” spans rows 1–2 and columns 1–2: repeated in each"))
        #expect(report.contains("table 2: “公共基础课程” spans rows 4–17 of column 1: repeated in each"))
        #expect(report.filter { !$0.contains("heading “") && !$0.contains("spans") } == [
            "title “机电一体化技术专业人才培养方案”: paragraph 2",
            "sections: no heading styles (everything is 正文), guessed from the numbers that start paragraphs: 一、 level 1, （一） level 2, 1. level 3, （1） level 4",
            "id PROG-460301: made from the code 460301",
            "major.name: 机电一体化技术 from paragraph 10 (“专业名称：机电一体化技术”)",
            "major.code: 460301 from paragraph 11 (“专业代码：460301”)",
            "duration: 3 from paragraph 16 (“修业年限：三年”)",
            "total_hours: 2904 from paragraph 103 (“总学时：2904”)",
            "credits: 142 from paragraph 104 (“总学分：142”)",
            "cohort.year: 2026 from paragraph 3 (“（2026级）”)",
            "section “培养规格”: 23 numbered lines became items S1–S23",
            "section “培养规格”: items numbered consecutively through its groups (素质, 知识, 能力), in their order (the Word numbers restart in each group)",
            "numbered lines outside the sections that hold items, kept as list items: 10",
            "headers and footers dropped: 1",
        ])
        // Read by the check: kind, sections and items recognised; what remains is what the Word
        // text does not have (two sections under other names, one not there) and the links
        // from courses that a programme alone cannot have.
        let findings = try await Self.findings(["stdkit.yml": WordImportTests.config, "programme/prog-460301.md": result.document.text])
        #expect(findings.filter { $0.contains("missing-section") } == [
            "programme/prog-460301.md:68 missing-section programme PROG-460301 has no section '课程设置及学时安排' (Curriculum and hours)",
            "programme/prog-460301.md:266 missing-section programme PROG-460301 has no section '教学条件' (Teaching conditions)",
            "programme/prog-460301.md:266 missing-section programme PROG-460301 has no section '质量保障' (Quality assurance)",
        ])
        #expect(findings.filter { !$0.contains("missing-section") } == result.document.items.map { item in
            let line = result.document.text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("- **\(item.id)** ") }.map { $0 + 1 } ?? 0
            return "programme/prog-460301.md:\(line) unserved-specification training specification PROG-460301#\(item.id) is served by no course outcome"
        })
    }

    /// Word's automatic numbers as Word draws them: each level counted from its start, deeper
    /// levels starting again under a new shallower number, each in its level's format.
    @Test func automaticNumbersCountAsWordCounts() throws {
        var numbering = WordNumbering()
        numbering.abstracts["0"] = [0: WordNumberingLevel(format: "chineseCounting", text: "%1、", start: 1),
                                    1: WordNumberingLevel(format: "decimal", text: "%1.%2", start: 1),
                                    2: WordNumberingLevel(format: "upperLetter", text: "%3)", start: 0)]
        numbering.instances["5"] = ("0", [:])
        func numbered(_ level: Int) -> WordBlock {
            .paragraph(WordParagraph(numbering: WordNumberingReference(numID: "5", level: level), inlines: [.text("x", WordRunFormat(), nil)]))
        }
        let document = WordDocument(blocks: [0, 1, 1, 2, 2, 0, 1, 0].map(numbered), numbering: numbering)
        let source = WordImportSource(document: document, archive: try DocxArchive(data: DocxPackage.zip(DocxArchiveTests.minimalParts), file: "n.docx"))
        let labels = source.blocks.map { block -> String? in if case .paragraph(let p) = block { p.autoNumber } else { nil } }
        #expect(labels == ["一、", "一.1", "一.2", "0)", "A)", "二、", "二.1", "三、"])
        #expect(WordImportReading.formatted(27, "upperLetter") == "A")
        #expect(WordImportReading.formatted(12, "chineseCounting") == "十二")
        #expect(WordImportReading.formatted(2, "decimalEnclosedCircle") == "②")
        #expect(WordImportReading.formatted(-1, "lowerLetter") == "-1")
    }

    /// A job profile as an enterprise's Word writes it: heading styles by id (`1`, `2`, named
    /// `heading 1`, as Chinese Word names them), typed （1） requirements, the occupation code.
    @Test func aJobProfileWithStyledHeadings() async throws {
        let styles = #"<?xml version="1.0"?><w:styles \#(Self.w)><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style></w:styles>"#
        func p(_ style: String?, _ text: String) -> String {
            "<w:p>" + (style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "") + "<w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let body = [p("a5", "焊接机器人操作员岗位能力标准"), p(nil, "职业编码：6-31-01-10"), p("1", "一、典型工作任务"),
                    p(nil, "1.焊接机器人开机与点检。"), p(nil, "2.示教编程与轨迹调试。"), p("1", "二、职业能力要求"),
                    p("2", "（一）安全操作"), p(nil, "（1）能按照安全规程完成开机、回原点与急停测试。"),
                    p("2", "（二）编程调试"), p(nil, "（1）能根据焊接工艺卡示教编程；"), p(nil, "（2）能调试焊接轨迹。")].joined()
        let document = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(Self.w)><w:body>\#(body)</w:body></w:document>"#
        let archive = try DocxArchive(data: DocxPackage.zip([("word/document.xml", Data(document.utf8)), ("word/styles.xml", Data(styles.utf8))]), file: "job.docx")
        let source = WordImportSource(document: try WordDocument(archive: archive), archive: archive)
        #expect(WordImport.guessKind(fromTitle: WordImport.title(of: source, fileName: "job").title) == "job-profile")
        let result = WordImport(template: try await WordImportTests.template("job-profile")).document(from: source, fileName: "job")
        #expect(result.document.id.hasPrefix("JOB-"))
        #expect(result.document.text.components(separatedBy: "---\n").last == """

            # 焊接机器人操作员岗位能力标准

            职业编码：6-31-01-10

            ## 典型工作任务

            - **T1** 焊接机器人开机与点检。
            - **T2** 示教编程与轨迹调试。

            ## 职业能力要求

            ### 安全操作

            - **R1** 能按照安全规程完成开机、回原点与急停测试。

            ### 编程调试

            - **R2** 能根据焊接工艺卡示教编程；
            - **R3** 能调试焊接轨迹。

            """)
        #expect(result.document.text.contains("owner: acme\nparties: [szpt, acme]\noccupation: \"6-31-01-10\"\n---"))
        #expect(result.report.map(\.english).filter { $0.hasPrefix("section") || $0.hasPrefix("occupation") } == [
            "sections: from the heading styles",
            "occupation: 6-31-01-10 from paragraph 2 (“职业编码：6-31-01-10”)",
            "section “典型工作任务”: 2 numbered lines became items T1–T2",
            "section “职业能力要求”: 3 numbered lines became items R1–R3",
            "section “职业能力要求”: items numbered consecutively through its groups (安全操作, 编程调试), in their order (the Word numbers restart in each group)",
        ])
        let findings = try await Self.findings(["stdkit.yml": WordImportTests.config, "jobs/job.md": result.document.text])
        #expect(findings.map { $0.components(separatedBy: " ").prefix(2).joined(separator: " ") } == [
            "jobs/job.md:25 uncovered-requirement", "jobs/job.md:29 uncovered-requirement", "jobs/job.md:30 uncovered-requirement",
        ])
    }
}
