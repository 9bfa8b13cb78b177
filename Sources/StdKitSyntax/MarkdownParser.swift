import CCmarkGFM
import Foundation
import Synchronization

// This is the only file that knows cmark-gfm exists. It parses with the GFM extensions, copies
// every node into `MarkdownNode` values and frees the C tree before returning: no C pointer
// leaves this file.

/// cmark-gfm's registry of core extensions must be filled exactly once, and the call is not
/// thread-safe; a global `let` is initialised once, under the runtime's lock.
private let coreExtensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

/// cmark-gfm 0.29.0.gfm.6 changes a global table of special characters while it parses inlines
/// (`cmark_parser_finish` adds each extension's characters, parses, then removes them). Two
/// parsers finishing at once remove each other's characters and lose strikethrough and autolinks.
/// Block parsing (`cmark_parser_feed`) and the conversion to Swift values stay concurrent; only
/// the finishing step holds this lock. A `Mutex`, not an `NSLock`: it spins a little before it
/// sleeps, and a document's finish is short (tens of microseconds), so the waiting core rarely
/// sleeps at all. It shows when allocation is fast: with mimalloc as the allocator, `perf`
/// showed the loading of 10,000 small documents on 1.6–1.7 cores with `NSLock`, on 1.96 with
/// `Mutex`.
private let finishLock = Mutex<Void>(())

/// The GFM extensions every document is parsed with.
private let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

private let typeTable = "table"
private let typeTableHeader = "table_header"
private let typeTableRow = "table_row"
private let typeTableCell = "table_cell"
private let typeStrikethrough = "strikethrough"
private let typeTasklist = "tasklist"

/// Parses Markdown with cmark-gfm into `MarkdownNode` values.
public enum MarkdownParser {
    /// Parses `source` (the body of a document, front matter already blanked) and returns the
    /// document node. Positions are file lines and character columns.
    public static func parse(_ source: SourceText) -> MarkdownNode {
        parse(source, maxDepth: Limits().nestingDepth).node
    }

    /// The tree of `source` with nesting bounded by `maxDepth`, and where the first container
    /// that was flattened starts (nil when none was). Below `maxDepth` levels a container is
    /// left out and its children take its place: inline formatting (emphasis, links) is lost,
    /// never the text, and deeper quotes and lists become a flat run of blocks at the limit.
    /// Only the structure that holds text (a list's item, a paragraph or heading, a table's
    /// rows and cells) is kept past the limit, so the tree is at most `maxDepth` + 5 deep.
    public static func parse(_ source: SourceText, maxDepth: Int) -> (node: MarkdownNode, flattened: SourceLocation?) {
        withTree(source.bytes, options: CMARK_OPT_DEFAULT) { root, _ in
            var converter = Converter(maxDepth: max(1, maxDepth), columns: LineColumns(source))
            let node = converter.convert(root)
            return (node, converter.flattened)
        } ?? (MarkdownNode(kind: .document), nil)
    }

    /// The tree `parse(_:maxDepth:)` makes of `bytes`, without positions (every `range` nil):
    /// for readers that need none, as the site's renderer, which parses each page again
    /// (working out the positions was a quarter of the copy of the tree).
    public static func parseWithoutPositions(_ bytes: [UInt8], maxDepth: Int) -> MarkdownNode {
        withTree(bytes, options: CMARK_OPT_DEFAULT) { root, _ in
            var converter = Converter(maxDepth: max(1, maxDepth), columns: nil)
            return converter.convert(root)
        } ?? MarkdownNode(kind: .document)
    }

    /// cmark-gfm's own HTML for `markdown`, parsed as `parse` does and rendered with raw HTML
    /// kept: the reference stdkit's renderer is compared with (docs/conformance.md), never what
    /// the site publishes.
    public static func referenceHTML(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE
        return withTree(Array(markdown.utf8), options: options) { root, parser in
            guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            defer { free(html) }
            return String(cString: html)
        } ?? ""
    }

    /// Parses `bytes` with the GFM extensions and hands the tree to `body`; the C tree and parser
    /// are freed when it returns.
    private static func withTree<Result>(_ bytes: [UInt8], options: Int32,
                                         _ body: (_ root: OpaquePointer, _ parser: OpaquePointer) -> Result) -> Result? {
        _ = coreExtensionsRegistered
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        // The tree is handed out of the lock through a variable: a C pointer is not `Sendable`.
        nonisolated(unsafe) var finished: OpaquePointer?
        finishLock.withLock { _ in finished = cmark_parser_finish(parser) }
        let root = finished
        guard let root else { return nil }
        defer { cmark_node_free(root) }
        return body(root, parser)
    }
}

private struct Converter {
    let maxDepth: Int
    /// The source's columns, to give each node its position; nil for a tree without positions.
    let columns: LineColumns?
    /// Where the first container left out for depth starts.
    var flattened: SourceLocation?

    /// Walks the tree without recursion, so a deeply nested document cannot exhaust the stack;
    /// past `maxDepth` a container is left out and its children are walked in its place (see
    /// `keeps`), so that nothing walking the result can exhaust it either, and no text is lost.
    mutating func convert(_ root: OpaquePointer) -> MarkdownNode {
        var built: [MarkdownNode] = [makeNode(root)]
        // Every cmark node being walked, with whether it is open in `built` (kept) or left out.
        var walking: [(pointer: OpaquePointer, kept: Bool)] = [(root, true)]
        var next = cmark_node_first_child(root)
        while true {
            if let node = next {
                if let child = cmark_node_first_child(node) {
                    let made = makeNode(node)
                    let kept = built.count < maxDepth || keeps(made.kind, in: built[built.count - 1].kind)
                    if kept {
                        built.append(made)
                    } else if flattened == nil {
                        flattened = made.range?.lowerBound ?? range(of: child)?.lowerBound ?? .start
                    }
                    walking.append((node, kept))
                    next = child
                } else {
                    let child = checked(makeNode(node), inside: built[built.count - 1].range)
                    built[built.count - 1].children.append(child)
                    next = cmark_node_next(node)
                }
                continue
            }
            // No more siblings: close the innermost node walked.
            if walking.count == 1 { return built[0] }
            let finished = walking.removeLast()
            if finished.kept {
                let node = checked(built.removeLast(), inside: built[built.count - 1].range)
                built[built.count - 1].children.append(node)
            }
            next = cmark_node_next(finished.pointer)
        }
    }

    /// Whether a container of `kind` inside `parent` is kept past the depth limit: only what
    /// holds text in the shape every consumer expects. None of these can nest in itself past
    /// the limit (a list there is left out, so an item is kept at most once; a paragraph,
    /// heading or table holds no block), which bounds the depth at `maxDepth` + 5: item, table,
    /// row, cell and the text in it.
    func keeps(_ kind: MarkdownNode.Kind, in parent: MarkdownNode.Kind) -> Bool {
        switch (kind, parent) {
        case (.paragraph, _), (.heading, _), (.table, _), (.item, .list), (.tableRow, .table), (.tableCell, .tableRow):
            true
        default:
            false
        }
    }

    /// cmark-gfm's inline positions are unreliable in places: text after a hard line break or on
    /// a lazy continuation line is reported on the previous line, and cells of a table that
    /// follows paragraph lines on its first line. A position outside the parent's lines or past
    /// the end of its line is dropped (nil) rather than reported wrong. (The parent's range
    /// alone is passed: a copy of the parent node for each child was 1 % of a check.)
    func checked(_ child: MarkdownNode, inside parentRange: SourceRange?) -> MarkdownNode {
        guard let range = child.range, let columns else { return child }
        var valid = range.lowerBound.line >= 1 && range.lowerBound.line <= columns.source.lineCount
        if valid {
            let width = columns.scalarCount(ofLine: range.lowerBound.line)
            valid = range.lowerBound.column <= width + 1
        }
        if valid, let parentRange {
            valid = range.lowerBound >= parentRange.lowerBound && range.lowerBound.line <= parentRange.upperBound.line
        }
        guard !valid else { return child }
        var copy = child
        copy.range = nil
        return copy
    }

    func makeNode(_ node: OpaquePointer) -> MarkdownNode {
        MarkdownNode(kind: kind(of: node), literal: literal(of: node), range: range(of: node))
    }

    func literal(of node: OpaquePointer) -> String {
        guard let literal = cmark_node_get_literal(node) else { return "" }
        return String(cString: literal)
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            if typeString(node) == typeTasklist {
                return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
            }
            return .item(task: nil)
        case CMARK_NODE_CODE_BLOCK:
            // cmark writes the fence's length, offset and character through these pointers.
            var length: Int32 = 0
            var offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), fenced: fenced)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default:
            // Extension nodes have no C constants: match their type names.
            switch typeString(node) {
            case typeTable: return .table(alignments: alignments(of: node))
            case typeTableHeader: return .tableRow(header: true)
            case typeTableRow: return .tableRow(header: false)
            case typeTableCell: return .tableCell
            case typeStrikethrough: return .strikethrough
            case let name: return .other(name)
            }
        }
    }

    /// The alignment of each column of a table node.
    func alignments(of node: OpaquePointer) -> [String] {
        let count = Int(cmark_gfm_extensions_get_table_columns(node))
        guard count > 0, let pointer = cmark_gfm_extensions_get_table_alignments(node) else { return [] }
        return (0..<count).map { index in
            switch UInt8(pointer[index]) {
            case UInt8(ascii: "l"): "left"
            case UInt8(ascii: "c"): "center"
            case UInt8(ascii: "r"): "right"
            default: ""
            }
        }
    }

    func typeString(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    func range(of node: OpaquePointer) -> SourceRange? {
        guard let columns else { return nil }
        let startLine = Int(cmark_node_get_start_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        guard startLine > 0, startColumn > 0 else { return nil }
        var endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        if endLine < startLine { endLine = startLine }
        let start = SourceLocation(line: startLine, column: columns.column(line: startLine, byteColumn: startColumn))
        // cmark's end column is the last byte, inclusive: the end is the character after it.
        var end = SourceLocation(line: endLine, column: columns.column(line: endLine, byteColumn: max(endColumn, 0) + 1))
        if end < start { end = start }
        return start..<end
    }
}

/// Character columns of the long lines that are not ASCII, each line counted once. cmark gives
/// byte columns, and `SourceText` counts the characters before one from the line's start: a
/// line of thousands of inline nodes (a paragraph of nested emphasis in Chinese) would be
/// counted once per node, in time growing with the square of the line.
private final class LineColumns {
    let source: SourceText
    /// The character column of each byte of a line, its line break included, by line.
    private var tables: [Int: [Int32]] = [:]
    /// Lines shorter than this are counted each time: a table would cost more than it saves.
    private static let shortLine = 256

    init(_ source: SourceText) {
        self.source = source
    }

    /// The table of `line` when it is long and not ASCII, else nil.
    private func table(_ line: Int) -> [Int32]? {
        guard line >= 1, line <= source.lineCount else { return nil }
        if let table = tables[line] { return table }
        let start = source.lineStarts[line - 1]
        let end = line < source.lineCount ? source.lineStarts[line] : source.bytes.count
        guard end - start >= Self.shortLine, !source.asciiLines[line - 1] else { return nil }
        var table = [Int32]()
        table.reserveCapacity(end - start + 1)
        var column: Int32 = 1
        for index in start..<end {
            table.append(column)
            if source.bytes[index] & 0xC0 != 0x80 { column += 1 }
        }
        table.append(column)
        tables[line] = table
        return table
    }

    /// As `SourceText.column(line:byteColumn:)`.
    func column(line: Int, byteColumn: Int) -> Int {
        if byteColumn >= 1, let table = table(line), byteColumn - 1 < table.count { return Int(table[byteColumn - 1]) }
        return source.column(line: line, byteColumn: byteColumn)
    }

    /// The line last counted by `scalarCount(ofLine:)` and its count: a line's inline nodes
    /// are converted one after the other, and each is checked against its line's length.
    private var counted: (line: Int, count: Int) = (0, 0)

    /// As `SourceText.scalarCount(ofLine:)`.
    func scalarCount(ofLine line: Int) -> Int {
        if counted.line == line { return counted.count }
        let count: Int
        if let table = table(line) {
            count = Int(table[source.byteRange(ofLine: line).count]) - 1
        } else {
            count = source.scalarCount(ofLine: line)
        }
        counted = (line, count)
        return count
    }
}
