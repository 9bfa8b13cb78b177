import StdKitModel
import StdKitSyntax

/// A document seen as the diff needs it: its sections with the prose they hold outside items,
/// and for each item the section it stands in.
struct DocumentOutline {
    struct Part {
        /// The heading's title; "" for the text before the first heading.
        var title: String
        var level: Int
        /// The normalised key sections are matched by.
        var key: String
        /// The section's own text outside items and sub-headings, normalised.
        var prose: String
        /// The ids of the items the section holds directly.
        var items: [String]
        /// Table rows, by the text of their first cell, with their other cells.
        var rows: [(key: String, cells: String)] = []
    }

    var parts: [Part] = []
    /// Item id → the title of the section it stands in.
    var sectionOfItem: [String: String] = [:]

    init(_ document: Document) {
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        let bodyStart = FrontMatter(document.text).closingLine ?? 0  // lines up to it are front matter
        // Item lines (with nested content) and item headings are not prose.
        var itemLine: [Int: String] = [:]
        for item in document.items {
            for line in item.lines { itemLine[line] = itemLine[line] ?? item.id }
        }
        let headings = document.sections.filter { $0.itemID == nil }
        var headingAt: [Int: Section] = [:]
        for section in headings { headingAt[section.location.line] = section }
        var current = Part(title: "", level: 0, key: "", prose: "", items: [])
        var prose: [Substring] = []
        func close() {
            current.prose = Self.normalise(prose)
            if !(current.title.isEmpty && current.prose.isEmpty && current.items.isEmpty) { parts.append(current) }
            prose = []
        }
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            guard number > bodyStart else { continue }
            if let section = headingAt[number] {
                close()
                current = Part(title: section.title, level: section.level, key: Self.key(section.title), prose: "", items: [])
                continue
            }
            if let item = itemLine[number] {
                if document.item(item)?.location.line == number {
                    current.items.append(item)
                    sectionOfItem[item] = current.title
                }
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("|") {
                let cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                let content = cells.last == "" ? Array(cells.dropLast()) : Array(cells)
                // The delimiter row (| --- | :---: |) is layout, not content.
                guard !content.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) else { continue }
                current.rows.append((content.first ?? "", content.dropFirst().joined(separator: " | ")))
                continue
            }
            prose.append(line)
        }
        close()
    }

    /// Lines joined as a reader sees them: a line break between two Chinese characters is no
    /// space, other white space collapses to one space; Markdown list and quote markers dropped.
    static func normalise(_ lines: [Substring]) -> String {
        var result = ""
        for raw in lines {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { if !result.isEmpty, result.last != "\n" { result += "\n" }; continue }
            for marker in ["> ", "- ", "* ", "+ "] where line.hasPrefix(marker) { line = String(line.dropFirst(marker.count)) }
            if let last = result.unicodeScalars.last, last != "\n" {
                let joinWithoutSpace = last.isCJK && (line.unicodeScalars.first?.isCJK ?? false)
                result += joinWithoutSpace ? "" : " "
            }
            result += line
        }
        return result.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.joined(separator: "\n")
    }

    /// The key a section is matched by: its title without numbering, in lower case.
    static func key(_ title: String) -> String {
        var text = Substring(title.trimmingCharacters(in: .whitespaces))
        let numerals = Set("一二三四五六七八九十零")
        let prefix = text.prefix { numerals.contains($0) || $0.isNumber || $0 == "." }
        if !prefix.isEmpty, let next = text.dropFirst(prefix.count).first, next == "、" || next == " " || next == "." {
            text = text.dropFirst(prefix.count + 1)
        }
        return text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
