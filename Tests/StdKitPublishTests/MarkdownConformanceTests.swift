import Foundation
import Testing
import StdKitSyntax
@testable import StdKitPublish

/// Every example of the CommonMark 0.31.2 spec and of the GFM spec, extensions and regression
/// tests (../shared/corpora/commonmark and gfm) through stdkit's Markdown layer: cmark-gfm's
/// parse copied into `MarkdownNode`s, rendered by stdkit's own `HTMLRenderer` without a page.
/// Our HTML must equal the expected HTML wherever cmark-gfm's own rendering does; where it
/// does not, the difference must be one of the deliberate ones (raw HTML made inert, a script
/// URL left out). The counts are in docs/conformance.md — the test fails when they change.
@Suite("Markdown spec conformance")
struct MarkdownConformanceTests {
    static let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpora").standardizedFileURL

    struct Example {
        var file: String
        var number: Int
        var line: Int
        var markdown: String
        var html: String
        var extensions: String
    }

    /// The examples of a spec file: fenced by 32 backticks and `example`, Markdown and HTML
    /// separated by a line holding one `.`, `→` standing for a tab. Disabled examples are left
    /// out.
    static func examples(in file: String) throws -> [Example] {
        let text = try String(contentsOf: corpora.appendingPathComponent(file), encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var current: (line: Int, extensions: String, markdown: [String], html: [String]?)?
        var number = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil {
                guard line.hasPrefix(fence + " example") else { continue }
                current = (index + 1, line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces), [], nil)
            } else if line == fence, let open = current {
                number += 1
                if !open.extensions.contains("disabled") {
                    let join = { (lines: [String]) in lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t") }
                    examples.append(Example(file: file, number: number, line: open.line, markdown: join(open.markdown),
                                            html: join(open.html ?? []), extensions: open.extensions))
                }
                current = nil
            } else if line == ".", current?.html == nil {
                current?.html = []
            } else if current?.html != nil {
                current?.html?.append(String(line))
            } else {
                current?.markdown.append(String(line))
            }
        }
        return examples
    }

    enum Outcome: String, CaseIterable {
        /// Our HTML equals the expected HTML.
        case equal
        /// cmark-gfm's own HTML differs from the expected too, and ours equals cmark-gfm's.
        case inherited
        /// Differs only by raw HTML made inert (`HTML.allowedHTML` applied to cmark-gfm's HTML
        /// gives ours).
        case rawHTMLInert
        /// A link or image whose URL `HTML.safeURL` refuses: its text stays, the link goes.
        case unsafeURL
        /// None of the above: a bug of the renderer.
        case unexplained
    }

    static func outcome(of example: Example) -> (Outcome, ours: String, reference: String) {
        let tree = MarkdownParser.parse(SourceText(example.markdown))
        var renderer = HTMLRenderer(allowHTML: true)
        let ours = HTMLNormalizer.normalize(renderer.render(tree))
        let referenceHTML = MarkdownParser.referenceHTML(example.markdown)
        let reference = HTMLNormalizer.normalize(referenceHTML)
        let expected = HTMLNormalizer.normalize(example.html)
        if ours == expected { return (.equal, ours, reference) }
        if ours == reference { return (reference == expected ? .equal : .inherited, ours, reference) }
        if ours == HTMLNormalizer.normalize(HTML.allowedHTML(referenceHTML)) { return (.rawHTMLInert, ours, reference) }
        if tree.containsUnsafeURL { return (.unsafeURL, ours, reference) }
        return (.unexplained, ours, reference)
    }

    static let files = ["commonmark/spec-0.31.2.txt", "gfm/spec.txt", "gfm/extensions.txt", "gfm/regression.txt"]

    @Test("every spec example renders as cmark-gfm renders it, but for deliberate deviations")
    func specExamples() throws {
        guard FileManager.default.fileExists(atPath: Self.corpora.appendingPathComponent("commonmark").path) else {
            print("skipped: ../shared/corpora/commonmark is absent")
            return
        }
        var table: [String: [Outcome: [Int]]] = [:]
        var referencePasses: [String: Int] = [:]
        for file in Self.files {
            for example in try Self.examples(in: file) {
                let (outcome, ours, reference) = Self.outcome(of: example)
                table[file, default: [:]][outcome, default: []].append(example.number)
                if reference == HTMLNormalizer.normalize(example.html) { referencePasses[file, default: 0] += 1 }
                if outcome == .unexplained {
                    Issue.record("\(file) example \(example.number) (line \(example.line)):\n\(example.markdown)\nours:\n\(ours)\ncmark-gfm:\n\(reference)")
                }
            }
        }
        for file in Self.files {
            let counts = Outcome.allCases.map { "\($0.rawValue) \(table[file]?[$0]?.count ?? 0)" }.joined(separator: ", ")
            print("\(file): cmark-gfm passes \(referencePasses[file] ?? 0); \(counts)")
            for outcome in [Outcome.inherited, .rawHTMLInert, .unsafeURL] {
                print("  \(outcome.rawValue): \(table[file]?[outcome]?.map(String.init).joined(separator: " ") ?? "")")
            }
        }
        // The figures of docs/conformance.md.
        let recorded: [String: [Outcome: Int]] = [
            "commonmark/spec-0.31.2.txt": [.equal: 636, .inherited: 15, .rawHTMLInert: 0, .unsafeURL: 4],
            "gfm/spec.txt": [.equal: 657, .inherited: 10, .rawHTMLInert: 0, .unsafeURL: 4],
            "gfm/extensions.txt": [.equal: 26, .inherited: 2, .rawHTMLInert: 0, .unsafeURL: 0],
            "gfm/regression.txt": [.equal: 17, .inherited: 2, .rawHTMLInert: 0, .unsafeURL: 0],
        ]
        for (file, counts) in recorded {
            for (outcome, count) in counts {
                #expect(table[file]?[outcome]?.count ?? 0 == count, "\(file): \(outcome.rawValue)")
            }
        }
    }

    @Test("the normaliser ignores what HTML does not distinguish, and nothing else")
    func normalizer() {
        let normalize = HTMLNormalizer.normalize
        #expect(normalize("<p>a &#39;b&#x27; &quot;</p>\n") == normalize("<p>a 'b' &#34;</p>"))
        #expect(normalize("<input type=\"checkbox\" disabled=\"\" />") == normalize("<input disabled=\"\" type=\"checkbox\">"))
        #expect(normalize("<ul>\n<li>a</li>\n</ul>\n") == normalize("<ul><li>a</li></ul>"))
        #expect(normalize("<p>a  b\nc</p>") == normalize("<p>a b c</p>"))
        #expect(normalize("<pre><code>a  b\n</code></pre>") != normalize("<pre><code>a b\n</code></pre>"))
        #expect(normalize("<p>a<em>b</em></p>") != normalize("<p>a <em>b</em></p>"))
        #expect(normalize("<p>&lt;b&gt;</p>") != normalize("<p><b></p>"))
        #expect(normalize("<a href=\"x\">y</a>") != normalize("<a href=\"z\">y</a>"))
    }
}

extension MarkdownNode {
    /// Whether a link or image in the tree has a URL the site refuses to write.
    var containsUnsafeURL: Bool {
        switch kind {
        case .link(let destination, _) where HTML.safeURL(destination) == nil: return true
        case .image(let source, _) where HTML.safeURL(source, isImage: true) == nil: return true
        default: return children.contains { $0.containsUnsafeURL }
        }
    }
}

/// HTML brought to one form for comparison, as the spec's own test runner does: tag and
/// attribute names in lower case, attributes sorted, `/>` as `>`, character references
/// decoded (and `& < > "` written as entities again), white space collapsed outside `<pre>` and
/// dropped around block-level tags.
enum HTMLNormalizer {
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "button", "canvas", "caption", "col", "colgroup",
        "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "iframe", "li", "map", "object", "ol",
        "output", "p", "pre", "progress", "script", "section", "style", "table", "tbody", "td", "textarea",
        "tfoot", "th", "thead", "tr", "ul", "video",
    ]

    enum Last { case start, end, text, other }

    static func normalize(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var output = ""
        var text = ""
        var last = Last.start
        var lastTag = ""
        var inPre = false
        var index = 0

        func flushText() {
            guard !text.isEmpty else { return }
            var data = text
            text = ""
            let afterTag = last == .start || last == .end
            if afterTag, lastTag == "br" { data = String(data.drop { $0 == "\n" }) }
            if !inPre { data = collapse(data) }
            if afterTag, blockTags.contains(lastTag), !inPre {
                data = last == .start ? String(data.drop { $0 == " " }) : data.trimmingCharacters(in: .whitespaces)
            }
            output += escape(decode(data))
            last = .text
        }
        func trimOutput() {
            while let end = output.unicodeScalars.last, end == " " || end == "\n" || end == "\t" { output.unicodeScalars.removeLast() }
        }

        while index < scalars.count {
            guard scalars[index] == "<", let (tag, end) = tag(in: scalars, at: index) else {
                text.unicodeScalars.append(scalars[index])
                index += 1
                continue
            }
            flushText()
            index = end
            switch tag {
            case .start(let name, let attributes, let selfClosing):
                if name == "pre" { inPre = true }
                if blockTags.contains(name) { trimOutput() }
                output += "<" + name
                for (key, value) in attributes.sorted(by: { $0.0 < $1.0 }) {
                    output += " " + key + (value.map { "=\"" + escape(decode($0)) + "\"" } ?? "")
                }
                output += ">"
                lastTag = name
                last = selfClosing ? .end : .start
            case .end(let name):
                if name == "pre" { inPre = false } else if blockTags.contains(name) { trimOutput() }
                output += "</" + name + ">"
                lastTag = name
                last = .end
            case .other(let raw):
                output += raw
                last = .other
            }
        }
        flushText()
        return output
    }

    enum Tag {
        case start(String, [(String, String?)], selfClosing: Bool)
        case end(String)
        /// A comment, declaration, processing instruction or CDATA section, kept as written.
        case other(String)
    }

    /// The tag starting at `start` (a `<`) and the index after it, or nil when the `<` does not
    /// start one (it is text then).
    static func tag(in s: [Unicode.Scalar], at start: Int) -> (Tag, Int)? {
        var i = start + 1
        guard i < s.count else { return nil }
        func raw(until terminator: String) -> (Tag, Int)? {
            let t = Array(terminator.unicodeScalars)
            var j = i
            while j + t.count <= s.count {
                if Array(s[j..<(j + t.count)]) == t { return (.other(String(String.UnicodeScalarView(s[start..<(j + t.count)]))), j + t.count) }
                j += 1
            }
            return nil
        }
        if s[i] == "!" {
            if s[i...].starts(with: "!--".unicodeScalars) { return raw(until: "-->") }
            return raw(until: ">")
        }
        if s[i] == "?" { return raw(until: ">") }
        var closing = false
        if s[i] == "/" { closing = true; i += 1 }
        guard i < s.count, s[i].properties.isAlphabetic, s[i].isASCII else { return nil }
        var name = ""
        while i < s.count, s[i].isASCII, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "-" {
            name.unicodeScalars.append(s[i])
            i += 1
        }
        name = name.lowercased()
        let isSpace = { (c: Unicode.Scalar) in c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        var attributes: [(String, String?)] = []
        var selfClosing = false
        while i < s.count {
            while i < s.count, isSpace(s[i]) { i += 1 }
            guard i < s.count else { return nil }
            if s[i] == ">" { i += 1; break }
            if s[i] == "/", i + 1 < s.count, s[i + 1] == ">" { selfClosing = true; i += 2; break }
            if closing { return nil }
            var key = ""
            while i < s.count, !isSpace(s[i]), s[i] != "=", s[i] != ">", !(s[i] == "/" && i + 1 < s.count && s[i + 1] == ">") {
                key.unicodeScalars.append(s[i])
                i += 1
            }
            guard !key.isEmpty else { return nil }
            var j = i
            while j < s.count, isSpace(s[j]) { j += 1 }
            var value: String?
            if j < s.count, s[j] == "=" {
                j += 1
                while j < s.count, isSpace(s[j]) { j += 1 }
                guard j < s.count else { return nil }
                var v = ""
                if s[j] == "\"" || s[j] == "'" {
                    let quote = s[j]
                    j += 1
                    while j < s.count, s[j] != quote { v.unicodeScalars.append(s[j]); j += 1 }
                    guard j < s.count else { return nil }
                    j += 1
                } else {
                    while j < s.count, !isSpace(s[j]), s[j] != ">" { v.unicodeScalars.append(s[j]); j += 1 }
                }
                value = v
                i = j
            }
            attributes.append((key.lowercased(), value))
        }
        return (closing ? .end(name) : .start(name, attributes, selfClosing: selfClosing), i)
    }

    static func collapse(_ text: String) -> String {
        var result = ""
        var space = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                space = true
            } else {
                if space { result += " " }
                space = false
                result.unicodeScalars.append(scalar)
            }
        }
        if space { result += " " }
        return result
    }

    static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

    /// Numeric and the common named character references decoded; others kept as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(33).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    decoded = named[name]
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }

    /// `& < > "` as entities, `'` as itself.
    static func escape(_ text: String) -> String {
        HTML.escape(text).replacingOccurrences(of: "&#39;", with: "'")
    }
}
