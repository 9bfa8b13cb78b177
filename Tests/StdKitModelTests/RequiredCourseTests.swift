import Testing
import StdKitSyntax
@testable import StdKitModel

/// The profile's `required_courses` (DESIGN §13.4): read with their sources, and each bad entry
/// reported at its place with what to write.
@Suite("Required courses of a profile")
struct RequiredCourseTests {
    static func read(_ yaml: String) -> (Profile, [Diagnostic]) {
        var profile = Profile(id: "test", title: "test")
        var diagnostics: [Diagnostic] = []
        let root = YAMLReader.read(yaml, file: "stdkit.yml").root
        if let settings = root?["profile_settings"] {
            profile.apply(settings, file: "stdkit.yml", rule: "config-invalid", diagnostics: &diagnostics)
        }
        return (profile, diagnostics)
    }

    @Test func theShippedProfilesReadWithoutProblems() throws {
        let (profiles, diagnostics) = Profile.builtInWithDiagnostics()
        #expect(diagnostics.map(\.message.english) == [])
        let higher = try #require(profiles["cn-vocational-higher"])
        #expect(higher.requiredCourses.map(\.name) == [
            "思想道德与法治", "毛泽东思想和中国特色社会主义理论体系概论", "习近平新时代中国特色社会主义思想概论", "形势与政策", "“四史”",
            "体育", "军事理论", "军事技能", "心理健康教育", "职业发展与就业指导", "劳动教育", "美育（公共艺术）", "国家安全教育",
            "创新创业教育", "信息技术",
        ])
        // Every entry names the document that requires it.
        #expect(higher.requiredCourses.allSatisfy { $0.source.contains("《") })
        let byName = Dictionary(uniqueKeysWithValues: higher.requiredCourses.map { ($0.name, $0) })
        #expect(byName["职业发展与就业指导"]?.minHours == 38)
        #expect(byName["职业发展与就业指导"]?.source.contains("教高厅〔2007〕7号") == true)
        #expect(byName["劳动教育"]?.minHours == 16)
        #expect(byName["体育"]?.minHours == 108)
        #expect(byName["军事理论"]?.minHours == 36)
        #expect(byName["军事理论"]?.credits == 2)
        #expect(byName["军事技能"]?.minHours == 112)
        #expect(byName["军事技能"]?.hoursPerCreditExempt == true)
        #expect(byName["美育（公共艺术）"]?.minCredits == 2)
        let situation = try #require(byName["形势与政策"])
        #expect(situation.perSemesterMinHours == 8)
        #expect(situation.minCredits == 1 && situation.maxCredits == 2)
        #expect(situation.hoursPerCreditExempt)
    }

    /// 中职: the compulsory public basic courses of 教职成〔2019〕13号, and 劳动教育.
    @Test func theSecondaryProfileListsItsPublicBasicCourses() throws {
        let secondary = try #require(Profile.builtIn()["cn-vocational-secondary"])
        #expect(secondary.requiredCourses.map(\.name) == ["思想政治", "语文", "历史", "数学", "外语", "信息技术", "体育与健康", "艺术", "劳动教育"])
        #expect(secondary.requiredCourses.filter { $0.minHours != nil }.map(\.name) == ["劳动教育"])
        #expect(secondary.requiredCourses.first?.matches(title: "职业道德与法治", tags: []) == true)
    }

    /// "四史" is met by a course on any of the four histories; a tag matches as well as a title.
    @Test func aCourseMatchesByTitleFragmentOrTag() throws {
        let history = try #require(Profile.builtIn()["cn-vocational-higher"]?.requiredCourses.first { $0.name == "“四史”" })
        #expect(history.matches(title: "中国共产党党史", tags: []))
        #expect(history.matches(title: "改革开放史专题", tags: []))
        #expect(history.matches(title: "中国共产党历史", tags: []))
        #expect(history.matches(title: "专题讲座", tags: ["四史"]))
        #expect(!history.matches(title: "中国近现代史纲要", tags: ["历史"]))
        #expect(!history.matches(title: nil, tags: []))
    }

    @Test func aProjectReplacesTheList() {
        let (profile, diagnostics) = Self.read("""
            profile_settings:
              required_courses:
                - {name: 焊接安全, match: 安全, min_hours: 16, source: 《焊接与热切割作业安全技术》}
                - {name: 体育, min_hours: 144, credits: 8, source: 学校规定}
            """)
        #expect(diagnostics.isEmpty)
        #expect(profile.requiredCourses.map(\.name) == ["焊接安全", "体育"])
        #expect(profile.requiredCourses.map(\.match) == [["安全"], ["体育"]])
        #expect(profile.requiredCourses.map(\.minHours) == [16, 144])
        #expect(profile.requiredCourses.map(\.credits) == [nil, 8])
    }

    /// Each bad entry is left out and reported at its place, saying what to write.
    @Test func badEntriesAreReportedWhereWritten() {
        let (profile, diagnostics) = Self.read("""
            profile_settings:
              required_courses:
                - 体育
                - {match: [劳动教育], source: 纲要}
                - {name: 劳动教育, min_hours: 十六, source: 纲要}
                - {name: 美育, min_credit: 2, source: 意见}
                - {name: 国家安全, match: [{a: b}], source: 纲要}
                - {name: 心理健康}
                - {name: 形势与政策, hours_per_credit_exempt: yes, source: 意见}
                - {name: 信息技术, min_hours: 48, source: 课程标准}
            """)
        #expect(profile.requiredCourses.map(\.name) == ["信息技术"])
        #expect(diagnostics.allSatisfy { $0.rule == "config-invalid" && $0.file == "stdkit.yml" })
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["3:7", "4:7", "5:31", "6:18", "7:27", "8:7", "9:46"])
        #expect(diagnostics.map(\.message.english) == [
            "a required course must be a mapping such as {name: 体育, match: [体育], min_hours: 108, source: …}",
            "a required course has no 'name'",
            "'min_hours' of required course '劳动教育' must be a number of 0 or more",
            "'min_credit' is not a field of required course '美育'; did you mean 'min_credits'?",
            "'match' of required course '国家安全' must be a title fragment or tag, or a list of them",
            "required course '心理健康' has no 'source'",
            "'hours_per_credit_exempt' of required course '形势与政策' must be true or false",
        ])
        #expect(diagnostics.allSatisfy { $0.hint?.english.hasPrefix("write each entry as {name, match, min_hours") == true })
        #expect(diagnostics[2].message.text(in: .zhCN) == "必修课程“劳动教育”的 `min_hours` 应为不小于 0 的数")
    }

    @Test func aListThatIsNoListIsReported() {
        let (profile, diagnostics) = Self.read("profile_settings:\n  required_courses: 体育\n")
        #expect(profile.requiredCourses.isEmpty)
        #expect(diagnostics.map(\.message.english) == ["'required_courses' must be a list of courses, each {name, match, source, …}"])
        #expect(diagnostics.map(\.location) == [SourceLocation(line: 2, column: 21)])
    }
}
