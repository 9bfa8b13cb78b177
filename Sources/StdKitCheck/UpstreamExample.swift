/// Builds the small projects of the conformance rules' examples (DESIGN §14.2): a school's
/// project whose `stdkit.yml` declares the upstream `ns` at `vendor/ns`, and the upstream's
/// files in that folder, read as a project of its own.
enum UpstreamExample {
    /// The school's settings.
    static let settings = "upstream:\n  - {id: ns, path: vendor/ns}\n"

    /// The national programme standard `PROG-NS`, with `courses` (YAML flow mappings), extra
    /// front-matter lines and a body.
    static func standard(courses: [String] = [], extra: String = "", body: String = "") -> String {
        "---\nid: PROG-NS\nkind: programme\ntitle: 工业机器人技术专业教学标准\n\(extra)"
            + (courses.isEmpty ? "" : "courses:\n" + courses.map { "  - \($0)\n" }.joined()) + "---\n" + (body.isEmpty ? "" : "\n" + body)
    }

    /// The national core course `COURSE-NS-PROG`.
    static let nationalCourse = "---\nid: COURSE-NS-PROG\nkind: course\ntitle: 工业机器人现场编程\n---\n"

    /// The school's programme `P1`, implementing `ns:PROG-NS` (`↓` may mark its value).
    static func programme(implements: String = "ns:PROG-NS", extra: String = "", courses: [String] = [], body: String = "") -> String {
        "---\nid: P1\nkind: programme\ntitle: 工业机器人技术专业人才培养方案\nimplements: \(implements)\n\(extra)"
            + (courses.isEmpty ? "" : "courses:\n" + courses.map { "  - \($0)\n" }.joined()) + "---\n" + (body.isEmpty ? "" : "\n" + body)
    }

    /// A local course, optionally implementing an upstream course.
    static func course(_ id: String, title: String, implements: String? = nil) -> String {
        "---\nid: \(id)\nkind: course\ntitle: \(title)\n" + (implements.map { "implements: \($0)\n" } ?? "") + "---\n"
    }

    /// The example: `upstream` files go under `vendor/ns/` (beside its `stdkit.yml`, or
    /// `upstreamSettings` for it), `local` files are the school's.
    static func project(upstream: [String: String], local: [String: String], upstreamSettings: String = "name: 国家专业教学标准\n") -> RuleExample {
        var files = ["stdkit.yml": settings, "vendor/ns/stdkit.yml": upstreamSettings]
        for (path, text) in upstream { files["vendor/ns/" + path] = text }
        files.merge(local) { $1 }
        return RuleExample(files)
    }
}
