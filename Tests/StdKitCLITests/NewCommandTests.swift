import Foundation
import Testing
@testable import StdKitCLI

@Suite("stdkit new")
struct NewCommandTests {
    /// A project made by `stdkit init` in `lang`.
    static func project(lang: String) async throws -> URL {
        let folder = try CLIRun.temporaryFolder()
        let created = await CLIRun.run(["init", "p", "--lang", lang], in: folder)
        #expect(created.status == 0, "\(created.errors)")
        return folder.appendingPathComponent("p")
    }

    static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    @Test(arguments: ["zh-CN", "en"])
    func everyKindMakesADocumentTheCheckAccepts(lang: String) async throws {
        let root = try await Self.project(lang: lang)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let expected = [
            ("job-profile", "jobs/job-new.md", lang == "en" ? "## Competence requirements" : "## 职业能力要求"),
            ("course", "courses/course-new.md", lang == "en" ? "## Learning outcomes" : "## 课程目标"),
            ("programme", "programme/prog-new.md", lang == "en" ? "## Training specifications" : "## 培养规格"),
            ("material", "materials/mat-new.md", "# "),
            ("certificate", "certificates/cert-new.md", lang == "en" ? "## Skill requirements" : "## 职业技能等级要求"),
        ]
        for (kind, path, heading) in expected {
            let id = path.split(separator: "/")[1].dropLast(3).uppercased()
            let run = await CLIRun.run(["new", kind, id], in: root)
            #expect(run.status == 0, "\(kind): \(run.errors)")
            #expect(run.output.contains("created \(path)"), "\(kind): \(run.output)")
            let text = Self.read(root.appendingPathComponent(path))
            #expect(text.hasPrefix("---\nid: \(id)\nkind: \(kind)\n"), "\(kind): \(text)")
            #expect(text.contains("\nversion: 0.1.0\nstatus: draft\n"))
            #expect(text.contains("\n" + heading), "\(kind) has its sections in \(lang): \(text)")
            let (school, enterprise) = lang == "en" ? ("college", "company") : ("school", "enterprise")
            #expect(text.contains(kind == "job-profile" || kind == "certificate" ? "owner: \(enterprise)" : "owner: \(school)"))
        }
        let check = await CLIRun.run(["check", "--format", "json"], in: root)
        #expect(check.status == 0, "new documents have no error: \(check.output)")
        let findings = try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any]
        let rules = Set(((findings?["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
        #expect(rules.isSubset(of: ["empty-section", "course-not-in-programme", "material-supports-nothing"]), "\(rules)")
        #expect(rules.contains("empty-section"), "the check lists the sections to write")
    }

    /// The kinds of cooperation come filled from the project — its programme, parties, job
    /// profile and course — with a sentence or an item in every section, and check clean.
    @Test(arguments: ["zh-CN", "en"])
    func cooperationKindsMakeDocumentsThatCheckClean(lang: String) async throws {
        let root = try await Self.project(lang: lang)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let (school, enterprise) = lang == "en" ? ("college", "company") : ("school", "enterprise")
        for (kind, id) in [("apprenticeship", "APP-NEW"), ("training", "TRN-NEW"), ("facility", "LAB-NEW")] {
            let run = await CLIRun.run(["new", kind, id], in: root)
            #expect(run.status == 0, "\(kind): \(run.errors)")
            #expect(run.output.contains("created \(kind)/\(id.lowercased()).md"), "\(kind): \(run.output)")
        }
        let apprenticeship = Self.read(root.appendingPathComponent("apprenticeship/app-new.md"))
        #expect(apprenticeship.contains("\nowner: \(school)\n"))
        #expect(apprenticeship.contains("\nprogramme: PROG-EXAMPLE\nenterprise: \(enterprise)\n"))
        #expect(apprenticeship.contains("\nschedule:\n  - {semester: 3, weeks: 1-10, place: school}\n  - {semester: 3, weeks: 11-20, place: enterprise, posts: [P1]}\n"))
        #expect(apprenticeship.contains("\nassessment: {\(school): 50, \(enterprise): 50}\n"))
        #expect(apprenticeship.contains(lang == "en" ? "\nrecruitment: {mode: enrolment-is-employment, contract: tripartite agreement}\n"
                                                     : "\nrecruitment: {mode: 招生即招工, contract: 三方协议}\n"))
        #expect(apprenticeship.contains(" → JOB-EXAMPLE#T1 {weeks=10}\n"))
        #expect(apprenticeship.contains("- **M1** ") && apprenticeship.contains("{party=\(enterprise)}\n"))
        #expect(apprenticeship.contains(lang == "en" ? "\n## Alternation schedule\n" : "\n## 教学组织与交替安排\n"))
        let training = Self.read(root.appendingPathComponent("training/trn-new.md"))
        #expect(training.contains("\nowner: \(enterprise)\n"), "an employee training is the enterprise's")
        #expect(training.contains(" → JOB-EXAMPLE#R1, COURSE-EXAMPLE#U1 {hours=16}\n"))
        #expect(training.contains(lang == "en" ? "\n## Modules and hours\n" : "\n## 培训模块与学时\n"))
        let facility = Self.read(root.appendingPathComponent("facility/lab-new.md"))
        #expect(facility.contains("\nlocation: school\nshared_with: [\(enterprise)]\nstations: 40\nseats_per_station: 1\ncourses: [COURSE-EXAMPLE]\n"))
        #expect(facility.contains(lang == "en" ? "\n## Sharing and management\n" : "\n## 共享与管理\n"))
        let check = await CLIRun.run(["check", "--format", "json"], in: root)
        let findings = try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any]
        let diagnostics = (findings?["diagnostics"] as? [[String: Any]]) ?? []
        // Only the module's new links await review by the parties (notes, as for any new link).
        #expect(diagnostics.map { "\($0["file"] ?? ""):\($0["line"] ?? 0) \($0["severity"] ?? "") \($0["rule"] ?? "")" }
                == ["training/trn-new.md:27 note unreviewed-link", "training/trn-new.md:27 note unreviewed-link"],
                "\(diagnostics.map { "\($0["file"] ?? ""): \($0["rule"] ?? "") \($0["message"] ?? "")" })")
        #expect(check.status == 0)
    }

    /// Under a profile with its own programme framework, a new programme has its headings, in
    /// its order, and the section rules accept it.
    @Test func aProgrammeHasTheProfilesSections() async throws {
        let root = try await Self.project(lang: "zh-CN")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let settings = root.appendingPathComponent("stdkit.yml")
        try (Self.read(settings) + "profile: cn-vocational-higher-2025\n").write(to: settings, atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["new", "programme", "PROG-NEW"], in: root)
        #expect(run.status == 0, "\(run.errors)")
        let text = Self.read(root.appendingPathComponent("programme/prog-new.md"))
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(headings == ["概述", "专业名称（专业代码）", "入学基本要求", "基本修业年限", "职业面向", "职业能力要求", "培养目标", "培养规格",
                             "课程设置及学时安排", "师资队伍", "教学条件", "质量保障和毕业要求"])
        let check = await CLIRun.run(["check", "--format", "json"], in: root)
        let findings = try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any]
        let sectionRules = ((findings?["diagnostics"] as? [[String: Any]]) ?? []).filter {
            ["missing-section", "section-order"].contains($0["rule"] as? String ?? "") && $0["file"] as? String == "programme/prog-new.md"
        }
        #expect(sectionRules.isEmpty, "\(sectionRules)")
        // The example programme `init` wrote has the schema's sections, which lack 概述.
        #expect(check.output.contains("缺少章节“概述”"))
    }

    @Test func titleAndOwnerAreTakenAndQuoted() async throws {
        let root = try await Self.project(lang: "zh-CN")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let run = await CLIRun.run(["new", "course", "COURSE-PLC", "--title", "PLC 应用: 基础", "--owner", "enterprise", "-o", "课程/plc.md"], in: root)
        #expect(run.status == 0, "\(run.errors)")
        let text = Self.read(root.appendingPathComponent("课程/plc.md"))
        #expect(text.contains("title: \"PLC 应用: 基础\"\n"))
        #expect(text.contains("owner: enterprise\nparties: [school, enterprise]\n"))
        #expect(text.contains("\n# PLC 应用: 基础\n"))
    }

    @Test func aNewDocumentGoesWhereTheKindsDocumentsAre() async throws {
        let root = try await Self.project(lang: "en")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("standards/courses"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: root.appendingPathComponent("courses/example-course.md"),
                                         to: root.appendingPathComponent("standards/courses/example-course.md"))
        let run = await CLIRun.run(["new", "course", "COURSE-B"], in: root.appendingPathComponent("jobs"))
        #expect(run.status == 0, "\(run.errors)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("standards/courses/course-b.md").path), "\(run.output)")
    }

    @Test func aRequiredFieldOfAProjectKindGetsAValueOfItsType() async throws {
        let root = try await Self.project(lang: "en")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        try """
            kind: workshop
            title: 实训基地 / Workshop
            fields:
              capacity: {type: integer, required: true}
              opened: {type: date, required: true}
              level: {type: enum, values: [basic, advanced], required: true}
              site: {type: mapping, required: true, fields: {city: {type: string, required: true}}}
            sections:
              - names: [设备, Equipment]
            """.write(to: root.appendingPathComponent("schemas/workshop.yml"), atomically: true, encoding: .utf8)
        let run = await CLIRun.run(["new", "workshop", "WS-1"], in: root)
        #expect(run.status == 0, "\(run.errors)")
        let text = Self.read(root.appendingPathComponent("workshop/ws-1.md"))
        #expect(text.contains("capacity: 0\n") && text.contains("level: basic\n") && text.contains("site:\n  city: \"\"\n"), "\(text)")
        #expect(text.contains("## Equipment"))
        let check = await CLIRun.run(["check", "workshop/ws-1.md"], in: root)
        #expect(check.status == 0, "\(check.output)")
        #expect(!check.output.contains("missing-field") && !check.output.contains("wrong-type"), "\(check.output)")
    }

    @Test func refusalsNameTheProblemAndWriteNothing() async throws {
        let root = try await Self.project(lang: "zh-CN")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let before = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
        let cases: [([String], String)] = [
            (["new", "lesson", "L-1"], "unknown kind 'lesson'; the kinds of this project are: apprenticeship, certificate, course, facility, job-profile, material, programme, training"),
            (["new", "course", "COURSE-EXAMPLE"], "the id COURSE-EXAMPLE is taken by courses/example-course.md"),
            (["new", "course", "course-example"], "the id course-example is taken by courses/example-course.md"),
            (["new", "course", "1-BAD"], "'1-BAD' is not a document id"),
            (["new", "course", "C-2", "--owner", "acme"], "party 'acme' is not declared in stdkit.yml (declared: school, enterprise)"),
            (["new", "course", "C-3", "-o", "courses/example-course.md"], "courses/example-course.md exists; nothing was written"),
        ]
        for (arguments, message) in cases {
            let run = await CLIRun.run(arguments, in: root)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.errors.contains(message), "\(arguments): \(run.errors)")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted() == before)
        let outside = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let run = await CLIRun.run(["new", "course", "C-4"], in: outside)
        #expect(run.status == 2 && run.errors.contains("create a project with 'stdkit init' first"), "\(run.errors)")
    }

    @Test func severalNewFilesAreCreatedAllOrNone() throws {
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "a file where a folder is wanted".write(to: folder.appendingPathComponent("blocked"), atomically: true, encoding: .utf8)
        let environment = CommandEnvironment(currentDirectory: folder, output: Capture().sink, errors: Capture().sink, outputIsTerminal: false, variables: [:])
        let files = [(url: folder.appendingPathComponent("jobs/a.md"), data: Data("甲".utf8)),
                     (url: folder.appendingPathComponent("blocked/b.md"), data: Data("乙".utf8))]
        #expect(throws: CommandFailure.self) { try DocumentCreation.createAll(files, environment: environment) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("jobs/a.md").path), "the first file is not left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("jobs").path).isEmpty, "nor its temporary file")
        // A file that appeared meanwhile is not replaced, and the others are taken back.
        try "已有".write(to: folder.appendingPathComponent("jobs/c.md"), atomically: true, encoding: .utf8)
        let racing = [(url: folder.appendingPathComponent("jobs/a.md"), data: Data("甲".utf8)),
                      (url: folder.appendingPathComponent("jobs/c.md"), data: Data("丙".utf8))]
        #expect(throws: CommandFailure.self) { try DocumentCreation.createAll(racing, environment: environment) }
        #expect(try String(contentsOf: folder.appendingPathComponent("jobs/c.md"), encoding: .utf8) == "已有")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("jobs").path) == ["c.md"])
        try DocumentCreation.createAll([racing[0]], environment: environment)
        #expect(try String(contentsOf: folder.appendingPathComponent("jobs/a.md"), encoding: .utf8) == "甲")
    }
}
