import Testing
import StdKitSyntax
@testable import StdKitModel

/// stdkit.yml checked against its schema (Resources/config/stdkit.yml): unknown keys are
/// warnings at their place with a did-you-mean, wrong types errors, nested keys included.
@Suite("stdkit.yml schema")
struct ConfigSchemaTests {
    /// Each finding as `line:column severity message`.
    static func findings(_ yaml: String) -> [String] {
        ProjectConfig.parse(yaml, defaultName: "x").1
            .sorted(by: Diagnostic.reportOrder)
            .map { "\($0.location) \($0.severity.rawValue) [\($0.rule)] \($0.message.english)" }
    }

    @Test func theShippedSchemaIsValidAndListsEverySetting() {
        let (schema, diagnostics) = ConfigSchema.shipped
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.english))")
        #expect(schema.fields.map(\.name) == [
            "name", "lang", "profile", "parties", "include", "exclude", "schemas", "publish", "rules", "limits",
            "profile_settings", "pilot", "practice_hours_per_week", "upstream", "word",
        ])
    }

    /// A file with every setting, Chinese values throughout, gives no finding.
    @Test func everySettingIsKnown() {
        let yaml = """
            name: 工业机器人技术专业教学标准
            lang: zh-CN
            profile: cn-vocational-higher
            schemas: 模式
            parties:
              - {id: szpt, name: 深圳某职业技术学院, kind: school, region: "440300"}
              - {id: acme-auto, name: 某汽车制造有限公司, kind: enterprise}
              - {id: acme-college, name: 某汽车产业学院, kind: joint, members: [szpt, acme-auto], region: "440300"}
            include: ["标准/**/*.md"]
            exclude: 草稿/**
            publish: {title: 标准, output: 网站, theme: 主题, allow_html: false}
            rules: {unknown-field: off}
            limits: {file_size_mb: 5, table_columns: 200, nesting_depth: 100, yaml_nodes: 1000, documents: 10}
            profile_settings: {minimum_total_hours: 2500}
            pilot: {batch: 2026, level: 省级}
            practice_hours_per_week: 24
            upstream:
              - {id: ns, path: vendor/国家标准, release: v2025.1}
            """
        #expect(Self.findings(yaml) == [])
    }

    @Test func aMisspeltKeyIsAWarningWithDidYouMean() {
        let yaml = "name: 机电一体化\nexlude: [\"草稿/**\"]\n"
        #expect(Self.findings(yaml) == [
            "2:1 warning [config-invalid] 'exlude' is not a setting of stdkit.yml, so it does nothing; did you mean 'exclude'?",
        ])
        let (config, diagnostics) = ProjectConfig.parse(yaml, defaultName: "x")
        #expect(config.exclude == ["_site/**", "README.md"], "the misspelt key still does nothing")
        #expect(diagnostics.first?.hint?.english.hasPrefix("the settings are name, lang, profile, parties,") == true)
    }

    /// The same finding as a Chinese reader sees it.
    @Test func aMisspeltKeyIsToldInChinese() {
        let (_, diagnostics) = ProjectConfig.parse("name: 机电一体化\npublish: {titel: 标准}\n", defaultName: "x")
        #expect(diagnostics.map { $0.message.text(in: .zhCN) } == [
            "“publish.titel”不是 stdkit.yml 的设置项，不起任何作用；是否想写“publish.title”？",
        ])
        #expect(diagnostics.first?.hint?.text(in: .zhCN).hasPrefix("“publish”下可用的设置项有 title") == true)
    }

    /// Nested keys are checked in mappings and in lists of mappings; the column counts the
    /// Chinese characters before the key as one each.
    @Test func nestedKeysAreChecked() {
        let yaml = """
            name: 学院
            publish: {标题: 标准, titel: 标准}
            parties:
              - {id: szpt, name: 深圳职院, knd: school}
            pilot:
              batch: 2026
              levle: 国家级
            upstream:
              - {id: ns, path: 国家, relase: v1}
            """
        #expect(Self.findings(yaml) == [
            "2:11 warning [config-invalid] 'publish.标题' is not a setting of stdkit.yml, so it does nothing",
            "2:19 warning [config-invalid] 'publish.titel' is not a setting of stdkit.yml, so it does nothing; did you mean 'publish.title'?",
            "4:5 error [config-invalid] kind of party 'szpt' must be school, enterprise, authority, joint or group, not ''",
            "4:28 warning [config-invalid] 'parties[0].knd' is not a setting of stdkit.yml, so it does nothing; did you mean 'parties[0].kind'?",
            "7:3 warning [config-invalid] 'pilot.levle' is not a setting of stdkit.yml, so it does nothing; did you mean 'pilot.level'?",
            "9:24 warning [config-invalid] 'upstream[0].relase' is not a setting of stdkit.yml, so it does nothing; did you mean 'upstream[0].release'?",
        ])
    }

    @Test func aWrongTypeIsAnError() {
        let yaml = """
            name: 学院
            pilot: {batch: 明年, level: [省级]}
            practice_hours_per_week: 二十四
            upstream: {id: ns}
            parties:
              - {id: szpt, name: 学院, kind: joint, members: szpt}
            publish: {allow_html: 是}
            """
        #expect(Self.findings(yaml) == [
            "2:16 error [config-invalid] 'pilot.batch' must be a whole number, not '明年'",
            "2:27 error [config-invalid] 'pilot.level' must be a single value, not a list",
            "3:26 error [config-invalid] 'practice_hours_per_week' must be a positive whole number of hours, such as 24",
            "4:11 error [config-invalid] 'upstream' must be a list, not a mapping",
            "6:48 error [config-invalid] 'parties[0].members' must be a list, not 'szpt'",
            "7:23 error [config-invalid] 'publish.allow_html' must be true or false",
        ])
    }

    /// A required key of a list's mapping is missing: reported at the mapping.
    @Test func aMissingUpstreamPathIsAnError() {
        #expect(Self.findings("upstream:\n  - id: ns\n") == [
            "2:5 error [config-invalid] 'upstream[0].path' is missing",
        ])
    }

    /// Where the settings reader reports a place already (an unknown limit), the schema adds
    /// nothing there.
    @Test func onePlaceIsReportedOnce() {
        #expect(Self.findings("limits: {tables: 3}\n") == [
            "1:10 error [config-invalid] 'limits.tables' is not a limit; the limits are file_size_mb, documents, nesting_depth, table_columns, yaml_nodes",
        ])
    }
}
