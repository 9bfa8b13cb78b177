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
        var report: [Message] = []
        // Open vertical merges by grid column: the row they started in and their text.
        var open: [Int: (row: Int, text: String)] = [:]
        var joined = 0
        func close(_ column: Int, before row: Int) {
            if let merge = open.removeValue(forKey: column), row - 1 > merge.row {
                report.append(.docxImportMergeDown(table: number, text: Self.shortened(merge.text), column: column + 1, first: merge.row + 1, last: row))
            }
        }
        for (rowIndex, cells) in table.rows.enumerated() {
            var row: [String] = []
            for cell in cells {
                let column = row.count
                let span = max(1, cell.span)
                var text: String
                let covered = cell.merge == .continue ? open[column] : nil
                if let covered {
                    text = covered.text
                } else {
                    for spanned in column..<column + span { close(spanned, before: rowIndex) }
                    text = Self.joined(cell.paragraphs)
                    if cell.paragraphs.filter({ !NumberedLine.trimmed($0).isEmpty }).count > 1 { joined += 1 }
                    if cell.merge == .restart { open[column] = (rowIndex, text) }
                }
                if span > 1, covered == nil {
                    report.append(.docxImportMergeAcross(table: number, text: Self.shortened(text), row: rowIndex + 1, first: column + 1, last: column + span))
                }
                row += Array(repeating: text, count: span)
            }
            // A column this row does not reach, or reaches with a cell of its own, ends its merge.
            for column in open.keys.sorted() where column >= row.count { close(column, before: rowIndex) }
            grid.append(row)
        }
        for column in open.keys.sorted() { close(column, before: table.rows.count) }
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
