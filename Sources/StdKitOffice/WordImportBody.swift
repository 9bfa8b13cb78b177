import StdKitInterop
import StdKitSyntax

/// The Markdown body of an imported Word standard, written block by block in the Word order:
/// headings nested under the title, numbered lines as items (`- **S1** …`) inside a section that
/// holds the kind's items and as list items elsewhere, paragraphs, images, tables.
struct WordImportBody: Sendable {
    /// The sections that hold items, by the start of their title (Chinese or English, lower
    /// case), and the prefix of the items they hold (the kinds' schemas: `items`).
    static let itemSections: [(names: [String], prefix: String)] = [
        (["培养规格", "training specification"], "S"),
        (["职业能力要求", "能力要求", "competence requirement", "requirements"], "R"),
        (["典型工作任务", "工作任务", "typical work task", "work task"], "T"),
        (["课程目标", "学习目标", "learning outcome", "course objective"], "LO"),
        (["教学内容", "课程内容", "教学单元", "course content", "teaching unit"], "U"),
    ]

    private enum Kind: Equatable { case block, item, ordered, bullet }

    /// The item prefixes of the kind.
    let prefixes: Set<String>
    private var blocks: [(lines: [String], kind: Kind)] = []
    private(set) var items: [ItemNode] = []
    private(set) var report: [Message] = []
    /// The open headings: Word level, Markdown level, and the prefix of the items under it.
    private var stack: [(level: Int, markdown: Int, prefix: String?)] = []
    private var counters: [String: Int] = [:]
    /// The item section being written: its title, its items, the groups inside it, whether
    /// Word's numbers restarted.
    private var section: (title: String, ids: [String], groups: [String], pending: String?, last: Int?, restarted: Bool)?
    private var listItems = 0

    init(prefixes: Set<String>) {
        self.prefixes = prefixes
    }

    /// The prefix of the items a section titled `title` holds, if the kind has them.
    func prefix(for title: String) -> String? {
        let lower = title.lowercased()
        return Self.itemSections.first { entry in entry.names.contains { lower.hasPrefix($0) } && prefixes.contains(entry.prefix) }?.prefix
    }

    mutating func heading(level: Int, text: String) {
        while let last = stack.last, last.level >= level { stack.removeLast() }
        // Never deeper than one below the enclosing heading (the title is level 1).
        let markdown = min(6, min(level + 1, (stack.last?.markdown ?? 1) + 1))
        let own = prefix(for: text)
        let inherited = stack.last?.prefix
        if own != nil || inherited == nil {
            finishSection()
            if own != nil { section = (text, [], [], nil, nil, false) }
        } else {
            section?.pending = text
        }
        stack.append((level, markdown, own ?? inherited))
        blocks.append(([String(repeating: "#", count: markdown) + " " + ItemNode.escaped(text)], .block))
    }

    mutating func numbered(_ line: NumberedLine) {
        guard !line.rest.isEmpty else { return }
        if let prefix = stack.last?.prefix {
            counters[prefix, default: 0] += 1
            let node = ItemNode(id: prefix + String(counters[prefix]!), statement: line.rest)
            items.append(node)
            blocks.append((ItemNode.markdown([node]), .item))
            if var current = section {
                current.ids.append(node.id)
                if let last = current.last, line.value <= last { current.restarted = true }
                current.last = line.value
                if let group = current.pending {
                    current.groups.append(group)
                    current.pending = nil
                }
                section = current
            }
            return
        }
        listItems += 1
        if line.level == 3 {
            blocks.append((["\(line.value). " + Self.paragraph(line.rest)], .ordered))
        } else {
            blocks.append((["- " + ItemNode.escaped(line.label + line.rest)], .bullet))
        }
    }

    mutating func text(_ text: String) {
        let trimmed = NumberedLine.trimmed(text)
        guard !trimmed.isEmpty else { return }
        // A short line between items (素质：) names the group that follows.
        if section != nil, WordImport.isHeadingLike(trimmed, bold: false), trimmed.count <= 12 {
            section?.pending = WordImport.headingText(trimmed)
        }
        blocks.append(([Self.paragraph(trimmed)], .block))
    }

    mutating func image(path: String, description: String) {
        blocks.append((["![\(ItemNode.escaped(description))](\(path))"], .block))
    }

    mutating func table(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        blocks.append((lines, .block))
    }

    /// Footnotes and endnotes, as a list at the end.
    mutating func notes(_ notes: [String]) {
        for (index, note) in notes.enumerated() {
            blocks.append((["- " + ItemNode.escaped(WordImportSource.noteMarker(index + 1) + " " + note)], .bullet))
        }
    }

    private mutating func finishSection() {
        guard let current = section else { return }
        section = nil
        guard let first = current.ids.first, let last = current.ids.last else { return }
        report.append(.docxImportItems(section: current.title, count: current.ids.count, first: first, last: last))
        if current.restarted || current.groups.count > 1 {
            report.append(.docxImportItemsConsecutive(section: current.title, groups: current.groups))
        }
    }

    /// The body's Markdown: blocks separated by a blank line, list items of one list together.
    mutating func markdown() -> String {
        finishSection()
        if listItems > 0 {
            report.append(.docxImportListItems(count: listItems))
            listItems = 0
        }
        var lines: [String] = []
        var previous: Kind?
        for block in blocks {
            if !(block.kind != .block && block.kind == previous) { lines.append("") }
            lines += block.lines
            previous = block.kind
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text as a Markdown paragraph that reads back as the text: Markdown's characters escaped,
    /// and a start that would begin a list or a heading (`-`, `+`, `2026.`) escaped too.
    static func paragraph(_ text: String) -> String {
        var escaped = ItemNode.escaped(text)
        if let first = escaped.first, "-+=".contains(first) {
            escaped = "\\" + escaped
        }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = escaped.dropFirst(digits.count).first, next == "." || next == ")" {
            let index = escaped.index(escaped.startIndex, offsetBy: digits.count)
            escaped.insert("\\", at: index)
        }
        return escaped
    }
}
