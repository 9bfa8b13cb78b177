import StdKitModel
import StdKitSyntax

/// The shape of the profile rules: each programme with a complete course table is measured
/// against one threshold of the project's profile.
protocol ProfileRule: Rule {
    /// The finding for `table` under `profile`, or nil when the programme meets it.
    func finding(_ table: ProgrammeTable, _ profile: Profile) -> (location: SourceLocation, message: Message, hint: Message)?
}

extension ProfileRule {
    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let profile = context.project.profile else { return [] }
        return ProgrammeTable.all(in: context).compactMap { table in
            guard table.isComplete, table.totalHours > 0, let finding = finding(table, profile) else { return nil }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: table.programme.path, location: finding.location,
                message: .underProfile(finding.message, profile: profile.id), hint: finding.hint)
        }
    }
}

/// Builds the small programmes of the profile rules' examples.
enum ProfileExample {
    /// A project under `cn-vocational-higher` (without its list of required courses) whose
    /// programme has `courses` (YAML flow mappings) and the given extra front-matter lines.
    static func project(courses: [String], extra: String = "", settings: String = "") -> RuleExample {
        RuleExample([
            // The example is about one threshold: the profile's required courses (another
            // rule's, with its own examples) are set aside so that they do not crowd it.
            "stdkit.yml": "profile: cn-vocational-higher\nprofile_settings:\n  required_courses: []\n" + settings,
            "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\n\(extra)↓courses:\n" + courses.map { "  - \($0)\n" }.joined() + "---\n",
        ])
    }

    /// A course entry.
    static func course(_ id: String, _ category: String, theory: Int, practice: Int, credits: Int) -> String {
        "{id: \(id), category: \(category), hours: {theory: \(theory), practice: \(practice)}, credits: \(credits)}"
    }
}

extension Message {
    /// A profile rule's finding, naming the profile whose threshold it measures.
    fileprivate static func underProfile(_ finding: Message, profile: String) -> Message {
        Message("profile-rule.finding", ["finding": .message(finding), "profile": .verbatim(profile)])
    }
}
