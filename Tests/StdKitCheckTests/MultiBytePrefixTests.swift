import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// Every rule's failing examples run again with multi-byte text put before their marks
/// (SwiftLint's multi-byte offset test, in Chinese): once with a line inserted above, so that
/// every mark moves down a line, and once with the text inserted on the marked line itself,
/// before the mark, wherever the line can take text there without changing what it says to the
/// rule — in a Markdown paragraph, heading, list item (after the item's id), quote or table
/// cell, or at the start of a quoted YAML scalar. The rule must report exactly at the moved
/// marks: a column counted in bytes, UTF-16 units or characters instead of Unicode scalars
/// lands elsewhere.
@Suite("Multi-byte prefix")
struct MultiBytePrefixTests {
    /// Five Unicode scalars: 13 UTF-8 bytes, 6 UTF-16 units (𝄞 is two), 4 characters (e and a
    /// combining acute accent are one) — every other way of counting gives another column.
    static let prefix = "中文𝄞e\u{301}"
    /// What is inserted above a line: a YAML comment in front matter and settings, a paragraph
    /// in Markdown without front matter.
    static let commentLine = "# 注释" + prefix

    /// A failing example made again from its text with `↓` put back at its marks, changed by
    /// `change` (a file's marked text → its new marked text, nil to keep it).
    static func variant(of example: RuleExample, _ change: (String, String) -> String?) -> RuleExample? {
        var files: [String: String] = [:]
        var changed = false
        for (path, bytes) in example.files {
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            let marked = markedText(text, marks: example.marks.filter { $0.file == path }.map(\.location))
            if example.marks.contains(where: { $0.file == path }), let new = change(path, marked), new != marked {
                files[path] = new
                changed = true
            } else {
                files[path] = marked
            }
        }
        guard changed else { return nil }
        var made = RuleExample(files)
        made.base = example.base
        return made
    }

    /// `text` with `↓` put back before each of `marks`, counting as `RuleExample` does.
    static func markedText(_ text: String, marks: [StdKitSyntax.SourceLocation]) -> String {
        let marks = Set(marks)
        var result = String.UnicodeScalarView()
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if marks.contains(StdKitSyntax.SourceLocation(line: line, column: column)) { result.append("↓") }
            result.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        if marks.contains(StdKitSyntax.SourceLocation(line: line, column: column)) { result.append("↓") }
        return String(result)
    }

    /// The text with a line inserted above every line that can move: after the opening `---`
    /// of front matter (moving the rest of it and the body), at the top of a settings file, or
    /// as a first paragraph of Markdown without front matter.
    static func lineShifted(path: String, _ text: String) -> String? {
        // Settings and the links lock (`#` comments too).
        if path.hasSuffix(".yml") || path.hasSuffix(".yaml") || path.hasSuffix(".lock") { return commentLine + "\n" + text }
        guard path.hasSuffix(".md") else { return nil }
        if let firstBreak = text.firstIndex(of: "\n"), case let firstLine = text[..<firstBreak].replacingOccurrences(of: "↓", with: ""),
           firstLine == "---" || firstLine == "---\r" {
            let ending = firstLine.hasSuffix("\r") ? "\r\n" : "\n"
            return String(text[...firstBreak]) + commentLine + ending + String(text[text.index(after: firstBreak)...])
        }
        return prefix + "\n\n" + text
    }

    /// The text with `prefix` inserted on each marked line before its first mark, where the
    /// line can take it (`insertionPoint`).
    static func columnShifted(path: String, _ text: String) -> String? {
        let isSettings = path.hasSuffix(".yml") || path.hasSuffix(".yaml")
        guard isSettings || path.hasSuffix(".md") else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Front matter runs from an opening `---` on the first line to the next `---` or `...`.
        var frontMatterEnd = 0
        if !isSettings, let first = lines.first, first.replacingOccurrences(of: "↓", with: "") == "---" {
            frontMatterEnd = lines.indices.dropFirst().first { ["---", "..."].contains(lines[$0].replacingOccurrences(of: "↓", with: "")) } ?? 0
        }
        var inFence = false
        for index in lines.indices {
            let line = lines[index]
            let isYAML = isSettings || (index > 0 && index < frontMatterEnd)
            let trimmed = line.drop { $0 == " " }
            if !isYAML, index > frontMatterEnd || frontMatterEnd == 0, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            guard let mark = Array(line.unicodeScalars).firstIndex(of: "↓"), !inFence || isYAML,
                  !(frontMatterEnd > 0 && (index == 0 || index == frontMatterEnd)),
                  let point = isYAML ? yamlInsertionPoint(line) : markdownInsertionPoint(line), point < mark else { continue }
            var scalars = Array(line.unicodeScalars)
            scalars.insert(contentsOf: prefix.unicodeScalars, at: point)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            lines[index] = String(view)
        }
        return lines.joined(separator: "\n")
    }

    /// Just inside the first quoted YAML scalar of the line (its text only changes).
    static func yamlInsertionPoint(_ line: String) -> Int? {
        let scalars = Array(line.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "\"" || scalar == "'" {
            if index == 0 || " [{,:".unicodeScalars.contains(scalars[index - 1]) { return index + 1 }
        }
        return nil
    }

    /// Where the text of a Markdown line starts: after its block markers (quote, heading, list,
    /// task box, table pipe) and an item's `**ID**`. Nil for a line that is not text (HTML,
    /// indented code, a table's delimiter row).
    static func markdownInsertionPoint(_ line: String) -> Int? {
        let scalars = Array(line.replacingOccurrences(of: "↓", with: "\u{0}").unicodeScalars)
        func at(_ index: Int) -> Character? { index < scalars.count ? Character(scalars[index]) : nil }
        var i = 0
        while at(i) == " " { i += 1 }
        guard i < 4 else { return nil }
        var moved = true
        while moved {
            moved = false
            let start = i
            if at(i) == ">" {
                i += 1
            } else if at(i) == "#" {
                while at(i) == "#" { i += 1 }
                guard at(i) == " " else { return nil }
            } else if let c = at(i), "-*+".contains(c), at(i + 1) == " " {
                i += 1
            } else if let c = at(i), c.isASCII, c.isNumber {
                while let d = at(i), d.isASCII, d.isNumber { i += 1 }
                guard let c = at(i), ".)".contains(c), at(i + 1) == " " else { i = start; break }
                i += 1
            } else if at(i) == "[", let c = at(i + 1), " xX".contains(c), at(i + 2) == "]", at(i + 3) == " " {
                i += 3
            } else if at(i) == "|" {
                i += 1
            }
            while at(i) == " " { i += 1 }
            moved = i != start
        }
        // An item's id stays first in its item.
        if at(i) == "*", at(i + 1) == "*" {
            var j = i + 2
            while let c = at(j), c != "*", c != " " { j += 1 }
            if at(j) == "*", at(j + 1) == "*" {
                i = j + 2
                while at(i) == " " { i += 1 }
            }
        }
        guard let first = at(i), !"<|-=:`~".contains(first) || first == "\u{0}" else { return nil }
        return i
    }

    static func places(of rule: String, in example: RuleExample) async throws -> [RuleExample.Mark] {
        try await RuleCatalogueTests.findings(of: example).filter { $0.rule == rule }
            .map { RuleExample.Mark(file: $0.file, location: $0.location) }
            .sorted { ($0.file, $0.location) < ($1.file, $1.location) }
    }

    /// The rule's failing examples with a line inserted above: each finding one line lower.
    @Test(arguments: RuleCatalogue.all.map(\.description))
    func lineShift(rule: RuleDescription) async throws {
        for example in rule.failing where !example.marks.isEmpty {
            guard let shifted = Self.variant(of: example, Self.lineShifted) else { continue }
            #expect(shifted.marks.count == example.marks.count)
            let found = try await Self.places(of: rule.id, in: shifted)
            #expect(found == shifted.marks, "\(rule.id): reported at \(found.map { "\($0.file):\($0.location)" }), marked \(shifted.marks.map { "\($0.file):\($0.location)" })")
        }
    }

    /// The rule's failing examples with the prefix before their marks on the marked lines.
    @Test(arguments: RuleCatalogue.all.map(\.description))
    func columnShift(rule: RuleDescription) async throws {
        for example in rule.failing where !example.marks.isEmpty {
            guard let shifted = Self.variant(of: example, Self.columnShifted) else { continue }
            let found = try await Self.places(of: rule.id, in: shifted)
            #expect(found == shifted.marks, "\(rule.id): reported at \(found.map { "\($0.file):\($0.location)" }), marked \(shifted.marks.map { "\($0.file):\($0.location)" })")
        }
    }

    /// The shifts reach the rules they are for: every marked example moves a line, and at least
    /// the rules listed move a column (a rule added with a mark after text on a Markdown line
    /// joins them by itself; one that loses its column shift fails here and must say why).
    @Test func shiftsReachTheRules() {
        var lineShifted: Set<String> = [], columnShifted: Set<String> = [], marked: Set<String> = []
        for rule in RuleCatalogue.all.map(\.description) {
            for example in rule.failing where !example.marks.isEmpty {
                marked.insert(rule.id)
                if Self.variant(of: example, Self.lineShifted) != nil { lineShifted.insert(rule.id) }
                if let shifted = Self.variant(of: example, Self.columnShifted),
                   zip(shifted.marks, example.marks).contains(where: { $0.location.column != $1.location.column }) {
                    columnShifted.insert(rule.id)
                }
            }
        }
        #expect(lineShifted == marked, "no line shift: \(marked.subtracting(lineShifted).sorted())")
        #expect(Set(Self.columnShiftedRules).subtracting(columnShifted).isEmpty, "no column shift: \(Set(Self.columnShiftedRules).subtracting(columnShifted).sorted())")
    }

    static let columnShiftedRules = [
        "broken-link", "front-matter-invalid", "malformed-attribute", "malformed-reference", "suspect-link", "unresolved-reference",
        "unreviewed-link", "version-pin-mismatch", "withdrawn-reference", "wrong-target-kind",
    ]

    /// The shifts themselves, on a small document: a line above the front matter's first key,
    /// the prefix after a list item's id and inside a quoted scalar.
    @Test func shiftsOfAKnownDocument() throws {
        let text = "---\nid: ↓C1\ntitle: \"机器人↓编程\"\n---\n\n- **R1** 能够 → ↓#T9\n"
        #expect(Self.lineShifted(path: "a.md", text) == "---\n# 注释中文𝄞e\u{301}\nid: ↓C1\ntitle: \"机器人↓编程\"\n---\n\n- **R1** 能够 → ↓#T9\n")
        #expect(Self.columnShifted(path: "a.md", text) == "---\nid: ↓C1\ntitle: \"中文𝄞e\u{301}机器人↓编程\"\n---\n\n- **R1** 中文𝄞e\u{301}能够 → ↓#T9\n")
        let example = RuleExample(["a.md": text])
        let shifted = try #require(Self.variant(of: example, Self.columnShifted))
        #expect(shifted.marks.map(\.location) == [StdKitSyntax.SourceLocation(line: 2, column: 5), StdKitSyntax.SourceLocation(line: 3, column: 17),
                                                  StdKitSyntax.SourceLocation(line: 6, column: 20)])
    }
}
