import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// Both texts of every rule, pinned: the findings of every failing example, rendered in English
/// and in Chinese, against `Golden/messages.LANG.txt`. Re-record deliberately with
/// `STDKIT_RECORD=1 swift test --filter RuleMessageTests`, and read the diff before committing.
@Suite("Messages of every rule")
struct RuleMessageTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Projects whose findings no rule's example shows: the other wordings of load-time
    /// findings (settings, profile settings, schemas, limits, attributes, YAML shapes) and of
    /// schema findings.
    static let moreProjects: [(name: String, example: RuleExample)] = [
        ("settings", RuleExample([
            "stdkit.yml": """
                lang: [zh-CN]
                include: {a: 1}
                profile: cn-vocational-highr
                profile_settings: 3
                publish: {allow_html: yes}
                limits: {table_columns: 0, pages: 3}
                rules: {unknown-field: loud}
                parties:
                  - {id: SZPT, name: 学院, kind: school}
                  - {name: 无 id, kind: school}
                  - {id: acme, name: 企业, kind: company}
                  - {id: szpt, name: 学院, kind: school}
                  - {id: szpt, name: 学院, kind: school}
                  - 学院

                """,
            "doc.md": "---\nid: D1\nkind: course\ntitle: T\n---\n",
        ])),
        ("settings that are not a mapping", RuleExample(["stdkit.yml": "- a\n- b\n", "doc.md": "# 标题\n"])),
        ("settings that are not YAML", RuleExample(["stdkit.yml": "name: \"a\n", "doc.md": "# 标题\n"])),
        ("profile settings", RuleExample([
            "stdkit.yml": """
                profile: cn-vocational-higher
                profile_settings: {min_total_hours: many, min_core_courses: 2.5, min_practice_share: 1.5, hours_per_credit_exempt: practice, min_total_hour: 3, reference_duration: [3]}

                """,
        ])),
        ("schemas", RuleExample([
            "schemas/a.yml": "title: 无类型\n",
            "schemas/b.yml": "kind: b\nfields: [x]\nitems:\n  - {name: 无前缀}\nsections:\n  - {required: true}\n",
            "schemas/c.yml": "kind: c\nfields:\n  x: colour\n  y: {description: 无类型}\n  z: {type: list}\n  w: {type: list, of: shade}\n",
        ])),
        ("limits", RuleExample([
            "stdkit.yml": "limits: {table_columns: 2, nesting_depth: 3, yaml_nodes: 5, documents: 2}\n",
            "a.md": "# 表\n\n| a | b | c |\n| - | - | - |\n| 1 | 2 | 3 |\n",
            "b.md": "- 一\n  - 二\n    - 三\n      - 四\n",
            "c.md": "---\nx: &a [1, 2, 3]\ny: [*a, *a, *a]\n---\n",
        ])),
        ("front matter", RuleExample([
            "a.md": "---\n标量\n---\n",
            "b.md": "---\nid: B1\nkind: course\n\ttitle: T\n---\n",
            "c.md": "---\ntitle: a\ntitle: b\n---\n",
        ])),
        ("attributes and arrows", RuleExample(["doc.md": """
            ---
            id: J1
            kind: job-profile
            title: 岗位
            ---

            - **R1** 一 {-x=1}
            - **R2** 二 {level="3}
            - **R3** 三 {level=a,b}
            - **R4** 四 {level=}
            - **R5** 五 {a=1b=2}
            - **R6** 六 →

            """])),
        ("schema values", RuleExample(["doc.md": """
            ---
            id: 机器人-C1
            kind: course
            title:
            version: "1"
            hours: {theory: 32, practice: 1.5, extra: 1}
            credits: 三
            semester: 13
            prerequisites: [C0, ]
            category: [a]
            approvals: {a: 1}
            ---

            """])),
    ]

    /// Every failing example's findings as the text report shows them (message, hint, notes),
    /// then those of `moreProjects`.
    static func rendered(_ language: Language) async throws -> String {
        var text = ""
        for rule in RuleCatalogue.all.map(\.description) {
            for (index, example) in rule.failing.enumerated() {
                let found = try await RuleCatalogueTests.findings(of: example)
                text += "== \(rule.id), failing example \(index + 1)\n"
                text += TextReporter(language: language).report(CheckResult(diagnostics: found, fileCount: example.files.count))
            }
        }
        for (name, example) in moreProjects {
            let found = try await RuleCatalogueTests.findings(of: example)
            text += "== \(name)\n"
            text += TextReporter(language: language).report(CheckResult(diagnostics: found, fileCount: example.files.count))
        }
        return text
    }

    @Test(arguments: Language.allCases)
    func goldenFile(language: Language) async throws {
        let file = Self.golden.appendingPathComponent("messages.\(language.rawValue).txt")
        let text = try await Self.rendered(language)
        if ProcessInfo.processInfo.environment["STDKIT_RECORD"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(lines, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(lines.count, expected.count)
        #expect(text == committed, """
            \(file.lastPathComponent) differs at line \(first + 1): \
            now \(first < lines.count ? String(lines[first]) : "(end)"), \
            committed \(first < expected.count ? String(expected[first]) : "(end)"); \
            re-record with STDKIT_RECORD=1 if the change is meant
            """)
    }

    /// The parts of every finding of every example: message, hint and notes.
    static func messages() async throws -> [(rule: String, message: Message)] {
        var result: [(String, Message)] = []
        for example in RuleCatalogue.all.flatMap(\.description.failing) + moreProjects.map(\.example) {
            for finding in try await RuleCatalogueTests.findings(of: example) {
                result.append((finding.rule, finding.message))
                if let hint = finding.hint { result.append((finding.rule, hint)) }
                result += finding.notes.map { (finding.rule, $0.message) }
            }
        }
        return result
    }

    /// Words that Chinese engineers write in Latin letters.
    static let latinWords: Set<String> = ["YAML", "Markdown", "UTF", "ASCII", "Unicode", "Word", "WPS", "NUL", "git", "stdkit", "yml", "KB"]

    /// The words of `text` in Latin letters, three or more, outside quotes (“…”, 「…」) and code
    /// spans (`…`), which hold ids, field names, commands and values as written.
    static func englishWords(in text: String) -> [String] {
        var outside = ""
        var closing: Character?
        for character in text {
            if let end = closing {
                if character == end { closing = nil }
                continue
            }
            switch character {
            case "“": closing = "”"
            case "「": closing = "」"
            case "`": closing = "`"
            default: outside.append(character)
            }
        }
        return outside.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count >= 3 && !latinWords.contains($0) }
    }

    /// In Chinese, no finding of any example keeps English words of its own: what is left in
    /// Latin letters is what the user wrote (masked here) or quoted code.
    @Test func chineseFindingsHaveNoEnglishWords() async throws {
        let catalogue = MessageCatalogue.for(.zhCN)
        let messages = try await Self.messages()
        #expect(messages.count > 80)
        for (rule, message) in messages {
            let text = catalogue.render(message, verbatim: { _ in "※" })
            #expect(Self.englishWords(in: text).isEmpty, "\(rule): \(text)")
        }
    }

    /// The heuristic finds English where there is some.
    @Test func theEnglishWordCheckFindsEnglish() {
        #expect(Self.englishWords(in: "引用“JOB-A#R9”找不到对应条目") == [])
        #expect(Self.englishWords(in: "运行 `stdkit review accept --all`，YAML 有误") == [])
        #expect(Self.englishWords(in: "reference ※ matches no item") == ["reference", "matches", "item"])
        #expect(Self.englishWords(in: "字段 is 空") == [])
    }

    /// Every key of every example's findings, nested ones too, has a text in both languages.
    @Test func everyExampleMessageHasItsTexts() async throws {
        func keys(_ message: Message) -> [String] {
            [message.key] + message.arguments.values.flatMap { argument -> [String] in
                switch argument {
                case .message(let inner): keys(inner)
                case .messages(let inner, _): inner.flatMap(keys)
                default: []
                }
            }
        }
        for (rule, message) in try await Self.messages() {
            for key in keys(message) {
                for language in Language.allCases {
                    #expect(MessageCatalogue.for(language).templates[key] != nil, "\(rule): \(key) in \(language.rawValue)")
                }
            }
        }
    }
}
