import Foundation
import StdKitSyntax

/// Top-level front-matter fields set or removed in a document's text, through the front
/// matter's one owner (`FrontMatter` and its entries): each changed entry rewritten in its
/// place, new ones added after the last, and every other byte — comments, other entries, the
/// body — kept as written.
struct FrontMatterFields {
    /// A value as YAML text is written.
    enum Value: Equatable {
        /// A scalar, written bare where YAML reads it back as the same text, else quoted.
        case text(String)
        /// A number or boolean, written as given.
        case plain(String)
        case list([String])
    }

    /// How a list is written.
    enum ListStyle: Equatable {
        /// `[a, b]`.
        case flow
        /// One `- item` a line, `indent` before each `-`.
        case block(indent: String)
    }

    /// Why the text cannot be edited.
    enum Refusal: Error, Equatable {
        /// No front matter, an unclosed one, or one that does not read as a mapping of distinct keys.
        case unreadable
        /// A field name that is not a plain key (`[A-Za-z_][A-Za-z0-9_-]*`).
        case badName(String)
    }

    /// `text` with each field of `changes` set (nil: removed). Fields not yet there are added in
    /// the order given.
    static func apply(_ changes: [(name: String, value: Value?)], to text: String) throws(Refusal) -> String {
        for (name, _) in changes where !isPlainKey(name) { throw .badName(name) }
        let split = FrontMatter(text)
        guard split.state == .closed, let block = split.entries(file: "") else { throw .unreadable }
        let ending = split.opening.hasSuffix("\r\n") ? "\r\n" : split.opening.hasSuffix("\r") ? "\r" : "\n"
        // Lists are written as the file already writes them: a block list's indent, else flow.
        let style = block.entries.lazy.compactMap(listStyle).first ?? .flow
        var entries = block.entries.map { (key: $0.key, text: $0.text) }
        for (name, value) in changes {
            let index = entries.firstIndex { $0.key == name }
            guard let value else {
                if let index {
                    // Comments and blank lines after it stay, with the entry before it.
                    let kept = trailing(of: entries[index].text)
                    entries.remove(at: index)
                    if index > 0 { entries[index - 1].text += kept } else if !kept.isEmpty { entries.insert((key: "", text: kept), at: 0) }
                }
                continue
            }
            if let index, let entry = block[name] {
                // A field the form sends as it is stays as written, comments and quotes too.
                guard !holds(entry.node, value) else { continue }
                var written = line(name, value, style: listStyle(of: entry) ?? style, ending: ending)
                if let comment = lineComment(of: entry) {
                    written = String(written.unicodeScalars.dropLast(ending.unicodeScalars.count)) + comment + ending
                }
                entries[index].text = written + trailing(of: entry.text)
            } else {
                if let last = entries.indices.last, let end = entries[last].text.unicodeScalars.last, end != "\n", end != "\r" { entries[last].text += ending }
                entries.append((key: name, text: line(name, value, style: style, ending: ending)))
            }
        }
        return (split.hasByteOrderMark ? "\u{FEFF}" : "") + split.opening + block.header + entries.map(\.text).joined() + split.closing + split.rest
    }

    /// Whether `node` already holds `value`, read as text (`2` and `"2"` alike).
    static func holds(_ node: YAMLNode, _ value: Value) -> Bool {
        switch value {
        case .text(let text), .plain(let text): node.scalar == text && !node.isNull
        case .list(let items): node.sequence?.map(\.scalar) == items.map(Optional.some)
        }
    }

    /// The comment after a value written on the key's line (`status: draft  # 暂定`), with
    /// the spaces before it; nil when there is none or the value may hold a `#` of its own
    /// (quoted, or a flow list with quotes).
    static func lineComment(of entry: FrontMatter.Entry) -> String? {
        let first = entry.text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        switch entry.node.value {
        case .scalar(_, .plain): break
        case .sequence where !first.contains("\"") && !first.contains("'"): break
        default: return nil
        }
        guard let colon = first.firstIndex(of: ":"), let hash = first[colon...].range(of: " #") ?? first[colon...].range(of: "\t#") else { return nil }
        var start = hash.lowerBound
        while start > colon, first[first.index(before: start)] == " " || first[first.index(before: start)] == "\t" { start = first.index(before: start) }
        return String(first[start...])
    }

    /// The entry `name: value` with its line ending, a list in `style` (an empty one `[]`).
    static func line(_ name: String, _ value: Value, style: ListStyle, ending: String) -> String {
        switch (value, style) {
        case (.text(let text), _): name + ": " + YAMLScalar.written(text) + ending
        case (.plain(let text), _): name + ": " + text + ending
        case (.list(let items), .block(let indent)) where !items.isEmpty:
            name + ":" + ending + items.map { indent + "- " + YAMLScalar.written($0) + ending }.joined()
        case (.list(let items), _):
            name + ": [" + items.map(YAMLScalar.written).joined(separator: ", ") + "]" + ending
        }
    }

    /// How the list an entry holds is written; nil when it holds no list (or an empty one
    /// written `[]`, which says nothing of the file's style).
    static func listStyle(of entry: FrontMatter.Entry) -> ListStyle? {
        guard let items = entry.node.sequence, !items.isEmpty else { return nil }
        let lines = entry.text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        guard let first = lines.first, let colon = first.firstIndex(of: ":") else { return nil }
        if first[first.index(after: colon)...].trimmingCharacters(in: .whitespaces).hasPrefix("[") { return .flow }
        guard let item = lines.dropFirst().first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("-") }) else { return nil }
        return .block(indent: String(item.prefix { $0 == " " }))
    }

    /// The comment and blank lines that end an entry's text (they belong to no value).
    static func trailing(of text: String) -> String {
        var lines: [Substring] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { rest.index(after: $0) } ?? rest.endIndex
            lines.append(rest[..<end])
            rest = rest[end...]
        }
        var start = lines.count
        while start > 1 {
            let trimmed = lines[start - 1].trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.isEmpty || trimmed.hasPrefix("#") else { break }
            start -= 1
        }
        return lines[start...].joined()
    }

    static func isPlainKey(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    }
}
