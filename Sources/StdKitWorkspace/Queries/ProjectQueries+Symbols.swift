import Foundation
import StdKitModel
import StdKitSyntax

/// A document's outline: sections nested by heading level, items under the section (or the item
/// heading, or the parent item) they are written in.
extension ProjectQueries {
    /// How many characters of a statement an item's name in the outline keeps.
    static let statementLength = 24

    func symbols(_ path: String) -> [Symbol] {
        guard let document = document(atPath: path) else { return [] }
        let buffer = TextBuffer(document.text)
        let items = Dictionary(document.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Headings open levels 1–6; a list item is deeper than any heading, and a sub-item
        // deeper than its parent.
        var entries: [(line: Int, level: Int, symbol: Symbol)] = []
        let sections = document.sections.sorted { $0.location < $1.location }
        for (index, section) in sections.enumerated() {
            let next = sections[(index + 1)...].first(where: { $0.level <= section.level })
            let last = lastContentLine(from: section.location.line, before: next?.location.line ?? buffer.lineCount + 1, in: buffer)
            let range = SourceLocation(line: section.location.line, column: 1)..<endOfLine(last, in: buffer)
            let selection = SourceLocation(line: section.location.line, column: 1)..<endOfLine(section.location.line, in: buffer)
            if let itemID = section.itemID, let item = items[itemID] {
                entries.append((section.location.line, section.level, Symbol(name: name(of: item), detail: nil, kind: .item, range: range, selection: selection, children: [])))
            } else {
                entries.append((section.location.line, section.level, Symbol(name: section.title, detail: nil, kind: .section, range: range, selection: selection, children: [])))
            }
        }
        for item in document.items where item.host == .listItem {
            var depth = 0
            var parent = item.parentID
            while let id = parent, depth < 100 { depth += 1; parent = items[id]?.parentID }
            let first = item.lines.lowerBound
            let last = lastContentLine(from: first, before: item.lines.upperBound + 1, in: buffer)
            let range = SourceLocation(line: first, column: 1)..<endOfLine(last, in: buffer)
            let selection = SourceLocation(line: first, column: 1)..<endOfLine(first, in: buffer)
            entries.append((first, 7 + depth, Symbol(name: name(of: item), detail: nil, kind: .item, range: range, selection: selection, children: [])))
        }
        entries.sort { $0.line < $1.line }
        var roots: [Symbol] = []
        var open: [(level: Int, symbol: Symbol)] = []
        func close() {
            let done = open.removeLast().symbol
            if open.isEmpty { roots.append(done) } else { open[open.count - 1].symbol.children.append(done) }
        }
        for entry in entries {
            while let top = open.last, top.level >= entry.level { close() }
            open.append((entry.level, entry.symbol))
        }
        while !open.isEmpty { close() }
        return roots
    }

    /// `O1 能…`: the id and the statement, shortened.
    func name(of item: Item) -> String {
        let statement = item.text.trimmingCharacters(in: .whitespaces)
        guard !statement.isEmpty else { return item.id }
        let scalars = statement.unicodeScalars
        guard scalars.count > Self.statementLength else { return "\(item.id) \(statement)" }
        return "\(item.id) \(String(String.UnicodeScalarView(scalars.prefix(Self.statementLength))))…"
    }

    /// The last line from `first` before `limit` that is not blank.
    private func lastContentLine(from first: Int, before limit: Int, in buffer: TextBuffer) -> Int {
        var line = min(limit - 1, buffer.lineCount)
        while line > first, buffer.lineText(line - 1)?.allSatisfy(\.isWhitespace) ?? true { line -= 1 }
        return max(line, first)
    }

    private func endOfLine(_ line: Int, in buffer: TextBuffer) -> SourceLocation {
        SourceLocation(line: line, column: (buffer.lineText(line - 1)?.unicodeScalars.count ?? 0) + 1)
    }
}
