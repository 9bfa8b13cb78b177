import Foundation
import Testing
@testable import StdKitCLI
import StdKitModel

@Suite("stdkit catalogue")
struct CatalogueCommandTests {
    /// A small school project: a job profile with R1 and R2, a programme with a course table,
    /// and a course standard for each entry. `outcomes` are the targets of COURSE-OP's outcomes.
    struct School {
        var folder: String
        var name: String
        var lang = "zh-CN"
        var parties: String
        var pilot: String? = nil
        /// Entries of the programme: id, category, theory, practice, credits.
        var courses: [(id: String, category: String, theory: Int, practice: Int, credits: Int)] = []
        var outcomes: [String] = ["JOB-OP#R1", "JOB-OP#R2"]
        /// More lines of stdkit.yml, of the programme's front matter, and more files.
        var configExtra = ""
        var programmeExtra = ""
        var files: [String: String] = [:]

        func write(under root: URL) throws {
            let folder = root.appendingPathComponent(self.folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var config = "name: \(name)\nlang: \(lang)\nparties:\n\(parties)"
            if let pilot { config += "pilot: \(pilot)\n" }
            // The findings a test counts are its own: sections and link review are not its subject.
            config += "rules: {missing-section: \"off\", unreviewed-link: \"off\"}\n" + configExtra
            var files = self.files
            files["stdkit.yml"] = config
            files["job.md"] = """
                ---
                id: JOB-OP
                kind: job-profile
                title: 操作员
                version: 1.0.0
                status: draft
                owner: \(partyIDs.last ?? "")
                ---

                # 操作员

                ## 典型工作任务

                - **T1** 运行生产线。

                ## 职业能力要求

                - **R1** 安全启停设备。 → #T1
                - **R2** 换型。 → #T1

                """
            if !courses.isEmpty {
                let entries = courses.map { "  - {id: \($0.id), category: \($0.category), hours: {theory: \($0.theory), practice: \($0.practice)}, credits: \($0.credits), semester: 1}" }
                files["programme.md"] = """
                    ---
                    id: PROG-\(self.folder.uppercased())
                    kind: programme
                    title: 工业机器人技术专业人才培养方案
                    version: 1.0.0
                    status: draft
                    owner: \(partyIDs.first ?? "")
                    major: {name: 工业机器人技术, code: "460305"}
                    \(programmeExtra)courses:
                    \(entries.joined(separator: "\n"))
                    ---

                    # 工业机器人技术专业人才培养方案

                    """
                for course in courses {
                    let lines = course.id == "COURSE-OP" ? outcomes.enumerated().map { "- **LO\($0.offset + 1)** 目标 → \($0.element)" }.joined(separator: "\n") : "本课程不对应岗位要求。"
                    files["courses/\(course.id.lowercased()).md"] = """
                        ---
                        id: \(course.id)
                        kind: course
                        title: \(course.id)
                        version: 1.0.0
                        status: draft
                        owner: \(partyIDs.first ?? "")
                        hours: {theory: \(course.theory), practice: \(course.practice)}
                        credits: \(course.credits)
                        semester: 1
                        category: \(course.category)
                        ---

                        # \(course.id)

                        ## 课程目标

                        \(lines)

                        """
                }
            }
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        }

        private var partyIDs: [String] {
            parties.split(separator: "\n").compactMap { line in
                line.range(of: "id: ").map { String(line[$0.upperBound...].prefix { $0 != "," }) }
            }
        }
    }

    /// A clean Cantonese school of the 2026 batch, a Zhejiang one of 2025 with findings, an
    /// English project whose only region is its enterprise's and which has no programme.
    static let schools = [
        School(folder: "01-yuehai", name: "粤海工业机器人技术专业", parties: """
                 - {id: yhzy, name: 粤海职业技术学院, kind: school, region: "440100"}
                 - {id: hnauto, name: 华南汽车制造有限公司, kind: enterprise, region: "440300"}

               """, pilot: "{batch: 2026, level: provincial}",
               courses: [("COURSE-OP", "professional-core", 12, 20, 2), ("COURSE-PE", "public-basic", 20, 16, 2)]),
        School(folder: "02-zhejiang", name: "浙江机电工业机器人", parties: """
                 - {id: zjjd, name: 浙江机电职业技术学院, kind: school, region: "330100"}
                 - {id: zjauto, name: 浙江某汽车有限公司, kind: enterprise}

               """, pilot: "{batch: 2025, level: national}",
               courses: [("COURSE-OP", "professional-core", 40, 60, 6), ("COURSE-EL", "professional-elective", 10, 10, 1)],
               outcomes: ["JOB-OP#R1", "JOB-OP#R9"]),
        School(folder: "03-english", name: "Riverside packaging", lang: "en", parties: """
                 - {id: college, name: Riverside Vocational College, kind: school}
                 - {id: northwind, name: Northwind Packaging Ltd., kind: enterprise, region: "110105"}

               """),
    ]

    static func makeSchools() throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        for school in schools { try school.write(under: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("not-a-project"), withIntermediateDirectories: true)
        return folder
    }

    struct Envelope: Decodable {
        var version: String
        var generator: String
        var projects: [CatalogueEntry]
        var summary: [String: Int]
    }

    static func envelope(_ site: URL) throws -> Envelope {
        try JSONDecoder().decode(Envelope.self, from: Data(contentsOf: site.appendingPathComponent("catalogue.json")))
    }

    @Test func cataloguesEachProjectWithItsFiguresAndKeepsGoingPastOneThatFails() async throws {
        let folder = try Self.makeSchools()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = await CLIRun.run(["catalogue", "01-yuehai", "02-zhejiang", "03-english", "missing", "not-a-project", "-o", "site"], in: folder)
        #expect(run.status == 0)
        #expect(run.output == "catalogued 5 projects (2 could not be read) into site\nopen site/index.html\n")
        // Not a terminal: no progress, only the two failures, one line each.
        #expect(run.errors == """
            warning: no such folder: missing; listed as failed
            warning: not-a-project has no stdkit.yml: not a stdkit project; listed as failed

            """)
        let site = folder.appendingPathComponent("site")
        let json = try Self.envelope(site)
        #expect(json.version == "1")
        #expect(json.summary == ["projects": 5, "failed": 2])
        #expect(json.projects.map(\.folder) == ["01-yuehai", "02-zhejiang", "03-english", "missing", "not-a-project"])

        let yuehai = json.projects[0]
        #expect(yuehai.name == "粤海工业机器人技术专业")
        #expect(yuehai.school == "粤海职业技术学院")
        #expect(yuehai.region == "440100")
        #expect(yuehai.province == "44")
        #expect(yuehai.batch == 2026)
        #expect(yuehai.level == "provincial")
        #expect(yuehai.parties == [CatalogueEntry.Party(id: "yhzy", name: "粤海职业技术学院", kind: "school", region: "440100"),
                                   CatalogueEntry.Party(id: "hnauto", name: "华南汽车制造有限公司", kind: "enterprise", region: "440300")])
        #expect(yuehai.programme == CatalogueEntry.Programme(id: "PROG-01-YUEHAI", title: "工业机器人技术专业人才培养方案", majorCode: "460305"))
        #expect(yuehai.findings == CatalogueEntry.Findings())
        #expect(yuehai.coverage == CatalogueEntry.Coverage(covered: 2, total: 2))
        // 12 + 20 + 20 + 16 hours; practice 36 of 68, public basic 36 of 68, no electives.
        #expect(yuehai.hours == CatalogueEntry.Hours(total: 68, practice: 36, credits: 4, practiceShare: 36.0 / 68,
                                                     publicBasicShare: 36.0 / 68, electiveShare: 0))
        #expect(yuehai.documents == 4)
        #expect(yuehai.failure == nil)

        let zhejiang = json.projects[1]
        #expect(zhejiang.region == "330100")
        #expect(zhejiang.batch == 2025)
        // COURSE-OP's LO2 names R9, which does not exist, and so R2 is covered by nothing.
        #expect(zhejiang.findings == CatalogueEntry.Findings(errors: 1, warnings: 1, byFamily: ["references": 1, "coverage": 1]))
        #expect(zhejiang.coverage == CatalogueEntry.Coverage(covered: 1, total: 2))
        #expect(zhejiang.hours == CatalogueEntry.Hours(total: 120, practice: 70, credits: 7, practiceShare: 70.0 / 120,
                                                       publicBasicShare: 0, electiveShare: 20.0 / 120))

        let english = json.projects[2]
        #expect(english.lang == "en")
        // The school states no region: the enterprise's stands for the project.
        #expect(english.region == "110105")
        #expect(english.batch == nil)
        #expect(english.programme == nil)
        #expect(english.hours == nil)
        #expect(english.documents == 1)

        #expect(json.projects[3] == .failed(folder: "missing", name: "missing", .missingFolder, detail: "no such folder: missing"))
        #expect(json.projects[4].failure == .notAProject)

        // The table: one row per project in the list's order, filter values on the row.
        let html = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        let rows = html.components(separatedBy: "\n").filter { $0.hasPrefix("<tr data-province=") }
        #expect(rows.count == 5)
        #expect(rows[0].hasPrefix("<tr data-province=\"44\" data-batch=\"2026\"><td data-sort=\"粤海职业技术学院\">粤海职业技术学院<div class=\"project\">粤海工业机器人技术专业</div>"))
        #expect(rows[0].contains("<td data-sort=\"440100\">广东 <code>440100</code></td><td data-sort=\"2026\">2026 省级</td>"))
        #expect(rows[0].contains("<td class=\"number ok\" data-sort=\"0\">✓</td><td class=\"number\" data-sort=\"1.0000\">100%（2/2）</td><td class=\"number\" data-sort=\"68\">68</td><td class=\"number\" data-sort=\"4\">4</td><td class=\"number\" data-sort=\"0.5294\">52.9%</td>"))
        #expect(rows[1].hasPrefix("<tr data-province=\"33\" data-batch=\"2025\">"))
        #expect(rows[1].contains("<td class=\"findings errors\" data-sort=\"1001000\">1 个错误，1 个警告<div class=\"families\">引用 1 · 覆盖 1</div></td>"))
        #expect(rows[2].hasPrefix("<tr data-province=\"11\" data-batch=\"none\">"))
        #expect(rows[3].hasPrefix("<tr data-province=\"\" data-batch=\"\" class=\"failed\"><td data-sort=\"missing\">missing<div class=\"folder\"><code>missing</code></div><div class=\"failure\">无法读取：目录不存在</div></td>"))
        #expect(rows[4].contains("缺少 stdkit.yml，不是 stdkit 项目"))
        // The filters offer what the projects have, with their counts.
        #expect(html.contains("<option value=\"11\">北京（1）</option>\n<option value=\"33\">浙江（1）</option>\n<option value=\"44\">广东（1）</option>\n</select>"))
        #expect(html.contains("<option value=\"2025\">2025（1）</option>\n<option value=\"2026\">2026（1）</option>\n<option value=\"none\">未注明（1）</option>\n</select>"))
        for file in ["index.html", "catalogue.json", "assets/style.css", "assets/catalogue.js"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file) missing")
        }
    }

    /// A school that implements a vendored national standard, and one whose upstream folder is
    /// missing (a submodule not initialised): the conformance column counts the `upstream`
    /// family's findings.
    @Test func upstreamsAndTheirConformance() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let national = """
            ---
            id: PROG-NS-460305
            kind: programme
            title: 工业机器人技术专业教学标准
            version: 1.0.0
            status: published
            ---

            # 工业机器人技术专业教学标准

            """
        let upstream = "upstream:\n  - {id: ns, path: vendor/ns-460305, release: v2025.1}\n"
        let parties = "  - {id: gzjd, name: 广州机电职业技术学院, kind: school, region: \"440100\"}\n  - {id: gzauto, name: 广州某汽车有限公司, kind: enterprise}\n"
        let courses: [(id: String, category: String, theory: Int, practice: Int, credits: Int)] = [("COURSE-OP", "professional-core", 12, 20, 2)]
        try School(folder: "vendored", name: "广州机电工业机器人", parties: parties, courses: courses, configExtra: upstream,
                   programmeExtra: "implements: ns:PROG-NS-460305\n",
                   files: ["vendor/ns-460305/stdkit.yml": "name: 工业机器人技术专业教学标准（2025）\n", "vendor/ns-460305/programme.md": national])
            .write(under: folder)
        try School(folder: "not-fetched", name: "广州机电（未拉取上游）", parties: parties, courses: courses, configExtra: upstream,
                   programmeExtra: "implements: ns:PROG-NS-460305\n")
            .write(under: folder)
        let run = await CLIRun.run(["catalogue", "vendored", "not-fetched", "-o", "site"], in: folder)
        #expect(run.status == 0)
        #expect(run.errors == "")
        let json = try Self.envelope(folder.appendingPathComponent("site"))
        let vendored = json.projects[0]
        #expect(vendored.programme?.implements == "ns:PROG-NS-460305")
        #expect(vendored.upstreams == [CatalogueEntry.Upstream(id: "ns", path: "vendor/ns-460305", release: "v2025.1",
                                                               name: "工业机器人技术专业教学标准（2025）", present: true)])
        #expect(vendored.findings == CatalogueEntry.Findings())
        // The upstream's own documents are not the school's.
        #expect(vendored.documents == 3)
        let missing = json.projects[1]
        #expect(missing.upstreams == [CatalogueEntry.Upstream(id: "ns", path: "vendor/ns-460305", release: "v2025.1", present: false)])
        // One finding, naming the fix; nothing else is reported against the absent upstream.
        #expect(missing.findings == CatalogueEntry.Findings(errors: 1, byFamily: ["upstream": 1]))
        let html = try String(contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
        let rows = html.components(separatedBy: "\n").filter { $0.hasPrefix("<tr data-province=") }
        #expect(rows[0].contains("<td data-sort=\"ns:PROG-NS-460305 v2025.1\"><code>ns:PROG-NS-460305</code><br>工业机器人技术专业教学标准（2025） <span class=\"release\">v2025.1</span></td><td class=\"number ok\" data-sort=\"0\">✓</td>"))
        #expect(rows[1].contains("<span class=\"missing\">上游目录缺失</span></td><td class=\"number findings\" data-sort=\"1\">1</td>"))
    }

    /// The catalogue counts what `stdkit check` reports, project by project: the flagship and a
    /// fixture with findings.
    @Test func findingsAreTheChecksOwn() async throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let projects = ["standards", "\(CLIRun.checkFixtures)/unresolved-reference"]
        let run = await CLIRun.run(["catalogue"] + projects + ["-o", folder.appendingPathComponent("site").path])
        #expect(run.status == 0)
        let entries = try Self.envelope(folder.appendingPathComponent("site")).projects
        for (project, entry) in zip(projects, entries) {
            let check = await CLIRun.run(["check", "--format", "json", project])
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any])["summary"] as? [String: Int]
            #expect(entry.findings.errors == summary?["errors"], "\(project)")
            #expect(entry.findings.warnings == summary?["warnings"], "\(project)")
            #expect(entry.documents == summary?["files"], "\(project)")
        }
        #expect(entries[1].findings.byFamily == ["references": 4])
        #expect(entries[0].region == "440100")
        #expect(entries[0].school == "粤海职业技术学院")
    }

    @Test func theListSkipsCommentsAndBlankLinesAndReadsFoldersRelativeToItself() async throws {
        let folder = try Self.makeSchools()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lists = folder.appendingPathComponent("lists")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try "# 广东省第一批\n\n../01-yuehai\r\n   # 浙江\n  ../02-zhejiang  \n\(folder.path)/03-english\n".write(
            to: lists.appendingPathComponent("pilot.txt"), atomically: true, encoding: .utf8)
        // Run from elsewhere: the folders are the list's, not the current folder's.
        let run = await CLIRun.run(["catalogue", "--list", lists.appendingPathComponent("pilot.txt").path, "-o", folder.appendingPathComponent("out").path],
                                   in: CLIRun.repository)
        #expect(run.status == 0)
        #expect(run.errors == "")
        let json = try Self.envelope(folder.appendingPathComponent("out"))
        #expect(json.projects.map(\.folder) == ["../01-yuehai", "../02-zhejiang", "\(folder.path)/03-english"])
        #expect(json.projects.map(\.failure) == [nil, nil, nil])
        #expect(json.projects.map(\.school) == ["粤海职业技术学院", "浙江机电职业技术学院", "Riverside Vocational College"])
    }

    @Test func aGitURLInTheListIsRefusedWithItsLine() async throws {
        let folder = try Self.makeSchools()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "01-yuehai\n# 下一行是仓库地址\nhttps://gitee.com/pilot/school-0002.git\n".write(
            to: folder.appendingPathComponent("list.txt"), atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["catalogue", "--list", "list.txt", "-o", "site"], in: folder)
        #expect(run.status == 2)
        #expect(run.errors == "error: list.txt:3: 'https://gitee.com/pilot/school-0002.git' is a git URL; clone it first (git clone https://gitee.com/pilot/school-0002.git) and list the folder of the clone\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test(arguments: [
        ("https://gitee.com/a/b.git", true), ("ssh://git@host/a.git", true), ("git@github.com:pilot/school.git", true),
        ("file:///srv/git/a", true), ("schools/0001-粤海", false), ("/srv/schools/0001", false), ("a@b/c:d", false),
        ("./weird:name", false),
    ])
    func gitURLs(text: String, isURL: Bool) {
        #expect(CatalogueList.isGitURL(text) == isURL)
    }

    @Test func badArgumentsExitWithTwo() async throws {
        let folder = try Self.makeSchools()
        defer { try? FileManager.default.removeItem(at: folder) }
        let none = await CLIRun.run(["catalogue", "-o", "site"], in: folder)
        #expect(none.status == 2)
        #expect(none.errors.contains("name the project folders, or a file listing them with --list FILE"))
        let noOutput = await CLIRun.run(["catalogue", "01-yuehai"], in: folder)
        #expect(noOutput.status == 2)
        let noList = await CLIRun.run(["catalogue", "--list", "nowhere.txt", "-o", "site"], in: folder)
        #expect(noList.status == 2)
        #expect(noList.errors == "error: cannot read the list nowhere.txt: no such file\n")
        try "# nothing yet\n".write(to: folder.appendingPathComponent("empty.txt"), atomically: true, encoding: .utf8)
        let empty = await CLIRun.run(["catalogue", "--list", "empty.txt", "-o", "site"], in: folder)
        #expect(empty.status == 2)
        #expect(empty.errors == "error: empty.txt names no project folder\n")
        // A folder stdkit did not write is never replaced.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try "keep\n".write(to: folder.appendingPathComponent("mine/notes.txt"), atomically: true, encoding: .utf8)
        let refused = await CLIRun.run(["catalogue", "01-yuehai", "-o", "mine"], in: folder)
        #expect(refused.status == 2)
        #expect(try String(contentsOf: folder.appendingPathComponent("mine/notes.txt"), encoding: .utf8) == "keep\n")
    }

    @Test func theProgressBarIsDrawnInPlaceOnATerminalOnly() async throws {
        let folder = try Self.makeSchools()
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = Capture()
        let environment = CommandEnvironment(currentDirectory: folder, output: Capture().sink, errors: errors.sink, errorsIsTerminal: true)
        let status = await StdKit.run(["catalogue", "01-yuehai", "missing", "-o", "site"], in: environment)
        #expect(status == 0)
        #expect(errors.value == "\r[##########----------] 1/2 粤海职业技术学院\u{1B}[K"
            + "\r\u{1B}[Kwarning: no such folder: missing; listed as failed\n"
            + "\r[####################] 2/2 missing\u{1B}[K"
            + "\r\u{1B}[K")
        let quiet = await CLIRun.run(["catalogue", "01-yuehai", "02-zhejiang", "-o", "site"], in: folder)
        #expect(quiet.status == 0)
        #expect(quiet.errors == "")
    }

    /// Two projects read at once give the same site, byte for byte, as one at a time: entries,
    /// warnings and progress follow the list's order whichever project finishes first.
    @Test func readingSeveralAtOnceGivesTheSameCatalogue() async throws {
        let folder = try Self.makeSchools()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["catalogue", "02-zhejiang", "missing", "01-yuehai", "03-english", "not-a-project", "01-yuehai"]
        let one = await CLIRun.run(arguments + ["--jobs", "1", "-o", "one"], in: folder)
        let three = await CLIRun.run(arguments + ["--jobs", "3", "-o", "three"], in: folder)
        #expect(one.status == 0)
        #expect(three.status == 0)
        #expect(one.errors == three.errors)
        for file in ["index.html", "catalogue.json"] {
            let a = try Data(contentsOf: folder.appendingPathComponent("one/" + file))
            let b = try Data(contentsOf: folder.appendingPathComponent("three/" + file))
            #expect(a == b, "\(file) differs")
        }
        #expect(try Self.envelope(folder.appendingPathComponent("three")).projects.map(\.folder)
            == ["02-zhejiang", "missing", "01-yuehai", "03-english", "not-a-project", "01-yuehai"])
        let zero = await CLIRun.run(["catalogue", "01-yuehai", "--jobs", "0", "-o", "zero"], in: folder)
        #expect(zero.status == 2)
        #expect(zero.errors.contains("--jobs must be at least 1"))
    }

    @Test func aLongNameIsCutInTheProgressBar() {
        let name = String(repeating: "职", count: 45)
        #expect(CatalogueProgress.line(done: 412, total: 1000, name: name)
            == "[########------------] 412/1000 " + String(repeating: "职", count: 39) + "…")
    }

    @Test func thePageIsInTheFirstProjectsLanguageUnlessAsked() async throws {
        let folder = try Self.makeSchools()
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = await CLIRun.run(["catalogue", "missing", "03-english", "01-yuehai", "-o", "en"], in: folder)
        #expect(english.status == 0)
        let page = try String(contentsOf: folder.appendingPathComponent("en/index.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<th data-column=\"hours\" data-type=\"number\" aria-sort=\"none\"><button type=\"button\">Total hours</button></th>"))
        #expect(page.contains("<td data-sort=\"440100\">Guangdong <code>440100</code></td>"))
        let chinese = await CLIRun.run(["catalogue", "03-english", "--lang", "zh-CN", "--title", "广东省试点", "-o", "zh"], in: folder)
        #expect(chinese.status == 0)
        let zh = try String(contentsOf: folder.appendingPathComponent("zh/index.html"), encoding: .utf8)
        #expect(zh.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(zh.contains("<title>广东省试点</title>"))
        #expect(zh.contains("<button type=\"button\">总学时</button>"))
    }
}
