import Foundation
/// The interface text of the site, in the project's language (zh-CN or en).
struct SiteStrings: Sendable {
    let language: String
    private let table: [String: String]
    /// Every string, for templates (`{{strings.search}}`): English where the language has none.
    let all: [String: String]

    init(lang: String) {
        let chinese = lang.lowercased().hasPrefix("zh")
        language = chinese ? "zh-CN" : "en"
        table = chinese ? Self.chinese : Self.english
        all = Self.english.merging(table) { _, chosen in chosen }
    }

    subscript(key: String) -> String {
        table[key] ?? Self.english[key] ?? key
    }

    /// The name of a document kind.
    func kind(_ kind: String) -> String {
        table["kind." + kind] ?? kind
    }

    /// The name of a status.
    func status(_ status: String) -> String {
        table["status." + status] ?? status
    }

    /// The name of a course category.
    func category(_ category: String) -> String {
        table["category." + category] ?? category
    }

    /// The label of a front-matter field: a known one in the site's language, else its name.
    func field(_ name: String) -> String {
        table["field." + name] ?? name
    }

    /// A place or location (`school`, `enterprise`, `alternating`) in words, else as written.
    func place(_ place: String) -> String {
        table["place." + place] ?? place
    }

    /// A course entry's assessment (`exam` 考试, `test` 考查) in words, else as written.
    func assessment(_ assessment: String) -> String {
        table["assessment." + assessment] ?? assessment
    }

    /// The string `key` with each `{name}` replaced by its value, in one pass: a value that
    /// holds a `{…}` of its own (a title from a document) is not read again.
    func format(_ key: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = self[key][...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }


    static let english: [String: String] = [
        "home": "Home", "documents": "Documents", "matrix": "Traceability matrix", "search": "Search",
        "searchPlaceholder": "Search titles, items and text", "searchNoResults": "No results", "searchResults": "results",
        "parties": "Parties", "party": "Party", "kind": "Kind", "status": "Status", "version": "Version", "owner": "Owner",
        "title": "Title", "id": "Id", "approvals": "Approvals", "approvedBy": "approved by", "staleApproval": "stale: the document changed since", "noApprovals": "No approvals recorded",
        "metadata": "Details", "coveredBy": "Covered by", "usedBy": "Used by", "unresolved": "This reference matches nothing",
        "coverage": "Coverage", "coverageSummary": "requirements and specifications covered", "gaps": "Gaps",
        "noGaps": "Every requirement and specification is covered by at least one outcome.",
        "requirement": "Requirement", "outcomes": "Outcomes", "course": "Course", "courses": "Courses",
        "hoursByCategory": "Hours by course category", "hoursBySemester": "Hours by semester", "practiceShare": "Practice share",
        "theory": "Theory", "practice": "Practice", "hours": "hours", "credits": "Credits", "semester": "Semester",
        "minimum": "minimum", "charts": "Hours and credits", "generatedBy": "Published with stdkit",
        "schoolKind": "school", "enterpriseKind": "enterprise", "authorityKind": "authority", "level": "Level",
        "kind.job-profile": "Job profiles", "kind.programme": "Programme standards", "kind.course": "Course standards",
        "kind.material": "Teaching materials", "kind.certificate": "Skill certificates", "kind.page": "Pages",
        "status.draft": "draft", "status.review": "in review", "status.approved": "approved", "status.published": "published",
        "status.withdrawn": "withdrawn",
        "category.public-basic": "Public basic", "category.professional-basic": "Professional basic",
        "category.professional-core": "Professional core", "category.professional-elective": "Electives", "category.practice": "Practice",
        "legend": "Columns", "covers": "covering outcomes",
        "field.owner": "Owner", "field.parties": "Parties", "field.code": "Code", "field.hours": "Hours (theory / practice)",
        "field.credits": "Credits", "field.semester": "Semester", "field.category": "Category", "field.prerequisites": "Prerequisites",
        "field.occupation": "Occupation code", "field.industry": "Industry code", "field.tags": "Tags", "field.major": "Major",
        "field.duration": "Years of study", "field.admission": "Admission", "field.occupations": "Occupations",
        "field.total_hours": "Total hours", "field.courses": "Courses", "field.supports": "Supports", "field.authors": "Authors",
        "field.isbn": "ISBN", "field.material_type": "Type", "field.issuer": "Issuer", "field.levels": "Levels",
        "field.lang": "Language", "field.replaces": "Replaces",
        // The cooperation kinds and fields (DESIGN §13).
        "kind.apprenticeship": "Apprenticeship plans", "kind.training": "Employee training", "kind.facility": "Training facilities",
        "category.public-elective": "Public electives",
        "jointKind": "co-established body", "groupKind": "vocational education group", "members": "Members", "region": "Region", "colon": ": ", "parenthetical": " ({text})", "enumeration": ", ", "sentenceSeparator": "; ",
        "calendar": "Alternation calendar", "weekAxis": "Week", "semesterNumber": "Semester {n}",
        "calendarEntry": "semester {semester}, weeks {weeks}: {place}",
        "enterpriseShareSentence": "At the enterprise {weeks} of {total} scheduled weeks ({share})",
        "calendarMalformed": "Entries marked “not drawn” have a semester, week range or place that cannot be read; they are listed as written.",
        "weeks": "Weeks", "place": "Place", "weekCount": "Number of weeks", "posts": "Posts", "notDrawn": "not drawn",
        "place.school": "school", "place.enterprise": "enterprise", "place.alternating": "alternating",
        "modules": "Training modules", "module": "Module", "content": "Content", "hoursColumn": "Hours",
        "coversRequirements": "Requirements covered", "reusesUnits": "Course units reused", "total": "Total",
        "declaredHoursMatch": "equals the declared {hours} hours", "declaredHoursDiffer": "the training declares {hours} hours",
        "capacityHeading": "Capacity and courses", "capacitySentence": "{stations} stations × {seats} seats = {capacity} students at once",
        "programmeColumn": "Programme", "classSize": "Class size", "capacitySuffices": "Capacity", "suffices": "sufficient",
        "fallsShort": "short by {missing}",
        "electiveGroups": "Elective groups", "group": "Group", "chooseCredits": "Credits to choose", "offeredCredits": "Credits offered",
        "arrangement": "Course arrangement", "assessment": "Assessment", "assessment.exam": "exam", "assessment.test": "test",
        "weeksColumn": "Weeks (concentrated)", "location": "Location",
        "cohortYear": "{year} intake", "cohortSize": "{size} students", "cohortClassSize": "classes of {size}", "separator": ", ",
        "mentorRatio": "at most {n} apprentices per mentor", "traineeCount": "{n} trainees",
        "field.cohort": "Cohort", "field.recruitment": "Recruitment", "field.mentor_ratio": "Mentor ratio", "field.enterprise": "Enterprise",
        "field.provider": "Provider", "field.programme": "Programme", "field.assessment": "Assessment shares", "field.trainees": "Trainees",
        "field.certificate": "Certificate", "field.shared_with": "Shared with", "field.location": "Location", "field.stations": "Stations",
        "field.seats_per_station": "Seats per station", "field.assessed_by": "Joint assessment", "field.adopted": "Adopted",
        "field.training_hours": "Hours", "field.schedule": "Alternation calendar", "field.elective_groups": "Elective groups",
        // The catalogue over many projects (`stdkit catalogue`, DESIGN §14.3).
        "catalogueTitle": "Catalogue of projects", "catalogueSummary": "{projects} projects, of which {failed} could not be read",
        "catalogueSummaryAll": "{projects} projects", "catalogueSchool": "School / project", "catalogueRegion": "Region",
        "catalogueBatch": "Batch", "catalogueProgramme": "Programme", "catalogueUpstream": "Upstream standard and release",
        "catalogueConformance": "Conformance", "catalogueFindings": "Findings", "catalogueCoverage": "Coverage",
        "catalogueHours": "Total hours", "catalogueCredits": "Credits", "cataloguePractice": "Practice share",
        "cataloguePublicBasic": "Public basic share", "catalogueElective": "Elective share", "catalogueDocuments": "Documents",
        "catalogueFilter": "Filter by school, programme or folder", "catalogueAllRegions": "All regions", "catalogueAllBatches": "All batches",
        "catalogueShownCount": "{shown} of {total} projects shown", "catalogueByRegion": "Projects by province",
        "catalogueByBatch": "Projects by batch", "catalogueUnknown": "not stated", "catalogueNoUpstream": "none declared",
        "catalogueUpstreamMissing": "folder missing", "catalogueFailed": "could not be read", "catalogueErrors": "{n} errors",
        "catalogueWarnings": "{n} warnings", "catalogueNotes": "{n} notes", "catalogueProjectsCount": "{n}",
        "catalogueFilters": "Filters", "catalogueSortHint": "Click a column's header to sort by it",
        "failure.missing-folder": "no such folder", "failure.not-a-folder": "not a folder",
        "failure.not-a-project": "no stdkit.yml: not a stdkit project", "failure.unreadable": "could not be read",
        "family.syntax": "syntax", "family.schema": "schema", "family.identity": "identity", "family.references": "references",
        "family.coverage": "coverage", "family.structure": "structure", "family.arithmetic": "arithmetic", "family.review": "review",
        "family.upstream": "upstream", "family.other": "other",
        "pilotLevel.national": "national", "pilotLevel.provincial": "provincial", "pilotLevel.municipal": "municipal",
        // Upstream standards published in their own section (DESIGN §14.1).
        "upstreams": "Upstream standards", "upstreamBadge": "Upstream standard {id}", "upstreamName": "{name}",
        "upstreamsIntro": "The standards this project implements, as its stdkit.yml follows them: published here in their own section, not documents of this project.",
        "upstreamMissing": "upstream '{id}' is missing ({path}): this links once it is fetched and the site built again",
        "upstreamAbsent": "missing: {path} holds no upstream project (run stdkit check for how to fetch it)",
        "implementedHere": "Implemented here by", "field.implements": "Implements",
    ]

    static let chinese: [String: String] = [
        "home": "首页", "documents": "文件", "matrix": "能力—课程对照矩阵", "search": "搜索",
        "searchPlaceholder": "搜索标题、条目与正文", "searchNoResults": "没有找到结果", "searchResults": "条结果",
        "parties": "参与单位", "party": "单位", "kind": "类型", "status": "状态", "version": "版本", "owner": "负责单位",
        "title": "标题", "id": "编号", "approvals": "审批记录", "approvedBy": "审批人", "staleApproval": "已过期：审批后文档有修改", "noApprovals": "尚无审批记录",
        "metadata": "基本信息", "coveredBy": "覆盖于", "usedBy": "引用于", "unresolved": "该引用没有对应的文件或条目",
        "coverage": "覆盖情况", "coverageSummary": "项能力要求与培养规格已被课程目标覆盖", "gaps": "未覆盖",
        "noGaps": "每一项能力要求与培养规格都至少被一个课程目标覆盖。",
        "requirement": "要求", "outcomes": "课程目标数", "course": "课程", "courses": "课程",
        "hoursByCategory": "各类课程学时", "hoursBySemester": "各学期学时", "practiceShare": "实践教学学时占比",
        "theory": "理论", "practice": "实践", "hours": "学时", "credits": "学分", "semester": "学期",
        "minimum": "最低要求", "charts": "学时与学分", "generatedBy": "由 stdkit 发布",
        "schoolKind": "学校", "enterpriseKind": "企业", "authorityKind": "主管单位", "level": "等级",
        "kind.job-profile": "岗位能力标准", "kind.programme": "专业教学标准", "kind.course": "课程标准",
        "kind.material": "教学资源", "kind.certificate": "职业技能等级标准", "kind.page": "其他页面",
        "status.draft": "草稿", "status.review": "审核中", "status.approved": "已批准", "status.published": "已发布",
        "status.withdrawn": "已废止",
        "category.public-basic": "公共基础课", "category.professional-basic": "专业基础课",
        "category.professional-core": "专业核心课", "category.professional-elective": "专业拓展课（选修）", "category.practice": "集中实践课",
        "legend": "列", "covers": "覆盖该项的课程目标",
        "field.owner": "负责单位", "field.parties": "参与审批单位", "field.code": "代码", "field.hours": "学时（理论/实践）",
        "field.credits": "学分", "field.semester": "开设学期", "field.category": "课程类别", "field.prerequisites": "先修课程",
        "field.occupation": "职业编码", "field.industry": "行业代码", "field.tags": "标签", "field.major": "专业",
        "field.duration": "修业年限", "field.admission": "入学要求", "field.occupations": "职业面向",
        "field.total_hours": "总学时", "field.courses": "课程门数", "field.supports": "支撑课程", "field.authors": "作者",
        "field.isbn": "ISBN", "field.material_type": "资源类型", "field.issuer": "发布单位", "field.levels": "等级",
        "field.lang": "语言", "field.replaces": "替代",
        // The cooperation kinds and fields (DESIGN §13).
        "kind.apprenticeship": "现代学徒制培养方案", "kind.training": "企业职工培训", "kind.facility": "实训基地",
        "category.public-elective": "公共选修课",
        "jointKind": "共建机构", "groupKind": "职教集团", "members": "成员单位", "region": "行政区划", "colon": "：", "parenthetical": "（{text}）", "enumeration": "、", "sentenceSeparator": "；",
        "calendar": "工学交替安排", "weekAxis": "周次", "semesterNumber": "第{n}学期",
        "calendarEntry": "第{semester}学期第{weeks}周：{place}",
        "enterpriseShareSentence": "在企业 {weeks} 周，占安排总周数 {total} 周的 {share}",
        "calendarMalformed": "标为“未绘入”的条目，其学期、周次或地点无法识别，按原文列出。",
        "weeks": "周次", "place": "地点", "weekCount": "周数", "posts": "轮岗岗位", "notDrawn": "未绘入",
        "place.school": "学校", "place.enterprise": "企业", "place.alternating": "工学交替",
        "modules": "培训模块与学时", "module": "模块", "content": "内容", "hoursColumn": "学时",
        "coversRequirements": "对应能力要求", "reusesUnits": "复用课程单元", "total": "合计",
        "declaredHoursMatch": "与培训总学时 {hours} 一致", "declaredHoursDiffer": "培训总学时为 {hours}，与模块合计不符",
        "capacityHeading": "容量与承担课程", "capacitySentence": "{stations} 个工位 × 每工位 {seats} 人 = 可同时容纳 {capacity} 人",
        "programmeColumn": "所属专业", "classSize": "班级人数", "capacitySuffices": "容量是否满足", "suffices": "满足",
        "fallsShort": "不足，差 {missing} 人",
        "electiveGroups": "选修课组", "group": "课组", "chooseCredits": "应修学分", "offeredCredits": "开设学分",
        "arrangement": "课程安排", "assessment": "考核方式", "assessment.exam": "考试", "assessment.test": "考查",
        "weeksColumn": "集中周数", "location": "地点",
        "cohortYear": "{year}级", "cohortSize": "{size}人", "cohortClassSize": "每班{size}人", "separator": "，",
        "mentorRatio": "每名企业师傅至多带 {n} 名学徒", "traineeCount": "{n}人",
        "field.cohort": "年级与规模", "field.recruitment": "招生招工", "field.mentor_ratio": "师徒比", "field.enterprise": "合作企业",
        "field.provider": "培训实施单位", "field.programme": "所属专业", "field.assessment": "考核权重", "field.trainees": "培训对象",
        "field.certificate": "证书", "field.shared_with": "共享单位", "field.location": "地点", "field.stations": "工位数",
        "field.seats_per_station": "每工位人数", "field.assessed_by": "共同考核", "field.adopted": "审定",
        "field.training_hours": "培训学时", "field.schedule": "工学交替安排", "field.elective_groups": "选修课组",
        // The catalogue over many projects (`stdkit catalogue`, DESIGN §14.3).
        "catalogueTitle": "试点项目总览", "catalogueSummary": "共 {projects} 个项目，其中 {failed} 个无法读取",
        "catalogueSummaryAll": "共 {projects} 个项目", "catalogueSchool": "学校/项目", "catalogueRegion": "地区",
        "catalogueBatch": "批次", "catalogueProgramme": "专业", "catalogueUpstream": "上游标准与版本",
        "catalogueConformance": "符合性", "catalogueFindings": "检查结果", "catalogueCoverage": "覆盖率",
        "catalogueHours": "总学时", "catalogueCredits": "总学分", "cataloguePractice": "实践占比",
        "cataloguePublicBasic": "公共基础课占比", "catalogueElective": "选修课占比", "catalogueDocuments": "文件数",
        "catalogueFilter": "按学校、专业或目录筛选", "catalogueAllRegions": "全部地区", "catalogueAllBatches": "全部批次",
        "catalogueShownCount": "显示 {shown} / {total} 个项目", "catalogueByRegion": "各省项目数",
        "catalogueByBatch": "各批次项目数", "catalogueUnknown": "未注明", "catalogueNoUpstream": "未声明",
        "catalogueUpstreamMissing": "上游目录缺失", "catalogueFailed": "无法读取", "catalogueErrors": "{n} 个错误",
        "catalogueWarnings": "{n} 个警告", "catalogueNotes": "{n} 条提示", "catalogueProjectsCount": "{n} 个",
        "catalogueFilters": "筛选", "catalogueSortHint": "点击列标题可按该列排序",
        "failure.missing-folder": "目录不存在", "failure.not-a-folder": "不是目录",
        "failure.not-a-project": "缺少 stdkit.yml，不是 stdkit 项目", "failure.unreadable": "读取失败",
        "family.syntax": "语法", "family.schema": "字段", "family.identity": "编号", "family.references": "引用",
        "family.coverage": "覆盖", "family.structure": "结构", "family.arithmetic": "学时学分", "family.review": "审核",
        "family.upstream": "上游标准", "family.other": "其他",
        "pilotLevel.national": "国家级", "pilotLevel.provincial": "省级", "pilotLevel.municipal": "市级",
        // 上游标准单独成节发布（DESIGN §14.1）。
        "upstreams": "上游标准", "upstreamBadge": "上游标准 {id}", "upstreamName": "《{name}》",
        "upstreamsIntro": "本项目所依据的上游标准，按 stdkit.yml 所跟随的版本单独发布于此，不属于本项目自身的文件。",
        "upstreamMissing": "上游标准“{id}”缺失（{path}）：取回后重新生成站点即可链接",
        "upstreamAbsent": "缺失：{path} 中没有上游标准（运行 stdkit check 查看取回方法）",
        "implementedHere": "本校对应", "field.implements": "依据标准",
    ]
}
