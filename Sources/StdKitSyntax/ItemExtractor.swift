import Foundation

/// Finds items, their references and attributes in a parsed body.
///
/// The inline tree decides what is an item and gives the statement's text; the raw source gives
/// the exact position of every reference and attribute, since those are plain text that appears
/// in the file as written.
public struct ItemExtractor {
    public struct Result: Sendable {
        public var items: [ItemSyntax] = []
        public var headings: [HeadingSyntax] = []
        public var diagnostics: [Diagnostic] = []
    }

    let source: SourceText
    let file: String
    /// Blocks nested deeper than this are not searched for items. The parser keeps the tree at
    /// most `limits.nesting_depth` + 5 levels deep (105 by default), so every item is searched
    /// unless that limit is raised past 195; the bound keeps the recursion safe then.
    static let maximumDepth = 200

    public init(source: SourceText, file: String) {
        self.source = source
        self.file = file
    }

    /// Extracts every item and heading of `document`, in source order.
    public func extract(from document: MarkdownNode) -> Result {
        var walker = ItemWalker(extractor: self)
        walker.visit(document)
        return walker.result
    }

    /// Reads an item from the inlines of a paragraph or heading, or returns nil when they do not
    /// begin with a strong id.
    fileprivate func item(
        inlines: [MarkdownNode], host: ItemSyntax.Host, hostRange: SourceRange?, contentRange: SourceRange? = nil,
        parentID: String?, into result: inout Result
    ) -> ItemSyntax? {
        guard let first = inlines.first, first.kind == .strong, first.children.count == 1,
              let idNode = first.children.first, idNode.kind == .text,
              Identifier.isValidItem(idNode.literal),
              let range = contentRange ?? hostRange
        else { return nil }
        let id = idNode.literal
        let raw = PositionedText(source: source, range: range)
        let idLocation = raw.firstLocation(of: id) ?? range.lowerBound

        let rest = inlines.dropFirst()
        // The statement is cut below at its attributes and at its arrow, and trimmed once at the
        // end: trimming first moves neither cut, since white space holds no `{`, `→` or `->`.
        var statement = MarkdownNode.plainText(of: rest)
        var statementEnd = statement.endIndex
        // References and attributes are plain text at the end: the trailing run of text nodes.
        let trailingText = Self.trailingText(of: rest)

        var rawEnd = raw.scalars.count
        var attributes: [AttributeSyntax] = []
        if Self.endsWithBrace(trailingText),
           let close = raw.lastIndex(of: "}", before: rawEnd),
           let open = raw.lastIndex(of: "{", before: close) {
            let content = raw.slice(open + 1, close)
            switch AttributeParser.parse(content, location: { raw.location(at: open + 1 + $0) }) {
            case .attributes(let parsed):
                attributes = parsed
                rawEnd = open
                if let cut = statement.lastIndex(ofASCII: "{") { statementEnd = cut }
            case .malformed(let problem, let location):
                // The braces are meant as attributes: keep them out of the references and the
                // statement, so that one slip is reported once.
                rawEnd = open
                if let cut = statement.lastIndex(ofASCII: "{") { statementEnd = cut }
                result.diagnostics.append(Diagnostic(
                    rule: "malformed-attribute", file: file, location: location ?? raw.location(at: open),
                    message: .malformedAttributes(item: id, problem: problem), hint: .writeAttributes))
            case .notAttributes:
                break
            }
        }

        var references: [ReferenceSyntax] = []
        if Self.mayHoldArrow(trailingText),
           let arrow = raw.lastArrow(before: rawEnd) {
            let listStart = arrow.index + arrow.length
            references = referenceList(in: raw, from: listStart, to: rawEnd, itemID: id, arrowLocation: raw.location(at: arrow.index), into: &result)
            if let cut = statement[..<statementEnd].lastArrowRange() { statementEnd = cut.lowerBound }
        }
        if statementEnd < statement.endIndex { statement = String(statement[..<statementEnd]) }
        statement = statement.trimmingWhitespace()

        let hostLines = hostRange.map { $0.lowerBound.line...max($0.lowerBound.line, endLine(of: $0)) } ?? idLocation.line...idLocation.line
        return ItemSyntax(id: id, location: idLocation, host: host, statement: statement, attributes: attributes,
                          references: references, parentID: parentID, lines: hostLines)
    }

    /// The text of the trailing run of text nodes and soft breaks of `inlines` (a soft break
    /// as a space): where references and attributes are written.
    static func trailingText(of inlines: ArraySlice<MarkdownNode>) -> String {
        var start = inlines.endIndex
        while start > inlines.startIndex, inlines[start - 1].kind == .text || inlines[start - 1].kind == .softBreak {
            start -= 1
        }
        if start == inlines.endIndex - 1, inlines[start].kind == .text { return inlines[start].literal }
        var text = ""
        for node in inlines[start...] { text += node.kind == .text ? node.literal : " " }
        return text
    }

    /// Whether `text`, trimmed, ends with the character `}` (the trailing white space left out
    /// in place, not trimmed into a new string).
    static func endsWithBrace(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.isWhitespaceFast }) else { return false }
        return Substring(scalars[...last]).endsWithCharacter(ascii: UInt8(ascii: "}"))
    }

    /// Whether `text` holds a `→` or a `>`, on its bytes: no other scalar's UTF-8 holds 0x3E or
    /// E2 86 92.
    static func mayHoldArrow(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.contains(UInt8(ascii: ">")) else { return true }
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xE2, bytes[index + 1] == 0x86, bytes[index + 2] == 0x92 { return true }
                index += 1
            }
            return false
        }
    }

    /// The last line with content: cmark ends a block that closes with a line ending at column
    /// 1 of the next line in some cases.
    private func endLine(of range: SourceRange) -> Int {
        range.upperBound.column <= 1 && range.upperBound.line > range.lowerBound.line
            ? range.upperBound.line - 1 : range.upperBound.line
    }

    /// Parses the comma-separated references between `start` and `end` of `raw`.
    private func referenceList(
        in raw: PositionedText, from start: Int, to end: Int, itemID: String, arrowLocation: SourceLocation,
        into result: inout Result
    ) -> [ReferenceSyntax] {
        var references: [ReferenceSyntax] = []
        var tokenStart = start
        var index = start
        func finishToken() {
            defer { tokenStart = index + 1 }
            // The token trimmed, cut from the scalars once.
            guard let offset = raw.firstNonWhitespace(from: tokenStart, to: index) else { return }
            var end = min(index, raw.scalars.count)
            while end > offset, raw.scalars[end - 1].isWhitespaceFast { end -= 1 }
            let text = raw.slice(offset, end)
            let location = raw.location(at: offset)
            if let reference = ReferenceSyntax.parse(text, at: location) {
                references.append(reference)
            } else {
                result.diagnostics.append(Diagnostic(
                    rule: "malformed-reference", file: file, location: location,
                    message: .notAReference(text, item: itemID), hint: .writeReferences))
            }
        }
        while index < end {
            let scalar = raw.scalars[index]
            if scalar == "," || scalar == "，" { finishToken() }
            index += 1
        }
        finishToken()
        if references.isEmpty, !result.diagnostics.contains(where: { $0.rule == "malformed-reference" && $0.location.line >= arrowLocation.line }) {
            result.diagnostics.append(Diagnostic(
                rule: "malformed-reference", file: file, location: arrowLocation,
                message: .arrowWithoutReference(item: itemID), hint: .nameAfterArrow))
        }
        return references
    }
}

extension StringProtocol {
    /// The range of the last `→` or `->` in the string.
    public func lastArrowRange() -> Range<String.Index>? {
        let scalars = unicodeScalars
        var index = scalars.endIndex
        while index > scalars.startIndex {
            let current = scalars.index(before: index)
            if scalars[current] == "→" { return current..<index }
            if scalars[current] == ">", current > scalars.startIndex {
                let before = scalars.index(before: current)
                if scalars[before] == "-" { return before..<index }
            }
            index = current
        }
        return nil
    }
}

/// The walk of `ItemExtractor.extract(from:)`: list items and headings are read for items;
/// paragraphs, code, HTML and tables hold none and are not entered.
private struct ItemWalker: MarkdownWalker {
    let extractor: ItemExtractor
    /// What the walk has found so far.
    var result = ItemExtractor.Result()
    /// The id of the list item that holds the node being visited, if it is an item.
    private var parentItem: String?
    /// How many blocks hold the node being visited.
    private var depth = 0

    init(extractor: ItemExtractor) {
        self.extractor = extractor
    }

    /// Goes on into the block children only: items and headings are blocks, and inlines are
    /// read by `ItemExtractor.item(inlines:…)`.
    mutating func defaultVisit(_ node: MarkdownNode) {
        guard depth < ItemExtractor.maximumDepth else { return }
        descendIntoBlocks(of: node)
    }

    private mutating func descendIntoBlocks(of node: MarkdownNode) {
        depth += 1
        defer { depth -= 1 }
        guard depth < ItemExtractor.maximumDepth else { return }
        for child in node.children where child.isBlock { visit(child) }
    }

    mutating func visitHeading(_ node: MarkdownNode, level: Int) {
        guard depth < ItemExtractor.maximumDepth else { return }
        let item = extractor.item(inlines: node.children, host: .heading(level: level), hostRange: node.range, parentID: nil, into: &result)
        if let range = node.range {
            var text = node.plainText.trimmingWhitespace()
            // An item heading's attributes and references are data, not part of its title.
            if let item, !item.attributes.isEmpty, let brace = text.lastIndex(ofASCII: "{") {
                text = String(text[..<brace]).trimmingWhitespace()
            }
            if let item, !item.references.isEmpty, let arrow = text.lastArrowRange() {
                text = String(text[..<arrow.lowerBound]).trimmingWhitespace()
            }
            result.headings.append(HeadingSyntax(level: level, text: text, location: range.lowerBound, itemID: item?.id))
        }
        if let item { result.items.append(item) }
    }

    mutating func visitListItem(_ node: MarkdownNode, task: Bool?) {
        guard depth < ItemExtractor.maximumDepth else { return }
        let outer = parentItem
        defer { parentItem = outer }
        if let paragraph = node.children.first, paragraph.kind == .paragraph,
           let item = extractor.item(inlines: paragraph.children, host: .listItem, hostRange: node.range,
                                     contentRange: paragraph.range, parentID: outer, into: &result) {
            result.items.append(item)
            parentItem = item.id
        }
        descendIntoBlocks(of: node)
    }

    // An item begins a list item or a heading; these hold none.
    mutating func visitCodeBlock(_ node: MarkdownNode, info: String, fenced: Bool) {}
    mutating func visitHTMLBlock(_ node: MarkdownNode) {}
    mutating func visitParagraph(_ node: MarkdownNode) {}
    mutating func visitTable(_ node: MarkdownNode, alignments: [String]) {}
}

extension Message {
    fileprivate static func malformedAttributes(item: String, problem: Message) -> Message {
        Message("malformed-attribute.message", ["item": .verbatim(item), "problem": .message(problem)])
    }

    fileprivate static let writeAttributes = Message("malformed-attribute.hint")

    fileprivate static func notAReference(_ text: String, item: String) -> Message {
        Message("malformed-reference.in-item", ["text": .verbatim(text), "item": .verbatim(item)])
    }

    fileprivate static let writeReferences = Message("malformed-reference.in-item.hint")

    fileprivate static func arrowWithoutReference(item: String) -> Message {
        Message("malformed-reference.empty-arrow", ["item": .verbatim(item)])
    }

    fileprivate static let nameAfterArrow = Message("malformed-reference.empty-arrow.hint")
}
