#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document file read as far as syntax goes: text, front matter, Markdown body.
public struct ParsedDocument: Sendable {
    /// The path as shown to the user.
    public var path: String
    /// The file's text (without a byte-order mark; invalid bytes replaced).
    public var text: String
    public var hasByteOrderMark: Bool
    public var lineEnding: String
    public var frontMatterState: FrontMatter.State
    /// The front matter's root, nil when absent, empty or unreadable.
    public var frontMatter: YAMLNode?
    /// The body's source, for positions and raw text.
    public var source: SourceText
    public var body: MarkdownNode
    /// Lines that a `<!-- stdkit-disable-next-line RULE… -->` comment exempts, with the rules.
    public var suppressions: [Int: Set<String>]
    public var diagnostics: [Diagnostic]
}

/// Reads one document's bytes into a `ParsedDocument`, reporting syntax problems.
public enum DocumentParser {
    /// Parses `bytes` of the file shown as `path`. Never throws: every problem is a diagnostic,
    /// and as much of the file as can be read is returned.
    public static func parse(bytes: [UInt8], path: String, limits: Limits = Limits()) -> ParsedDocument {
        var diagnostics: [Diagnostic] = []
        let decoded = DecodedSource(bytes: bytes)
        if let invalid = decoded.firstInvalidByte {
            diagnostics.append(Diagnostic(
                rule: "invalid-utf8", file: path, location: invalid,
                message: .notUTF8, hint: .saveAsUTF8))
        }
        let split = FrontMatter(decoded.text)
        var frontMatter: YAMLNode?
        switch split.state {
        case .absent:
            break
        case .unclosed:
            diagnostics.append(Diagnostic(
                rule: "front-matter-unclosed", file: path, location: .start,
                message: .frontMatterUnclosed, hint: .closeFrontMatter))
        case .closed:
            let read = split.read(file: path, nodeLimit: limits.yamlNodes) ?? YAMLReader.Result(root: nil, diagnostics: [])
            diagnostics += read.diagnostics
            if let root = read.root {
                if root.mapping != nil {
                    frontMatter = root
                } else if !root.isNull {
                    diagnostics.append(Diagnostic(
                        rule: "front-matter-invalid", file: path, location: root.location,
                        message: .frontMatterNotMapping(root), hint: .writeFields))
                }
            }
        }
        let (bodyText, wideRow) = withoutWideRows(split.body, limit: limits.tableColumns)
        if let wideRow {
            diagnostics.append(Diagnostic(
                rule: "resource-limit", file: path, location: SourceLocation(line: wideRow.line, column: 1),
                message: .rowTooWide(cells: wideRow.cells, limit: limits.tableColumns), hint: .splitTable))
        }
        let source = SourceText(bodyText)
        let (body, flattened) = MarkdownParser.parse(source, maxDepth: limits.nestingDepth)
        if let flattened {
            // Valid Markdown, so not an error; but the page loses formatting the author wrote,
            // which they would otherwise only find out by reading the published page.
            diagnostics.append(Diagnostic(
                rule: "markdown-flattened", severity: .note, file: path, location: flattened,
                message: .markdownFlattened(limit: limits.nestingDepth), hint: .nestLessDeeply))
        }
        return ParsedDocument(
            path: path, text: decoded.text, hasByteOrderMark: decoded.hasByteOrderMark, lineEnding: decoded.lineEnding,
            frontMatterState: split.state, frontMatter: frontMatter, source: source, body: body,
            suppressions: suppressions(in: source), diagnostics: diagnostics)
    }

    /// The Markdown tree of a document's text as `parse` makes it, without reading the front
    /// matter again and without positions (the site renders documents the model has already
    /// read, and reads no node's position).
    public static func body(of text: String) -> MarkdownNode {
        MarkdownParser.parseWithoutPositions(Array(FrontMatter(text).body.utf8), maxDepth: Limits().nestingDepth)
    }

    /// `body` with every line that holds more than `limit` + 1 `|` emptied (its line break kept,
    /// so positions stay), and the first such line with its number of cells. Such a line is a
    /// table row too wide for cmark-gfm to parse in reasonable time.
    static func withoutWideRows(_ body: String, limit: Int) -> (String, (line: Int, cells: Int)?) {
        // Most bodies hold fewer `|` in all than one row too wide: counted with memchr, they
        // are not copied and walked byte by byte.
        var body = body
        let fewPipes = body.withUTF8 { buffer -> Bool in
            guard var position = buffer.baseAddress else { return true }
            var remaining = buffer.count
            var pipes = 0
            while remaining > 0, let found = memchr(position, Int32(UInt8(ascii: "|")), remaining) {
                pipes += 1
                guard pipes <= limit + 1 else { return false }
                let next = found.assumingMemoryBound(to: UInt8.self) + 1
                remaining -= position.distance(to: next)
                position = UnsafePointer(next)
            }
            return true
        }
        if fewPipes { return (body, nil) }
        var bytes = Array(body.utf8)
        var first: (line: Int, cells: Int)?
        var line = 1
        var start = 0
        var pipes = 0
        var index = 0
        func finish(_ end: Int) {
            if pipes > limit + 1 {
                if first == nil { first = (line, pipes - 1) }
                for position in start..<end { bytes[position] = UInt8(ascii: " ") }
            }
        }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: "\n"):
                finish(index)
                line += 1
                start = index + 1
                pipes = 0
            default: break
            }
            index += 1
        }
        finish(bytes.count)
        guard first != nil else { return (body, nil) }
        return (String(decoding: bytes, as: UTF8.self), first)
    }

    static let disableMarker = "stdkit-disable-next-line"

    /// Whether `needle` (not empty) occurs in `haystack`: each place its first byte is found
    /// with memchr, compared there.
    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { (text: UnsafeBufferPointer<UInt8>) -> Bool in
            needle.withUnsafeBufferPointer { (wanted: UnsafeBufferPointer<UInt8>) -> Bool in
                guard let base = text.baseAddress, let first = wanted.first else { return false }
                var offset = 0
                while text.count - offset >= wanted.count {
                    guard let hit = memchr(base + offset, Int32(first), text.count - offset) else { return false }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    guard text.count - at >= wanted.count else { return false }
                    if memcmp(base + at, wanted.baseAddress!, wanted.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }

    /// Finds `<!-- stdkit-disable-next-line RULE [RULE…] -->` comments; each exempts the next
    /// line that is not blank.
    static func suppressions(in source: SourceText) -> [Int: Set<String>] {
        var result: [Int: Set<String>] = [:]
        // Most documents have no such comment: look for the marker's bytes before reading lines.
        let marker = Array(disableMarker.utf8)
        guard contains(marker, in: source.bytes) else { return result }
        var pending: Set<String> = []
        for line in 1...source.lineCount {
            let text = source.text(ofLine: line).trimmingWhitespace()
            if text.hasPrefix("<!--"), text.hasSuffix("-->"), text.contains(disableMarker) {
                let inner = text.dropFirst(4).dropLast(3)
                let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
                if let marker = words.firstIndex(where: { $0 == disableMarker }) {
                    pending.formUnion(words[(marker + 1)...].map(String.init))
                }
                continue
            }
            if !pending.isEmpty, !text.isEmpty {
                result[line, default: []].formUnion(pending)
                pending = []
            }
        }
        return result
    }
}

extension Message {
    fileprivate static let notUTF8 = Message("invalid-utf8.message")
    fileprivate static let saveAsUTF8 = Message("invalid-utf8.hint")
    fileprivate static let frontMatterUnclosed = Message("front-matter-unclosed.message")
    fileprivate static let closeFrontMatter = Message("front-matter-unclosed.hint")

    fileprivate static func frontMatterNotMapping(_ root: YAMLNode) -> Message {
        Message("front-matter-invalid.not-mapping", ["shape": shape(of: root)])
    }

    fileprivate static let writeFields = Message("front-matter-invalid.not-mapping.hint")

    fileprivate static func rowTooWide(cells: Int, limit: Int) -> Message {
        Message("resource-limit.table-row", ["cells": .number(cells), "limit": .number(limit)])
    }

    fileprivate static let splitTable = Message("resource-limit.table-row.hint")

    fileprivate static func markdownFlattened(limit: Int) -> Message {
        Message("markdown-flattened.message", ["limit": .number(limit)])
    }

    fileprivate static let nestLessDeeply = Message("markdown-flattened.hint")
}
