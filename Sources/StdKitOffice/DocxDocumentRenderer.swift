import StdKitModel
import StdKitSyntax

/// One document of an export as Word blocks: its title (with the document's bookmark), a small
/// metadata table, its body from the Markdown tree — each review unit between its hidden
/// bookmarks, each item with its visible one — and its approvals as a sign-off table.
struct DocxDocumentRenderer {
    /// The width of the text between the margins, in twentieths of a point (A4 less DocxStyles' margins).
    static let textWidth = DocxStyles.pageWidth - DocxStyles.leftMargin - DocxStyles.rightMargin

    let document: Document
    /// The document's position in `stdkit.documents`.
    let index: Int

    /// The blocks of the document, in order.
    func blocks(context: inout DocxContext) -> [DocxBlock] {
        let body = document.body ?? DocumentParser.parse(bytes: Array(document.text.utf8), path: document.path).body
        let unitsByLine = Dictionary(ReviewUnits.units(of: document).map { ($0.lines.lowerBound, $0.index) },
                                     uniquingKeysWith: { first, _ in first })
        var itemsByLine: [Int: Item] = [:]
        for item in document.items where itemsByLine[item.lines.lowerBound] == nil { itemsByLine[item.lines.lowerBound] = item }
        var state = State(itemsByLine: itemsByLine, headingNumbering: nil)
        var blocks: [DocxBlock] = []
        var titled = false
        let documentBookmark = context.bookmarkID()
        let documentMark = WordXML.bookmarkStart(id: documentBookmark, name: DocxNames.bookmark(for: document.id ?? document.path))
            + WordXML.bookmarkEnd(id: documentBookmark)

        func bracket(_ made: [DocxBlock], line: Int?, context: inout DocxContext) -> [DocxBlock] {
            guard let line, let unit = unitsByLine[line], !made.isEmpty else { return made }
            let id = context.bookmarkID()
            var made = made
            made[0] = made[0].prepending(WordXML.bookmarkStart(id: id, name: ReviewUnits.bookmarkName(document: index, unit: unit)))
            made[made.count - 1] = made[made.count - 1].appending(WordXML.bookmarkEnd(id: id))
            return made
        }

        for (position, node) in body.children.enumerated() {
            if position == 0, case .heading(level: 1) = node.kind {
                // The body's own title is the document's title: the document's bookmark and
                // the metadata table go with it.
                var made = render(node, state: &state, context: &context)
                made[0] = made[0].prepending(documentMark)
                blocks += bracket(made, line: node.range?.lowerBound.line, context: &context)
                blocks.append(metadata())
                titled = true
                continue
            }
            if !titled {
                blocks.append(.paragraph(DocxBlock.Paragraph(style: "Heading1", content: documentMark + WordXML.run(document.title ?? document.id ?? document.path))))
                blocks.append(metadata())
                titled = true
            }
            if case .list = node.kind {
                // One numbering for the whole list, though each of its items is a unit of its own.
                var numbering: Int?
                for item in node.children {
                    var made: [DocxBlock] = []
                    renderListItem(item, in: node, depth: 0, numbering: &numbering, state: &state, context: &context, into: &made)
                    blocks += bracket(made, line: item.range?.lowerBound.line, context: &context)
                }
            } else {
                blocks += bracket(render(node, state: &state, context: &context), line: node.range?.lowerBound.line, context: &context)
            }
        }
        if !titled {
            blocks.append(.paragraph(DocxBlock.Paragraph(style: "Heading1", content: documentMark + WordXML.run(document.title ?? document.id ?? document.path))))
            blocks.append(metadata())
        }
        blocks += approvals()
        return blocks
    }

    /// What rendering carries from block to block.
    struct State {
        var itemsByLine: [Int: Item]
        /// The numbering instance of this document's headings, made at its first numbered heading.
        var headingNumbering: Int?
    }

    /// One block node (not a top-level list: its items are units of their own).
    func render(_ node: MarkdownNode, state: inout State, context: inout DocxContext) -> [DocxBlock] {
        switch node.kind {
        case .heading(let level):
            let item = node.range.flatMap { state.itemsByLine[$0.lowerBound.line] }
            var paragraph = DocxBlock.Paragraph(style: "Heading\(min(level, 5))")
            if level >= 2, level <= 5, !Self.isNumbered(node.plainText) {
                let numbering = state.headingNumbering ?? context.newNumbering(.headings)
                state.headingNumbering = numbering
                paragraph.properties = "<w:numPr><w:ilvl w:val=\"\(level - 2)\"/><w:numId w:val=\"\(numbering)\"/></w:numPr>"
            }
            paragraph.content = inlines(node.children, item: item, context: &context)
            return [.paragraph(paragraph)]
        case .paragraph:
            return [.paragraph(DocxBlock.Paragraph(style: "BodyText", content: inlines(node.children, item: nil, context: &context)))]
        case .list:
            var made: [DocxBlock] = []
            var numbering: Int?
            for item in node.children {
                renderListItem(item, in: node, depth: 0, numbering: &numbering, state: &state, context: &context, into: &made)
            }
            return made
        case .codeBlock:
            var text = node.literal
            while text.hasSuffix("\n") { text.removeLast() }
            return [.paragraph(DocxBlock.Paragraph(style: "Code", content: WordXML.run(text)))]
        case .htmlBlock:
            var text = node.literal
            while text.hasSuffix("\n") { text.removeLast() }
            return [.paragraph(DocxBlock.Paragraph(style: "Code", content: WordXML.run(text)))]
        case .blockQuote:
            return node.children.flatMap { child -> [DocxBlock] in
                render(child, state: &state, context: &context).map { block in
                    guard case .paragraph(var paragraph) = block, paragraph.style == "BodyText" else { return block }
                    paragraph.style = "Quote"
                    return .paragraph(paragraph)
                }
            }
        case .thematicBreak:
            return [.paragraph(DocxBlock.Paragraph(style: "BodyText", properties: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>"))]
        case .table:
            return [.table(table(node, context: &context))]
        case .footnoteDefinition:
            return node.children.flatMap { render($0, state: &state, context: &context) }
        default:
            return [.paragraph(DocxBlock.Paragraph(style: "BodyText", content: inlines([node], item: nil, context: &context)))]
        }
    }

    /// A list item: its first paragraph numbered (a bullet, or the list's number), or — for an
    /// item of ours — with no number, its id being its label; the rest after it.
    func renderListItem(_ node: MarkdownNode, in list: MarkdownNode, depth: Int, numbering: inout Int?, state: inout State,
                        context: inout DocxContext, into made: inout [DocxBlock]) {
        let item = node.range.flatMap { state.itemsByLine[$0.lowerBound.line] }
        var first = true
        for child in node.children {
            switch child.kind {
            case .paragraph where first:
                first = false
                var paragraph = DocxBlock.Paragraph(style: item == nil ? "ListText" : "Item")
                if item == nil {
                    let ordered: Bool
                    if case .list(let isOrdered, _, _) = list.kind { ordered = isOrdered } else { ordered = false }
                    let id = numbering ?? context.newNumbering(ordered ? .decimal : .bullet)
                    numbering = id
                    paragraph.properties = "<w:numPr><w:ilvl w:val=\"\(min(depth, 8))\"/><w:numId w:val=\"\(id)\"/></w:numPr>"
                } else if depth > 0 {
                    paragraph.properties = "<w:ind w:left=\"\(420 * (depth + 1))\" w:hanging=\"420\"/>"
                }
                var content = inlines(child.children, item: item, context: &context)
                if let item {
                    let id = context.bookmarkID()
                    content = WordXML.bookmarkStart(id: id, name: DocxNames.bookmark(for: item.fullID)) + content + WordXML.bookmarkEnd(id: id)
                }
                paragraph.content = content
                made.append(.paragraph(paragraph))
            case .list:
                var nested: Int?
                for grandchild in child.children {
                    renderListItem(grandchild, in: child, depth: depth + 1, numbering: &nested, state: &state, context: &context, into: &made)
                }
            default:
                first = false
                made += render(child, state: &state, context: &context).map { block in
                    guard case .paragraph(var paragraph) = block, paragraph.style == "BodyText" else { return block }
                    paragraph.style = "ListContinue"
                    return .paragraph(paragraph)
                }
            }
        }
        if first {
            // An empty list item still gets its paragraph, so that its unit has a place.
            made.append(.paragraph(DocxBlock.Paragraph(style: "ListText")))
        }
    }

    /// The runs of inline nodes; for an item, its id bold, references linked and a heading item's bookmark.
    func inlines(_ nodes: [MarkdownNode], item: Item?, context: inout DocxContext) -> String {
        let documentID = document.id
        let path = document.path
        let snapshot = context
        let references = (item?.references ?? []).map { ($0.syntax.text, snapshot.anchor(for: $0.syntax, in: documentID)) }
        var xml = DocxInlines.runs(of: nodes, references: references, linkAnchor: { snapshot.anchor(forLink: $0, from: path) })
        if let item {
            context.itemCount += 1
            if case .heading = item.host {
                let id = context.bookmarkID()
                xml = WordXML.bookmarkStart(id: id, name: DocxNames.bookmark(for: item.fullID)) + xml + WordXML.bookmarkEnd(id: id)
            }
        }
        return xml
    }

    /// A GFM table as a Word table: equal columns, the header row repeated on each page.
    func table(_ node: MarkdownNode, context: inout DocxContext) -> DocxBlock.Table {
        let columns = max(1, node.children.map(\.children.count).max() ?? 1)
        let width = Self.textWidth / columns
        var alignments: [String] = []
        if case .table(let aligned) = node.kind { alignments = aligned }
        let rows = node.children.map { row -> DocxBlock.Row in
            var header = false
            if case .tableRow(let isHeader) = row.kind { header = isHeader }
            let cells = row.children.enumerated().map { column, cell -> DocxBlock.Cell in
                var properties = ""
                let alignment = column < alignments.count ? alignments[column] : ""
                if header || alignment == "center" { properties = "<w:jc w:val=\"center\"/>" } else if alignment == "right" { properties = "<w:jc w:val=\"right\"/>" }
                var runs = inlines(cell.children, item: nil, context: &context)
                if header { runs = runs.replacingOccurrences(of: "<w:r>", with: "<w:r><w:rPr><w:b/></w:rPr>").replacingOccurrences(of: "<w:rPr><w:b/></w:rPr><w:rPr>", with: "<w:rPr><w:b/>") }
                return DocxBlock.Cell(blocks: [.paragraph(DocxBlock.Paragraph(style: "TableText", properties: properties, content: runs))])
            }
            let padded = cells + Array(repeating: DocxBlock.Cell(""), count: max(0, columns - cells.count))
            return DocxBlock.Row(cells: padded, isHeader: header)
        }
        return DocxBlock.Table(columns: Array(repeating: width, count: columns), rows: rows)
    }

    /// The document's id, version, status and, where its kind has them, hours and credits.
    func metadata() -> DocxBlock {
        .table(Self.metadataTable(document, strings: contextStrings))
    }

    /// The labels, in the project's language.
    var contextStrings: DocxStrings

    static func metadataTable(_ document: Document, strings: DocxStrings) -> DocxBlock.Table {
        var pairs: [(String, String)] = [(strings.id, document.id ?? ""), (strings.version, document.version ?? ""),
                                         (strings.status, document.status.map(strings.status) ?? "")]
        if let owner = document.owner { pairs.append((strings.owner, owner)) }
        let front = document.frontMatter
        if let theory = CourseTable.int(front?["hours"]?["theory"]), let practice = CourseTable.int(front?["hours"]?["practice"]) {
            pairs.append((strings.hours, "\(theory + practice)（\(theory)/\(practice)）"))
        } else if let hours = front?["hours"]?.scalar ?? front?["total_hours"]?.scalar {
            pairs.append((strings.hours, hours))
        }
        if let credits = front?["credits"]?.scalar { pairs.append((strings.credits, credits)) }
        // Two pairs a row: label, value, label, value.
        let quarter = textWidth / 4
        var rows: [DocxBlock.Row] = []
        var index = 0
        while index < pairs.count {
            var cells: [DocxBlock.Cell] = []
            for pair in pairs[index..<min(index + 2, pairs.count)] {
                cells.append(DocxBlock.Cell(pair.0, bold: true, centered: true))
                cells.append(DocxBlock.Cell(pair.1))
            }
            if cells.count == 2 { cells[1].span = 3 }
            rows.append(DocxBlock.Row(cells: cells))
            index += 2
        }
        return DocxBlock.Table(columns: [quarter, quarter, quarter, textWidth - 3 * quarter], rows: rows)
    }

    /// The approvals as a sign-off table: party, by, date, version, current or stale.
    func approvals() -> [DocxBlock] {
        let state = ApprovalState(document)
        guard !state.entries.isEmpty else { return [] }
        let strings = contextStrings
        let width = Self.textWidth
        var rows = [DocxBlock.Row(cells: [strings.party, strings.by, strings.date, strings.version, strings.approvalState].map { DocxBlock.Cell($0, bold: true, centered: true) }, isHeader: true)]
        for entry in state.entries {
            let party = entry.approval?.party ?? entry.node["party"]?.scalar ?? ""
            rows.append(DocxBlock.Row(cells: [
                DocxBlock.Cell(partyName(party)), DocxBlock.Cell(entry.approval?.by ?? entry.node["by"]?.scalar ?? ""),
                DocxBlock.Cell(entry.approval?.date ?? entry.node["date"]?.scalar ?? "", centered: true),
                DocxBlock.Cell(entry.approval?.version ?? entry.node["version"]?.scalar ?? "", centered: true),
                DocxBlock.Cell(entry.isCurrent ? strings.current : strings.stale, centered: true),
            ]))
        }
        let caption = DocxBlock.paragraph(DocxBlock.Paragraph(style: "Caption", content: WordXML.run(strings.signOff)))
        return [caption, .table(DocxBlock.Table(columns: [width * 28 / 100, width * 30 / 100, width * 14 / 100, width * 12 / 100, width - width * 84 / 100], rows: rows))]
    }

    /// Set by `DocxExport`: party names by id.
    var partyNames: [String: String] = [:]

    func partyName(_ id: String) -> String {
        partyNames[id].map { "\($0)（\(id)）" } ?? id
    }

    /// Whether a heading's text carries its number already (一、 （一） 1. （1） 附录一 第一章), so
    /// that Word's numbering would number it twice.
    static func isNumbered(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(8))
        guard let first = scalars.first else { return false }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "零"]
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        if text.hasPrefix("附录") || text.hasPrefix("附件") || text.hasPrefix("第") && scalars.dropFirst().first.map({ numerals.contains($0) || isDigit($0) }) == true {
            return true
        }
        var index = 0
        let bracketed = first == "（" || first == "("
        if bracketed { index = 1 }
        let start = index
        while index < scalars.count, numerals.contains(scalars[index]) || isDigit(scalars[index]) { index += 1 }
        guard index > start, index < scalars.count else { return false }
        let next = scalars[index]
        return bracketed ? (next == "）" || next == ")") : (next == "、" || next == "." || next == "．")
    }
}
