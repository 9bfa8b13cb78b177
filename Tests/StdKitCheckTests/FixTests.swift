import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// The check's fixes, applied as an editor applies them: each finding that carries one is gone
/// after its edit, and nothing new appears.
@Suite("fixes")
struct FixTests {
    /// A finding with a fix: the project, the finding's rule, its place, and the fix expected
    /// (English title, the edit's range `line:column-line:column` and text).
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: String]
        var base: [String: String]? = nil
        var rule: String
        var file: String
        var title: String
        var edit: String
        var text: String
        var testDescription: String { name }
    }

    static let job = "---\nid: JOB-A\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 能开机。\n- **R2** 能关机。\n"
    static let config = "parties:\n  - {id: szpt, name: 学院, kind: school}\n  - {id: acme, name: 企业, kind: enterprise}\n"

    static let cases: [Case] = [
        Case(name: "unresolved item, Chinese before it", files: ["job.md": job, "course.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 会开机 → JOB-A#R3\n"],
             rule: "unresolved-reference", file: "course.md", title: "replace 'R3' with 'R1'", edit: "7:23-7:25", text: "R1"),
        Case(name: "unresolved document of an item reference", files: ["job.md": job, "course.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 会开机，会关机 → JOB-B#R2\n"],
             rule: "unresolved-reference", file: "course.md", title: "replace 'JOB-B' with 'JOB-A'", edit: "7:21-7:26", text: "JOB-A"),
        Case(name: "unresolved document in front matter, quoted",
             files: ["weld.md": "---\nid: C-WELD\nkind: course\ntitle: 焊接\n---\n",
                     "robot.md": "---\nid: C-ROBOT\nkind: course\ntitle: 机器人\nprerequisites: [\"C-WELT\"]\n---\n"],
             rule: "unresolved-reference", file: "robot.md", title: "replace 'C-WELT' with 'C-WELD'", edit: "5:18-5:24", text: "C-WELD"),
        Case(name: "withdrawn document, its replacement",
             files: ["old.md": "---\nid: JOB-OLD\nkind: job-profile\ntitle: 旧岗位\nstatus: withdrawn\n---\n\n- **R1** 要求\n",
                     "new.md": "---\nid: JOB-NEW\nkind: job-profile\ntitle: 新岗位\nreplaces: JOB-OLD\n---\n\n- **R1** 要求\n",
                     "course.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 能完成开机 → JOB-OLD#R1\n"],
             rule: "withdrawn-reference", file: "course.md", title: "replace 'JOB-OLD' with 'JOB-NEW'", edit: "7:19-7:26", text: "JOB-NEW"),
        Case(name: "unknown field", files: ["c.md": "---\nid: C1\nkind: course\ntitle: 课程\ncredtis: 2\n---\n"],
             rule: "unknown-field", file: "c.md", title: "replace 'credtis' with 'credits'", edit: "5:1-5:8", text: "credits"),
        Case(name: "a value not among the enum's", files: ["c.md": "---\nid: C1\nkind: course\ntitle: 课程\ncategory: practise\n---\n"],
             rule: "invalid-value", file: "c.md", title: "replace 'practise' with 'practice'", edit: "5:11-5:19", text: "practice"),
        Case(name: "unknown kind",
             files: ["c.md": "---\nid: C1\nkind: coures\ntitle: 课程\n---\n\n## 课程性质与任务\n\n专业核心课。\n\n## 课程目标\n\n会编程。\n\n## 课程内容与学时分配\n\n共 32 学时。\n\n## 考核评价\n\n过程考核。\n"],
             rule: "unknown-kind", file: "c.md", title: "replace 'coures' with 'course'", edit: "3:7-3:13", text: "course"),
        Case(name: "unknown party in a list", files: ["stdkit.yml": config, "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nparties: [szpt, acne]\n---\n"],
             rule: "unknown-party", file: "c.md", title: "replace 'acne' with 'acme'", edit: "5:17-5:21", text: "acme"),
        Case(name: "unknown party as a key", files: ["stdkit.yml": config, "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nassessed_by: {szpt: 60, acne: 40}\n---\n"],
             rule: "unknown-party", file: "c.md", title: "replace 'acne' with 'acme'", edit: "5:25-5:29", text: "acme"),
        Case(name: "undeclared elective group",
             files: ["p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\nelective_groups:\n  - {id: G1, title: 专业拓展选修, choose_credits: 2}\ncourses:\n  - {id: C1, category: professional-elective, group: G1, credits: 2}\n  - {id: C2, category: professional-elective, group: g1, credits: 2}\n---\n"],
             rule: "elective-group", file: "p.md", title: "replace 'g1' with 'G1'", edit: "9:54-9:56", text: "G1"),
        Case(name: "a link to a file that is not there",
             files: ["a.md": "# 甲\n\n参见岗位标准 [焊接岗位](jobs/welder.md)。\n", "jobs/welding.md": "# 焊接\n"],
             rule: "broken-link", file: "a.md", title: "replace 'jobs/welder.md' with 'jobs/welding.md'", edit: "3:15-3:29", text: "jobs/welding.md"),
        Case(name: "a link to an anchor that is not there, Chinese",
             files: ["a.md": "# 甲\n\n## 课程目标\n\n见本文 [目标](#课程木标)。\n"],
             rule: "broken-link", file: "a.md", title: "replace '课程木标' with '课程目标'", edit: "5:11-5:15", text: "课程目标"),
        Case(name: "unknown setting", files: ["stdkit.yml": "nmae: 焊接专业标准\n", "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n"],
             rule: "config-invalid", file: "stdkit.yml", title: "replace 'nmae' with 'name'", edit: "1:1-1:5", text: "name"),
        Case(name: "unknown member of a joint body, Chinese before it",
             files: ["stdkit.yml": config + "  - {id: union, name: 联盟, kind: joint, members: [szpt, acmee]}\n", "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n"],
             rule: "config-invalid", file: "stdkit.yml", title: "replace 'acmee' with 'acme'", edit: "4:56-4:61", text: "acme"),
        Case(name: "total hours differ from the table's",
             files: ["p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ntotal_hours: 96\ncourses:\n  - {id: C1, category: practice, hours: {theory: 32, practice: 48}}\n---\n"],
             rule: "total-hours-mismatch", file: "p.md", title: "replace '96' with '80'", edit: "5:14-5:16", text: "80"),
        Case(name: "total credits differ from the table's",
             files: ["p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\ncredits: 6\ncourses:\n  - {id: C1, category: practice, credits: 3}\n  - {id: C2, category: practice, credits: 2.5}\n---\n"],
             rule: "total-credits-mismatch", file: "p.md", title: "replace '6' with '5.5'", edit: "5:10-5:11", text: "5.5"),
        Case(name: "a version of two numbers", files: ["c.md": "---\nid: C1\nkind: course\ntitle: 课程\nversion: 1.2\n---\n"],
             rule: "malformed-version", file: "c.md", title: "replace '1.2' with '1.2.0'", edit: "5:10-5:13", text: "1.2.0"),
        Case(name: "version not bumped",
             files: ["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\nversion: 1.0.0\n---\n\n- **R1** 甲\n- **R2** 乙\n"],
             base: ["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\nversion: 1.0.0\n---\n\n- **R1** 甲\n"],
             rule: "version-not-bumped", file: "job.md", title: "replace '1.0.0' with '1.1.0'", edit: "5:10-5:15", text: "1.1.0"),
        Case(name: "version bumped too little",
             files: ["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\nversion: 1.0.1\n---\n\n- **R1** 甲\n"],
             base: ["job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接岗位\nversion: 1.0.0\n---\n\n- **R1** 甲\n- **R2** 乙\n"],
             rule: "version-bump-too-small", file: "job.md", title: "replace '1.0.1' with '2.0.0'", edit: "5:10-5:15", text: "2.0.0"),
    ]

    static func check(_ files: [String: String], base: [String: String]?) async throws -> [Diagnostic] {
        try await RuleCatalogueTests.findings(of: RuleExample(files, base: base))
    }

    /// `text` with the edits made (model places: 1-based lines, columns in scalars; each range
    /// exactly the text replaced), the last first so that earlier places stay valid.
    static func applying(_ edits: [Fix.Edit], to text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var lineStarts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(index + 1) }
        func offset(_ location: StdKitSyntax.SourceLocation) -> Int { lineStarts[location.line - 1] + location.column - 1 }
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            scalars.replaceSubrange(offset(edit.range.lowerBound)..<offset(edit.range.upperBound), with: Array(edit.text.unicodeScalars))
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    static func place(_ range: SourceRange) -> String {
        "\(range.lowerBound.line):\(range.lowerBound.column)-\(range.upperBound.line):\(range.upperBound.column)"
    }

    /// What tells findings apart across an edit that changes the length of a line: columns
    /// after the edit move, lines and messages stay.
    static func key(_ finding: Diagnostic) -> String {
        "\(finding.file):\(finding.location.line) \(finding.rule) \(finding.message.english)"
    }

    @Test(arguments: cases)
    func fixIsAppliedAndTheFindingIsGone(_ example: Case) async throws {
        let before = try await Self.check(example.files, base: example.base)
        let finding = try #require(before.first { $0.rule == example.rule && $0.file == example.file },
                                   "no \(example.rule): \(before.map(\.message.english))")
        let fix = try #require(finding.fixes.first, "\(example.rule) has no fix: \(finding.message.english)")
        #expect(finding.fixes.count == 1)
        #expect(fix.title.text(in: .en) == example.title)
        #expect(fix.edits.map { "\($0.file) \(Self.place($0.range)) \($0.text)" } == ["\(example.file) \(example.edit) \(example.text)"])

        var files = example.files
        for (file, edits) in Dictionary(grouping: fix.edits, by: \.file) {
            let text = try #require(files[file])
            files[file] = Self.applying(edits, to: text)
        }
        let after = try await Self.check(files, base: example.base)
        // Gone, and nothing new (others may go too: a requirement the reference now covers).
        // `unreviewed-link` aside: a project without a links lock has it once it has a link,
        // which is what a reference put right becomes.
        let others = Set(before.filter { $0 != finding }.map(Self.key))
        #expect(!after.contains { Self.key($0) == Self.key(finding) })
        #expect(after.filter { !others.contains(Self.key($0)) && $0.rule != "unreviewed-link" }.map(Self.key) == [])
    }

    /// Links to one missing file from documents in different folders (the check looks the
    /// closest file up once for all of them): each is offered the closest file written from its
    /// own folder, and the links to another missing file of the same folder their own.
    @Test func oneMissingFileLinkedFromSeveralFolders() async throws {
        let files = [
            "jobs/welding.md": "# 焊接\n",
            "jobs/painting.md": "# 涂装\n",
            "a.md": "# 甲\n\n见 [焊接](jobs/welder.md)。\n",
            "courses/b.md": "# 乙\n\n见 [焊接](../jobs/welder.md) 与 [涂装](../jobs/paintin.md)。\n",
            "courses/sub/c.md": "# 丙\n\n见 [焊接](../../jobs/welder.md)。\n",
            "jobs/d.md": "# 丁\n\n见 [焊接](welder.md) 与 [涂装](./paintin.md)。\n",
        ]
        let found = try await Self.check(files, base: nil).filter { $0.rule == "broken-link" }
        let offered = found.map { "\($0.file) \($0.fixes.first?.edits.first?.text ?? "none")" }.sorted()
        #expect(offered == [
            "a.md jobs/welding.md",
            "courses/b.md ../jobs/painting.md", "courses/b.md ../jobs/welding.md",
            "courses/sub/c.md ../../jobs/welding.md",
            "jobs/d.md painting.md", "jobs/d.md welding.md",
        ])
    }

    /// The title is a message like any other: in Chinese too.
    @Test func titleInChinese() {
        let title = Message("common.fix.replace", ["old": .verbatim("R3"), "new": .verbatim("R1")])
        #expect(title.text(in: .zhCN) == "将“R3”改为“R1”")
    }

    /// A did-you-mean that would only trade the finding for another has no fix: the document
    /// suggested lacks the item, or the reference is pinned to a version.
    @Test func noFixThatLeavesAnotherFinding() async throws {
        let lacking = try await Self.check(["job.md": Self.job, "course.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 会开机 → JOB-B#R7\n"], base: nil)
        let unresolved = try #require(lacking.first { $0.rule == "unresolved-reference" })
        #expect(unresolved.message.english == "reference 'JOB-B#R7' matches no document; did you mean 'JOB-A'?")
        #expect(unresolved.fixes.isEmpty)
        let pinned = try await Self.check(["job.md": Self.job, "course.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 会开机 → JOB-B@1#R1\n"], base: nil)
        #expect(pinned.first { $0.rule == "unresolved-reference" }?.fixes == [])
    }

    /// The replacement's own `replaces: JOB-OLD` is a reference to a withdrawn document too; it
    /// is not "fixed" to point at the document itself.
    @Test func noFixPointingADocumentAtItself() async throws {
        let example = try #require(Self.cases.first { $0.rule == "withdrawn-reference" })
        let found = try await Self.check(example.files, base: nil)
        let own = try #require(found.first { $0.rule == "withdrawn-reference" && $0.file == "new.md" })
        #expect(own.location == StdKitSyntax.SourceLocation(line: 5, column: 11))
        #expect(own.fixes.isEmpty)
    }

    /// A key renamed to one its mapping has already would be a duplicate: no fix.
    @Test func noFixThatDuplicatesAKey() async throws {
        let found = try await Self.check(["c.md": "---\nid: C1\nkind: course\ntitle: 课程\ncredits: 2\ncredtis: 2\n---\n"], base: nil)
        let unknown = try #require(found.first { $0.rule == "unknown-field" })
        #expect(unknown.location == StdKitSyntax.SourceLocation(line: 6, column: 1))
        #expect(unknown.fixes.isEmpty)
        let party = try await Self.check(["stdkit.yml": Self.config, "c.md": "---\nid: C1\nkind: course\ntitle: 课程\nassessed_by: {acme: 60, acne: 40}\n---\n"], base: nil)
        let unknownParty = try #require(party.first { $0.rule == "unknown-party" })
        #expect(unknownParty.location == StdKitSyntax.SourceLocation(line: 5, column: 25))
        #expect(unknownParty.fixes.isEmpty)
    }

    /// A quoted value written with an escape is not the text the finding names: no fix, rather
    /// than an edit at the wrong place.
    @Test func noFixWhereTheTextIsNotAsRead() async throws {
        let found = try await Self.check(["c.md": "---\nid: C1\nkind: course\ntitle: 课程\ncategory: \"pr\\u0061ctise\"\n---\n"], base: nil)
        let invalid = try #require(found.first { $0.rule == "invalid-value" })
        #expect(invalid.message.english.contains("practise"))
        #expect(invalid.fixes.isEmpty)
    }
}
