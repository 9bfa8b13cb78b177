import Foundation
import StdKitSyntax

extension WordImportSource {
    /// What the import reads of `document` (from `archive`): each paragraph's accepted text with
    /// the number Word's automatic numbering draws for it, its heading level and boldness;
    /// tables with their merges; footnote and endnote texts. The table of contents is left out;
    /// a text box's text follows its paragraph; what is left out or changed is a notice.
    public init(document: WordDocument, archive: DocxArchive) {
        var reading = WordImportReading(document: document, archive: archive)
        let blocks = reading.blocks(document.blocks, topLevel: true)
        var notices = reading.notices
        let revisions = reading.revisions.count
        if revisions > 0 { notices.append(.docxImportRevisions(count: revisions)) }
        if !document.comments.isEmpty {
            var authors: [String] = []
            for comment in document.comments where !authors.contains(comment.author) { authors.append(comment.author) }
            notices.append(.docxImportComments(count: document.comments.count, authors: authors))
        }
        if reading.tocParagraphs > 0 { notices.append(.docxImportTableOfContents(count: reading.tocParagraphs)) }
        if !reading.fields.isEmpty {
            var names: [String] = []
            for name in reading.fields where !names.contains(name) { names.append(name) }
            notices.append(.docxImportFields(count: reading.fields.count, names: names))
        }
        let body = archive.part(DocxArchive.documentPart).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let pageBreaks = body.components(separatedBy: "w:type=\"page\"").count - 1
            + body.components(separatedBy: "<w:pageBreakBefore/>").count - 1
        if pageBreaks > 0 { notices.append(.docxImportPageBreaks(count: pageBreaks)) }
        let headersFooters = document.relationships.values.filter { $0.type.hasSuffix("/header") || $0.type.hasSuffix("/footer") }.count
        if headersFooters > 0 { notices.append(.docxImportHeadersFooters(count: headersFooters)) }
        self.init(blocks: blocks, propertiesTitle: document.coreProperties["title"], notes: reading.notes, notices: notices)
    }
}

/// The state of reading a body for the import: Word's numbering counters, the open fields (a
/// table of contents spans paragraphs), the notes met so far, what was dropped.
struct WordImportReading {
    let document: WordDocument
    let archive: DocxArchive
    private var counters: [String: [Int: Int]] = [:]
    /// For each open field: its instruction's first word, and whether it is a table of contents.
    private var openFields: [String] = []
    private var footnotes: [String: String]
    private var endnotes: [String: String]
    private(set) var notes: [String] = []
    private(set) var notices: [Message] = []
    private(set) var revisions: Set<String> = []
    private(set) var tocParagraphs = 0
    private(set) var fields: [String] = []
    private var paragraphNumber = 0

    init(document: WordDocument, archive: DocxArchive) {
        self.document = document
        self.archive = archive
        footnotes = Self.notes(in: archive, part: "word/footnotes.xml", element: "footnote")
        endnotes = Self.notes(in: archive, part: "word/endnotes.xml", element: "endnote")
    }

    mutating func blocks(_ blocks: [WordBlock], topLevel: Bool) -> [WordImportSource.Block] {
        var result: [WordImportSource.Block] = []
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                if topLevel { paragraphNumber += 1 }
                var (converted, boxes) = self.paragraph(paragraph)
                converted?.number = paragraphNumber
                if let converted { result.append(.paragraph(converted)) }
                if !boxes.isEmpty {
                    notices.append(.docxImportTextBox(paragraph: paragraphNumber))
                    for box in boxes { result += self.blocks(box, topLevel: false) }
                }
            case .table(let table):
                result.append(.table(self.table(table)))
            }
        }
        return result
    }

    /// The paragraph (nil inside a table of contents) and the contents of its text boxes.
    private mutating func paragraph(_ paragraph: WordParagraph) -> (WordImportSource.Paragraph?, [[WordBlock]]) {
        if let revision = paragraph.markRevision { revisions.insert(revision.id) }
        var text = ""
        var bold = true
        var anyText = false
        var images: [WordImportSource.Image] = []
        var boxes: [[WordBlock]] = []
        var inTOC = openFields.contains("TOC")
        // Whether the instruction of the innermost open field is still being read.
        var instructionOpen: [Bool] = openFields.map { _ in false }
        for inline in paragraph.inlines {
            let hidden = openFields.contains("TOC") || instructionOpen.last == true
            switch inline {
            case .text(let string, let format, let revision):
                if let revision { revisions.insert(revision.id) }
                guard !hidden, WordRevision.shows(revision, in: .accepted) else { continue }
                text += string
                if !NumberedLine.trimmed(string).isEmpty {
                    anyText = true
                    bold = bold && format.bold
                }
            case .tab(let revision):
                if !hidden, WordRevision.shows(revision, in: .accepted) { text += " " }
            case .lineBreak(let revision):
                if !hidden, WordRevision.shows(revision, in: .accepted) { text += "\n" }
            case .fieldBegin:
                openFields.append("")
                instructionOpen.append(true)
            case .fieldInstruction(let instruction):
                if let last = openFields.indices.last, openFields[last].isEmpty {
                    let name = instruction.split(separator: " ").first.map { String($0).uppercased() } ?? ""
                    openFields[last] = name.isEmpty ? "?" : name
                    if name == "TOC" { inTOC = true } else if !name.isEmpty { fields.append(name) }
                }
            case .fieldSeparate:
                if !instructionOpen.isEmpty { instructionOpen[instructionOpen.count - 1] = false }
            case .fieldEnd:
                _ = openFields.popLast()
                _ = instructionOpen.popLast()
            case .image(let relationship, let description):
                guard !hidden else { continue }
                let target = document.relationships[relationship]
                let part = target.flatMap { $0.isExternal || archive.part($0.target) == nil ? nil : $0.target }
                images.append(.init(part: part, description: description))
            case .footnoteReference(let id), .endnoteReference(let id):
                guard !hidden else { continue }
                let isFootnote = if case .footnoteReference = inline { true } else { false }
                notes.append((isFootnote ? footnotes[id] : endnotes[id]) ?? "")
                text += WordImportSource.noteMarker(notes.count)
            case .textBox(let blocks):
                if !hidden { boxes.append(blocks) }
            default:
                break
            }
        }
        let style = paragraph.styleID.flatMap { document.styles[$0] }
        let tocStyle = [paragraph.styleID, style?.name].contains { $0.map { $0.lowercased().hasPrefix("toc") || $0.hasPrefix("目录") } ?? false }
        if inTOC || tocStyle {
            tocParagraphs += 1
            return (nil, [])
        }
        return (WordImportSource.Paragraph(text, autoNumber: label(paragraph.numbering), headingLevel: document.headingLevel(of: paragraph),
                                           bold: anyText && bold, images: images), boxes)
    }

    private mutating func table(_ table: WordTable) -> WordImportSource.Table {
        WordImportSource.Table(rows: table.rows.map { row in
            row.cells.map { cell in
                var paragraphs: [String] = []
                for block in cell.blocks {
                    switch block {
                    case .paragraph(let paragraph):
                        for inline in paragraph.inlines {
                            if case .text(_, _, let revision?) = inline { revisions.insert(revision.id) }
                        }
                        paragraphs.append(paragraph.text())
                    case .table(let nested):
                        paragraphs.append(nested.rows.map { $0.cells.map { $0.text() }.joined(separator: " ") }.joined(separator: " "))
                    }
                }
                return WordImportSource.Cell(paragraphs, span: cell.gridSpan,
                                             merge: cell.verticalMerge.map { $0 == .restart ? .restart : .continue })
            }
        })
    }

    /// The number Word draws for a paragraph with `reference`, counting as Word counts: each
    /// level of an instance from its start, deeper levels restarting after a shallower one.
    private mutating func label(_ reference: WordNumberingReference?) -> String? {
        guard let reference, reference.numID != "0", let level = document.numbering.level(numID: reference.numID, level: reference.level),
              level.format != "bullet", level.format != "none" else { return nil }
        var counts = counters[reference.numID] ?? [:]
        counts[reference.level] = (counts[reference.level] ?? level.start - 1) + 1
        for deeper in counts.keys where deeper > reference.level { counts[deeper] = nil }
        counters[reference.numID] = counts
        var label = level.text
        for index in (0..<9).reversed() where label.contains("%\(index + 1)") {
            let format = document.numbering.level(numID: reference.numID, level: index)
            let value = counts[index] ?? format?.start ?? 1
            label = label.replacingOccurrences(of: "%\(index + 1)", with: Self.formatted(value, format?.format ?? "decimal"))
        }
        return label.isEmpty ? nil : label
    }

    static func formatted(_ value: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional", "taiwaneseCounting":
            NumberedLine.chinese(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": NumberedLine.circled(value)
        // A start of 0 or below (numbering.xml is the file's word) has no letter: the number.
        case "upperLetter" where value >= 1: String(UnicodeScalar(UInt8(65 + (value - 1) % 26)))
        case "lowerLetter" where value >= 1: String(UnicodeScalar(UInt8(97 + (value - 1) % 26)))
        default: String(value)
        }
    }

    /// The text of each footnote or endnote of `part` by id (separators left out).
    static func notes(in archive: DocxArchive, part: String, element: String) -> [String: String] {
        guard let data = archive.part(part) else { return [:] }
        final class Collector {
            var notes: [String: String] = [:]
            var current: String?
            var inText = false
            var paragraphs = 0
        }
        let collector = Collector()
        try? OfficeXML.read(data, part: part, file: archive.file) { event in
            switch event {
            case .start(let name, _, let attributes):
                if name == element {
                    let type = attributes.value("type") ?? "normal"
                    collector.current = type == "normal" ? attributes.value("id") : nil
                    collector.paragraphs = 0
                    if let id = collector.current { collector.notes[id] = "" }
                } else if name == "p", let id = collector.current {
                    if collector.paragraphs > 0 { collector.notes[id, default: ""] += " " }
                    collector.paragraphs += 1
                } else if name == "t" {
                    collector.inText = true
                }
            case .end(let name, _):
                if name == "t" { collector.inText = false }
                if name == element { collector.current = nil }
            case .text(let string):
                if collector.inText, let id = collector.current { collector.notes[id, default: ""] += string }
            }
        }
        return collector.notes.mapValues(NumberedLine.trimmed)
    }
}
