import Testing
import StdKitSyntax
@testable import StdKitModel

@Suite("stdkit.yml")
struct ProjectConfigTests {
    @Test func defaultsWhenEmpty() {
        let (config, diagnostics) = ProjectConfig.parse("", defaultName: "folder")
        #expect(diagnostics.isEmpty)
        #expect(config.name == "folder")
        #expect(config.lang == "zh-CN")
        #expect(config.include == ["**/*.md"])
        #expect(config.exclude == ["_site/**", "README.md"])
        #expect(config.publish.output == "_site")
        #expect(config.parties.isEmpty)
    }

    @Test func readsEverySetting() {
        let yaml = """
            name: 工业机器人技术专业教学标准
            lang: zh-CN
            profile: cn-vocational-higher
            parties:
              - {id: szpt, name: 深圳某职业技术学院, kind: school}
              - {id: acme-auto, name: 某汽车制造有限公司, kind: enterprise}
              - {id: gd-group, name: 省职教集团, kind: authority}
            include: ["docs/**/*.md"]
            exclude: "drafts/**"
            publish: {title: 标准, output: public}
            rules: {unknown-field: off, unresolved-reference: warning}
            """
        let (config, diagnostics) = ProjectConfig.parse(yaml, defaultName: "x")
        #expect(diagnostics.isEmpty)
        #expect(config.profile == "cn-vocational-higher")
        #expect(config.parties.map(\.kind) == [.school, .enterprise, .authority])
        #expect(config.include == ["docs/**/*.md"])
        #expect(config.exclude == ["drafts/**"])
        #expect(config.publish.title == "标准")
        #expect(config.publish.output == "public")
        #expect(config.rules == ["unknown-field": "off", "unresolved-reference": "warning"])
    }

    @Test func invalidPartiesAreReportedWhereWritten() {
        let yaml = """
            parties:
              - {id: SZPT, name: 学院, kind: school}
              - {id: acme, name: 企业, kind: company}
              - {id: ok, name: 好, kind: school}
              - {id: ok, name: 重复, kind: school}
            rules: {unknown-field: loud}
            """
        let (config, diagnostics) = ProjectConfig.parse(yaml, defaultName: "x")
        #expect(config.parties.map(\.id) == ["ok"])
        #expect(diagnostics.map(\.rule) == Array(repeating: "config-invalid", count: 4))
        #expect(diagnostics.map(\.location.line) == [2, 3, 5, 6])
        #expect(diagnostics.map(\.message.english) == [
            "party id 'SZPT' must be lower-case ASCII letters, digits and '-'",
            "kind of party 'acme' must be school, enterprise or authority, not 'company'",
            "party 'ok' is declared twice",
            "severity of 'unknown-field' must be error, warning, note or off, not 'loud'",
        ])
    }

    @Test func yamlErrorsAreConfigErrors() {
        let (_, diagnostics) = ProjectConfig.parse("name: \"unclosed\nlang: en", defaultName: "x")
        #expect(diagnostics.map(\.rule) == ["config-invalid"])
        #expect(diagnostics.first?.message.english.hasPrefix("stdkit.yml is not valid YAML") == true)
    }
}
