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
            "kind of party 'acme' must be school, enterprise, authority, joint or group, not 'company'",
            "party 'ok' is declared twice",
            "severity of 'unknown-field' must be error, warning, note or off, not 'loud'",
        ])
    }

    @Test func yamlErrorsAreConfigErrors() {
        let (_, diagnostics) = ProjectConfig.parse("name: \"unclosed\nlang: en", defaultName: "x")
        #expect(diagnostics.map(\.rule) == ["config-invalid"])
        #expect(diagnostics.first?.message.english.hasPrefix("stdkit.yml is not valid YAML") == true)
    }

    /// Joint bodies and groups list their members; any party may carry a region (DESIGN §13.1).
    @Test func jointBodiesGroupsAndRegionsAreRead() {
        let yaml = """
            parties:
              - {id: yhzy, name: 粤海职业技术学院, kind: school, region: "440100"}
              - {id: hnauto, name: 华南汽车制造有限公司, kind: enterprise, region: "440100"}
              - {id: hnauto-college, name: 华南汽车产业学院, kind: joint, members: [yhzy, hnauto]}
              - id: gd-robot-group
                name: 广东省工业机器人职业教育集团
                kind: group
                members: [yhzy, hnauto, hnauto-college]
                region: "440000"
            pilot: {batch: 2026, level: provincial}
            practice_hours_per_week: 25
            """
        let (config, diagnostics) = ProjectConfig.parse(yaml, defaultName: "x")
        #expect(diagnostics.map(\.message.english) == [])
        #expect(config.parties.map(\.kind) == [.school, .enterprise, .joint, .group])
        #expect(config.parties.map(\.members) == [[], [], ["yhzy", "hnauto"], ["yhzy", "hnauto", "hnauto-college"]])
        #expect(config.parties.map(\.region) == ["440100", "440100", nil, "440000"])
        #expect(config.pilot == ProjectConfig.Pilot(batch: 2026, level: "provincial"))
        #expect(config.practiceHoursPerWeek == 25)
    }

    @Test func practiceHoursPerWeekDefaultsTo24() {
        let (config, diagnostics) = ProjectConfig.parse("name: x\n", defaultName: "x")
        #expect(diagnostics.isEmpty)
        #expect(config.practiceHoursPerWeek == 24)
        #expect(config.pilot == nil)
    }

    /// Each fault at its place: a member that is no party (with did-you-mean, declared later is
    /// fine), a group without members, members on a school, a region not of six digits, a party
    /// listing itself, hours a week that are not a positive whole number.
    @Test func membersAndRegionsAreCheckedWhereWritten() {
        let yaml = """
            parties:
              - {id: hnauto-college, name: 产业学院, kind: joint, members: [yhzy, hnatuo]}
              - {id: yhzy, name: 学院, kind: school, members: [hnauto], region: "4401"}
              - {id: hnauto, name: 企业, kind: enterprise, region: 粤440100}
              - {id: gd-group, name: 集团, kind: group}
              - {id: city, name: 联合体, kind: group, members: [city, yhzy]}
            practice_hours_per_week: 0
            """
        let (config, diagnostics) = ProjectConfig.parse(yaml, defaultName: "x")
        #expect(config.parties.map(\.id) == ["hnauto-college", "yhzy", "hnauto", "gd-group", "city"])
        #expect(config.practiceHoursPerWeek == 24)
        #expect(diagnostics.map(\.rule) == Array(repeating: "config-invalid", count: 7))
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["3:40", "3:67", "4:54", "5:36", "2:67", "6:50", "7:26"])
        #expect(diagnostics.map(\.message.english) == [
            "party 'yhzy' is a school and cannot have members; only a joint body (kind: joint) or a group (kind: group) lists members",
            "region '4401' of party 'yhzy' is not a 行政区划代码: write six digits in quotes, such as \"440100\"",
            "region '粤440100' of party 'hnauto' is not a 行政区划代码: write six digits in quotes, such as \"440100\"",
            "party 'gd-group' is a group but lists no members: write 'members: [party ids]'",
            "member 'hnatuo' of 'hnauto-college' is not a party of stdkit.yml; did you mean 'hnauto'?",
            "party 'city' lists itself among its members",
            "'practice_hours_per_week' must be a positive whole number of hours, such as 24",
        ])
    }

    /// The same findings read as a provincial reviewer writes them.
    @Test func memberFindingsInChinese() {
        let yaml = """
            parties:
              - {id: hnauto-college, name: 产业学院, kind: joint, members: [yhzy, hnatuo]}
              - {id: yhzy, name: 学院, kind: school, region: "4401"}
            """
        let (_, diagnostics) = ProjectConfig.parse(yaml, defaultName: "x")
        #expect(diagnostics.map { $0.message.text(in: .zhCN) } == [
            "参与方“yhzy”的 `region`“4401”不是行政区划代码：应为加引号的六位数字，如 \"440100\"",
            "“hnauto-college”的成员“hnatuo”不是 stdkit.yml 中声明的参与方",
        ])
        #expect(diagnostics.map(\.location) == [SourceLocation(line: 3, column: 48), SourceLocation(line: 2, column: 67)])
    }
}
