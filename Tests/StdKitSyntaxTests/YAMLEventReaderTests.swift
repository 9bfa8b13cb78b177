import Foundation
import Testing
@testable import StdKitSyntax

/// The front matter read straight from libyaml's events (`YAMLEventReader`) is what reading it
/// through Yams's tree gives, node for node and position for position; whatever the event reader
/// declines is read through Yams. Held on every front matter of the corpora (the real pages of
/// powershell-docs and of Astro's Chinese documentation, the YAML test suite), on this
/// repository's own standards and examples, and on generated texts.
@Suite("YAML from libyaml's events")
struct YAMLEventReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL
    static let corpora = root.appendingPathComponent("../shared/corpora").standardizedFileURL

    struct Tally {
        var texts = 0, served = 0, servedByHand = 0
    }

    /// Checks one text: when the event reader answers, Yams reads the same root without a
    /// diagnostic; and so when the hand reader (`PlainYAMLReader`) answers.
    static func compare(_ yaml: String, firstLine: Int = 2, nodeLimit: Int = YAMLReader.defaultNodeLimit, tally: inout Tally) {
        tally.texts += 1
        let viaYams = YAMLReader.readThroughYams(yaml, file: "a.md", firstLine: firstLine, nodeLimit: nodeLimit)
        if let byHand = PlainYAMLReader.read(yaml, firstLine: firstLine, nodeLimit: nodeLimit) {
            tally.servedByHand += 1
            #expect(viaYams.diagnostics.isEmpty, "Yams reports \(viaYams.diagnostics.map(\.message.english)) for \(yaml.debugDescription), read by hand")
            let same = byHand == viaYams.root
            #expect(same, "the nodes read by hand differ for \(yaml.debugDescription)")
        }
        guard let fast = YAMLEventReader.read(yaml, firstLine: firstLine, nodeLimit: nodeLimit) else { return }
        tally.served += 1
        #expect(viaYams.diagnostics.isEmpty, "Yams reports \(viaYams.diagnostics.map(\.message.english)) for \(yaml.debugDescription)")
        let same = fast == viaYams.root
        #expect(same, "the nodes differ for \(yaml.debugDescription)")
    }

    /// The front matter of every Markdown file under `folder`, or nil when it is absent.
    static func frontMatters(under folder: URL) -> [String]? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return nil }
        var texts: [String] = []
        while let path = enumerator.nextObject() as? String {
            // A link is not followed: it could lead out of the folder, or to a page read already.
            guard path.hasSuffix(".md") || path.hasSuffix(".mdx"), enumerator.fileAttributes?[.type] as? FileAttributeType != .typeSymbolicLink,
                  let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
            let split = FrontMatter(DecodedSource(bytes: [UInt8](data)).text)
            if split.state == .closed { texts.append(split.yaml) }
        }
        return texts
    }

    @Test(arguments: ["powershell-docs", "astro-docs-zh-cn"])
    func realPages(corpus: String) throws {
        guard let texts = Self.frontMatters(under: Self.corpora.appendingPathComponent(corpus)), !texts.isEmpty else {
            print("skipped: ../shared/corpora/\(corpus) is absent")
            return
        }
        var tally = Tally()
        for text in texts { Self.compare(text, tally: &tally) }
        // Real front matter is plain: nearly all of it is read from the events (and what is read
        // by hand, as Yams reads it: `compare`).
        #expect(tally.served * 100 >= tally.texts * 95, "\(tally.served) of \(tally.texts) served")
    }

    @Test func thisRepositorysStandardsAndExamples() throws {
        var tally = Tally()
        for folder in ["standards", "examples", "Tests"] {
            for text in Self.frontMatters(under: Self.root.appendingPathComponent(folder)) ?? [] {
                Self.compare(text, tally: &tally)
            }
        }
        #expect(tally.texts > 100)
        #expect(tally.served * 100 >= tally.texts * 80, "\(tally.served) of \(tally.texts) served")
    }

    /// The path of every in.yaml under `suite`, sorted; symbolic links (the suite's `name/` and
    /// `tags/` entries, where a copy keeps them) are neither followed nor read.
    static func inYAMLPaths(under suite: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: suite.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix("in.yaml"), enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            paths.append(path)
        }
        return paths.sorted()
    }

    /// Every case of the YAML test suite, errors, anchors and several documents included.
    @Test func yamlTestSuite() throws {
        let suite = Self.corpora.appendingPathComponent("yaml-test-suite")
        let paths = Self.inYAMLPaths(under: suite)
        guard !paths.isEmpty else {
            print("skipped: ../shared/corpora/yaml-test-suite is absent")
            return
        }
        var tally = Tally()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: suite.appendingPathComponent(path).path) else { continue }
            Self.compare(String(decoding: data, as: UTF8.self), firstLine: 1, tally: &tally)
        }
        #expect(tally.texts > 300)
        // The event reader declines a good part of the suite (anchors, tags, errors, streams).
        #expect(tally.served > tally.texts / 4 && tally.served < tally.texts, "\(tally.served) of \(tally.texts) served")
    }

    /// Generated texts from pieces that plain and unusual front matter is made of: duplicated
    /// and complex keys, anchors, aliases, tags, flow and block collections, block scalars, tabs,
    /// several documents, broken quoting, CRLF, Chinese; and a node limit that is sometimes hit.
    @Test func generatedTexts() {
        let keys = ["id", "title", "标题", "hours", "\"q\"", "'s'", "? k", "[a, b]", "id"]
        let values = [
            "COURSE-1", "课程 一", "1.10", "no", "~", "", "\"双引号 \\u00e9\"", "'single ''x'''", "{theory: 16, practice: 32}",
            "[A, B, 'c']", "&anchor x", "*anchor", "!!str 12", "!custom v", "|\n  line one\n  line two", ">-\n  folded\n  text",
            "'unclosed", "\"bad \\q escape\"", "a: b", "- x", "{a: 1, a: 2}", "\u{0}", "\t tab",
        ]
        let indents = ["", "  ", "    ", "\t"]
        let endings = ["\n", "\r\n"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ count: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(count))
        }
        // Mostly the plain pieces (the first six keys, the first ten values), some of the others.
        func key() -> String { keys[next(4) == 0 ? next(keys.count) : next(6)] }
        func value() -> String { values[next(4) == 0 ? next(values.count) : next(10)] }
        var tally = Tally()
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<(1 + next(6)) {
                let indent = next(4) == 0 ? indents[next(indents.count)] : ""
                switch next(10) {
                case 0: text += indent + "- " + value()
                case 1: text += next(2) == 0 ? "---" : "..."
                default: text += indent + key() + ": " + value()
                }
                text += endings[next(endings.count)]
            }
            Self.compare(text, firstLine: 1 + next(5), nodeLimit: next(8) == 0 ? 3 : YAMLReader.defaultNodeLimit, tally: &tally)
        }
        #expect(tally.served > 600 && tally.served < tally.texts, "\(tally.served) of \(tally.texts) served")
    }

    /// The front matter of the generated projects (`bench/generate.py`) is read by hand, as Yams
    /// reads it.
    @Test func generatedProjectsAreReadByHand() {
        let texts = [
            "id: JOB-01671\nkind: job-profile\ntitle: \"Maintenance and Repair Workers, General 岗位能力标准\"\nversion: 1.0.0\nstatus: review\noccupation: \"49-9071.00\"\n",
            "id: COURSE-01729\nkind: course\ntitle: 课程 1729\nversion: 1.0.0\ncode: \"C01729\"\nhours: {theory: 16, practice: 32}\ncredits: 3\nsemester: 2\ncategory: professional-core\n",
            "id: MAT-00945\nkind: material\ntitle: 实训指导书 945\nversion: 1.0.0\nsupports: [COURSE-00945]\n",
        ]
        var tally = Tally()
        for text in texts { Self.compare(text, tally: &tally) }
        #expect(tally.servedByHand == texts.count)
    }

    /// Generated lines at the edges of what the hand reader takes (and just past them): quotes
    /// with and without escapes, flow collections empty, spaced, nested or with an empty entry,
    /// colons, comments and indicators in values, keys it does not take, tabs, line breaks YAML
    /// has besides LF, Chinese and the ideographic space, comment lines, blank lines, repeated
    /// keys, and a node limit sometimes hit. Whatever it answers is what Yams reads.
    @Test func textsAtTheEdgesOfWhatIsReadByHand() {
        // The pieces it reads first (chosen three times in four), then those it declines.
        let keys = ["id", "title", "a-b", "_x", "total_hours", "K", "ms.date", "Module Name",
                    "1a", "标题", "-a", "a :b", "a  b", "a.", "id"]
        let plainKeys = 8
        let values = [
            "COURSE-1", "课程 一", "1.10", "~", "null", "a  b", "C#", "http://example.org/a", "值\u{3000}", "trailing   ",
            "\"双引号\"", "\"a: b # c\"", "'single'", "\"\"", "''", "[A, B]", "[]", "[ a , b ]", "[课程 一, 课程 二]",
            "{theory: 16, practice: 32}", "{}", "{ a: 1 }", "value#x",
            "\"esc \\\" x\"", "'it''s'", "\"a\" b", "\"unclosed", "[a, , b]", "[a,]", "[a:b]", "['x']", "[a, [b]]", "[a # c]",
            "{a: 1, a: 2}", "{a:1}", "{a : 1}", "{a: {b: c}}", "{a: }",
            "a: b", "a:", "value # comment", "-5", "- x", "?x", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x",
            "", "a\tb", "a\u{85}b", "a\u{2028}b", "\u{FEFF}x", "x\u{7F}",
        ]
        let plainValues = 23
        let separators = [": ", ":  ", ":", " : ", ":\t"]
        let lines = ["", "# a comment", "  indented: x", "---", "...", "- item"]
        let endings = ["\n", "\n", "\n", "\r\n"]
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        func next(_ count: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(count))
        }
        var tally = Tally()
        for _ in 0..<6_000 {
            var text = ""
            for _ in 0..<(1 + next(7)) {
                if next(8) == 0 {
                    text += lines[next(lines.count)]
                } else {
                    let separator = next(6) == 0 ? separators[next(separators.count)] : ": "
                    let key = keys[next(4) == 0 ? next(keys.count) : next(plainKeys)]
                    text += key + separator + values[next(4) == 0 ? next(values.count) : next(plainValues)]
                }
                text += next(10) == 0 ? endings[next(endings.count)] : "\n"
            }
            Self.compare(text, firstLine: 1 + next(5), nodeLimit: next(10) == 0 ? 4 : YAMLReader.defaultNodeLimit, tally: &tally)
        }
        #expect(tally.servedByHand > 600 && tally.servedByHand < tally.texts, "\(tally.servedByHand) of \(tally.texts) read by hand")
    }

    /// What it declines goes to Yams, whose diagnostics are kept.
    @Test func whatItDeclinesYamsReports() {
        #expect(YAMLEventReader.read("a: 1\na: 2", firstLine: 2, nodeLimit: 100) == nil)
        #expect(YAMLReader.read("a: 1\na: 2", file: "a.md", firstLine: 2).diagnostics.map(\.rule) == ["duplicate-key"])
        #expect(YAMLEventReader.read("a: 'x", firstLine: 2, nodeLimit: 100) == nil)
        #expect(YAMLReader.read("a: 'x", file: "a.md", firstLine: 2).diagnostics.map(\.rule) == ["front-matter-invalid"])
        #expect(YAMLEventReader.read("a: [1, 2, 3]", firstLine: 2, nodeLimit: 3) == nil)
        #expect(YAMLReader.read("a: [1, 2, 3]", file: "a.md", firstLine: 2, nodeLimit: 3).diagnostics.map(\.rule) == ["resource-limit"])
        #expect(YAMLEventReader.read("a: &x 1\nb: *x", firstLine: 2, nodeLimit: 100) == nil)
        // A key repeated among a mapping's first 16 keys, and after them (then hashed): declined;
        // canonically equal keys ("é" as one scalar and as two) are the same key, as for Yams.
        let many = (1...20).map { "k\($0): v" }
        for (position, repeated) in [(5, "k3"), (18, "k2"), (19, "k19"), (3, "k1")] {
            var lines = many
            lines.insert(repeated + ": again", at: position)
            let text = lines.joined(separator: "\n")
            #expect(YAMLEventReader.read(text, firstLine: 2, nodeLimit: 100) == nil, "\(repeated) at \(position)")
            #expect(YAMLReader.read(text, file: "a.md", firstLine: 2).diagnostics.map(\.rule) == ["duplicate-key"], "\(repeated)")
        }
        #expect(YAMLEventReader.read(many.joined(separator: "\n"), firstLine: 2, nodeLimit: 100)??.mapping?.count == 20)
        #expect(YAMLEventReader.read("caf\u{E9}: 1\ncafe\u{301}: 2", firstLine: 2, nodeLimit: 100) == nil)
        #expect(YAMLEventReader.read((many + ["caf\u{E9}: 1", "cafe\u{301}: 2"]).joined(separator: "\n"), firstLine: 2, nodeLimit: 100) == nil)
        // A text without a document: no root, nothing to report.
        #expect(YAMLEventReader.read("", firstLine: 2, nodeLimit: 100) == .some(nil))
        #expect(YAMLEventReader.read("# only a comment", firstLine: 2, nodeLimit: 100) == .some(nil))
        // Positions are those of the file.
        let root = YAMLEventReader.read("id: A\n标题: 课程", firstLine: 2, nodeLimit: 100)??.mapping
        #expect(root?.map(\.value.location) == [SourceLocation(line: 2, column: 5), SourceLocation(line: 3, column: 5)])
    }
}
