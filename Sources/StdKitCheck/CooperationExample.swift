/// Builds the small projects of the cooperation rules' examples (DESIGN §13.4): a school and an
/// enterprise, a programme with its job profile, and an apprenticeship plan of that programme.
enum CooperationExample {
    /// `stdkit.yml`: the school `yhzy` and the enterprise `hnauto`, under the higher profile.
    static let config = """
        profile: cn-vocational-higher
        parties:
          - {id: yhzy, name: 粤海职业技术学院, kind: school}
          - {id: hnauto, name: 华南汽车制造有限公司, kind: enterprise}

        """

    /// A job profile with one task and one requirement.
    static let job = "---\nid: JOB-OP\nkind: job-profile\ntitle: 机器人操作员\n---\n\n- **T1** 焊装线巡检\n- **R1** 能完成示教编程 → #T1\n"

    /// A programme preparing for `JOB-OP`, teaching course `C1`, with `extra` front-matter lines.
    static func programme(extra: String = "") -> String {
        "---\nid: PROG-R\nkind: programme\ntitle: 工业机器人技术\noccupations: [JOB-OP]\n\(extra)courses:\n  - {id: C1, category: professional-core}\n---\n"
    }

    /// An apprenticeship of `PROG-R`: the given front-matter lines after the common ones, then
    /// the body.
    static func apprenticeship(_ fields: String, body: String = "") -> String {
        "---\nid: APP-R\nkind: apprenticeship\ntitle: 学徒制试点班\nowner: yhzy\nprogramme: PROG-R\nenterprise: hnauto\n\(fields)---\n\n\(body)"
    }

    /// An example project: the configuration, the job profile, the programme and `files`.
    static func project(_ files: [String: String], programme: String = programme()) -> RuleExample {
        RuleExample(files.merging(["stdkit.yml": config, "job.md": job, "p.md": programme]) { mine, _ in mine })
    }
}
