import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

@Suite("code-form")
struct CodeFormTests {
    static func findings(_ files: [String: String]) async throws -> [Diagnostic] {
        try await RuleCatalogueTests.findings(of: RuleExample(files)).filter { $0.rule == "code-form" }
    }

    static func programme(_ major: String, profile: String = "cn-vocational-higher") -> [String: String] {
        ["stdkit.yml": "profile: \(profile)\n", "p.md": "---\nid: P1\nkind: programme\ntitle: 专业人才培养方案\nmajor:\n  name: 工业机器人技术\n\(major)---\n"]
    }

    /// The code's 大类 and 类 against the catalogue, and the stated category and class against
    /// the code; the findings stand at the values, in Chinese exactly.
    @Test(arguments: [
        ("  code: \"460305\"\n  category: 装备制造大类\n  class: 4603 自动化类\n", [String]()),
        ("  code: \"460305\"\n  category: \"46\"\n", []),
        // 51 电子与信息大类: its 类 are not listed, so any 51xx passes to its 大类.
        ("  code: \"519905\"\n  category: 电子与信息大类\n  class: 计算机类\n", []),
        ("  code: \"46035\"\n", ["7:9 专业代码“46035”不是六位数字（专业大类、专业类、专业各两位）"]),
        ("  code: \"600305\"\n", ["7:9 专业代码 600305 的前两位 60 不是专业目录中的专业大类（41–59）"]),
        ("  code: \"460905\"\n", ["7:9 专业代码 460905 的前四位 4609 不是 46 装备制造大类 下的专业类（4601 机械设计制造类、4602 机电设备类、4603 自动化类、4604 轨道装备类、4605 船舶与海洋工程装备类、4606 航空装备类、4607 汽车制造类）"]),
        ("  code: \"460305\"\n  category: 电子与信息大类\n  class: 机电设备类\n", [
            "8:13 所属专业大类“电子与信息大类”与专业代码 460305 不符，该代码属于 46 装备制造大类",
            "9:10 所属专业类“机电设备类”与专业代码 460305 不符，该代码属于 4603 自动化类",
        ]),
    ])
    func majorCode(major: String, expected: [String]) async throws {
        let found = try await Self.findings(Self.programme(major))
        #expect(found.map { "\($0.location) \($0.message.text(in: .zhCN))" } == expected)
        #expect(found.allSatisfy { $0.severity == .error && $0.file == "p.md" })
    }

    /// 中职 codes are checked against the secondary profile's 大类 (61–79); the 2025 variant
    /// inherits the higher profile's tables.
    @Test func otherProfiles() async throws {
        #expect(try await Self.findings(Self.programme("  code: \"660301\"\n", profile: "cn-vocational-secondary")).isEmpty)
        let secondary = try await Self.findings(Self.programme("  code: \"460305\"\n", profile: "cn-vocational-secondary"))
        #expect(secondary.map { $0.message.english } == ["major code 460305 begins with 46, which is no 专业大类 of the profile's catalogue (61–79)"])
        let variant = try await Self.findings(Self.programme("  code: \"460905\"\n", profile: "cn-vocational-higher-2025"))
        #expect(variant.map(\.location.line) == [7])
    }

    /// Occupation codes of the 2022 大典 with their marks; a 小类 only is a warning.
    @Test(arguments: [
        ("\"6-31-01-10\"", nil),
        ("\"6-31-01-10 S\"", nil),
        ("\"2-02-10-09 L\"", nil),
        ("\"6-31-01-10 L/S\"", nil),
        ("\"6-31-01\"", "warning 职业编码“6-31-01”只写到小类，未写到具体职业"),
        ("\"6-31-01-10S\"", "error 职业编码“6-31-01-10S”不符合《中华人民共和国职业分类大典（2022年版）》的格式：D-DD-DD-DD（大类为 1–8），其后可加“ S”“ L”或“ L/S”标识"),
        ("\"9-31-01-10\"", "error 职业编码“9-31-01-10”不符合《中华人民共和国职业分类大典（2022年版）》的格式：D-DD-DD-DD（大类为 1–8），其后可加“ S”“ L”或“ L/S”标识"),
        ("\"6-31-1-10\"", "error 职业编码“6-31-1-10”不符合《中华人民共和国职业分类大典（2022年版）》的格式：D-DD-DD-DD（大类为 1–8），其后可加“ S”“ L”或“ L/S”标识"),
        ("\"6-31-01-10 S/L\"", "error 职业编码“6-31-01-10 S/L”不符合《中华人民共和国职业分类大典（2022年版）》的格式：D-DD-DD-DD（大类为 1–8），其后可加“ S”“ L”或“ L/S”标识"),
    ] as [(String, String?)])
    func occupation(written: String, expected: String?) async throws {
        let found = try await Self.findings([
            "stdkit.yml": "profile: cn-vocational-higher\n",
            "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 工业机器人运维员\noccupation: \(written)\n---\n",
        ])
        #expect(found.map { "\($0.severity) \($0.message.text(in: .zhCN))" } == (expected.map { [$0] } ?? []))
        #expect(found.allSatisfy { $0.location == SourceLocation(line: 5, column: 13) })
    }

    /// GB/T 4754—2017 codes: form, and the 大类 within its 门类.
    @Test(arguments: [
        ("C", nil), ("C36", nil), ("C361", nil), ("C3612", nil), ("3612", nil), ("83", nil), ("K70", nil),
        ("C36123", "行业代码“C36123”不符合 GB/T 4754 的格式：门类字母 A–T，其后可加 2、3 或 4 位数字；或只写 2–4 位数字"),
        ("U36", "行业代码“U36”不符合 GB/T 4754 的格式：门类字母 A–T，其后可加 2、3 或 4 位数字；或只写 2–4 位数字"),
        ("3", "行业代码“3”不符合 GB/T 4754 的格式：门类字母 A–T，其后可加 2、3 或 4 位数字；或只写 2–4 位数字"),
        ("c3612", "行业代码“c3612”不符合 GB/T 4754 的格式：门类字母 A–T，其后可加 2、3 或 4 位数字；或只写 2–4 位数字"),
        ("A3612", "行业代码 A3612 中的大类 36 不属于门类 A（01–05），而属于门类 C"),
        ("P84", "行业代码 P84 中的大类 84 不属于门类 P（83），而属于门类 Q"),
        ("9901", "行业代码 9901 中的 99 不是 GB/T 4754 的大类"),
    ] as [(String, String?)])
    func industry(written: String, expected: String?) async throws {
        let found = try await Self.findings([
            "stdkit.yml": "profile: cn-vocational-higher\n",
            "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 工业机器人运维员\nindustry: \"\(written)\"\n---\n",
        ])
        #expect(found.map { $0.message.text(in: .zhCN) } == (expected.map { [$0] } ?? []))
        #expect(found.allSatisfy { $0.location == SourceLocation(line: 5, column: 11) && $0.severity == .error })
    }

    /// Without a profile nothing is checked: other countries' codes (ISCO) are not the 大典's.
    @Test func withoutAProfileNothingIsChecked() async throws {
        let found = try await Self.findings([
            "p.md": "---\nid: P1\nkind: programme\ntitle: Mechatronics\nmajor: {name: Mechatronics, code: \"12\"}\n---\n",
            "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: Setter\noccupation: \"7223\"\nindustry: \"x\"\n---\n",
        ])
        #expect(found.isEmpty)
    }
}
