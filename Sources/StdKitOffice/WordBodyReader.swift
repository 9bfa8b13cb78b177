import Foundation

/// Builds blocks from the events of a part that holds WordprocessingML content: the document's
/// body, the comments part (one body per comment).
///
/// Word nests what a reader must see through — content controls (`w:sdt`), smart tags, custom
/// XML, tracked insertions and deletions around runs — and puts markers where one does not
/// expect them: a bookmark or a comment range may start between two paragraphs or even between
/// table rows. Markers outside a paragraph are kept for the next paragraph (a start) or given
/// to the last one (an end), so that every range still encloses the text it enclosed.
final class WordBodyReader {
    /// Content whose subtree is not text of the document: old formatting kept by a tracked
    /// formatting change, content-control properties, section properties, the fallback of an
    /// alternate content (its choice is read).
    static let skipped: Set<String> = ["rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tcPrChange",
                                       "trPrChange", "tblGridChange", "numberingChange", "sdtPr", "sdtEndPr", "sectPr"]

    /// Finished blocks of each open container: the body (or a comment), a table cell, a text box.
    private var containers: [[WordBlock]] = [[]]
    /// Paragraphs being read; more than one while a text box inside a paragraph is read.
    private var paragraphs: [WordParagraph] = []
    /// Tables being read, with the row and cell being read.
    private var tables: [(table: WordTable, row: WordTableRow?, cell: WordTableCell?)] = []
    /// Markers met outside any paragraph, for the next paragraph.
    private var pendingStarts: [WordInline] = []

    private var path: [String] = []
    private var skipDepth = 0
    private var revisions: [WordRevision] = []
    private var format = WordRunFormat()
    private var text: String?
    private var instruction: String?
    private var image: (relationship: String?, description: String?)?
    /// Comments of the comments part: id, author, initials, date, and the container index.
    private(set) var comments: [WordComment] = []
    private var comment: (id: String, author: String, initials: String?, date: String?)?

    /// The body's blocks when the part has been read.
    var blocks: [WordBlock] { containers.first ?? [] }

    func handle(_ event: OfficeXML.Event) {
        switch event {
        case .start(let name, let namespace, let attributes):
            if skipDepth > 0 || (namespace == OfficeXML.Namespace.markupCompatibility && name == "Fallback")
                || (namespace.map(OfficeXML.Namespace.word.contains) == true && Self.skipped.contains(name)) {
                skipDepth += 1
                return
            }
            path.append(name)
            start(name, isWord: namespace.map(OfficeXML.Namespace.word.contains) ?? false, attributes)
        case .end(let name, let namespace):
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            path.removeLast()
            end(name, isWord: namespace.map(OfficeXML.Namespace.word.contains) ?? false)
        case .text(let string):
            if text != nil { text! += string }
            if instruction != nil { instruction! += string }
        }
    }

    private var parent: String? { path.count >= 2 ? path[path.count - 2] : nil }

    private func revision(_ kind: WordRevision.Kind, _ attributes: OfficeXML.Attributes) -> WordRevision {
        WordRevision(kind: kind, id: attributes.value("id") ?? "", author: attributes.value("author") ?? "", date: attributes.value("date"))
    }

    private func start(_ name: String, isWord: Bool, _ attributes: OfficeXML.Attributes) {
        guard isWord else {
            // DrawingML and VML inside a run: a picture's part and description.
            switch name {
            case "blip" where image != nil:
                image?.relationship = attributes.value("embed", in: OfficeXML.Namespace.relationships)
                    ?? attributes.value("link", in: OfficeXML.Namespace.relationships)
            case "imagedata" where image != nil:
                if image?.relationship == nil { image?.relationship = attributes.value("id", in: OfficeXML.Namespace.relationships) }
            case "docPr" where image != nil:
                image?.description = attributes.any("descr").flatMap { $0.isEmpty ? nil : $0 } ?? attributes.any("title").flatMap { $0.isEmpty ? nil : $0 }
            default:
                break
            }
            return
        }
        let inParagraphProperties = path.contains("pPr")
        let inRunProperties = path.contains("rPr")
        switch name {
        case "p":
            paragraphs.append(WordParagraph(inlines: pendingStarts))
            pendingStarts = []
        case "pStyle" where inParagraphProperties:
            paragraphs.lastIndex.map { paragraphs[$0].styleID = attributes.value("val") }
        case "outlineLvl" where inParagraphProperties:
            paragraphs.lastIndex.map { paragraphs[$0].outlineLevel = attributes.value("val").flatMap(Int.init) }
        case "numId" where inParagraphProperties:
            if let last = paragraphs.lastIndex, let id = attributes.value("val") {
                paragraphs[last].numbering = WordNumberingReference(numID: id, level: paragraphs[last].numbering?.level ?? 0)
            }
        case "ilvl" where inParagraphProperties:
            if let last = paragraphs.lastIndex, let level = attributes.value("val").flatMap(Int.init) {
                paragraphs[last].numbering = WordNumberingReference(numID: paragraphs[last].numbering?.numID ?? "", level: level)
            }
        case "ins" where inParagraphProperties && inRunProperties:
            paragraphs.lastIndex.map { paragraphs[$0].markRevision = revision(.insertion, attributes) }
        case "del" where inParagraphProperties && inRunProperties:
            paragraphs.lastIndex.map { paragraphs[$0].markRevision = revision(.deletion, attributes) }
        case "ins", "moveTo":
            if !inRunProperties { revisions.append(revision(.insertion, attributes)) }
        case "del", "moveFrom":
            if !inRunProperties { revisions.append(revision(.deletion, attributes)) }
        case "r" where !inRunProperties:
            format = WordRunFormat()
        case "b" where inRunProperties && !inParagraphProperties:
            format.bold = Self.isOn(attributes)
        case "i" where inRunProperties && !inParagraphProperties:
            format.italic = Self.isOn(attributes)
        case "u" where inRunProperties && !inParagraphProperties:
            format.underline = (attributes.value("val") ?? "single") != "none"
        case "strike", "dstrike":
            if inRunProperties && !inParagraphProperties { format.strike = Self.isOn(attributes) }
        case "rStyle" where inRunProperties:
            format.styleID = attributes.value("val")
        case "t", "delText":
            text = ""
        case "instrText", "delInstrText":
            instruction = ""
        case "tab" where parent == "r":
            add(.tab(revisions.last))
        case "br", "cr":
            if parent == "r" && attributes.value("type") != "page" && attributes.value("type") != "column" { add(.lineBreak(revisions.last)) }
        case "noBreakHyphen" where parent == "r":
            add(.text("-", format, revisions.last))
        case "fldChar":
            switch attributes.value("fldCharType") {
            case "begin": add(.fieldBegin)
            case "separate": add(.fieldSeparate)
            case "end": add(.fieldEnd)
            default: break
            }
        case "fldSimple":
            add(.fieldBegin)
            add(.fieldInstruction(attributes.value("instr") ?? ""))
            add(.fieldSeparate)
        case "bookmarkStart":
            addMarker(.bookmarkStart(id: attributes.value("id") ?? "", name: attributes.value("name") ?? ""), isStart: true)
        case "bookmarkEnd":
            addMarker(.bookmarkEnd(id: attributes.value("id") ?? ""), isStart: false)
        case "commentRangeStart":
            addMarker(.commentStart(id: attributes.value("id") ?? ""), isStart: true)
        case "commentRangeEnd":
            addMarker(.commentEnd(id: attributes.value("id") ?? ""), isStart: false)
        case "commentReference":
            add(.commentReference(id: attributes.value("id") ?? ""))
        case "footnoteReference":
            add(.footnoteReference(id: attributes.value("id") ?? ""))
        case "endnoteReference":
            add(.endnoteReference(id: attributes.value("id") ?? ""))
        case "hyperlink":
            add(.hyperlinkStart(anchor: attributes.value("anchor"), relationship: attributes.value("id", in: OfficeXML.Namespace.relationships)))
        case "drawing", "pict", "object":
            if image == nil { image = (nil, nil) }
        case "txbxContent":
            containers.append([])
        case "tbl":
            tables.append((WordTable(), nil, nil))
        case "tblStyle" where path.contains("tblPr") && !tables.isEmpty:
            tables[tables.count - 1].table.styleID = attributes.value("val")
        case "tr" where !tables.isEmpty:
            tables[tables.count - 1].row = WordTableRow()
        case "tblHeader" where path.contains("trPr") && !tables.isEmpty:
            tables[tables.count - 1].row?.isHeader = Self.isOn(attributes)
        case "tc" where !tables.isEmpty:
            tables[tables.count - 1].cell = WordTableCell()
            containers.append([])
        case "gridSpan" where path.contains("tcPr") && !tables.isEmpty:
            tables[tables.count - 1].cell?.gridSpan = max(1, attributes.value("val").flatMap(Int.init) ?? 1)
        case "vMerge" where path.contains("tcPr") && !tables.isEmpty:
            tables[tables.count - 1].cell?.verticalMerge = attributes.value("val") == "restart" ? .restart : .continue
        case "comment":
            comment = (attributes.value("id") ?? "", attributes.value("author") ?? "", attributes.value("initials"), attributes.value("date"))
            containers.append([])
        default:
            break
        }
    }

    private func end(_ name: String, isWord: Bool) {
        guard isWord else { return }
        let inRunProperties = path.contains("rPr")
        switch name {
        case "p":
            guard let paragraph = paragraphs.popLast() else { return }
            containers[containers.count - 1].append(.paragraph(paragraph))
        case "t", "delText":
            if let string = text, !string.isEmpty { add(.text(string, format, revisions.last)) }
            text = nil
        case "instrText", "delInstrText":
            if let string = instruction { add(.fieldInstruction(string)) }
            instruction = nil
        case "ins", "moveTo", "del", "moveFrom":
            if !inRunProperties { _ = revisions.popLast() }
        case "fldSimple":
            add(.fieldEnd)
        case "hyperlink":
            add(.hyperlinkEnd)
        case "drawing", "pict", "object":
            if path.contains("drawing") || path.contains("pict") || path.contains("object") { return }
            if let picture = image, let relationship = picture.relationship {
                add(.image(relationship: relationship, description: picture.description))
            }
            image = nil
        case "txbxContent":
            let blocks = containers.popLast() ?? []
            add(.textBox(blocks))
        case "tc":
            guard !tables.isEmpty, var cell = tables[tables.count - 1].cell else { return }
            cell.blocks = containers.popLast() ?? []
            tables[tables.count - 1].row?.cells.append(cell)
            tables[tables.count - 1].cell = nil
        case "tr":
            guard !tables.isEmpty, let row = tables[tables.count - 1].row else { return }
            tables[tables.count - 1].table.rows.append(row)
            tables[tables.count - 1].row = nil
        case "tbl":
            guard let table = tables.popLast()?.table else { return }
            containers[containers.count - 1].append(.table(table))
        case "comment":
            let blocks = containers.popLast() ?? []
            if let comment {
                comments.append(WordComment(id: comment.id, author: comment.author, initials: comment.initials, date: comment.date, blocks: blocks))
            }
            comment = nil
        default:
            break
        }
    }

    /// Adds to the paragraph being read; content outside any paragraph (a damaged file) is
    /// given to the next one.
    private func add(_ inline: WordInline) {
        if let last = paragraphs.lastIndex {
            paragraphs[last].inlines.append(inline)
        } else {
            pendingStarts.append(inline)
        }
    }

    /// A bookmark or comment range marker: inside a paragraph where it is; outside, a start
    /// waits for the next paragraph and an end closes on the last paragraph written.
    private func addMarker(_ inline: WordInline, isStart: Bool) {
        if !paragraphs.isEmpty {
            add(inline)
        } else if isStart {
            pendingStarts.append(inline)
        } else if !Self.appendToLastParagraph(inline, in: &containers[containers.count - 1]) {
            pendingStarts.append(inline)
        }
    }

    /// Appends `inline` to the last paragraph of `blocks`, descending into a last table's last cell.
    private static func appendToLastParagraph(_ inline: WordInline, in blocks: inout [WordBlock]) -> Bool {
        guard let last = blocks.indices.last else { return false }
        switch blocks[last] {
        case .paragraph(var paragraph):
            paragraph.inlines.append(inline)
            blocks[last] = .paragraph(paragraph)
            return true
        case .table(var table):
            guard let row = table.rows.indices.last, let cell = table.rows[row].cells.indices.last else { return false }
            guard appendToLastParagraph(inline, in: &table.rows[row].cells[cell].blocks) else { return false }
            blocks[last] = .table(table)
            return true
        }
    }

    /// `w:b`, `w:b w:val="1"`, `"true"`, `"on"` are on; `"0"`, `"false"`, `"off"` are off.
    static func isOn(_ attributes: OfficeXML.Attributes) -> Bool {
        guard let value = attributes.value("val") else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }
}

private extension Array {
    var lastIndex: Int? { isEmpty ? nil : count - 1 }
}
