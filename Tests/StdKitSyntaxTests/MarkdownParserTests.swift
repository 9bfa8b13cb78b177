import Foundation
import Testing
@testable import StdKitSyntax

@Suite("Markdown through cmark-gfm")
struct MarkdownParserTests {
    func parse(_ text: String) -> MarkdownNode {
        MarkdownParser.parse(SourceText(text))
    }

    /// Finds the first node (depth first) of which `predicate` holds.
    func first(_ node: MarkdownNode, where predicate: (MarkdownNode) -> Bool) -> MarkdownNode? {
        if predicate(node) { return node }
        for child in node.children {
            if let found = first(child, where: predicate) { return found }
        }
        return nil
    }

    @Test func gfmExtensionsAreOn() throws {
        let document = parse("""
            | a | b |
            | - | - |
            | 1 | 2 |

            ~~gone~~ and www.example.com

            - [x] done
            - [ ] open
            """)
        let table = try #require(first(document) { if case .table = $0.kind { true } else { false } })
        #expect(table.kind == .table(alignments: ["", ""]))
        #expect(table.children.map(\.kind) == [.tableRow(header: true), .tableRow(header: false)])
        #expect(table.children[1].children.map(\.plainText) == ["1", "2"])
        #expect(first(document) { $0.kind == .strikethrough }?.plainText == "gone")
        #expect(first(document) { if case .link = $0.kind { true } else { false } }?.kind
                == .link(destination: "http://www.example.com", title: ""))
        let items = try #require(first(document) { if case .list = $0.kind { true } else { false } })
        #expect(items.children.map(\.kind) == [.item(task: true), .item(task: false)])
    }

    @Test func headingAndListKinds() {
        let document = parse("## 标题\n\n3. 甲\n4. 乙\n\n```swift\nlet x = 1\n```\n")
        #expect(document.children.map(\.kind) == [
            .heading(level: 2), .list(ordered: true, start: 3, tight: true), .codeBlock(info: "swift", fenced: true),
        ])
        #expect(document.children[2].literal == "let x = 1\n")
    }

    /// Columns count characters, not UTF-8 bytes (swift-markdown's testNonAsciiCharacterColumn).
    @Test func nonASCIICharacterColumns() throws {
        let document = parse("焊接机器人 **加粗** 文字\n\n- 第一项\n  - 嵌套项\n")
        let strong = try #require(first(document) { $0.kind == .strong })
        #expect(strong.range == StdKitSyntax.SourceLocation(line: 1, column: 7)..<StdKitSyntax.SourceLocation(line: 1, column: 13))
        let paragraph = try #require(document.children.first)
        #expect(paragraph.range == StdKitSyntax.SourceLocation(line: 1, column: 1)..<StdKitSyntax.SourceLocation(line: 1, column: 16))
        let nested = try #require(first(document) { $0.plainText == "嵌套项" && $0.kind == .paragraph })
        #expect(nested.range?.lowerBound == StdKitSyntax.SourceLocation(line: 4, column: 5))
    }

    @Test func plainTextJoinsCJKLinesWithoutSpace() {
        let document = parse("焊接机器人操作员负责\n工作站的开机。\nThen English\ntext.")
        #expect(document.children.first?.plainText == "焊接机器人操作员负责工作站的开机。 Then English text.")
    }

    @Test func deeplyNestedInputDoesNotExhaustTheStack() {
        let depth = 5_000
        let text = String(repeating: "> ", count: depth) + "深\n"
        var node = parse(text)
        var levels = 0
        while let child = node.children.first, child.kind == .blockQuote {
            levels += 1
            node = child
        }
        #expect(levels > 0)
    }

    /// Every node of every CommonMark and GFM spec example has a range inside its source.
    @Test func specExamplesParseWithRangesInsideTheSource() throws {
        let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpora").standardizedFileURL
        let commonmark = corpora.appendingPathComponent("commonmark")
        let commonmarkSpec = (try? FileManager.default.contentsOfDirectory(atPath: commonmark.path))?
            .first { $0.hasPrefix("spec") && $0.hasSuffix(".txt") }
        let specs = [commonmarkSpec.map { "commonmark/\($0)" }, "gfm/spec.txt", "gfm/extensions.txt", "gfm/regression.txt"]
            .compactMap { $0 }.map { corpora.appendingPathComponent($0) }
        guard specs.count == 4, specs.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else {
            print("skipped: the CommonMark and GFM spec files under ../shared/corpora are absent")
            return
        }
        var count = 0
        for spec in specs {
            for example in try SpecExamples.load(spec) {
                let source = SourceText(example)
                let document = MarkdownParser.parse(source)
                try checkRanges(document, in: source, example: example)
                count += 1
            }
        }
        #expect(count > 1_350)
    }

    /// The tree without positions the site renders is the tree the model reads, every range
    /// taken out: on every CommonMark and GFM spec example, and under the depth limit.
    @Test func treeWithoutPositionsIsTheTreeWithItsPositionsTakenOut() throws {
        func withoutRanges(_ node: MarkdownNode) -> MarkdownNode {
            var copy = node
            copy.range = nil
            copy.children = node.children.map(withoutRanges)
            return copy
        }
        let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpora").standardizedFileURL
        let gfm = ["gfm/spec.txt", "gfm/extensions.txt", "gfm/regression.txt"].map { corpora.appendingPathComponent($0) }
        var examples = ["# 标题\n\n- **LO1** 能调试 → JOB-1#R1 {level=3}\n", String(repeating: "> ", count: 120) + "深\n"]
        if gfm.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) {
            examples += try gfm.flatMap { try SpecExamples.load($0) }
        } else {
            print("skipped the spec examples: ../shared/corpora/gfm is absent")
        }
        for example in examples {
            for depth in [100, 3] {
                let expected = withoutRanges(MarkdownParser.parse(SourceText(example), maxDepth: depth).node)
                #expect(MarkdownParser.parseWithoutPositions(Array(example.utf8), maxDepth: depth) == expected, "\(example.debugDescription)")
            }
        }
        #expect(examples.count > 600 || !gfm.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }))
    }

    /// A node's range starts inside the source, on a line that has that column, and not before
    /// its parent's start nor after its parent's last line.
    private func checkRanges(_ node: MarkdownNode, parent: MarkdownNode? = nil, in source: SourceText, example: String) throws {
        if let range = node.range {
            let line = range.lowerBound.line
            #expect(line >= 1 && line <= source.lineCount, "line out of range in \(example.debugDescription)")
            if line <= source.lineCount {
                let width = source.text(ofLine: line).unicodeScalars.count
                #expect(range.lowerBound.column <= width + 1, "column past the line in \(example.debugDescription) node \(node.kind) \(range)")
            }
            if let parentRange = parent?.range {
                #expect(range.lowerBound >= parentRange.lowerBound && line <= parentRange.upperBound.line,
                        "\(node.kind) at \(range) outside its parent \(parentRange) in \(example.debugDescription)")
            }
        }
        for child in node.children { try checkRanges(child, parent: node, in: source, example: example) }
    }
}

/// Reads the examples of a CommonMark-style spec file: Markdown between a fence of 32
/// backticks followed by `example` and a line of a single `.`.
enum SpecExamples {
    static func load(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var examples: [String] = []
        var current: [Substring]?
        let fence = String(repeating: "`", count: 32)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(fence + " example") {
                current = []
            } else if current != nil, line == "." {
                examples.append(current!.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n")
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return examples
    }
}
