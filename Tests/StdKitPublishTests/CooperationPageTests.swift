import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitPublish

/// The pages of the cooperation kinds (DESIGN §13): the apprenticeship's alternation calendar,
/// a training's modules, a facility's capacity, a programme's elective groups and arrangement,
/// and joint bodies among the parties.
@Suite("Cooperation pages")
struct CooperationPageTests {
    static let config = """
        name: 合作示例
        lang: zh-CN
        parties:
          - {id: yhzy, name: 华南工业职业技术学院, kind: school, region: "440100"}
          - {id: hnauto, name: 华南汽车制造有限公司, kind: enterprise}
          - {id: hn-college, name: 华南汽车产业学院, kind: joint, members: [yhzy, hnauto], region: "440100"}

        """

    /// A project of `files` (path → text) with `config` as its `stdkit.yml`, loaded, and its site.
    static func build(_ files: [String: String], config: String = config) async throws -> (Project, SiteBuilder) {
        let root = try SiteBuilderTests.temporaryFolder()
        try config.write(to: root.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let project = try await ProjectLoader.load(root: root)
        return (project, try SiteBuilder(project: project, toolVersion: "test"))
    }

    static func page(_ path: String, of site: SiteBuilder) -> String {
        SiteBuilderTests.text(site.files()[path])
    }

    static let apprenticeship = """
        ---
        id: APP-ROBOT-2026
        kind: apprenticeship
        title: 现代学徒制试点班培养方案（2026级）
        enterprise: hnauto
        cohort: {year: 2026, size: 30}
        recruitment: {mode: 招生即招工, contract: 三方协议}
        mentor_ratio: 5
        schedule:
          - {semester: 3, weeks: 1-12, place: school}
          - {semester: 3, weeks: 13-20, place: enterprise, posts: [P1, P2]}
          - {semester: 4, weeks: 1-8, place: enterprise, posts: [P3]}
          - {semester: 4, weeks: 9-20, place: school}
        ---

        # 现代学徒制试点班培养方案

        ## 岗位轮换

        - **P1** 焊装线机器人操作岗 {weeks=4}
        - **P2** 焊装线换型调试岗 {weeks=4}
        - **P3** 工作站点检岗 {weeks=8}

        """

    // MARK: The alternation calendar

    @Test func eachScheduleEntryIsABarAtItsWeeksInItsSemestersRow() async throws {
        let (project, site) = try await Self.build(["app.md": Self.apprenticeship])
        let document = try #require(project.document("APP-ROBOT-2026"))
        let panel = ApprenticeshipPanel(document, page: "documents/app.html", site: site)
        // Week w starts at 96 + (w - 1) × 24; a row is 24 high, plus 16 for each post its
        // enterprise bars name (two in semester 3), plus 12: semester 4 starts at 28 + 68.
        #expect(panel.calendar.bars == [
            .init(entry: 0, x: 96, y: 28, width: 288, place: .school),
            .init(entry: 1, x: 384, y: 28, width: 192, place: .enterprise),
            .init(entry: 2, x: 96, y: 96, width: 192, place: .enterprise),
            .init(entry: 3, x: 288, y: 96, width: 288, place: .school),
        ])
        #expect(panel.calendar.semesters == [3, 4])
        #expect(panel.calendar.lastWeek == 20)
        #expect(panel.calendar.enterpriseWeeks == 16)
        #expect(panel.calendar.scheduledWeeks == 40)
        #expect(panel.calendar.enterpriseShare == 0.4)
        #expect(panel.postNames == ["P1": "焊装线机器人操作岗", "P2": "焊装线换型调试岗", "P3": "工作站点检岗"])

        let html = Self.page("documents/app.html", of: site)
        #expect(html.components(separatedBy: "<rect class=\"bar ").count - 1 == 4)
        #expect(html.contains("<p class=\"enterprise-share\">在企业 16 周，占安排总周数 40 周的 40%</p>"))
        #expect(html.contains("<rect class=\"bar bar-enterprise\" x=\"384\" y=\"28\" width=\"192\" height=\"24\" fill=\"#f6c48f\" stroke=\"#555\" stroke-width=\"1\"><title>第3学期第13–20周：企业</title></rect><text x=\"388\" y=\"44\" font-size=\"12\">企业 13–20</text><a href=\"#P1\"><text x=\"388\" y=\"65\" font-size=\"11\">P1 焊装线机器人操作岗</text></a>"))
        #expect(html.contains("role=\"img\" aria-label=\"第3学期第1–12周：学校；第3学期第13–20周：企业（P1 焊装线机器人操作岗、P2 焊装线换型调试岗）；"))
        #expect(html.contains("<tr><td>3</td><td>13-20</td><td>企业</td><td>8</td><td><a href=\"#P1\">P1 焊装线机器人操作岗</a>、<a href=\"#P2\">P2 焊装线换型调试岗</a></td></tr>"))
        // The calendar is above the body, and the metadata panel says the rest in words.
        let calendar = try #require(html.range(of: "<section class=\"calendar\">"))
        let body = try #require(html.range(of: "<div class=\"body\">"))
        #expect(calendar.lowerBound < body.lowerBound)
        #expect(html.contains("<dt>年级与规模</dt><dd>2026级，30人</dd>"))
        #expect(html.contains("<dt>招生招工</dt><dd>招生即招工（三方协议）</dd>"))
        #expect(html.contains("<dt>师徒比</dt><dd>每名企业师傅至多带 5 名学徒</dd>"))
        #expect(html.contains("<dt>合作企业</dt><dd>华南汽车制造有限公司</dd>"))
        #expect(!html.contains("<dt>schedule</dt>"))
    }

    /// A bad week range, an unknown place or a missing semester has no bar, but the build goes
    /// on and the table shows the entry as written.
    @Test func aMalformedEntryIsNotDrawnButListedAsWritten() async throws {
        let text = Self.apprenticeship.replacingOccurrences(of: """
              - {semester: 4, weeks: 1-8, place: enterprise, posts: [P3]}
              - {semester: 4, weeks: 9-20, place: school}
            """, with: """
              - {semester: 4, weeks: 20-13, place: enterprise, posts: [P3]}
              - {semester: 4, weeks: 1-2000, place: school}
              - {semester: 5, weeks: 1-6, place: 车间}
              - {weeks: 7-9, place: school}
            """)
        let (project, site) = try await Self.build(["app.md": text])
        let calendar = ApprenticeshipPanel(try #require(project.document("APP-ROBOT-2026")), page: "documents/app.html", site: site).calendar
        #expect(calendar.entries.map(\.isDrawn) == [true, true, false, false, false, false])
        #expect(calendar.bars.map(\.entry) == [0, 1])
        #expect(calendar.semesters == [3])
        // The figures of the check's enterprise-share: the entry without a semester is not
        // drawn, but its 3 weeks at school are scheduled.
        #expect(calendar.scheduledWeeks == 23)
        #expect(calendar.enterpriseWeeks == 8)
        let html = Self.page("documents/app.html", of: site)
        #expect(html.components(separatedBy: "<rect class=\"bar ").count - 1 == 2)
        #expect(html.contains("<tr class=\"malformed\"><td>4</td><td>20-13</td><td>企业</td><td><span class=\"malformed\">未绘入</span></td><td><a href=\"#P3\">P3 工作站点检岗</a></td></tr>"))
        #expect(html.contains("<tr class=\"malformed\"><td>4</td><td>1-2000</td><td>学校</td><td><span class=\"malformed\">未绘入</span></td><td></td></tr>"))
        #expect(html.contains("<tr class=\"malformed\"><td>5</td><td>1-6</td><td>车间</td><td><span class=\"malformed\">未绘入</span></td><td></td></tr>"))
        #expect(html.contains("<tr class=\"malformed\"><td></td><td>7-9</td><td>学校</td><td><span class=\"malformed\">未绘入</span></td><td></td></tr>"))
        #expect(html.contains("<p class=\"malformed\">标为“未绘入”的条目，其学期、周次或地点无法识别，按原文列出。</p>"))
    }

    @Test func aScheduleOfNothingDrawableHasATableAndNoSVG() async throws {
        let text = Self.apprenticeship.replacingOccurrences(of: "weeks: 1-12, place: school}", with: "weeks: 第一周, place: school}")
            .replacingOccurrences(of: "  - {semester: 3, weeks: 13-20, place: enterprise, posts: [P1, P2]}\n", with: "")
            .replacingOccurrences(of: "  - {semester: 4, weeks: 1-8, place: enterprise, posts: [P3]}\n", with: "")
            .replacingOccurrences(of: "  - {semester: 4, weeks: 9-20, place: school}\n", with: "")
        let (_, site) = try await Self.build(["app.md": text])
        let html = Self.page("documents/app.html", of: site)
        #expect(!html.contains("<svg class=\"chart calendar\""))
        #expect(!html.contains("enterprise-share"))
        #expect(html.contains("<tr class=\"malformed\"><td>3</td><td>第一周</td><td>学校</td>"))
    }

    /// Front matter of any shape — a schedule that is text, entries that are not mappings,
    /// weeks given as a mapping, a training or facility with nothing in the expected form —
    /// makes a page, with what can be read.
    @Test func frontMatterOfTheWrongShapeStillMakesThePages() async throws {
        let odd = Self.apprenticeship.replacingOccurrences(of: """
              - {semester: 4, weeks: 1-8, place: enterprise, posts: [P3]}
              - {semester: 4, weeks: 9-20, place: school}
            """, with: """
              - 第4学期企业实践
              - [4, 1-8, enterprise]
              - {semester: [4], weeks: {from: 1, to: 8}, place: [enterprise], posts: {P3: 8}}
            """)
        let files = [
            "app.md": odd,
            "text.md": Self.apprenticeship.replacingOccurrences(of: "id: APP-ROBOT-2026", with: "id: APP-TEXT")
                .replacingOccurrences(of: "schedule:\n", with: "schedule: 每学期交替\nunused:\n"),
            "train.md": "---\nid: TRN\nkind: training\ntitle: 培训\nhours: [64]\ntrainees: 四十人\n---\n\n- **TM1** 模块 {hours=十六}\n",
            "lab.md": "---\nid: LAB\nkind: facility\ntitle: 实训室\nstations: 十二\ncourses: {COURSE-X: 1}\n---\n\n# 实训室\n",
        ]
        let (_, site) = try await Self.build(files)
        let html = Self.page("documents/app.html", of: site)
        #expect(html.components(separatedBy: "<rect class=\"bar ").count - 1 == 2)
        #expect(html.components(separatedBy: "<tr class=\"malformed\">").count - 1 == 3)
        #expect(html.contains("<tr class=\"malformed\"><td>第4学期企业实践</td><td></td><td></td><td><span class=\"malformed\">未绘入</span></td><td></td></tr>"))
        #expect(html.contains("<tr class=\"malformed\"><td>4, 1-8, enterprise</td><td></td><td></td><td><span class=\"malformed\">未绘入</span></td><td></td></tr>"))
        #expect(html.contains("<tr class=\"malformed\"><td>4</td><td>from: 1; to: 8</td><td>enterprise</td><td><span class=\"malformed\">未绘入</span></td><td></td></tr>"))
        #expect(!Self.page("documents/text.html", of: site).contains("<section class=\"calendar\">"))
        let training = Self.page("documents/train.html", of: site)
        #expect(training.contains("<tr><td><a href=\"#TM1\">TM1</a></td><td>模块</td><td class=\"number\">十六</td><td></td><td></td></tr>"))
        #expect(training.contains("<dt>培训对象</dt><dd>四十人</dd>"))
        #expect(!Self.page("documents/lab.html", of: site).contains("<div class=\"cooperation\">"))
    }

    /// The page reads a schedule as the check's rules do (`AlternationSchedule`): an em dash
    /// does not join weeks and `#P3` is not a post id, so that entry is listed as written and
    /// not drawn, and the share is the check's 8 of 32 weeks.
    @Test func theCalendarReadsTheScheduleAsTheCheckDoes() async throws {
        let text = Self.apprenticeship.replacingOccurrences(of: "weeks: 1-8, place: enterprise, posts: [P3]}", with: "weeks: 1—8, place: enterprise, posts: [\"#P3\"]}")
        let (project, site) = try await Self.build(["app.md": text])
        let calendar = ApprenticeshipPanel(try #require(project.document("APP-ROBOT-2026")), page: "documents/app.html", site: site).calendar
        #expect(calendar.entries.map(\.isDrawn) == [true, true, false, true])
        #expect(calendar.entries[2].posts == ["#P3"])
        #expect(calendar.scheduledWeeks == 32)
        #expect(calendar.enterpriseWeeks == 8)
        let html = Self.page("documents/app.html", of: site)
        #expect(html.contains("<tr class=\"malformed\"><td>4</td><td>1—8</td><td>企业</td><td><span class=\"malformed\">未绘入</span></td><td>#P3</td></tr>"))
        #expect(html.contains("<p class=\"enterprise-share\">在企业 8 周，占安排总周数 32 周的 25%</p>"))
    }

    /// Everything from the document is escaped, in the SVG and the table alike.
    @Test func aMaliciousTitlePostAndPlaceAreEscaped() async throws {
        let text = Self.apprenticeship
            .replacingOccurrences(of: "title: 现代学徒制试点班培养方案（2026级）", with: "title: \"<script>alert(1)</script>\"")
            .replacingOccurrences(of: "- **P1** 焊装线机器人操作岗", with: "- **P1** 操作岗\\<img src=x onerror=alert(1)>\\\"'")
            .replacingOccurrences(of: "place: school}\n  - {semester: 3", with: "place: \"<b onmouseover=alert(2)>school\"}\n  - {semester: 3")
            .replacingOccurrences(of: "posts: [P1, P2]", with: "posts: [P1, \"P2\\\"><script>x</script>\"]")
        let (_, site) = try await Self.build(["app.md": text])
        let html = Self.page("documents/app.html", of: site)
        #expect(!html.contains("<script>alert(1)"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b onmouseover"))
        #expect(!html.contains("<script>x"))
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<text x=\"388\" y=\"65\" font-size=\"11\">P1 操作岗&lt;img src=x onerror=alert(1)&gt;&quot;&#39;</text>"))
        #expect(html.contains("<tr class=\"malformed\"><td>3</td><td>1-12</td><td>&lt;b onmouseover=alert(2)&gt;school</td>"))
        #expect(html.contains("<text x=\"388\" y=\"81\" font-size=\"11\">P2&quot;&gt;&lt;script&gt;x&lt;/script&gt;</text>"))
    }

    @Test func theCalendarIsTheSameBytesEveryTime() async throws {
        let (_, first) = try await Self.build(["app.md": Self.apprenticeship])
        let (_, second) = try await Self.build(["app.md": Self.apprenticeship])
        #expect(Self.page("documents/app.html", of: first) == Self.page("documents/app.html", of: second))
    }

    @Test func aFormatValueIsNotReadAgain() {
        let strings = SiteStrings(lang: "zh-CN")
        #expect(strings.format("enterpriseShareSentence", ["weeks": "{total}", "total": "40", "share": "{weeks}"]) == "在企业 {total} 周，占安排总周数 40 周的 {weeks}")
        #expect(SiteStrings(lang: "en").format("semesterNumber", ["n": "3"]) == "Semester 3")
    }

    // MARK: Training, facility, programme

    static let jobAndCourse = [
        "jobs/operator.md": """
            ---
            id: JOB-OP
            kind: job-profile
            title: 机器人操作员
            ---

            # 机器人操作员

            ## 职业能力要求

            - **R1** 能完成开班点检。 {level=3}
            - **R2** 能修改示教点位。 {level=4}

            """,
        "courses/prog.md": """
            ---
            id: COURSE-PROG
            kind: course
            title: 现场编程
            ---

            # 现场编程

            ### **U1** 开班点检 {hours=8}
            ### **U2** 示教编程 {hours=24}

            """,
    ]

    @Test func aTrainingListsItsModulesWithCoverageReuseAndTheSum() async throws {
        let training = """
            ---
            id: TRN-UP
            kind: training
            title: 岗位提升培训
            enterprise: hnauto
            provider: yhzy
            trainees: {post: JOB-OP, count: 40}
            hours: 60
            ---

            # 岗位提升培训

            ## 培训模块与学时

            - **TM1** 点检复训 → JOB-OP#R1, COURSE-PROG#U1 {hours=16}
            - **TM2** 示教编程提升 → JOB-OP#R2, COURSE-PROG#U2, COURSE-PROG {hours=48}
            - **T1** 不是模块 {hours=100}

            """
        let (project, site) = try await Self.build(Self.jobAndCourse.merging(["train.md": training]) { first, _ in first })
        let panel = TrainingPanel(try #require(project.document("TRN-UP")), page: "documents/train.html", site: site)
        #expect(panel.modules.map(\.id) == ["TM1", "TM2"])
        #expect(panel.modules.map(\.hours) == [16, 48])
        #expect(panel.moduleHours == 64)
        #expect(panel.declaredHours == 60)
        #expect(panel.modules[1].covers.map(\.label) == ["JOB-OP#R2"])
        #expect(panel.modules[1].covers.map(\.url) == ["jobs/operator.html#R2"])
        #expect(panel.modules[1].reuses.map(\.label) == ["COURSE-PROG#U2", "COURSE-PROG"])
        #expect(panel.modules[1].reuses.map(\.url) == ["courses/prog.html#U2", "courses/prog.html"])
        let html = Self.page("documents/train.html", of: site)
        #expect(html.contains("<tr><td><a href=\"#TM1\">TM1</a></td><td>点检复训</td><td class=\"number\">16</td><td><a class=\"ref\" href=\"jobs/operator.html#R1\" title=\"机器人操作员: 能完成开班点检。\">JOB-OP#R1</a></td><td><a class=\"ref\" href=\"courses/prog.html#U1\" title=\"现场编程: 开班点检\">COURSE-PROG#U1</a></td></tr>"))
        #expect(html.contains("<tfoot><tr><th colspan=\"2\">合计</th><td class=\"number\">64</td><td colspan=\"2\"><span class=\"sum-differs\">培训总学时为 60，与模块合计不符</span></td></tr></tfoot>"))
        #expect(html.contains("<dt>培训对象</dt><dd>机器人操作员（JOB-OP），40人</dd>"))
        #expect(html.contains("<dt>培训学时</dt><dd>60</dd>"))
        #expect(html.contains("<dt>培训实施单位</dt><dd>华南工业职业技术学院</dd>"))
    }

    static let programme = """
        ---
        id: PROG-R
        kind: programme
        title: 工业机器人技术专业人才培养方案
        cohort: {year: 2026, size: 90, class_size: 45}
        elective_groups:
          - {id: G1, title: 智能制造拓展, choose_credits: 4}
        courses:
          - {id: COURSE-PROG, category: professional-core, semester: 3, hours: {theory: 24, practice: 40}, credits: 4, assessment: exam, location: alternating}
          - {id: COURSE-VISION, category: professional-elective, semester: 4, hours: {theory: 16, practice: 16}, credits: 2, assessment: test, group: G1}
          - {id: COURSE-PLC, category: professional-elective, semester: 4, hours: {theory: 16, practice: 32}, credits: 3, group: G1}
          - {id: PRACTICE-TOP, category: practice, semester: 6, hours: {theory: 0, practice: 576}, credits: 24, weeks: 24, location: enterprise}
        ---

        # 工业机器人技术专业人才培养方案

        """

    @Test func aFacilityStatesItsCapacityAndWhetherEachClassFits() async throws {
        let facility = """
            ---
            id: LAB-WS
            kind: facility
            title: 工作站实训室
            owner: yhzy
            shared_with: [hnauto]
            location: school
            stations: 12
            seats_per_station: 2
            courses: [COURSE-PROG, COURSE-OTHER]
            ---

            # 工作站实训室

            """
        let (project, site) = try await Self.build(Self.jobAndCourse.merging(["lab.md": facility, "programme.md": Self.programme]) { first, _ in first })
        let panel = FacilityPanel(try #require(project.document("LAB-WS")), page: "documents/lab.html", site: site)
        #expect(panel.capacity == 24)
        #expect(panel.courses.map(\.classSize) == [45, nil])
        #expect(panel.courses.map(\.suffices) == [false, nil])
        #expect(panel.courses.map(\.link.url) == ["courses/prog.html", nil])
        let html = Self.page("documents/lab.html", of: site)
        #expect(html.contains("<p class=\"capacity\">12 个工位 × 每工位 2 人 = 可同时容纳 24 人</p>"))
        #expect(html.contains("<tr><td><a class=\"ref\" href=\"courses/prog.html\" title=\"现场编程\">现场编程（COURSE-PROG）</a></td><td><a class=\"ref\" href=\"programme.html\" title=\"工业机器人技术专业人才培养方案\">工业机器人技术专业人才培养方案（PROG-R）</a></td><td class=\"number\">45</td><td><span class=\"sum-differs\">不足，差 21 人</span></td></tr>"))
        #expect(html.contains("<tr><td><span class=\"ref unresolved\">COURSE-OTHER</span></td><td>—</td><td class=\"number\">—</td><td>—</td></tr>"))
        #expect(html.contains("<dt>共享单位</dt><dd>华南汽车制造有限公司</dd>"))
        #expect(html.contains("<dt>地点</dt><dd>学校</dd>"))
    }

    @Test func aProgrammeShowsItsCohortElectiveGroupsAndArrangement() async throws {
        let (project, site) = try await Self.build(Self.jobAndCourse.merging(["programme.md": Self.programme]) { first, _ in first })
        let panel = ProgrammePanel(try #require(project.document("PROG-R")), page: "documents/programme.html", site: site)
        #expect(panel.groups.map(\.id) == ["G1"])
        #expect(panel.groups.first?.courses.map { $0.link.label } == ["COURSE-VISION", "COURSE-PLC"])
        #expect(panel.groups.first?.offeredCredits == 5)
        #expect(panel.rows.map(\.assessment) == ["考试", "考查", "", ""])
        #expect(panel.rows.map(\.weeks) == ["", "", "", "24"])
        #expect(panel.rows.map(\.location) == ["工学交替", "", "", "企业"])
        #expect(panel.rows.map(\.group) == ["", "智能制造拓展", "智能制造拓展", ""])
        let html = Self.page("documents/programme.html", of: site)
        #expect(html.contains("<tr><td>智能制造拓展 <code>G1</code></td><td class=\"number\">4</td><td><span class=\"ref unresolved\">COURSE-VISION</span>（2）、<span class=\"ref unresolved\">COURSE-PLC</span>（3）</td><td class=\"number\">5</td></tr>"))
        #expect(html.contains("<tr><td><a class=\"ref\" href=\"courses/prog.html\" title=\"现场编程\">现场编程（COURSE-PROG）</a></td><td>3</td><td>64</td><td>4</td><td>考试</td><td></td><td>工学交替</td><td></td></tr>"))
        #expect(html.contains("<dt>年级与规模</dt><dd>2026级，90人，每班45人</dd>"))
        #expect(!html.contains("<dt>elective_groups</dt>"))
    }

    /// A programme that states none of the new fields has no panel: the page is as before.
    @Test func aProgrammeWithoutTheNewFieldsHasNoPanel() async throws {
        let plain = Self.programme.replacingOccurrences(of: ", assessment: exam, location: alternating", with: "")
            .replacingOccurrences(of: ", assessment: test, group: G1", with: "")
            .replacingOccurrences(of: ", group: G1", with: "")
            .replacingOccurrences(of: ", weeks: 24, location: enterprise", with: "")
            .replacingOccurrences(of: "elective_groups:\n  - {id: G1, title: 智能制造拓展, choose_credits: 4}\n", with: "")
        let (_, site) = try await Self.build(["programme.md": plain])
        let html = Self.page("documents/programme.html", of: site)
        #expect(!html.contains("<div class=\"cooperation\">"))
        #expect(html.contains("<div class=\"body\">"))
    }

    // MARK: Parties

    @Test func aJointBodyShowsItsKindMembersAndRegion() async throws {
        let (project, site) = try await Self.build([:])
        #expect(project.config.parties.map(\.kind) == [.school, .enterprise, .joint])
        #expect(project.config.parties.last?.members == ["yhzy", "hnauto"])
        let index = Self.page("index.html", of: site)
        #expect(index.contains("<tr><td><code>hn-college</code></td><td>华南汽车产业学院<div class=\"members\">成员单位：华南工业职业技术学院、华南汽车制造有限公司</div><div class=\"region\">行政区划：440100</div></td><td>共建机构</td></tr>"))
        #expect(index.contains("<tr><td><code>hnauto</code></td><td>华南汽车制造有限公司</td><td>企业</td></tr>"))

        let english = Self.config.replacingOccurrences(of: "lang: zh-CN", with: "lang: en").replacingOccurrences(of: "kind: joint", with: "kind: group")
        let (_, englishSite) = try await Self.build([:], config: english)
        let englishIndex = Self.page("index.html", of: englishSite)
        #expect(englishIndex.contains("<div class=\"members\">Members: 华南工业职业技术学院、华南汽车制造有限公司</div><div class=\"region\">Region: 440100</div></td><td>vocational education group</td></tr>"))
    }

    /// An approval or a list of parties names a joint body with its kind: its approval stands
    /// for its members.
    @Test func anApprovalByAJointBodySaysWhatItIs() async throws {
        let course = """
            ---
            id: COURSE-X
            kind: course
            title: 现场编程
            parties: [yhzy, hn-college]
            approvals:
              - {party: hn-college, version: 1.0.0, digest: "3fa9", by: 王工, date: 2026-11-20}
            ---

            # 现场编程

            """
        let (_, site) = try await Self.build(["x.md": course])
        let html = Self.page("documents/x.html", of: site)
        #expect(html.contains("<dt>参与审批单位</dt><dd>华南工业职业技术学院、华南汽车产业学院（共建机构）</dd>"))
        #expect(html.contains("<li><strong>华南汽车产业学院（共建机构）</strong> v1.0.0 — 审批人 王工, 2026-11-20 <span class=\"stale\">"))
    }

    @Test func anEnglishProjectHasAnEnglishCalendar() async throws {
        let english = Self.config.replacingOccurrences(of: "lang: zh-CN", with: "lang: en")
        let (_, site) = try await Self.build(["app.md": Self.apprenticeship], config: english)
        let html = Self.page("documents/app.html", of: site)
        #expect(html.contains("<h2>Alternation calendar</h2>\n<p class=\"enterprise-share\">At the enterprise 16 of 40 scheduled weeks (40%)</p>"))
        #expect(html.contains("aria-label=\"semester 3, weeks 1–12: school; semester 3, weeks 13–20: enterprise (P1 焊装线机器人操作岗, P2 焊装线换型调试岗); "))
        #expect(html.contains("<text x=\"0\" y=\"44\" font-size=\"13\">Semester 3</text>"))
        #expect(html.contains("<thead><tr><th>Semester</th><th>Weeks</th><th>Place</th><th>Number of weeks</th><th>Posts</th></tr></thead>"))
        #expect(html.contains("<dt>Cohort</dt><dd>2026 intake, 30 students</dd>"))
        #expect(html.contains("<dt>Mentor ratio</dt><dd>at most 5 apprentices per mentor</dd>"))
    }

    /// The browser test's project builds the three cooperation pages with their content,
    /// whether or not the check knows the kinds yet.
    @Test func theBrowserFixtureHasEveryCooperationPage() async throws {
        let site = try await SiteBuilderTests.site(of: SiteBuilderTests.repository.appendingPathComponent("Tests/Browser/cooperation"))
        let apprenticeship = SiteBuilderTests.text(site["documents/cooperation/apprenticeship.html"])
        #expect(apprenticeship.components(separatedBy: "<rect class=\"bar ").count - 1 == 4)
        #expect(apprenticeship.contains("在企业 16 周，占安排总周数 40 周的 40%"))
        #expect(SiteBuilderTests.text(site["documents/cooperation/training.html"]).contains("<span class=\"sum-ok\">与培训总学时 64 一致</span>"))
        #expect(SiteBuilderTests.text(site["documents/cooperation/facility.html"]).contains("<p class=\"capacity\">16 个工位 × 每工位 3 人 = 可同时容纳 48 人</p>"))
        #expect(SiteBuilderTests.text(site["index.html"]).contains("<h3>现代学徒制培养方案 <span class=\"count\">1</span></h3>"))
    }
}
