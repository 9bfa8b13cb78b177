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
        "jointKind": "joint body", "groupKind": "group",
        "kind.job-profile": "Job profiles", "kind.programme": "Programme standards", "kind.course": "Course standards",
        "kind.material": "Teaching materials", "kind.certificate": "Skill certificates", "kind.page": "Pages",
        "status.draft": "draft", "status.review": "in review", "status.approved": "approved", "status.published": "published",
        "status.withdrawn": "withdrawn",
        "category.public-basic": "Public basic", "category.professional-basic": "Professional basic",
        "category.professional-core": "Professional core", "category.professional-elective": "Electives", "category.practice": "Practice",
        "category.public-elective": "Public electives",
        "legend": "Columns", "covers": "covering outcomes",
        "field.owner": "Owner", "field.parties": "Parties", "field.code": "Code", "field.hours": "Hours (theory / practice)",
        "field.credits": "Credits", "field.semester": "Semester", "field.category": "Category", "field.prerequisites": "Prerequisites",
        "field.occupation": "Occupation code", "field.industry": "Industry code", "field.tags": "Tags", "field.major": "Major",
        "field.duration": "Years of study", "field.admission": "Admission", "field.occupations": "Occupations",
        "field.total_hours": "Total hours", "field.courses": "Courses", "field.supports": "Supports", "field.authors": "Authors",
        "field.isbn": "ISBN", "field.material_type": "Type", "field.issuer": "Issuer", "field.levels": "Levels",
        "field.lang": "Language", "field.replaces": "Replaces",
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
        "jointKind": "共建机构", "groupKind": "职教集团",
        "kind.job-profile": "岗位能力标准", "kind.programme": "专业教学标准", "kind.course": "课程标准",
        "kind.material": "教学资源", "kind.certificate": "职业技能等级标准", "kind.page": "其他页面",
        "status.draft": "草稿", "status.review": "审核中", "status.approved": "已批准", "status.published": "已发布",
        "status.withdrawn": "已废止",
        "category.public-basic": "公共基础课", "category.professional-basic": "专业基础课",
        "category.professional-core": "专业核心课", "category.professional-elective": "专业拓展课（选修）", "category.practice": "集中实践课",
        "category.public-elective": "公共选修课",
        "legend": "列", "covers": "覆盖该项的课程目标",
        "field.owner": "负责单位", "field.parties": "参与审批单位", "field.code": "代码", "field.hours": "学时（理论/实践）",
        "field.credits": "学分", "field.semester": "开设学期", "field.category": "课程类别", "field.prerequisites": "先修课程",
        "field.occupation": "职业编码", "field.industry": "行业代码", "field.tags": "标签", "field.major": "专业",
        "field.duration": "修业年限", "field.admission": "入学要求", "field.occupations": "职业面向",
        "field.total_hours": "总学时", "field.courses": "课程门数", "field.supports": "支撑课程", "field.authors": "作者",
        "field.isbn": "ISBN", "field.material_type": "资源类型", "field.issuer": "发布单位", "field.levels": "等级",
        "field.lang": "语言", "field.replaces": "替代",
    ]
}
