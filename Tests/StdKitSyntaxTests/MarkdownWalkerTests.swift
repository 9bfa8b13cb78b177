import Testing
@testable import StdKitSyntax

/// Records every node a walk reaches, in order, with the data its kind's method was given.
private struct Recorder: MarkdownWalker {
    var visited: [String] = []

    mutating func defaultVisit(_ node: MarkdownNode) {
        visited.append("\(node.kind)".prefix { $0 != "(" }.description)
        descendInto(node)
    }

    mutating func visitHeading(_ node: MarkdownNode, level: Int) {
        visited.append("heading \(level)")
        descendInto(node)
    }

    mutating func visitList(_ node: MarkdownNode, ordered: Bool, start: Int, tight: Bool) {
        visited.append("list ordered=\(ordered) start=\(start) tight=\(tight)")
        descendInto(node)
    }

    mutating func visitText(_ node: MarkdownNode) {
        visited.append("text \(node.literal)")
    }

    mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) {
        visited.append("link \(destination) \(title)")
        descendInto(node)
    }

    mutating func visitCodeBlock(_ node: MarkdownNode, info: String, fenced: Bool) {
        visited.append("code \(info) fenced=\(fenced) \(node.literal)")
    }
}

/// Counts the nodes below each node it is given: a visitor that returns a value.
private struct NodeCounter: MarkdownVisitor {
    mutating func defaultVisit(_ node: MarkdownNode) -> Int {
        var count = 1
        for child in node.children { count += visit(child) }
        return count
    }

    // Code spans are not counted.
    mutating func visitInlineCode(_ node: MarkdownNode) -> Int { 0 }
}

/// Collects the text of paragraphs only, without going into emphasis.
private struct ParagraphText: MarkdownWalker {
    var texts: [String] = []

    mutating func visitParagraph(_ node: MarkdownNode) {
        texts.append(node.children.filter { $0.kind == .text }.map(\.literal).joined())
    }
}

@Suite("Walking a Markdown tree")
struct MarkdownWalkerTests {
    func parse(_ text: String) -> MarkdownNode {
        MarkdownParser.parse(SourceText(text))
    }

    @Test func aWalkVisitsEveryNodeInSourceOrderWithItsKindsData() {
        var recorder = Recorder()
        recorder.visit(parse("""
            ## 二、职业能力

            3. 第一项 [链接](a.md "标题")

            ```swift
            let x = 1
            ```
            """))
        #expect(recorder.visited == [
            "document", "heading 2", "text 二、职业能力",
            "list ordered=true start=3 tight=true", "item", "paragraph", "text 第一项 ", "link a.md 标题", "text 链接",
            "code swift fenced=true let x = 1\n",
        ])
    }

    @Test func aVisitorReturnsWhatItsMethodsReturn() {
        var counter = NodeCounter()
        // document, paragraph, "中文 ", code (0), " 与 ", emphasis, "强调"
        #expect(counter.visit(parse("中文 `code` 与 *强调*")) == 6)
    }

    @Test func aMethodThatDoesNotDescendEndsTheWalkBelowItsNode() {
        var walker = ParagraphText()
        walker.visit(parse("> 引用 *不要*\n\n- 项目\n\n正文"))
        #expect(walker.texts == ["引用 ", "项目", "正文"])
    }

    @Test func plainTextJoinsChineseLinesWithoutASpaceAndOtherLinesWithOne() {
        #expect(parse("第一行\n第二行").plainText == "第一行第二行")
        #expect(parse("第一行\n*第二行*").plainText == "第一行第二行", "the character after the break is inside emphasis")
        #expect(parse("first line\nsecond").plainText == "first line second")
        #expect(parse("中文\nEnglish").plainText == "中文 English")
        #expect(parse("中文\n<b>x</b>").plainText == "中文 x", "raw HTML is no character to join with")
        #expect(parse("段一\n\n段二").plainText == "段一 段二", "blocks are separated by a space")
    }
}
