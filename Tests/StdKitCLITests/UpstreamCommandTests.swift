import Foundation
import Testing
import StdKitCheck
import StdKitModel
@testable import StdKitCLI

/// `stdkit upstream status` and `stdkit upstream diff A..B` (DESIGN §14.2) on an upstream git
/// repository made here with two tagged releases — v2026.1 rewords specification S1, adds the
/// professional-core course COURSE-NS-TWIN and raises `total_hours` from 2600 to 2700 — and a
/// school project that has it as a vendored copy at v2025.1 (and another as a submodule).
@Suite("stdkit upstream")
struct UpstreamCommandTests {
    static func upstreamProgramme(release: Int) -> String {
        let twin = release == 2026 ? "  - {id: COURSE-NS-TWIN, category: professional-core, hours: {theory: 16, practice: 32}, credits: 3}\n" : ""
        let s1 = release == 2026 ? "能按工艺文件示教编程并完成视觉引导抓取" : "能按工艺文件示教编程"
        return """
            ---
            id: PROG-NS
            kind: programme
            title: 专业教学标准
            version: \(release == 2026 ? "1.1.0" : "1.0.0")
            total_hours: \(release == 2026 ? 2700 : 2600)
            courses:
              - {id: COURSE-NS-PROG, category: professional-core, hours: {theory: 16, practice: 56}, credits: 4}
            \(twin)---

            ## 培养规格

            - **S1** \(s1)
            - **S2** 能维护保养工业机器人
            - **S3** 能安装调试工作站

            """
    }

    static let upstreamCourse = "---\nid: COURSE-NS-PROG\nkind: course\ntitle: 工业机器人现场编程\ncategory: professional-core\n---\n\n- **LO1** 会示教编程 → PROG-NS#S1\n"
    static let twinCourse = "---\nid: COURSE-NS-TWIN\nkind: course\ntitle: 数字孪生与虚拟调试\ncategory: professional-core\n---\n\n- **LO1** 会虚拟调试 → PROG-NS#S3\n"

    static func upstream(release: Int) -> [String: String] {
        var files = ["stdkit.yml": "name: 国家标准\n", "p.md": upstreamProgramme(release: release), "courses/prog.md": upstreamCourse]
        if release == 2026 { files["courses/twin.md"] = twinCourse }
        return files
    }

    static func config(lang: String? = nil) -> String {
        "name: 学校方案\n" + (lang.map { "lang: \($0)\n" } ?? "") + "upstream:\n  - id: ns\n    path: vendor/ns\n    release: v2025.1\n"
    }

    static let schoolProgramme = """
        ---
        id: P1
        kind: programme
        title: 学校方案
        implements: ns:PROG-NS
        total_hours: 2650
        ---

        ## 培养规格

        - **S1** 能示教编程 → ns:PROG-NS#S1
        - **S2** 能维护保养 → ns:PROG-NS#S2

        """
    static let schoolCourse = "---\nid: C1\nkind: course\ntitle: 编程\nimplements: ns:COURSE-NS-PROG\n---\n\n- **LO1** 会示教编程 → P1#S1, ns:PROG-NS#S1\n"

    /// A folder holding `national` (the upstream's repository, tags v2025.1 and v2026.1) and
    /// `school` (a git repository with the upstream vendored at v2025.1 and its links reviewed).
    struct Scene {
        var root: URL
        var national: URL { root.appendingPathComponent("national") }
        var school: URL { root.appendingPathComponent("school") }
    }

    static func scene(lang: String? = nil) async throws -> Scene {
        let scene = Scene(root: try CLIRun.temporaryFolder())
        try write(upstream(release: 2025), to: scene.national)
        try git(["init", "-q"], in: scene.national)
        try git(["add", "."], in: scene.national)
        try git(["commit", "-q", "-m", "v2025.1"], in: scene.national)
        try git(["tag", "v2025.1"], in: scene.national)
        try write(upstream(release: 2026), to: scene.national)
        try git(["add", "."], in: scene.national)
        try git(["commit", "-q", "-m", "v2026.1"], in: scene.national)
        try git(["tag", "v2026.1"], in: scene.national)

        var files = upstream(release: 2025).reduce(into: [String: String]()) { $0["vendor/ns/" + $1.key] = $1.value }
        files["stdkit.yml"] = config(lang: lang)
        files["p.md"] = schoolProgramme
        files["c.md"] = schoolCourse
        try write(files, to: scene.school)
        let accepted = await CLIRun.run(["review", "accept", "--all"], in: scene.school)
        #expect(accepted.status == 0, "\(accepted.errors)")
        try git(["init", "-q"], in: scene.school)
        try git(["add", "."], in: scene.school)
        try git(["commit", "-q", "-m", "school"], in: scene.school)
        return scene
    }

    /// A school project with the upstream as a git submodule checked out at v2025.1.
    static func submoduleSchool(in scene: Scene) async throws -> URL {
        let school = scene.root.appendingPathComponent("school-sub")
        try write(["stdkit.yml": config(), "p.md": schoolProgramme, "c.md": schoolCourse], to: school)
        try git(["init", "-q"], in: school)
        try git(["submodule", "add", "-q", scene.national.path, "vendor/ns"], in: school)
        try git(["checkout", "-q", "v2025.1"], in: school.appendingPathComponent("vendor/ns"))
        let accepted = await CLIRun.run(["review", "accept", "--all"], in: school)
        #expect(accepted.status == 0, "\(accepted.errors)")
        try git(["add", "."], in: school)
        try git(["commit", "-q", "-m", "school"], in: school)
        return school
    }

    // MARK: - status

    static let statusText = """
        upstream ns: 国家标准
          folder: vendor/ns, a vendored copy (not a git checkout of its own)
          release followed: v2025.1 (a vendored copy is as it was copied: stdkit cannot tell its release)
          documents by kind: course 1, programme 1
          what this project uses of it (4):
            ns:COURSE-NS-PROG
              ← C1 implements  c.md:5
            ns:PROG-NS
              ← P1 implements  p.md:5
            ns:PROG-NS#S1
              ← C1#LO1  c.md:8
              ← P1#S1  p.md:11
            ns:PROG-NS#S2
              ← P1#S2  p.md:12
          specifications no local item names (1): ns:PROG-NS#S3
          every professional-core course is implemented by a local course

        """

    @Test func statusOfAVendoredCopy() async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let run = await CLIRun.run(["upstream", "status", "--lang", "en"], in: scene.school)
        #expect(run.status == 0)
        #expect(run.errors == "")
        #expect(run.output == Self.statusText)
        // Named from outside the project: the places are shown from the current folder.
        let outside = await CLIRun.run(["upstream", "status", "school", "--lang", "en"], in: scene.root)
        #expect(outside.output.contains("      ← C1#LO1  school/c.md:8\n"))
    }

    /// `lang: zh-CN` in stdkit.yml: the status reads in Chinese without `--lang`.
    @Test func statusInTheProjectsLanguage() async throws {
        let scene = try await Self.scene(lang: "zh-CN")
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let run = await CLIRun.run(["upstream", "status"], in: scene.school)
        #expect(run.status == 0)
        #expect(run.output == """
            上游 ns：国家标准
              文件夹：vendor/ns，复制进来的副本（不是独立的 git 检出）
              跟随版本：v2025.1（复制的副本保持复制时的内容，stdkit 无法核实其版本）
              文档：课程标准 1 个、专业教学标准 1 个
              本项目引用的上游内容（4 项）：
                ns:COURSE-NS-PROG
                  ← C1 implements  c.md:5
                ns:PROG-NS
                  ← P1 implements  p.md:5
                ns:PROG-NS#S1
                  ← C1#LO1  c.md:8
                  ← P1#S1  p.md:11
                ns:PROG-NS#S2
                  ← P1#S2  p.md:12
              没有本地条目对应的培养规格（1 条）：ns:PROG-NS#S3
              上游的专业核心课程均有本地课程实施

            """)
    }

    @Test func statusAsJSON() async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let run = await CLIRun.run(["upstream", "status", "--format", "json"], in: scene.school)
        #expect(run.status == 0)
        #expect(run.output == """
            {
              "upstreams" : [
                {
                  "copy" : "vendored",
                  "documents" : {
                    "course" : 1,
                    "programme" : 1
                  },
                  "findings" : [

                  ],
                  "id" : "ns",
                  "name" : "国家标准",
                  "path" : "vendor/ns",
                  "release" : "v2025.1",
                  "unusedCoreCourses" : [

                  ],
                  "unusedSpecifications" : [
                    "ns:PROG-NS#S3"
                  ],
                  "uses" : [
                    {
                      "places" : [
                        {
                          "column" : 13,
                          "document" : "C1",
                          "field" : "implements",
                          "file" : "c.md",
                          "line" : 5
                        }
                      ],
                      "target" : "ns:COURSE-NS-PROG"
                    },
                    {
                      "places" : [
                        {
                          "column" : 13,
                          "document" : "P1",
                          "field" : "implements",
                          "file" : "p.md",
                          "line" : 5
                        }
                      ],
                      "target" : "ns:PROG-NS"
                    },
                    {
                      "places" : [
                        {
                          "column" : 26,
                          "document" : "C1",
                          "file" : "c.md",
                          "item" : "LO1",
                          "line" : 8
                        },
                        {
                          "column" : 18,
                          "document" : "P1",
                          "file" : "p.md",
                          "item" : "S1",
                          "line" : 11
                        }
                      ],
                      "target" : "ns:PROG-NS#S1"
                    },
                    {
                      "places" : [
                        {
                          "column" : 18,
                          "document" : "P1",
                          "file" : "p.md",
                          "item" : "S2",
                          "line" : 12
                        }
                      ],
                      "target" : "ns:PROG-NS#S2"
                    }
                  ]
                }
              ],
              "version" : "1"
            }

            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "1")
        let upstream = try #require((json["upstreams"] as? [[String: Any]])?.first)
        #expect(upstream["id"] as? String == "ns")
        #expect(upstream["path"] as? String == "vendor/ns")
        #expect(upstream["name"] as? String == "国家标准")
        #expect(upstream["copy"] as? String == "vendored")
        #expect(upstream["release"] as? String == "v2025.1")
        #expect(upstream["atRelease"] == nil)
        #expect(upstream["head"] == nil)
        #expect(upstream["documents"] as? [String: Int] == ["course": 1, "programme": 1])
        #expect(upstream["unusedSpecifications"] as? [String] == ["ns:PROG-NS#S3"])
        #expect(upstream["unusedCoreCourses"] as? [String] == [])
        let uses = try #require(upstream["uses"] as? [[String: Any]])
        #expect(uses.map { $0["target"] as? String } == ["ns:COURSE-NS-PROG", "ns:PROG-NS", "ns:PROG-NS#S1", "ns:PROG-NS#S2"])
        let places = uses.flatMap { ($0["places"] as? [[String: Any]]) ?? [] }.map { place in
            [place["document"], place["item"] ?? place["field"], place["file"], place["line"], place["column"]].map { "\($0 ?? "-")" }.joined(separator: " ")
        }
        #expect(places == ["C1 implements c.md 5 13", "P1 implements p.md 5 13", "C1 LO1 c.md 8 26", "P1 S1 p.md 11 18", "P1 S2 p.md 12 18"])
    }

    @Test func statusOfASubmodule() async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let school = try await Self.submoduleSchool(in: scene)
        let head = try Self.git(["rev-parse", "v2025.1^{commit}"], in: scene.national)
        let run = await CLIRun.run(["upstream", "status", "--lang", "en"], in: school)
        #expect(run.status == 0)
        #expect(run.output.components(separatedBy: "\n").prefix(3) == [
            "upstream ns: 国家标准",
            "  folder: vendor/ns, a git submodule at commit \(head.prefix(12)) (tagged v2025.1)",
            "  release followed: v2025.1; the checkout is at it",
        ])
        let json = await CLIRun.run(["upstream", "status", "--format", "json"], in: school)
        let upstream = try #require(((try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])?["upstreams"] as? [[String: Any]])?.first)
        #expect(upstream["copy"] as? String == "submodule")
        #expect(upstream["head"] as? String == head)
        #expect(upstream["tags"] as? [String] == ["v2025.1"])
        #expect(upstream["atRelease"] as? Bool == true)

        // Checked out at the next release, without changing `release`: the check's warning.
        try Self.git(["checkout", "-q", "v2026.1"], in: school.appendingPathComponent("vendor/ns"))
        let moved = await CLIRun.run(["upstream", "status", "--lang", "en"], in: school)
        #expect(moved.status == 0)
        #expect(moved.output.components(separatedBy: "\n").dropFirst(2).prefix(4) == [
            "  release followed: v2025.1; the checkout is not at it",
            "    upstream 'ns' should be at release v2025.1, but its checkout is at v2026.1",
            "    to do: check out the release (`git -C vendor/ns checkout v2025.1`) or change `release` to the one the project now follows",
            "  documents by kind: course 2, programme 1",
        ])
        #expect(moved.output.hasSuffix("""
              specifications no local item names (1): ns:PROG-NS#S3
              professional-core courses no local course implements (1): ns:COURSE-NS-TWIN

            """))
    }

    /// An absent upstream: exit 1, with the words of the check's `upstream-missing` finding.
    @Test func statusOfAnAbsentUpstream() async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        try FileManager.default.removeItem(at: scene.school.appendingPathComponent("vendor"))
        let run = await CLIRun.run(["upstream", "status", "--lang", "en"], in: scene.school)
        #expect(run.status == 1)
        #expect(run.output == """
            upstream ns
              folder: vendor/ns, absent
                upstream 'ns' is not there: the folder vendor/ns does not exist
                to do: copy release v2025.1 of the upstream project into vendor/ns, or correct `path` in stdkit.yml

            """)
        let check = await CLIRun.run(["check", "--lang", "en", "--only", "upstream-missing"], in: scene.school)
        #expect(check.output.hasPrefix("""
            stdkit.yml:4:11: error: upstream 'ns' is not there: the folder vendor/ns does not exist [upstream-missing]
                hint: copy release v2025.1 of the upstream project into vendor/ns, or correct `path` in stdkit.yml

            """))
        let json = await CLIRun.run(["upstream", "status", "--format", "json", "--lang", "en"], in: scene.school)
        #expect(json.status == 1)
        let upstream = try #require(((try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])?["upstreams"] as? [[String: Any]])?.first)
        #expect(upstream["copy"] as? String == "absent")
        #expect((upstream["findings"] as? [[String: String]])?.map { [$0["rule"], $0["severity"], $0["message"]] } == [
            ["upstream-missing", "error", "upstream 'ns' is not there: the folder vendor/ns does not exist"],
        ])
    }

    @Test func statusWithoutUpstreams() async throws {
        let root = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write(["stdkit.yml": "name: 方案\n", "p.md": "---\nid: P1\nkind: programme\ntitle: 方案\n---\n"], to: root)
        let run = await CLIRun.run(["upstream", "status", "--lang", "en"], in: root)
        #expect(run.status == 0)
        #expect(run.output == "this project declares no upstream; to implement a national standard, declare it under `upstream` in stdkit.yml (docs/upstream.md)\n")
    }

    // MARK: - diff

    /// Everything before the findings after updating, which the check's rules word.
    static let diffText = """
        upstream ns (vendor/ns): what release v2026.1 changes against v2025.1 for this project
        4 changes in 2 documents; touching this project: 2; asking it for something new: 1

        ns:COURSE-NS-TWIN 数字孪生与虚拟调试 (course)
          document added
            nothing local names it

        ns:PROG-NS 专业教学标准 (programme 1.0.0 → 1.1.0)
          total_hours: 2600 → 2700
            local places that name it:
              P1 implements  p.md:5
          course added to `courses`: ns:COURSE-NS-TWIN (professional-core, 48 hours)
            no local course implements it: add a course with `implements: ns:COURSE-NS-TWIN` and list it in the programme's `courses` as professional-core
          S1 reworded: 能按工艺文件示教编程{+并完成视觉引导抓取+}
            local places that name it, suspect after updating until reviewed (stdkit review):
              C1#LO1  c.md:8
              P1#S1  p.md:11

        after updating to v2026.1, stdkit check will report (the upstream rules, and links into the upstream):

        """

    /// What the check will say after updating: the suspect links the reworded S1 makes (the
    /// reviewed text is in the school's history: the vendored copy was committed), the new core
    /// course and the raised hours; and what the programme already lacked against the upstream
    /// (C1 not in its courses, S3 met by nothing). Not the local suspect link C1#LO1->P1#S1.
    static let afterUpdating = """
        c.md:8:26: warning: LO1 covers ns:PROG-NS#S1, which changed since the link was reviewed: 能按工艺文件示教编程{+并完成视觉引导抓取+} [suspect-link]
         8 | - **LO1** 会示教编程 → P1#S1, ns:PROG-NS#S1
           |                               ^
            hint: review LO1 against the new text and adapt it if needed, then: stdkit review accept C1#LO1->ns:PROG-NS#S1
        p.md:5:13: error: programme P1 lacks professional core course '工业机器人现场编程' (ns:COURSE-NS-PROG) of '专业教学标准' (ns:PROG-NS): C1 implements it but is not in `courses` [upstream-core-course]
         5 | implements: ns:PROG-NS
           |             ^
            hint: add C1 to `courses` as a professional-core entry
        p.md:5:13: error: programme P1 lacks professional core course '数字孪生与虚拟调试' (ns:COURSE-NS-TWIN) of '专业教学标准' (ns:PROG-NS): no entry of `courses` is it or implements it [upstream-core-course]
         5 | implements: ns:PROG-NS
           |             ^
            hint: add ns:COURSE-NS-TWIN to `courses` as a professional-core entry, or a local course whose `implements` is ns:COURSE-NS-TWIN
        p.md:5:13: warning: specification ns:PROG-NS#S3 of '专业教学标准' (ns:PROG-NS) ('能安装调试工作站') is met by no item of programme P1 [upstream-specification]
         5 | implements: ns:PROG-NS
           |             ^
            hint: add 'ns:PROG-NS#S3' after the arrow of the specification or outcome that meets it
        vendor/ns/p.md:16:5: note: ns:PROG-NS#S3 is stated here
        p.md:6:14: error: programme P1 has 2,650 hours in total, below the 2,700 hours of '专业教学标准' (ns:PROG-NS) [upstream-hours]
         6 | total_hours: 2650
           |              ^
            hint: raise the total hours to at least 2,700
        p.md:11:21: warning: S1 covers ns:PROG-NS#S1, which changed since the link was reviewed: 能按工艺文件示教编程{+并完成视觉引导抓取+} [suspect-link]
         11 | - **S1** 能示教编程与调试 → ns:PROG-NS#S1
            |                             ^
            hint: review S1 against the new text and adapt it if needed, then: stdkit review accept P1#S1->ns:PROG-NS#S1
        checked 2 files: 3 errors, 3 warnings

        """

    @Test func diffOfAVendoredCopyFromAClone() async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        // A local rewording makes a local link suspect: the ordinary check's business, not the update's.
        try Self.write(["p.md": Self.schoolProgramme.replacingOccurrences(of: "能示教编程 →", with: "能示教编程与调试 →")], to: scene.school)
        let check = await CLIRun.run(["check", "--only", "suspect-link", "--lang", "en"], in: scene.school)
        #expect(check.output.hasPrefix("c.md:8:19: warning: LO1 covers P1#S1"))

        let run = await CLIRun.run(["upstream", "diff", "v2025.1..v2026.1", "--repo", "../national", "--lang", "en"], in: scene.school)
        #expect(run.status == 0)
        #expect(run.errors == "")
        #expect(run.output == Self.diffText + Self.afterUpdating)
    }

    @Test func diffInChinese() async throws {
        let scene = try await Self.scene(lang: "zh-CN")
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let run = await CLIRun.run(["upstream", "diff", "v2025.1..v2026.1", "--repo", "../national"], in: scene.school)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("""
            上游 ns（vendor/ns）：v2026.1 版相对 v2025.1 版对本项目的影响
            2 个文档共 4 项变更：2 项涉及本项目，1 项需要本项目新增内容

            ns:COURSE-NS-TWIN 数字孪生与虚拟调试（课程标准）
              新增文档
                本地没有引用

            ns:PROG-NS 专业教学标准（专业教学标准，1.0.0 → 1.1.0）
              total_hours：2600 → 2700
                本地引用之处：
                  P1 implements  p.md:5
              `courses` 新增课程：ns:COURSE-NS-TWIN（专业核心课程，48 学时）
                本地没有课程实施它：须新增一门课程，写明 `implements: ns:COURSE-NS-TWIN`，并在专业人才培养方案的 `courses` 中列为专业核心课程
              S1 改写：能按工艺文件示教编程{+并完成视觉引导抓取+}
                本地引用之处（升级后成为可疑链接，须复核后确认，见 stdkit review）：
                  C1#LO1  c.md:8
                  P1#S1  p.md:11

            升级到 v2026.1 后，stdkit check 将报告（上游类规则及指向上游的链接）：
            c.md:8:26: 警告: LO1 对应的 ns:PROG-NS#S1 在上次审核后已改动：“能按工艺文件示教编程{+并完成视觉引导抓取+}” [suspect-link]

            """))
    }

    @Test func diffAsJSON() async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let run = await CLIRun.run(["upstream", "diff", "v2025.1..v2026.1", "--repo", "../national", "--format", "json", "--lang", "en"], in: scene.school)
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect([json["version"], json["upstream"], json["path"], json["from"], json["to"]].map { $0 as? String } == ["1", "ns", "vendor/ns", "v2025.1", "v2026.1"])
        let documents = try #require(json["documents"] as? [[String: Any]])
        #expect(documents.map { "\($0["key"]!) \($0["kind"]!) \($0["status"]!) \($0["oldVersion"] ?? "-") \($0["newVersion"] ?? "-")" } == [
            "ns:COURSE-NS-TWIN course added - -", "ns:PROG-NS programme modified 1.0.0 1.1.0",
        ])
        func describe(_ change: [String: Any]) -> String {
            let touches = (change["touches"] as? [[String: Any]] ?? []).map { "\($0["document"]!)#\($0["item"] ?? $0["field"]!)@\($0["file"]!):\($0["line"]!):\($0["column"]!)" }
            let fields = ["kind", "item", "field", "old", "new", "wording", "course", "category", "hours", "missing"].compactMap { key in change[key].map { "\(key)=\($0)" } }
            return (fields + ["touches=" + touches.joined(separator: ",")]).joined(separator: " ")
        }
        #expect(documents.flatMap { ($0["changes"] as? [[String: Any]] ?? []).map(describe) } == [
            "kind=document-added touches=",
            "kind=field-changed field=total_hours old=2600 new=2700 touches=P1#implements@p.md:5:13",
            "kind=course-added course=ns:COURSE-NS-TWIN category=professional-core hours=48 missing=core-course touches=",
            "kind=item-reworded item=S1 old=能按工艺文件示教编程 new=能按工艺文件示教编程并完成视觉引导抓取 wording=能按工艺文件示教编程{+并完成视觉引导抓取+} touches=C1#LO1@c.md:8:26,P1#S1@p.md:11:18",
        ])
        let after = try #require(json["afterUpdating"] as? [String: Any])
        #expect(after["version"] as? String == "1")
        let suspect = (after["diagnostics"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "suspect-link" }
        #expect(suspect.map { "\($0["file"]!):\($0["line"]!):\($0["column"]!) \($0["severity"]!) \($0["message"]!)" } == [
            "c.md:8:26 warning LO1 covers ns:PROG-NS#S1, which changed since the link was reviewed: 能按工艺文件示教编程{+并完成视觉引导抓取+}",
            "p.md:11:18 warning S1 covers ns:PROG-NS#S1, which changed since the link was reviewed: 能按工艺文件示教编程{+并完成视觉引导抓取+}",
        ])
        #expect((after["summary"] as? [String: Int])?["files"] == 2)
    }

    /// A submodule's releases are read from the submodule itself: no `--repo`. The school's
    /// history holds no copy of the upstream's text: the suspect links are shown against the
    /// release followed now, which is the text they were reviewed with.
    @Test func diffOfASubmodule() async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let school = try await Self.submoduleSchool(in: scene)
        let run = await CLIRun.run(["upstream", "diff", "v2025.1..v2026.1", "--lang", "en"], in: school)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix(Self.diffText))
        #expect(run.output.contains("""
            p.md:11:18: warning: S1 covers ns:PROG-NS#S1, which changed since the link was reviewed: 能按工艺文件示教编程{+并完成视觉引导抓取+} [suspect-link]

            """))
        // Read back to front: what v2025.1 changes against v2026.1.
        let back = await CLIRun.run(["upstream", "diff", "v2026.1..v2025.1", "--lang", "en", "--format", "json"], in: school)
        let changes = ((try JSONSerialization.jsonObject(with: Data(back.output.utf8)) as? [String: Any])?["documents"] as? [[String: Any]])?
            .flatMap { ($0["changes"] as? [[String: Any]] ?? []).map { "\($0["kind"]!) \($0["missing"] ?? "-")" } }
        #expect(changes == ["document-removed -", "field-changed -", "course-removed -", "item-reworded -"])
    }

    @Test func aVendoredCopyNeedsTheRepository() async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let run = await CLIRun.run(["upstream", "diff", "v2025.1..v2026.1", "--lang", "en"], in: scene.school)
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.errors == "error: upstream 'ns' at vendor/ns is a vendored copy, not a git checkout: its releases are not there to compare; give a clone of the upstream's repository with --repo DIR\n")
        let zh = await CLIRun.run(["upstream", "diff", "v2025.1..v2026.1", "--lang", "zh-CN"], in: scene.school)
        #expect(zh.errors == "error: 上游“ns”（vendor/ns）是复制进来的副本，不是 git 检出，无法取得其各个版本进行比较；请用 --repo DIR 指定上游仓库的克隆\n")
        let notARepository = await CLIRun.run(["upstream", "diff", "v2025.1..v2026.1", "--repo", "vendor", "--lang", "en"], in: scene.school)
        #expect(notARepository.status == 2)
        #expect(notARepository.errors.hasPrefix("error: vendor is not the top folder of a git repository"))
    }

    @Test func unknownRevisionsAreNamedWithTheTags() async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let top = try GitRepository(containing: scene.national).top.path
        let run = await CLIRun.run(["upstream", "diff", "v2025.1..v2099.1", "--repo", "../national", "--lang", "en"], in: scene.school)
        #expect(run.status == 2)
        #expect(run.errors == "error: 'v2099.1' is not a release or commit of the upstream's repository \(top) (its tags: v2025.1, v2026.1); fetch the tags with `git -C \(top) fetch --tags`\n")
        let unknownFirst = await CLIRun.run(["upstream", "diff", "v2024.1..v2026.1", "--repo", "../national", "--lang", "en"], in: scene.school)
        #expect(unknownFirst.errors.hasPrefix("error: 'v2024.1' is not a release"))
    }

    @Test(arguments: [
        (["v2025.1"], "Error: 'v2025.1' is not a range of releases: write OLD..NEW, e.g. v2025.1..v2026.1\n"),
        (["v2025.1..v2026.1", "--upstream", "gd"], "error: 'gd' is not an upstream of this project (declared: ns)\n"),
    ])
    func badArguments(arguments: [String], error: String) async throws {
        let scene = try await Self.scene()
        defer { try? FileManager.default.removeItem(at: scene.root) }
        let run = await CLIRun.run(["upstream", "diff"] + arguments + ["--lang", "en"], in: scene.school)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix(error))
    }

    // MARK: - Support

    static func write(_ files: [String: String], to root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    struct GitFailed: Error {
        var command: String
    }

    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=stdkit test", "-c", "user.email=test@stdkit.invalid", "-c", "init.defaultBranch=main",
                             "-c", "tag.gpgSign=false", "-c", "commit.gpgSign=false", "-c", "protocol.file.allow=always"] + arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw GitFailed(command: "git \(arguments.joined(separator: " ")) in \(folder.path)")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
