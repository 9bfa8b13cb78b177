import StdKitInterop
import StdKitSyntax

/// A Word table as a GFM table: one column per grid column, a merged cell's text repeated in
/// every cell it covers (GFM has no merges, and a repeated value still reads right in a
/// diff and to the rules), several paragraphs of a cell joined in one line (stdkit omits raw
/// HTML, so no `<br>`), `|` escaped. Each merge and each join is said.
struct GFMTable: Sendable {
    /// The Markdown lines.
    var lines: [String]
    /// What was changed: merges repeated, paragraphs joined.
    var report: [Message]

    /// `table`, the `number`th (1-based) of the document.
    init(_ table: WordImportSource.Table, number: Int) {
        var grid: [[String]] = []
        // Each merge by the row and column it starts at, so the report reads top to bottom.
        var merges: [(row: Int, column: Int, message: Message)] = []
        // Open vertical merges by grid column: the row they started in, their text and width.
        var open: [Int: (row: Int, text: String, span: Int)] = [:]
        var joined = 0
        func close(_ column: Int, before row: Int) {
            guard let merge = open.removeValue(forKey: column) else { return }
            let text = Self.shortened(merge.text)
            if row - 1 > merge.row && merge.span > 1 {
                merges.append((merge.row, column, .docxImportMergeBlock(table: number, text: text, firstRow: merge.row + 1, lastRow: row,
                                                                        firstColumn: column + 1, lastColumn: column + merge.span)))
            } else if row - 1 > merge.row {
                merges.append((merge.row, column, .docxImportMergeDown(table: number, text: text, column: column + 1, first: merge.row + 1, last: row)))
            } else if merge.span > 1 {
                merges.append((merge.row, column, .docxImportMergeAcross(table: number, text: text, row: merge.row + 1, first: column + 1, last: column + merge.span)))
            }
        }
        for (rowIndex, cells) in table.rows.enumerated() {
            var row: [String] = []
            for cell in cells {
                let column = row.count
                let span = max(1, cell.span)
                let text: String
                if cell.merge == .continue, let covered = open[column] {
                    text = covered.text
                } else {
                    for spanned in column..<column + span { close(spanned, before: rowIndex) }
                    text = Self.joined(cell.paragraphs)
                    if cell.paragraphs.filter({ !NumberedLine.trimmed($0).isEmpty }).count > 1 { joined += 1 }
                    // A cell merged across only is closed at once; one merged down stays open.
                    open[column] = (rowIndex, text, span)
                    if cell.merge != .restart { close(column, before: rowIndex + 1) }
                }
                row += Array(repeating: text, count: span)
            }
            // A column this row does not reach ends its merge.
            for column in open.keys.sorted() where column >= row.count { close(column, before: rowIndex) }
            grid.append(row)
        }
        for column in open.keys.sorted() { close(column, before: table.rows.count) }
        var report = merges.sorted { ($0.row, $0.column) < ($1.row, $1.column) }.map(\.message)
        let width = grid.map(\.count).max() ?? 0
        var lines: [String] = []
        for (index, row) in grid.enumerated() {
            let padded = row + Array(repeating: "", count: width - row.count)
            lines.append("| " + padded.map(Self.escaped).joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + Array(repeating: " --- |", count: width).joined()) }
        }
        if joined > 0 { report.append(.docxImportCellParagraphs(table: number, count: joined)) }
        self.lines = width == 0 ? [] : lines
        self.report = report
    }

    /// A cell's paragraphs in one line: `；` between them, or a space after one that already
    /// ends in punctuation.
    static func joined(_ paragraphs: [String]) -> String {
        var result = ""
        for paragraph in paragraphs.map(NumberedLine.trimmed) where !paragraph.isEmpty {
            if let last = result.last {
                result += "。；;，,、：:".contains(last) ? " " : "；"
            }
            result += paragraph
        }
        return result
    }

    /// Cell text as GFM reads it back: Markdown's characters and `|` escaped, line breaks joined.
    static func escaped(_ text: String) -> String {
        ItemNode.escaped(text)
    }

    /// At most 20 characters of `text`, for a report line.
    static func shortened(_ text: String) -> String {
        text.count <= 20 ? text : String(text.prefix(19)) + "…"
    }
}
