import Foundation
import StdKitModel
import StdKitSyntax

/// What `stdkit new` writes into a new apprenticeship, training or facility (DESIGN §13.3)
/// beyond the bare template: fields filled from the project — its first programme, enterprise,
/// school, job profile and course — and a sentence or an item in every section, in the project's
/// language, so that the new plan checks clean and shows the author the shape of each part
/// (a schedule of two entries, one mentor, one post, one module).
public struct CooperationPlaceholders: Sendable {
    /// Front-matter lines, name and YAML value, in order.
    public var fields: [(String, String)]
    /// Lines of each section, by the section's title in the project's language.
    public var content: [String: [String]]

    /// The kinds this fills.
    public static let kinds: Set = ["apprenticeship", "training", "facility"]

    /// The placeholders for `template`'s kind in `project`; empty for the other kinds.
    public init(template: DocumentTemplate, project: Project) {
        fields = []
        content = [:]
        guard Self.kinds.contains(template.schema.kind) else { return }
        let facts = Facts(project: project)
        let zh = template.chinese
        var sections: [(String, [String])] = []
        switch template.schema.kind {
        case "apprenticeship":
            fields = [
                ("programme", facts.programme ?? "PROG-ID"),
                ("enterprise", facts.enterprise),
                ("cohort", "{year: \(facts.year), size: 5}"),
                ("recruitment", zh ? "{mode: 招生即招工, contract: 三方协议}" : "{mode: enrolment-is-employment, contract: tripartite agreement}"),
                ("mentor_ratio", "5"),
                ("schedule", "\n  - {semester: 3, weeks: 1-10, place: school}\n  - {semester: 3, weeks: 11-20, place: enterprise, posts: [P1]}"),
                ("assessment", "{\(facts.school): 50, \(facts.enterprise): 50}"),
            ]
            let post = facts.task.map { " → \($0)" } ?? ""
            sections = zh ? [
                ("培养目标", ["（写明本期学徒毕业时应达到的岗位能力，以及与专业人才培养方案的关系。）"]),
                ("招生招工", ["（写明招生即招工的办法、学徒与企业签订的协议，以及学徒的身份与待遇。）"]),
                ("教学组织与交替安排", ["第 3 学期前 10 周在校学习专业核心课程，后 10 周到企业岗位学习（见 `schedule`）。"]),
                ("岗位轮换", ["- **P1** （轮岗岗位名称）\(post) {weeks=10}"]),
                ("企业师傅", ["- **M1** （师傅姓名，所在车间与职务） {party=\(facts.enterprise)}"]),
                ("考核评价", ["学校与企业各占总评成绩的 50%（见 `assessment`）。"]),
                ("保障措施", ["（写明经费、保险、安全与师傅津贴等保障。）"]),
            ] : [
                ("Training objectives", ["(What the apprentices can do at their posts when they finish, and how this relates to the programme.)"]),
                ("Recruitment", ["(How apprentices are recruited and employed, the agreement they sign, their status and pay.)"]),
                ("Alternation schedule", ["Weeks 1-10 of semester 3 at the college, weeks 11-20 at the company's posts (see `schedule`)."]),
                ("Post rotation", ["- **P1** (name of the post)\(post) {weeks=10}"]),
                ("Enterprise mentors", ["- **M1** (the mentor's name, workshop and position) {party=\(facts.enterprise)}"]),
                ("Assessment", ["The college and the company each give half of the final grade (see `assessment`)."]),
                ("Safeguards", ["(Funding, insurance, safety at work and the mentors' allowance.)"]),
            ]
        case "training":
            fields = [("enterprise", facts.enterprise), ("provider", facts.school)]
            if let job = facts.job { fields.append(("trainees", "{post: \(job), count: 20}")) }
            fields.append(("hours", "16"))
            let covers = [facts.requirement, facts.unit].compactMap { $0 }
            let module = covers.isEmpty ? "" : " → " + covers.joined(separator: ", ")
            sections = zh ? [
                ("培训目标", ["（写明培训后学员在岗位上能完成的工作。）"]),
                ("培训对象", ["（写明参训岗位、人数与入学条件。）"]),
                ("培训模块与学时", ["- **TM1** （模块名称）\(module) {hours=16}"]),
                ("培训方式与师资", ["（写明授课地点、方式，以及学校教师与企业技术人员的分工。）"]),
                ("考核与结业", ["（写明考核方式与结业证书或职业技能等级证书。）"]),
            ] : [
                ("Training objectives", ["(What the trainees can do at their posts after the training.)"]),
                ("Trainees", ["(The posts trained, how many, and what they bring.)"]),
                ("Modules and hours", ["- **TM1** (name of the module)\(module) {hours=16}"]),
                ("Delivery and trainers", ["(Where and how it is taught; what the college's teachers and the company's engineers each teach.)"]),
                ("Assessment and completion", ["(How trainees are assessed and which certificate they receive.)"]),
            ]
        case "facility":
            fields = [("location", "school"), ("shared_with", "[\(facts.enterprise)]"), ("stations", "\(facts.classSize)"), ("seats_per_station", "1")]
            if let course = facts.course { fields.append(("courses", "[\(course)]")) }
            sections = zh ? [
                ("基本情况", ["（写明面积、建设时间、投入与建设单位。）"]),
                ("设备配置", ["（列出主要设备的型号与台套数。）"]),
                ("承担课程与项目", ["（写明在此开设的课程、实训项目与职业技能等级证书考核。）"]),
                ("共享与管理", ["（写明校企共享的方式、开放时间与安全管理。）"]),
            ] : [
                ("Overview", ["(Floor space, when it was built, the investment and who built it.)"]),
                ("Equipment", ["(The main equipment: models and numbers.)"]),
                ("Courses and projects", ["(The courses and training projects taught here, and the certificate assessments held.)"]),
                ("Sharing and management", ["(How the college and the company share it, opening hours and safety.)"]),
            ]
        default:
            return
        }
        for (name, lines) in sections {
            content[template.sectionTitle(named: name) ?? name] = lines
        }
    }

    /// What the placeholders take from the project.
    struct Facts {
        var programme: String?
        var school: String
        var enterprise: String
        var job: String?
        /// A task of the job profile (else a requirement), as a reference.
        var task: String?
        var requirement: String?
        var course: String?
        /// A unit of a course, as a reference.
        var unit: String?
        var classSize: Int
        var year: Int

        init(project: Project) {
            let parties = project.config.parties
            school = (parties.first { $0.kind == .school } ?? parties.first)?.id ?? "school"
            enterprise = (parties.first { $0.kind == .enterprise } ?? parties.first)?.id ?? "enterprise"
            let programmeDocument = project.documents.first { $0.kind == "programme" && $0.id != nil }
            programme = programmeDocument?.id
            // The first job profile the programme prepares for, else the project's first.
            let occupations = programmeDocument?.referencedDocuments(inFields: { $0.hasPrefix("occupations[") }) ?? []
            let jobDocument = occupations.compactMap { project.document($0) }.first ?? project.documents.first { $0.kind == "job-profile" && $0.id != nil }
            job = jobDocument?.id
            if let jobDocument, let id = jobDocument.id {
                let requirementItem = jobDocument.items.first { $0.id.hasPrefix("R") }
                requirement = requirementItem.map { "\(id)#\($0.id)" }
                task = (jobDocument.items.first { $0.id.hasPrefix("T") } ?? requirementItem).map { "\(id)#\($0.id)" }
            }
            let courses = project.documents.filter { $0.kind == "course" && $0.id != nil }
            course = courses.first?.id
            unit = courses.lazy.compactMap { course in course.items.first { $0.id.hasPrefix("U") }.map { "\(course.id!)#\($0.id)" } }.first
            classSize = project.documents.compactMap { CourseTable.int($0.frontMatter?["cohort"]?["class_size"]) }.max() ?? 40
            year = Calendar(identifier: .gregorian).component(.year, from: Date())
        }
    }
}
