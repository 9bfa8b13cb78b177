import Foundation
import ArgumentParser
import StdKitSyntax

/// The files of a new project, in Chinese or English: settings, git attributes, and a first
/// job profile, course, programme, material and certificate that reference each other.
enum ProjectTemplate {
    enum Language: String, ExpressibleByArgument, CaseIterable {
        case chinese = "zh-CN"
        case english = "en"
    }

    /// Path → content, in the order they are written.
    static func files(language: Language, name: String) -> [(String, String)] {
        let common: [(String, String)] = [
            (".gitattributes", """
                # stdkit's semantic diff and merge for documents; 'stdkit git install' sets up the drivers.
                *.md diff=stdkit merge=stdkit
                .stdkit/links.lock merge=stdkit

                """),
            (".gitignore", "_site/\n_case/\n.stdkit/cache/\n"),
        ]
        switch language {
        case .chinese: return common + chinese(name: name)
        case .english: return common + english(name: name)
        }
    }

    private static func chinese(name: String) -> [(String, String)] {
        [
            ("stdkit.yml", settings(name: name, lang: "zh-CN", school: ("school", "示例职业技术学院"),
                                    enterprise: ("enterprise", "示例合作企业"))),
            ("jobs/example-job.md", """
                ---
                id: JOB-EXAMPLE
                kind: job-profile
                title: 示例岗位
                version: 0.1.0
                status: draft
                owner: enterprise
                parties: [school, enterprise]
                ---

                # 示例岗位

                ## 典型工作任务

                - **T1** 按作业指导书完成设备的日常点检与记录。

                ## 职业能力要求

                - **R1** 能按照安全规程完成设备开机、回原点与急停测试。 {level=3}
                - **R2** 能识读设备说明书并记录运行参数。 {level=2}

                """),
            ("courses/example-course.md", """
                ---
                id: COURSE-EXAMPLE
                kind: course
                title: 示例课程
                version: 0.1.0
                status: draft
                owner: school
                parties: [school, enterprise]
                code: "000001"
                hours: {theory: 16, practice: 16}
                credits: 2
                semester: 1
                category: professional-core
                prerequisites: []
                ---

                # 示例课程

                ## 课程性质与任务

                本课程是专业核心课程，培养学生安全操作设备的能力。

                ## 课程目标

                - **LO1** 能完成设备的安全开机与急停测试 → JOB-EXAMPLE#R1, PROG-EXAMPLE#S1 {level=3}
                - **LO2** 能记录并分析设备运行参数 → JOB-EXAMPLE#R2 {level=2}

                ## 课程内容与学时分配

                ### **U1** 安全规程与开机操作 {hours=16}

                ### **U2** 运行参数记录 {hours=16}

                ## 考核评价

                过程考核占 60%，期末实操考核占 40%。

                """),
            ("programme/programme.md", """
                ---
                id: PROG-EXAMPLE
                kind: programme
                title: \(YAMLScalar.doubleQuoted(name))
                version: 0.1.0
                status: draft
                owner: school
                parties: [school, enterprise]
                major: {name: 示例专业, code: "000000"}
                duration: 3
                occupations: [JOB-EXAMPLE]
                total_hours: 32
                credits: 2
                courses:
                  - {id: COURSE-EXAMPLE, category: professional-core, semester: 1, hours: {theory: 16, practice: 16}, credits: 2}
                ---

                # \(name)

                ## 专业名称及代码

                示例专业（000000）。

                ## 入学要求

                中等职业学校毕业、普通高级中学毕业或具备同等学力。

                ## 修业年限

                三年。

                ## 职业面向

                面向示例岗位（JOB-EXAMPLE）。

                ## 培养目标

                培养能够安全操作与维护设备的高素质技术技能人才。

                ## 培养规格

                - **S1** 具有安全生产意识，能规范操作设备。

                ## 课程设置及学时安排

                | 课程 | 类别 | 学期 | 理论 | 实践 | 学分 |
                | --- | --- | --- | --- | --- | --- |
                | 示例课程 | 专业核心课 | 1 | 16 | 16 | 2 |

                ## 师资队伍

                专任教师与企业兼职教师共同任教。

                ## 教学条件

                具备设备实训室。

                ## 质量保障

                校企共同开展教学质量评价。

                ## 毕业要求

                修满规定学分。

                """),
            ("materials/example-manual.md", """
                ---
                id: MAT-EXAMPLE
                kind: material
                title: 示例实训指导书
                version: 0.1.0
                status: draft
                owner: school
                material_type: training-manual
                authors: [示例作者]
                supports: [COURSE-EXAMPLE]
                ---

                # 示例实训指导书

                - **C1** 实训一：安全开机与急停测试 → COURSE-EXAMPLE#U1, COURSE-EXAMPLE#LO1

                """),
            ("certificates/example-certificate.md", """
                ---
                id: CERT-EXAMPLE
                kind: certificate
                title: 示例职业技能等级标准
                version: 0.1.0
                status: draft
                owner: enterprise
                levels: [初级]
                ---

                # 示例职业技能等级标准

                ## 适用范围

                适用于示例岗位的技能等级认定。

                ## 职业技能等级要求

                ### **WA1** 设备操作

                - **T1-1** 设备开机
                  - **SK1-1-1** 能完成设备开机与急停测试。 {level=初级}

                """),
        ]
    }

    private static func english(name: String) -> [(String, String)] {
        [
            ("stdkit.yml", settings(name: name, lang: "en", school: ("college", "Example College"),
                                    enterprise: ("company", "Example Company"))),
            ("jobs/example-job.md", """
                ---
                id: JOB-EXAMPLE
                kind: job-profile
                title: Example job
                version: 0.1.0
                status: draft
                owner: company
                parties: [college, company]
                ---

                # Example job

                ## Typical work tasks

                - **T1** Carry out the daily inspection of the equipment and record it.

                ## Competence requirements

                - **R1** Start up the equipment, home it and test the emergency stop, following the safety rules. {level=3}
                - **R2** Read the equipment manual and record operating parameters. {level=2}

                """),
            ("courses/example-course.md", """
                ---
                id: COURSE-EXAMPLE
                kind: course
                title: Example course
                version: 0.1.0
                status: draft
                owner: college
                parties: [college, company]
                code: "000001"
                hours: {theory: 16, practice: 16}
                credits: 2
                semester: 1
                category: professional-core
                ---

                # Example course

                ## Course description

                A core course on operating equipment safely.

                ## Learning outcomes

                - **LO1** Start up and test the equipment safely → JOB-EXAMPLE#R1, PROG-EXAMPLE#S1 {level=3}
                - **LO2** Record and interpret operating parameters → JOB-EXAMPLE#R2 {level=2}

                ## Teaching units

                ### **U1** Safety rules and start-up {hours=16}

                ### **U2** Recording parameters {hours=16}

                ## Assessment

                Coursework 60 %, practical examination 40 %.

                """),
            ("programme/programme.md", """
                ---
                id: PROG-EXAMPLE
                kind: programme
                title: \(YAMLScalar.doubleQuoted(name))
                version: 0.1.0
                status: draft
                owner: college
                parties: [college, company]
                major: {name: Example programme, code: "000000"}
                duration: 3
                occupations: [JOB-EXAMPLE]
                total_hours: 32
                credits: 2
                courses:
                  - {id: COURSE-EXAMPLE, category: professional-core, semester: 1, hours: {theory: 16, practice: 16}, credits: 2}
                ---

                # \(name)

                ## Programme name and code

                Example programme (000000).

                ## Admission requirements

                Secondary school graduates.

                ## Duration of study

                Three years.

                ## Occupational orientation

                The example job (JOB-EXAMPLE).

                ## Training objectives

                Technicians who operate and maintain the equipment safely.

                ## Training specifications

                - **S1** Works safely and operates the equipment by the rules.

                ## Curriculum and hours

                | Course | Category | Semester | Theory | Practice | Credits |
                | --- | --- | --- | --- | --- | --- |
                | Example course | professional core | 1 | 16 | 16 | 2 |

                ## Teaching staff

                College teachers and company trainers.

                ## Teaching conditions

                An equipment workshop.

                ## Quality assurance

                College and company review the teaching together.

                ## Graduation requirements

                All credits earned.

                """),
            ("materials/example-manual.md", """
                ---
                id: MAT-EXAMPLE
                kind: material
                title: Example training manual
                version: 0.1.0
                status: draft
                owner: college
                material_type: training-manual
                authors: [Example Author]
                supports: [COURSE-EXAMPLE]
                ---

                # Example training manual

                - **C1** Exercise 1: start-up and emergency stop → COURSE-EXAMPLE#U1, COURSE-EXAMPLE#LO1

                """),
            ("certificates/example-certificate.md", """
                ---
                id: CERT-EXAMPLE
                kind: certificate
                title: Example skill certificate
                version: 0.1.0
                status: draft
                owner: company
                levels: [elementary]
                ---

                # Example skill certificate

                ## Scope

                Skill levels for the example job.

                ## Skill requirements

                ### **WA1** Operating the equipment

                - **T1-1** Start-up
                  - **SK1-1-1** Start up the equipment and test the emergency stop. {level=elementary}

                """),
        ]
    }

    /// `stdkit.yml` with one school and one enterprise.
    private static func settings(name: String, lang: String, school: (id: String, name: String), enterprise: (id: String, name: String)) -> String {
        """
        name: \(YAMLScalar.doubleQuoted(name))
        lang: \(lang)
        parties:
          - id: \(school.id)
            name: \(school.name)
            kind: school
          - id: \(enterprise.id)
            name: \(enterprise.name)
            kind: enterprise
        include: ["**/*.md"]
        exclude: ["_site/**", "README.md"]
        publish:
          title: \(YAMLScalar.doubleQuoted(name))
          output: _site

        """
    }
}
