/// A block of the body as the exporter builds it, before it becomes XML: a paragraph or a
/// table. Kept as values so that a review unit's hidden bookmark can be put inside the first
/// and the last paragraph it spans, whatever the unit turned into (a list item, a whole table).
enum DocxBlock: Sendable {
    case paragraph(Paragraph)
    case table(Table)

    /// One `w:p`: its properties (`w:pPr`'s content) and its runs, hyperlinks and bookmarks.
    struct Paragraph: Sendable {
        var style: String?
        /// More of `w:pPr` after the style: numbering, alignment, a page break before.
        var properties = ""
        var content = ""

        init(style: String?, properties: String = "", content: String = "") {
            self.style = style
            self.properties = properties
            self.content = content
        }

        var xml: String {
            let style = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
            let pPr = style + properties
            return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + content + "</w:p>"
        }
    }

    /// One `w:tbl` over a grid of columns (widths in twentieths of a point).
    struct Table: Sendable {
        var columns: [Int]
        var rows: [Row]
        /// How the table is aligned on the page.
        var centered = true
        /// Left and right cell margins, when narrower than the style's (a table of many columns).
        var cellMargin: Int?

        var xml: String {
            var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"StdkitTable\"/><w:tblW w:w=\"\(columns.reduce(0, +))\" w:type=\"dxa\"/>"
            if centered { xml += "<w:jc w:val=\"center\"/>" }
            if let cellMargin {
                xml += "<w:tblCellMar><w:left w:w=\"\(cellMargin)\" w:type=\"dxa\"/><w:right w:w=\"\(cellMargin)\" w:type=\"dxa\"/></w:tblCellMar>"
            }
            xml += "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
            xml += columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
            xml += "</w:tblGrid>"
            for row in rows {
                xml += "<w:tr>" + (row.isHeader ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
                var column = 0
                for cell in row.cells {
                    let width = columns[min(column, columns.count - 1)..<min(column + cell.span, columns.count)].reduce(0, +)
                    column += cell.span
                    xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                    if cell.span > 1 { xml += "<w:gridSpan w:val=\"\(cell.span)\"/>" }
                    switch cell.verticalMerge {
                    case .restart: xml += "<w:vMerge w:val=\"restart\"/>"
                    case .continuation: xml += "<w:vMerge/>"
                    case nil: break
                    }
                    if row.isHeader { xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>" }
                    xml += "<w:vAlign w:val=\"center\"/></w:tcPr>"
                    // A cell must end with a paragraph (ECMA-376 §17.4.66); Word repairs one that does not.
                    let blocks = cell.blocks.isEmpty ? [.paragraph(Paragraph(style: "TableText"))] : cell.blocks
                    xml += blocks.map(\.xml).joined()
                    if case .table = blocks.last { xml += "<w:p/>" }
                    xml += "</w:tc>"
                }
                xml += "</w:tr>"
            }
            return xml + "</w:tbl>"
        }
    }

    struct Row: Sendable {
        var cells: [Cell]
        var isHeader = false
    }

    struct Cell: Sendable {
        enum Merge: Sendable { case restart, continuation }
        var blocks: [DocxBlock]
        /// Grid columns the cell spans (`w:gridSpan`).
        var span = 1
        /// Its place in a vertically merged range (`w:vMerge`).
        var verticalMerge: Merge?

        init(blocks: [DocxBlock], span: Int = 1, verticalMerge: Merge? = nil) {
            self.blocks = blocks
            self.span = span
            self.verticalMerge = verticalMerge
        }

        /// A cell holding one paragraph of `text`.
        init(_ text: String, bold: Bool = false, centered: Bool = false, span: Int = 1, verticalMerge: Merge? = nil, style: String = "TableText") {
            var format = WordXML.RunFormat()
            format.bold = bold
            self.init(blocks: [.paragraph(Paragraph(style: style, properties: centered ? "<w:jc w:val=\"center\"/>" : "",
                                                    content: WordXML.run(text, format)))],
                      span: span, verticalMerge: verticalMerge)
        }
    }

    var xml: String {
        switch self {
        case .paragraph(let paragraph): paragraph.xml
        case .table(let table): table.xml
        }
    }

    /// The block with `xml` put at the start of its first paragraph (into the first cell of a table).
    func prepending(_ xml: String) -> DocxBlock {
        switch self {
        case .paragraph(var paragraph):
            paragraph.content = xml + paragraph.content
            return .paragraph(paragraph)
        case .table(var table):
            guard !table.rows.isEmpty, !table.rows[0].cells.isEmpty else { return self }
            var cell = table.rows[0].cells[0]
            cell.blocks = cell.blocks.isEmpty ? [DocxBlock.paragraph(Paragraph(style: "TableText", content: xml))]
                : [cell.blocks[0].prepending(xml)] + cell.blocks.dropFirst()
            table.rows[0].cells[0] = cell
            return .table(table)
        }
    }

    /// The block with `xml` put at the end of its last paragraph (into the last cell of a table).
    func appending(_ xml: String) -> DocxBlock {
        switch self {
        case .paragraph(var paragraph):
            paragraph.content += xml
            return .paragraph(paragraph)
        case .table(var table):
            guard let lastRow = table.rows.indices.last, let lastCell = table.rows[lastRow].cells.indices.last else { return self }
            var cell = table.rows[lastRow].cells[lastCell]
            cell.blocks = cell.blocks.isEmpty ? [DocxBlock.paragraph(Paragraph(style: "TableText", content: xml))]
                : cell.blocks.dropLast() + [cell.blocks[cell.blocks.count - 1].appending(xml)]
            table.rows[lastRow].cells[lastCell] = cell
            return .table(table)
        }
    }
}
