import Foundation
import Testing
import StdKitSyntax
@testable import StdKitOffice

/// The reader on parts written as Word writes them, and on a file python-docx wrote.
@Suite("Word document reader")
struct WordDocumentTests {
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#

    static func archive(body: String, extra: [(String, String)] = []) throws -> DocxArchive {
        let document = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(w)><w:body>\#(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
        let parts = [("word/document.xml", document)] + extra
        return try DocxArchive(data: DocxPackage.zip(parts.map { ($0.0, Data($0.1.utf8)) }), file: "t.docx")
    }

    static func paragraphs(_ blocks: [WordBlock]) -> [WordParagraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    }

    @Test func trackedChangesReadAcceptedAndOriginal() throws {
        let body = """
            <w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:bookmarkStart w:id="0" w:name="_sk0_3"/>\
            <w:r><w:rPr><w:b/></w:rPr><w:t>LO2</w:t></w:r><w:r><w:t xml:space="preserve"> 按工艺文件调试</w:t></w:r>\
            <w:del w:id="1" w:author="李工" w:date="2026-11-20T10:00:00Z"><w:r><w:delText>搬运</w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="李工" w:date="2026-11-20T10:01:00Z"><w:r><w:t>码垛</w:t></w:r></w:ins>\
            <w:r><w:t>工作站。</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>
            """
        let document = try WordDocument(archive: Self.archive(body: body))
        let paragraph = try #require(Self.paragraphs(document.blocks).first)
        #expect(paragraph.text(.accepted) == "LO2 按工艺文件调试码垛工作站。")
        #expect(paragraph.text(.original) == "LO2 按工艺文件调试搬运工作站。")
        #expect(paragraph.styleID == "a3")
        #expect(paragraph.inlines.first == .bookmarkStart(id: "0", name: "_sk0_3"))
        #expect(paragraph.inlines.last == .bookmarkEnd(id: "0"))
        #expect(paragraph.inlines[1] == .text("LO2", WordRunFormat(bold: true), nil))
        #expect(paragraph.inlines[3] == .text("搬运", WordRunFormat(), WordRevision(kind: .deletion, id: "1", author: "李工", date: "2026-11-20T10:00:00Z")))
        #expect(paragraph.inlines[4] == .text("码垛", WordRunFormat(), WordRevision(kind: .insertion, id: "2", author: "李工", date: "2026-11-20T10:01:00Z")))
    }

    @Test func markersBetweenParagraphsKeepTheirRanges() throws {
        // Word puts a bookmark's start before a paragraph and its end after a table at times.
        let body = """
            <w:bookmarkStart w:id="5" w:name="COURSE_X_LO1"/><w:p><w:r><w:t>一</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:bookmarkEnd w:id="5"/>
            """
        let document = try WordDocument(archive: Self.archive(body: body))
        guard case .paragraph(let first) = document.blocks[0], case .table(let table) = document.blocks[1] else {
            Issue.record("expected a paragraph and a table, got \(document.blocks)")
            return
        }
        #expect(first.inlines.first == .bookmarkStart(id: "5", name: "COURSE_X_LO1"))
        guard case .paragraph(let cell) = table.rows[0].cells[0].blocks[0] else { Issue.record("no cell paragraph"); return }
        #expect(cell.inlines.last == .bookmarkEnd(id: "5"))
    }

    @Test func fieldsHyperlinksAndContentControls() throws {
        let body = """
            <w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>\
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、课程性质</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\
            </w:sdtContent></w:sdt>\
            <w:p><w:r><w:t xml:space="preserve">见 </w:t></w:r><w:hyperlink w:anchor="JOB_A_R3"><w:r><w:t>→ JOB-A#R3</w:t></w:r></w:hyperlink>\
            <w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>
            """
        let paragraphs = Self.paragraphs(try WordDocument(archive: Self.archive(body: body)).blocks)
        #expect(paragraphs.map { $0.text() } == ["一、课程性质", "见 → JOB-A#R37"])
        #expect(paragraphs[0].inlines.contains(.fieldInstruction(#" TOC \o "1-3" "#)))
        #expect(paragraphs[1].inlines.contains(.hyperlinkStart(anchor: "JOB_A_R3", relationship: nil)))
    }

    @Test func mergedCellsAndHeaderRows() throws {
        let body = """
            <w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>\
            <w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>课程类别</w:t></w:r></w:p></w:tc>\
            <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>学时</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>理论</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>实践</w:t></w:r></w:p></w:tc></w:tr>\
            </w:tbl>
            """
        let document = try WordDocument(archive: Self.archive(body: body))
        guard case .table(let table) = try #require(document.blocks.first) else { Issue.record("no table"); return }
        #expect(table.styleID == "TableGrid")
        #expect(table.rows.map(\.isHeader) == [true, false])
        #expect(table.rows.map { $0.cells.map(\.gridSpan) } == [[1, 2], [1, 1, 1]])
        #expect(table.rows.map { $0.cells.map(\.verticalMerge) } == [[.restart, nil], [.continue, nil, nil]])
        #expect(table.rows.map { $0.cells.map { $0.text() } } == [["课程类别", "学时"], ["", "理论", "实践"]])
    }

    @Test func imagesTextBoxesAndTheFallbackReadOnce() throws {
        let body = """
            <w:p><w:r><w:t>图示</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr w:id="1" id="1" name="图片 1" descr="工作站布局"/>\
            <a:graphic><a:graphicData><a:blip r:embed="rId9"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>\
            <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            """
        let rels = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a" TargetMode="External"/></Relationships>"#
        let document = try WordDocument(archive: Self.archive(body: body, extra: [("word/_rels/document.xml.rels", rels)]))
        #expect(document.blocks.count == 1)
        let paragraph = try #require(Self.paragraphs(document.blocks).first)
        #expect(paragraph.text() == "图示")
        #expect(paragraph.inlines.contains(.image(relationship: "rId9", description: "工作站布局")))
        let boxes = paragraph.inlines.filter { if case .textBox = $0 { true } else { false } }
        #expect(boxes == [.textBox([.paragraph(WordParagraph(inlines: [.text("框内", WordRunFormat(), nil)]))])])
        #expect(document.relationships["rId9"] == WordRelationship(type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", target: "word/media/image1.png", isExternal: false))
        #expect(document.relationships["rId10"]?.target == "https://example.org/a")
    }

    @Test func commentsStylesNumberingAndProperties() throws {
        let comments = #"<?xml version="1.0"?><w:comments \#(Self.w)><w:comment w:id="0" w:author="王工" w:date="2026-11-21T09:00:00Z" w:initials="王"><w:p><w:r><w:t>节拍应写明</w:t></w:r></w:p><w:p><w:r><w:t>单位 s</w:t></w:r></w:p></w:comment></w:comments>"#
        let styles = #"<?xml version="1.0"?><w:styles \#(Self.w)><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="标题 2"/></w:style><w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="my heading"/><w:basedOn w:val="1"/></w:style><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>"#
        let numbering = #"<?xml version="1.0"?><w:numbering \#(Self.w)><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="4"/></w:lvlOverride></w:num></w:numbering>"#
        let custom = #"<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="stdkit.commit"><vt:lpwstr>3f2a</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="stdkit.documents"><vt:lpwstr>PROG-A COURSE-B</vt:lpwstr></property></Properties>"#
        let core = #"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>课程标准</dc:title><dc:creator>粤海职院</dc:creator></cp:coreProperties>"#
        let body = """
            <w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>课程性质</w:t></w:r></w:p>\
            <w:p><w:pPr><w:pStyle w:val="Mine"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr><w:commentRangeStart w:id="0"/><w:r><w:t>目标</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>\
            <w:p><w:pPr><w:pStyle w:val="Derived"/></w:pPr><w:r><w:t>派生</w:t></w:r></w:p>\
            <w:p><w:pPr><w:pStyle w:val="a"/><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>直接</w:t></w:r></w:p>\
            <w:p><w:r><w:t>正文</w:t></w:r></w:p>
            """
        let document = try WordDocument(archive: Self.archive(body: body, extra: [
            ("word/comments.xml", comments), ("word/styles.xml", styles), ("word/numbering.xml", numbering),
            ("docProps/custom.xml", custom), ("docProps/core.xml", core)]))
        let paragraphs = Self.paragraphs(document.blocks)
        #expect(paragraphs.map { document.headingLevel(of: $0) } == [1, 2, 1, 3, nil])
        #expect(paragraphs[1].numbering == WordNumberingReference(numID: "7", level: 1))
        #expect(document.numbering.level(numID: "7", level: 0) == WordNumberingLevel(format: "chineseCounting", text: "%1、", start: 1))
        #expect(document.numbering.level(numID: "7", level: 1)?.start == 4)
        #expect(document.numbering.level(numID: "8", level: 0) == nil)
        #expect(paragraphs[1].inlines == [.commentStart(id: "0"), .text("目标", WordRunFormat(), nil), .commentEnd(id: "0"), .commentReference(id: "0")])
        #expect(document.comments.map(\.text) == ["节拍应写明\n单位 s"])
        #expect(document.comments.first.map { [$0.id, $0.author, $0.initials, $0.date] } == ["0", "王工", "王", "2026-11-21T09:00:00Z"])
        #expect(document.customProperties == ["stdkit.commit": "3f2a", "stdkit.documents": "PROG-A COURSE-B"])
        #expect(document.coreProperties == ["title": "课程标准", "creator": "粤海职院"])
    }

    @Test func aMalformedPartIsNamedWithItsLine() throws {
        let archive = try Self.archive(body: "<w:p><w:r><w:t>a</w:t></w:p>")
        #expect(throws: DocxError.self) { try WordDocument(archive: archive) }
        do {
            _ = try WordDocument(archive: archive)
        } catch {
            #expect(error.message.key == "docx.bad-xml")
            #expect(error.text(in: .en).hasPrefix("t.docx: the file is damaged: word/document.xml is not well-formed XML at line 1"))
        }
    }

    @Test func anEntityDeclarationIsRefused() throws {
        let bomb = #"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document \#(Self.w)><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#
        let archive = try DocxArchive(data: DocxPackage.zip([("word/document.xml", Data(bomb.utf8))]), file: "e.docx")
        #expect(throws: DocxError(file: "e.docx", .docxBadXML("word/document.xml", line: 1, reason: "a document type declaration, which Word files never have"))) {
            try WordDocument(archive: archive)
        }
    }

    /// python-docx's file, typed the usual way (Fixtures/make-programme-zhengwen.py).
    @Test func aProgrammeTypedInWordReadsWhole() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/programme-zhengwen.docx")
        let document = try WordDocument(archive: DocxArchive(contentsOf: url))
        let paragraphs = Self.paragraphs(document.blocks)
        let tables = document.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        #expect(paragraphs.count == 153)
        #expect(tables.count == 3)
        #expect(paragraphs.allSatisfy { document.headingLevel(of: $0) == nil })
        #expect(paragraphs.filter { $0.text().hasPrefix("一、") || $0.text().hasPrefix("十、") }.map { $0.text() } == ["一、专业名称及代码", "十、毕业要求"])
        #expect(paragraphs.contains { $0.text() == "（二）知识" })
        #expect(document.coreProperties["title"] == "机电一体化技术专业人才培养方案（2026级）")
        // 表2 merges the category column vertically and header groups horizontally.
        #expect(tables[1].rows.contains { $0.cells.contains { $0.verticalMerge == .continue } })
        #expect(tables[1].rows.contains { $0.cells.contains { $0.gridSpan > 1 } })
    }
}
