import Foundation
import Testing
import StdKitCheck
import StdKitInterop
import StdKitModel
import StdKitSyntax
@testable import StdKitOffice

/// The guesses of `stdkit import docx` on paragraphs and tables built here: sections from the
/// numbers typed in 正文 or from heading styles, items, tables with merges, front matter, and
/// the report of each.
@Suite("Word import")
struct WordImportTests {
    typealias P = WordImportSource.Paragraph
    typealias Cell = WordImportSource.Cell

    static let config = """
        name: 工业机器人技术
        lang: zh-CN
        parties:
          - {id: szpt, name: 深圳某职业技术学院, kind: school}
          - {id: acme, name: 某汽车制造有限公司, kind: enterprise}
        """

    /// The kind's template as `stdkit import` makes it in a project with `config`.
    static func template(_ kind: String) async throws -> DocumentTemplate {
        let project = try await ProjectLoader.load(files: ["stdkit.yml": Array(config.utf8)])
        var schema = try #require(project.schemas.schema(for: kind))
        schema.sections = project.expectedSections(ofKind: kind)
        return DocumentTemplate(schema: schema, config: project.config)
    }

    @Test(arguments: [
        ("一、专业名称及代码", 1, 1, "一、", "专业名称及代码"), ("十二、附录", 1, 12, "十二、", "附录"), ("二十一、x", 1, 21, "二十一、", "x"),
        ("（二）知识", 2, 2, "（二）", "知识"), ("(三) 能力", 2, 3, "(三)", "能力"), ("1.具有", 3, 1, "1.", "具有"),
        ("12．掌握", 3, 12, "12．", "掌握"), ("3、能够", 3, 3, "3、", "能够"), ("（1）能", 4, 1, "（1）", "能"),
        ("(10)能", 4, 10, "(10)", "能"), ("②熟悉", 5, 2, "②", "熟悉"), ("\u{3000}四、 培养规格", 1, 4, "四、", "培养规格"),
    ] as [(String, Int, Int, String, String)])
    func numbersOfTheOfficialScheme(text: String, level: Int, value: Int, label: String, rest: String) {
        #expect(NumberedLine.parse(text) == NumberedLine(level: level, value: value, label: label, rest: rest))
    }

    @Test(arguments: ["1.5倍", "2026年", "一是", "3.2.1 范围", "（注）", "十十、", "100.x", "（）", "培养规格", ""])
    func notNumbers(text: String) {
        #expect(NumberedLine.parse(text) == nil)
    }

    @Test func chineseNumeralsBothWays() {
        #expect((1...99).allSatisfy { NumberedLine.chineseValue(Substring(NumberedLine.chinese($0))) == $0 })
        #expect(NumberedLine.chinese(10) == "十")
        #expect(NumberedLine.chinese(23) == "二十三")
        #expect(NumberedLine.circled(3) == "③")
    }

    @Test(arguments: [
        ("工业机器人技术专业人才培养方案", "programme"), ("工业机器人技术专业教学标准", "programme"), ("《PLC应用技术》课程标准", "course"),
        ("工业机器人技术专业《PLC应用技术》课程标准", "course"), ("焊接机器人操作员岗位能力标准", "job-profile"),
        ("Industrial Robotics Programme", "programme"), ("会议纪要", nil),
    ] as [(String, String?)])
    func kindsFromTitles(title: String, kind: String?) {
        #expect(WordImport.guessKind(fromTitle: title) == kind)
    }

    /// A programme as schools write it: everything 正文, numbers typed, one heading numbered by
    /// Word, a table with cells merged down and across.
    static let zhengwen = WordImportSource(blocks: [
        .paragraph(P("工业机器人技术专业人才培养方案", bold: true)),
        .paragraph(P("一、专业名称及代码", bold: true)),
        .paragraph(P("专业名称：工业机器人技术")),
        .paragraph(P("专业代码：460305")),
        .paragraph(P("二、入学要求", bold: true)),
        .paragraph(P("普通高级中学毕业、中等职业学校毕业或具备同等学力。")),
        .paragraph(P("三、修业年限", bold: true)),
        .paragraph(P("基本修业年限三年。")),
        .paragraph(P("四、培养规格", bold: true)),
        .paragraph(P("（一）素质")),
        .paragraph(P("1.坚定拥护中国共产党领导。")),
        .paragraph(P("2.具有质量意识、环保意识和安全意识。")),
        .paragraph(P("（二）知识")),
        .paragraph(P("1.掌握机械制图与电工电子基础知识。")),
        .paragraph(P("能力", autoNumber: "（三）")),
        .paragraph(P("1.能够完成工业机器人的示教编程 → 调试。")),
        .paragraph(P("五、课程设置及学时安排", bold: true)),
        .paragraph(P("本专业总学时为2568学时，总学分138学分。")),
        .table(.init(rows: [
            [Cell(["课程类别"]), Cell(["课程名称"]), Cell(["学时"])],
            [Cell(["专业核心课"], merge: .restart), Cell(["工业机器人编程", "（含实训）"]), Cell(["80"])],
            [Cell([""], merge: .continue), Cell(["PLC|应用技术"]), Cell(["80"])],
            [Cell(["合计"], span: 2), Cell(["2568"])],
        ])),
        .paragraph(P("1.公共基础课程包括思想政治、体育等。")),
        .paragraph(P("（一）教学要求较高时应当增加实践课时比例，具体安排由教研室根据实际情况确定。")),
        .paragraph(P("", images: [.init(part: "word/media/image1.png", description: "课程体系图")])),
    ])

    @Test func aProgrammeInZhengwen() async throws {
        let result = WordImport(template: try await Self.template("programme")).document(from: Self.zhengwen, fileName: "方案")
        #expect(result.document.id == "PROG-460305")
        #expect(result.document.kind == "programme")
        #expect(result.document.text == """
            ---
            id: PROG-460305
            kind: programme
            title: 工业机器人技术专业人才培养方案
            version: 0.1.0
            status: draft
            owner: szpt
            parties: [szpt, acme]
            major: {name: 工业机器人技术, code: "460305"}
            duration: 3
            total_hours: 2568
            credits: 138
            ---

            # 工业机器人技术专业人才培养方案

            ## 专业名称及代码

            专业名称：工业机器人技术

            专业代码：460305

            ## 入学要求

            普通高级中学毕业、中等职业学校毕业或具备同等学力。

            ## 修业年限

            基本修业年限三年。

            ## 培养规格

            ### 素质

            - **S1** 坚定拥护中国共产党领导。
            - **S2** 具有质量意识、环保意识和安全意识。

            ### 知识

            - **S3** 掌握机械制图与电工电子基础知识。

            ### 能力

            - **S4** 能够完成工业机器人的示教编程 &#8594; 调试。

            ## 课程设置及学时安排

            本专业总学时为2568学时，总学分138学分。

            | 课程类别 | 课程名称 | 学时 |
            | --- | --- | --- |
            | 专业核心课 | 工业机器人编程；（含实训） | 80 |
            | 专业核心课 | PLC\\|应用技术 | 80 |
            | 合计 | 合计 | 2568 |

            1. 公共基础课程包括思想政治、体育等。

            - （一）教学要求较高时应当增加实践课时比例，具体安排由教研室根据实际情况确定。

            ![课程体系图](prog-460305-images/image1.png)

            """)
        #expect(result.images.map(\.part) == ["word/media/image1.png"])
        #expect(result.images.map(\.path) == ["prog-460305-images/image1.png"])
        #expect(result.document.items.map(\.id) == ["S1", "S2", "S3", "S4"])
        #expect(result.report.map { $0.text(in: .zhCN) } == [
            "标题“工业机器人技术专业人才培养方案”：第 1 段",
            "章节：没有标题样式（全部为正文），按段首编号推断：一、为一级，（一）为二级，1. 为三级，（1）为四级",
            "第 2 段：“一、专业名称及代码”作为 1 级标题“专业名称及代码”（已去掉编号 一、；stdkit 自行编号）",
            "第 5 段：“二、入学要求”作为 1 级标题“入学要求”（已去掉编号 二、；stdkit 自行编号）",
            "第 7 段：“三、修业年限”作为 1 级标题“修业年限”（已去掉编号 三、；stdkit 自行编号）",
            "第 9 段：“四、培养规格”作为 1 级标题“培养规格”（已去掉编号 四、；stdkit 自行编号）",
            "第 10 段：“（一）素质”作为 2 级标题“素质”（已去掉编号 （一）；stdkit 自行编号）",
            "第 13 段：“（二）知识”作为 2 级标题“知识”（已去掉编号 （二）；stdkit 自行编号）",
            "第 15 段：“（三）能力”（Word 自动编号）作为 2 级标题“能力”（已去掉编号 （三））",
            "第 17 段：“五、课程设置及学时安排”作为 1 级标题“课程设置及学时安排”（已去掉编号 五、；stdkit 自行编号）",
            "第 20 段：“（一）教学要求较高时应当增加实践课时比例，具…”开头像标题，但读来是句子（较长或以标点结尾）：保留为正文",
            "编号 PROG-460305：由代码 460305 生成",
            "major.name：工业机器人技术，取自第 3 段（“专业名称：工业机器人技术”）",
            "major.code：460305，取自第 4 段（“专业代码：460305”）",
            "duration：3，取自第 8 段（“基本修业年限三年。”）",
            "total_hours：2568，取自第 18 段（“本专业总学时为2568学时，总学分138学分。”）",
            "credits：138，取自第 18 段（“本专业总学时为2568学时，总学分138学分。”）",
            "表 1：“专业核心课”纵跨第 1 列第 2–3 行：每格重复",
            "表 1：“合计”横跨第 4 行第 1–2 列：每格重复",
            "表 1：1 个单元格含多个段落：以“；”合为一行",
            "图片 word/media/image1.png：保存为 prog-460305-images/image1.png",
            "章节“培养规格”：4 条编号行成为条目 S1–S4",
            "章节“培养规格”：条目按原顺序在各组（素质、知识、能力）间连续编号（Word 中每组重新编号）",
            "2 条编号行不在含条目的章节中：保留为列表项",
        ])
    }

    /// The imported programme in a small project: `stdkit check` reads it — kind, sections and
    /// items recognised — and reports only what the Word text does not state.
    @Test func theImportedProgrammeIsReadByTheCheck() async throws {
        let result = WordImport(template: try await Self.template("programme")).document(from: Self.zhengwen, fileName: "方案")
        let files: [String: String] = ["stdkit.yml": Self.config, "programme/prog-460305.md": result.document.text]
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) }, otherFiles: ["programme/prog-460305-images/image1.png"])
        let document = try #require(project.documents.first { $0.id == "PROG-460305" })
        #expect(document.kind == "programme")
        #expect(document.items.map(\.id) == ["S1", "S2", "S3", "S4"])
        let findings = Checker().check(project).diagnostics.map { "\($0.file):\($0.location.line) \($0.rule) \($0.message.english)" }
        // The sections the Word text did not have, and specifications no course serves yet.
        #expect(findings == [
            "programme/prog-460305.md:27 missing-section programme PROG-460305 has no section '培养目标' (Training objectives)",
            "programme/prog-460305.md:27 missing-section programme PROG-460305 has no section '职业面向' (Occupational orientation)",
            "programme/prog-460305.md:35 unserved-specification training specification PROG-460305#S1 is served by no course outcome",
            "programme/prog-460305.md:36 unserved-specification training specification PROG-460305#S2 is served by no course outcome",
            "programme/prog-460305.md:40 unserved-specification training specification PROG-460305#S3 is served by no course outcome",
            "programme/prog-460305.md:44 unserved-specification training specification PROG-460305#S4 is served by no course outcome",
            "programme/prog-460305.md:46 missing-section programme PROG-460305 has no section '师资队伍' (Teaching staff)",
            "programme/prog-460305.md:46 missing-section programme PROG-460305 has no section '教学条件' (Teaching conditions)",
            "programme/prog-460305.md:46 missing-section programme PROG-460305 has no section '毕业要求' (Graduation requirements)",
            "programme/prog-460305.md:46 missing-section programme PROG-460305 has no section '质量保障' (Quality assurance)",
        ])
    }

    /// A course written with heading styles and Word's automatic numbering: sections by style,
    /// the numbered outcomes as items, code, hours and credits from one line.
    @Test func aCourseWithHeadingStyles() async throws {
        let source = WordImportSource(blocks: [
            .paragraph(P("《PLC应用技术》课程标准")),
            .paragraph(P("课程代码：ZY0301\u{3000}学时：64（理论32，实践32）\u{3000}学分：4")),
            .paragraph(P("课程性质与任务", headingLevel: 1)),
            .paragraph(P("本课程是工业机器人技术专业的核心课程。")),
            .paragraph(P("课程目标", autoNumber: "二、", headingLevel: 1)),
            .paragraph(P("能够识读电气原理图；", autoNumber: "1.")),
            .paragraph(P("能够编写梯形图程序。", autoNumber: "2.")),
            .paragraph(P("课程内容与学时分配", headingLevel: 1)),
            .paragraph(P("项目一 PLC 认识", headingLevel: 3)),
            .paragraph(P("1.认识 PLC 的组成。")),
            .paragraph(P("考核评价", headingLevel: 1)),
            .paragraph(P("过程考核占 60%，期末考核占 40%。")),
        ])
        let result = WordImport(template: try await Self.template("course")).document(from: source, fileName: "plc")
        #expect(result.document.text == """
            ---
            id: COURSE-ZY0301
            kind: course
            title: 《PLC应用技术》课程标准
            version: 0.1.0
            status: draft
            owner: szpt
            parties: [szpt, acme]
            code: "ZY0301"
            hours: {theory: 32, practice: 32}
            credits: 4
            ---

            # 《PLC应用技术》课程标准

            课程代码：ZY0301\u{3000}学时：64（理论32，实践32）\u{3000}学分：4

            ## 课程性质与任务

            本课程是工业机器人技术专业的核心课程。

            ## 课程目标

            - **LO1** 能够识读电气原理图；
            - **LO2** 能够编写梯形图程序。

            ## 课程内容与学时分配

            ### 项目一 PLC 认识

            - **U1** 认识 PLC 的组成。

            ## 考核评价

            过程考核占 60%，期末考核占 40%。

            """)
        #expect(result.report.map(\.english) == [
            "title “《PLC应用技术》课程标准”: paragraph 1",
            "sections: from the heading styles",
            "paragraph 5: “二、课程目标” (numbered by Word's automatic numbering) is a level-1 heading “课程目标” (its number 二、 removed)",
            "id COURSE-ZY0301: made from the code ZY0301",
            "code: ZY0301 from paragraph 2 (“课程代码：ZY0301\u{3000}学时：64（理论32，实践32）\u{3000}…”)",
            "hours: theory 32, practice 32 from paragraph 2 (“课程代码：ZY0301\u{3000}学时：64（理论32，实践32）\u{3000}…”)",
            "credits: 4 from paragraph 2 (“课程代码：ZY0301\u{3000}学时：64（理论32，实践32）\u{3000}…”)",
            "section “课程目标”: 2 numbered lines became items LO1–LO2",
            "section “课程内容与学时分配”: its numbered line became item U1",
        ])
        let project = try await ProjectLoader.load(files: ["stdkit.yml": Array(Self.config.utf8), "courses/course-zy0301.md": Array(result.document.text.utf8)])
        // Nothing links the outcomes to requirements yet: the author's next step.
        #expect(Checker().check(project).diagnostics.map { "\($0.file):\($0.location.line) \($0.rule)" } == [
            "courses/course-zy0301.md:24 outcome-covers-nothing", "courses/course-zy0301.md:25 outcome-covers-nothing",
        ])
    }

    /// An image keeps its name unless it is no plain file name or another image has it.
    @Test func imageNames() {
        #expect(WordImport.imageName("word/media/image1.png", taken: []) == "image1.png")
        #expect(WordImport.imageName("word/media2/image1.png", taken: ["image1.png"]) == "image2.png")
        #expect(WordImport.imageName("word/media/..", taken: []) == "image1")
        #expect(WordImport.imageName("word/media/.hidden.png", taken: ["a.png", "image2"]) == "image3")
    }
}
