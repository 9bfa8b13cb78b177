import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// The programme's section framework as profile data (`programme_sections`): 教职成〔2019〕13号
/// for `cn-vocational-higher`, the 2025 edition's order for `cn-vocational-higher-2025`, the
/// schema's sections without a profile.
@Suite("Programme section framework")
struct ProgrammeSectionsTests {
    static let full2019 = ["专业名称及代码", "入学要求", "修业年限", "职业面向", "培养目标", "培养规格", "课程设置及学时安排",
                           "教学进程总体安排", "师资队伍", "教学条件", "教学方法", "学习评价", "质量保障", "毕业要求", "附录"]
    static let schemaOnly = ["专业名称及代码", "入学要求", "修业年限", "职业面向", "培养目标", "培养规格", "课程设置及学时安排",
                             "师资队伍", "教学条件", "质量保障", "毕业要求"]

    /// A programme whose level-2 headings are `headings` (numbered as a 方案 numbers them), each
    /// followed by a line of text: heading n (from 0) stands on line 9 + 4 × n. A
    /// title written with its own number, `（一）…`, is not numbered again.
    static func programme(_ headings: [String], settings: String? = "profile: cn-vocational-higher\n") -> [String: String] {
        let numerals = Array("一二三四五六七八九十")
        let body = headings.enumerated().map { index, title in
            let number = index < 10 ? String(numerals[index]) : "十" + String(numerals[index - 10])
            return "## \(title.hasPrefix("（") ? "" : number + "、")\(title)\n\n本节内容。\n"
        }.joined(separator: "\n")
        var files = ["p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术专业人才培养方案\n---\n\n# 工业机器人技术专业人才培养方案\n\n" + body]
        if let settings { files["stdkit.yml"] = settings }
        return files
    }

    static func findings(_ files: [String: String]) async throws -> [Diagnostic] {
        try await RuleCatalogueTests.findings(of: RuleExample(files)).filter { ["missing-section", "section-order"].contains($0.rule) }
    }

    static func described(_ found: [Diagnostic]) -> [String] {
        found.map { "\($0.rule) \($0.location.line) \($0.message.text(in: .zhCN))" }
    }

    @Test func theFullFrameworkInOrderIsClean() async throws {
        #expect(Self.described(try await Self.findings(Self.programme(Self.full2019))) == [])
    }

    /// The eleven sections of the schema miss four of the framework's under the profile; each
    /// is reported after the section that should precede it (two at one place in the
    /// order of their messages, as findings are sorted).
    @Test func theSchemasElevenMissFourUnderTheProfile() async throws {
        let found = try await Self.findings(Self.programme(Self.schemaOnly))
        #expect(Self.described(found) == [
            "missing-section 33 专业教学标准 P1 缺少章节“教学进程总体安排”（也可写作 Overall teaching schedule、Teaching schedule）",
            "missing-section 41 专业教学标准 P1 缺少章节“学习评价”（也可写作 Learning assessment、Assessment）",
            "missing-section 41 专业教学标准 P1 缺少章节“教学方法”（也可写作 Teaching methods）",
            "missing-section 49 专业教学标准 P1 缺少章节“附录”（也可写作 Appendices、Appendix）",
        ])
        // Without a profile the schema's eleven are complete.
        #expect(try await Self.findings(Self.programme(Self.schemaOnly, settings: nil)).isEmpty)
    }

    /// A 方案 that groups 师资队伍 … 质量管理 under 实施保障, as the ministry's annex does, and
    /// writes English names, is clean; an element out of place is reported at it.
    @Test func groupedAndEnglishHeadingsAndOrder() async throws {
        let grouped = ["专业名称及代码", "入学要求", "修业年限", "职业面向", "培养目标", "培养规格", "课程设置", "Overall teaching schedule",
                       "实施保障", "（一）师资队伍", "（二）教学设施", "（三）教学方法", "（四）学习评价", "（五）质量管理", "毕业要求", "附录"]
        #expect(Self.described(try await Self.findings(Self.programme(grouped))) == [])
        var swapped = Self.full2019
        swapped.swapAt(9, 10)
        let found = try await Self.findings(Self.programme(swapped))
        #expect(found.map { "\($0.rule) \($0.location)" } == ["section-order 49:1"])
        #expect(found.first?.message.text(in: .zhCN).contains("十一、教学条件") == true)
    }

    /// The 2025 variant: 概述 first, 2025 names or 2019 names, 职业能力要求 optional; its other
    /// settings are the higher profile's.
    @Test func the2025Variant() async throws {
        let settings = "profile: cn-vocational-higher-2025\n"
        let edition2025 = ["概述", "专业名称（专业代码）", "入学基本要求", "基本修业年限", "职业面向", "职业能力要求", "培养目标", "培养规格",
                           "课程设置及学时安排", "师资队伍", "教学条件", "质量保障和毕业要求"]
        #expect(Self.described(try await Self.findings(Self.programme(edition2025, settings: settings))) == [])
        var without = edition2025
        without.remove(at: 5)
        #expect(Self.described(try await Self.findings(Self.programme(without, settings: settings))) == [])
        let old = ["专业名称及代码", "入学要求", "修业年限", "职业面向", "概述", "培养目标", "培养规格", "课程设置及学时安排", "师资队伍", "教学条件", "质量保障与毕业要求"]
        let found = try await Self.findings(Self.programme(old, settings: settings))
        #expect(found.map { "\($0.rule) \($0.location)" } == ["section-order 25:1"])
        let profile = try #require(Profile.builtIn()["cn-vocational-higher-2025"])
        #expect(profile.minTotalHours == 2500 && profile.minElectiveShare == 0.10)
        #expect(profile.programmeSections?.map { $0.names[0] }.first == "概述")
        #expect(profile.programmeSections?.count == 12)
        #expect(Profile.builtIn()["cn-vocational-higher"]?.programmeSections?.count == 15)
        #expect(Profile.builtIn()["cn-vocational-secondary"]?.programmeSections == nil)
    }

    /// A project sets its own framework under `profile_settings`; a malformed one is reported
    /// at its value.
    @Test func projectSettings() async throws {
        let own = "profile: cn-vocational-higher\nprofile_settings:\n  programme_sections: [[专业名称及代码, Name], 毕业要求]\n"
        #expect(Self.described(try await Self.findings(Self.programme(["专业名称及代码", "毕业要求"], settings: own))) == [])
        let bad = "profile: cn-vocational-higher\nprofile_settings:\n  programme_sections: 毕业要求\n  major_classes: {\"46\": 装备制造大类}\n  industry_divisions: {C: 43-13}\n"
        let found = try await RuleCatalogueTests.findings(of: RuleExample(Self.programme(Self.full2019, settings: bad))).filter { $0.rule == "config-invalid" }
        #expect(found.map { "\($0.file):\($0.location) \($0.message.text(in: .zhCN))" } == [
            "stdkit.yml:3:23 “programme_sections”应为章节的列表，每项为一个名称、名称的列表，或含 `names` 与 `required` 的映射",
            "stdkit.yml:4:18 “major_classes”应为 4 位代码到名称的映射",
            "stdkit.yml:5:23 “industry_divisions”应为门类字母到其所含大类的映射，写作 13-43 或 70",
        ])
    }
}
