import Testing
@testable import StdKitSyntax

/// Markdown built to defeat parsers: the kinds of input of cmark's own pathological tests,
/// generated here at sizes far past the nesting limit.
enum PathologicalMarkdown {
    /// One case: its name, its text, and the word whose every occurrence must survive.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var word: String
        var testDescription: String { name }
    }

    static func repeated(_ piece: String, _ count: Int) -> String {
        String(repeating: piece, count: count)
    }

    static let cases: [Case] = {
        let count = 10_000
        return [
            Case(name: "nested strong emphasis",
                 text: repeated("*a **a ", count) + "b" + repeated(" a** a*", count), word: "a"),
            Case(name: "emphasis closers with no openers", text: repeated("a_ ", count), word: "a"),
            Case(name: "emphasis openers with no closers", text: repeated("_a ", count), word: "a"),
            Case(name: "link closers with no openers", text: repeated("a]", count), word: "a"),
            Case(name: "link openers with no closers", text: repeated("[a", count), word: "a"),
            Case(name: "mismatched openers and closers", text: repeated("*a_ ", count), word: "a"),
            Case(name: "openers and closers in multiples of 3", text: "a**b" + repeated("c* ", count), word: "c"),
            Case(name: "link openers and emphasis closers", text: repeated("[ a_", count), word: "a"),
            Case(name: "bracket and parenthesis openers", text: repeated("[ (](", count) + "尾", word: "尾"),
            Case(name: "images in brackets", text: repeated("![[]()", count) + "尾", word: "尾"),
            Case(name: "nested brackets", text: repeated("[", count) + "a" + repeated("]", count), word: "a"),
            Case(name: "nested links", text: repeated("[a", count) + repeated("](b)", count), word: "a"),
            Case(name: "nested emphasis of Chinese", text: repeated("*字 ", count) + "末" + repeated(" 字*", count), word: "字"),
            Case(name: "nested block quotes", text: repeated("> ", count) + "a\n", word: "a"),
            Case(name: "nested block quotes with a paragraph each",
                 text: (0..<2_000).map { repeated(">", $0 + 1) + " a\n" }.joined(), word: "a"),
            Case(name: "deeply nested lists", text: (0..<1_000).map { repeated("  ", $0) + "* a\n" }.joined(), word: "a"),
            Case(name: "deeply nested ordered lists with quotes",
                 text: (0..<1_000).map { repeated("   ", $0) + "1. > a\n" }.joined(), word: "a"),
            Case(name: "a table deep in quotes", text: repeated("> ", 300) + "| a | b |\n" + repeated("> ", 300) + "| --- | --- |\n"
                 + repeated("> ", 300) + "| *a* | [a](x) |\n", word: "a"),
            Case(name: "U+0000 in input", text: "abc\u{0}de\u{0}", word: "de"),
            Case(name: "backticks", text: (1...2_000).map { "e" + repeated("`", $0) }.joined(), word: "e"),
            Case(name: "unclosed links with angle brackets", text: repeated("[a](<b", count), word: "a"),
            Case(name: "unclosed links", text: repeated("[a](b", count), word: "a"),
            Case(name: "unclosed comments", text: "</" + repeated("<!--a ", count), word: "a"),
            Case(name: "unclosed processing instructions", text: repeated("a <?", count), word: "a"),
            Case(name: "many references", text: (0..<5_000).map { "[\($0)]: u\n" }.joined() + "\n" + repeated("[0] a ", 2_000), word: "a"),
        ]
    }()

    /// How many times `word` stands as a whole word in `text`: a run of letters and digits.
    static func occurrences(of word: String, in text: String) -> Int {
        var count = 0
        var current = ""
        for character in text + " " {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if current == word { count += 1 }
                current = ""
            }
        }
        return count
    }

    /// The text of every node that holds text, each followed by a space (so that words of
    /// neighbouring nodes do not run together), without recursion.
    static func text(of root: MarkdownNode) -> String {
        var output = ""
        var stack = [root]
        while let node = stack.popLast() {
            switch node.kind {
            case .text, .code, .codeBlock, .htmlInline, .htmlBlock: output += node.literal + " "
            default: break
            }
            stack += node.children.reversed()
        }
        return output
    }

    /// The number of levels of the tree, the root being one.
    static func depth(of root: MarkdownNode) -> Int {
        var deepest = 0
        var stack = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            stack += node.children.map { ($0, depth + 1) }
        }
        return deepest
    }
}

@Suite("Pathological Markdown")
struct PathologicalMarkdownTests {
    /// The page parses with no error, every occurrence of its word is in the tree, the tree
    /// stays within the limit, and the items are extracted from it without trouble.
    @Test(arguments: PathologicalMarkdown.cases)
    func noTextIsLost(example: PathologicalMarkdown.Case) {
        let input = PathologicalMarkdown.occurrences(of: example.word, in: example.text)
        #expect(input > 0)
        let document = DocumentParser.parse(bytes: Array(example.text.utf8), path: "a.md")
        #expect(document.diagnostics.filter { $0.severity == .error }.isEmpty, "\(document.diagnostics.map(\.message))")
        #expect(document.diagnostics.allSatisfy { $0.rule == "markdown-flattened" }, "\(document.diagnostics.map(\.rule))")
        let kept = PathologicalMarkdown.occurrences(of: example.word, in: PathologicalMarkdown.text(of: document.body))
        #expect(kept == input, "\(example.name): \(input) in the input, \(kept) in the tree")
        #expect(PathologicalMarkdown.depth(of: document.body) <= Limits().nestingDepth + 5)
        _ = ItemExtractor(source: document.source, file: "a.md").extract(from: document.body)
    }

    /// Quotes 200 deep: the first 99 are kept (the document is level one), the rest left out
    /// with one note at the first left out, and the text is in a paragraph at the limit.
    @Test func deepQuotesBecomeAParagraphAtTheLimit() throws {
        let text = "引言\n\n" + String(repeating: "> ", count: 200) + "深处的话\n"
        let document = DocumentParser.parse(bytes: Array(text.utf8), path: "a.md")
        #expect(document.diagnostics.map(\.rule) == ["markdown-flattened"])
        let note = try #require(document.diagnostics.first)
        #expect(note.severity == .note)
        #expect(note.location == SourceLocation(line: 3, column: 199))
        var node = try #require(document.body.children.last)
        var quotes = 0
        while node.kind == .blockQuote, let child = node.children.first {
            quotes += 1
            node = child
        }
        #expect(quotes == 99)
        #expect(node.kind == .paragraph)
        #expect(node.plainText == "深处的话")
    }

    /// Emphasis nested past the limit keeps its outer levels and loses only the inner
    /// formatting: the words are all there, in order.
    @Test func deepEmphasisKeepsItsWordsInOrder() throws {
        let words = (0..<300).map { "词\($0)" }
        let text = words.map { "*\($0) " }.joined() + words.reversed().map { "\($0)*" }.joined(separator: " ")
        let document = DocumentParser.parse(bytes: Array(text.utf8), path: "a.md")
        #expect(document.diagnostics.map(\.rule) == ["markdown-flattened"])
        let paragraph = try #require(document.body.children.first)
        let plain = paragraph.plainText
        #expect(plain == words.joined(separator: " ") + " " + words.reversed().joined(separator: " "))
    }

    /// Items in lists nested 45 deep (91 levels of the tree, within the limit) are all found,
    /// each the child of the one above.
    @Test func deeplyNestedItemsAreAllFound() {
        let text = (1...45).map { String(repeating: "  ", count: $0 - 1) + "- **R\($0)** 第\($0)层要求\n" }.joined()
        let document = DocumentParser.parse(bytes: Array(text.utf8), path: "a.md")
        #expect(document.diagnostics.isEmpty)
        let items = ItemExtractor(source: document.source, file: "a.md").extract(from: document.body).items
        #expect(items.map(\.id) == (1...45).map { "R\($0)" })
        #expect(items.map(\.parentID) == [nil] + (1...44).map { "R\($0)" })
        #expect(items.last?.location == SourceLocation(line: 45, column: 93))
        #expect(items.last?.statement == "第45层要求")
    }

    /// Below the limit nothing is flattened: 98 nested quotes give the same tree as ever.
    @Test func shallowNestingIsUntouched() {
        let text = String(repeating: "> ", count: 99) + "浅\n"
        let document = DocumentParser.parse(bytes: Array(text.utf8), path: "a.md")
        #expect(document.diagnostics.isEmpty)
        #expect(PathologicalMarkdown.depth(of: document.body) == 1 + 99 + 2)
    }
}
