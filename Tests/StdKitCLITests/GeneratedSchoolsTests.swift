import Foundation
import Testing
import StdKitCheck
@testable import StdKitCLI

/// The Python the generator runs with (standard library only).
private let generatorPython = "/usr/bin/python3"

/// The school projects `bench/generate-schools.py` makes for the catalogue benchmark are valid
/// stdkit projects: checked with the real checker, each shows exactly the faults the generator
/// planted (expected.json) — the conformance rules (family `upstream`) find the upstream ones —
/// and nothing else.
@Suite("bench/generate-schools.py", .enabled(if: FileManager.default.isExecutableFile(atPath: generatorPython),
                                             "skipped: /usr/bin/python3 is missing, which bench/generate-schools.py needs"))
struct GeneratedSchoolsTests {

    struct Expected: Decodable {
        struct Upstream: Decodable {
            var programme: String
            var total_hours: Int
            var core_courses: [String]
            var specifications: [String]
        }
        struct Fault: Decodable, Hashable {
            var kind: String
            var family: String
            var file: String
            var rule: String?
            var item: String?
            var upstream: String?
        }
        struct Project: Decodable {
            var folder: String
            var region: String
            var batch: Int
            var total_hours: Int
            var faults: [Fault]
        }
        var seed: Int
        var upstream: Upstream
        var projects: [Project]
    }

    struct Finding: Decodable {
        var rule: String
        var severity: String
        var file: String
        var line: Int
        var message: String
    }

    struct Report: Decodable {
        var diagnostics: [Finding]
    }

    /// Runs the generator: 12 projects, seed 7, over the stand-in upstream of bench/fixtures.
    static func generate() throws -> (folder: URL, expected: Expected) {
        let folder = try CLIRun.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: generatorPython)
        process.currentDirectoryURL = CLIRun.repository
        process.arguments = ["bench/generate-schools.py", "12", folder.path, "--upstream", "bench/fixtures/ns-460305", "--seed", "7"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return (folder, try JSONDecoder().decode(Expected.self, from: data))
    }

    @Test func generatesTwelveProjectsWithTheirFaultsListed() throws {
        let (folder, expected) = try Self.generate()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(expected.projects.count == 12)
        // What the generator read from the stand-in upstream (bench/fixtures/ns-460305).
        #expect(expected.upstream.programme == "ns:PROG-NS-460305")
        #expect(expected.upstream.total_hours == 2600)
        #expect(expected.upstream.core_courses == ["ns:COURSE-NS-ROBOT-PROG", "ns:COURSE-NS-OFFLINE", "ns:COURSE-NS-PLC",
                                                   "ns:COURSE-NS-VISION", "ns:COURSE-NS-INTEGRATION", "ns:COURSE-NS-MAINT"])
        #expect(expected.upstream.specifications == (1...12).map { "S\($0)" })
        let list = try String(contentsOf: folder.appendingPathComponent("catalogue.list"), encoding: .utf8)
        let listed = list.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(listed == expected.projects.map(\.folder))
        #expect(listed.first?.hasPrefix("0001-") == true)
        #expect(listed.last?.hasPrefix("0012-") == true)
        // Seed 7 plants each kind of fault at least once, in these projects.
        let kinds = expected.projects.map { $0.faults.map(\.kind) }
        #expect(kinds == [[], ["dropped-core-course"], ["dropped-core-course"], ["uncovered-requirement"], [], ["unserved-specification"],
                          [], ["dropped-core-course"], ["below-total-hours"], [], [], ["dropped-core-course", "uncovered-requirement"]])
        for project in expected.projects {
            let root = folder.appendingPathComponent(project.folder)
            #expect(project.region.count == 6 && project.region.hasSuffix("00"))
            #expect([2024, 2025, 2026].contains(project.batch))
            #expect(project.total_hours >= 2500)
            #expect((project.total_hours < expected.upstream.total_hours) == project.faults.contains { $0.kind == "below-total-hours" })
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("vendor/ns-460305/programme/ns-460305.md").path))
            let config = try String(contentsOf: root.appendingPathComponent("stdkit.yml"), encoding: .utf8)
            #expect(config.contains("upstream:\n  - {id: ns, path: vendor/ns-460305, release: v2025.1}\n"))
            #expect(config.contains("    region: \"\(project.region)\"\n"))
            // Each planted upstream fault is in the files as expected.json says, apart from what
            // the checker finds.
            let programme = try String(contentsOf: root.appendingPathComponent("programme/robot-technology-460305.md"), encoding: .utf8)
            #expect(programme.contains("\nimplements: ns:PROG-NS-460305\n"))
            #expect(programme.contains("\ntotal_hours: \(project.total_hours)\n"))
            let courses = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("courses").path)
                .filter { $0.hasSuffix(".md") }
                .map { try String(contentsOf: root.appendingPathComponent("courses/\($0)"), encoding: .utf8) }
            for course in expected.upstream.core_courses {
                let dropped = project.faults.contains { $0.kind == "dropped-core-course" && $0.upstream == course }
                #expect(courses.filter { $0.contains("\nimplements: \(course)\n") }.count == (dropped ? 0 : 1), "\(project.folder): \(course)")
            }
            for spec in expected.upstream.specifications {
                let reference = "\(expected.upstream.programme)#\(spec)"
                let unserved = project.faults.contains { $0.kind == "unserved-specification" && $0.upstream == reference }
                let served = programme.contains(reference + "\n") || programme.contains(reference + ", ")
                #expect(served == !unserved, "\(project.folder): \(reference)")
            }
        }
    }

    @Test func eachProjectChecksCleanButForItsPlantedFaults() async throws {
        let (folder, expected) = try Self.generate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let family = Dictionary(uniqueKeysWithValues: RuleCatalogue.all.map { ($0.description.id, $0.description.family.rawValue) })
        var documents = 0
        for project in expected.projects {
            let run = await CLIRun.run(["check", "--format", "json", "--lang", "en", project.folder], in: folder)
            let findings = try JSONDecoder().decode(Report.self, from: Data(run.output.utf8)).diagnostics
            let file = { (finding: Finding) in String(finding.file.dropFirst(project.folder.count + 1)) }
            // The conformance to the upstream (DESIGN §14.2): the `upstream` family's findings are
            // the planted faults, each by its rule, in the programme, naming what is missing.
            let planted = project.faults.filter { $0.family == "upstream" }
            let conformance = findings.filter { family[$0.rule] == "upstream" }
            #expect(conformance.map { "\($0.rule) \(file($0))" }.sorted() == planted.map { "\($0.rule ?? "?") \($0.file)" }.sorted(),
                    "\(project.folder)")
            for fault in planted {
                // A fault without an upstream id (the hours) is matched by its rule alone.
                let found = conformance.filter { finding in finding.rule == fault.rule && fault.upstream.map { finding.message.contains($0) } != false }
                #expect(found.count == 1, "\(project.folder): \(fault.kind) \(fault.upstream ?? "")")
            }
            // The planted local faults, each found once where it was planted.
            let local = project.faults.filter { $0.family != "upstream" }
            for fault in local {
                let found = findings.filter { finding in
                    finding.rule == fault.rule && file(finding) == fault.file && fault.item.map { finding.message.contains($0) } != false
                }
                #expect(found.count == 1, "\(project.folder): \(fault.kind) \(fault.item ?? "")")
            }
            // Nothing else: the vendored upstream resolves, `implements` and `ns:` references are
            // read, and every link (into the upstream too) is in links.lock.
            let others = findings.filter { finding in
                family[finding.rule] != "upstream" && !local.contains { $0.rule == finding.rule && $0.file == file(finding) }
            }
            #expect(others.isEmpty, "\(project.folder): \(others.map { "\($0.file):\($0.line) [\($0.rule)] \($0.message)" })")
            #expect(run.status == (findings.contains { $0.severity == "error" } ? 1 : 0))
            // Every Markdown file outside the vendored upstream is one of the project's documents.
            let summary = await CLIRun.run(["check", "--lang", "en", "--only", "missing-field", project.folder], in: folder)
            let markdown = try Self.markdownFiles(in: folder.appendingPathComponent(project.folder))
            #expect(summary.output == "checked \(markdown) files: no problems\n", "\(project.folder)")
            documents += markdown
        }
        // About 50 documents a project.
        #expect(documents >= 12 * 45 && documents <= 12 * 56, "\(documents)")
    }

    /// The `.md` files of a project, less those of its `vendor/` folder.
    static func markdownFiles(in root: URL) throws -> Int {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path)
        return paths.filter { $0.hasSuffix(".md") && !$0.hasPrefix("vendor/") }.count
    }
}
