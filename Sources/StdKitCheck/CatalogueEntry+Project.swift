import Foundation
import StdKitModel
import StdKitSyntax

extension CatalogueEntry {
    /// Reads the project in `root`, checks it and keeps its summary; the project itself is
    /// dropped on return. Never throws: a folder that is missing, not a folder, not a project
    /// (no stdkit.yml) or unreadable is an entry marked as failed, so that one bad folder in a
    /// list of a thousand does not stop the catalogue. `folder` is how the folder was given.
    public static func read(root: URL, folder: String, checker: Checker = Checker()) async -> CatalogueEntry {
        let name = root.standardizedFileURL.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            return .failed(folder: folder, name: name, .missingFolder, detail: "no such folder: \(folder)")
        }
        guard isDirectory.boolValue else {
            return .failed(folder: folder, name: name, .notAFolder, detail: "not a folder: \(folder)")
        }
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(ProjectConfig.fileName).path) else {
            return .failed(folder: folder, name: name, .notAProject, detail: "\(folder) has no \(ProjectConfig.fileName): not a stdkit project")
        }
        let project: Project
        do {
            project = try await ProjectLoader.load(root: root)
        } catch {
            return .failed(folder: folder, name: name, .unreadable, detail: "\(folder): \(error)")
        }
        return CatalogueEntry(project: project, result: checker.check(project), folder: folder)
    }

    /// Reads the projects in `folders` (each a folder and how it was given), `jobs` at a time,
    /// and returns their entries in the order given. Each project is dropped once summarised,
    /// so memory stays bounded by the `jobs` largest projects, not their sum. `each` is called
    /// with every entry and the number done so far, in the order given whichever project
    /// finishes first — so what a caller prints is the same however the work was spread.
    public static func readAll(_ folders: [(root: URL, folder: String)], jobs: Int = 2, checker: Checker = Checker(),
                               each: (CatalogueEntry, Int) -> Void = { _, _ in }) async -> [CatalogueEntry] {
        var entries: [CatalogueEntry] = []
        entries.reserveCapacity(folders.count)
        let jobs = max(1, min(jobs, folders.count))
        await withTaskGroup(of: (Int, CatalogueEntry).self) { group in
            var next = 0
            func start() {
                let index = next
                let (root, folder) = folders[index]
                group.addTask { (index, await read(root: root, folder: folder, checker: checker)) }
                next += 1
            }
            while next < jobs { start() }
            // Entries that finished before an earlier one wait here (summaries only, small).
            var finished: [Int: CatalogueEntry] = [:]
            while let (index, entry) = await group.next() {
                finished[index] = entry
                while let entry = finished.removeValue(forKey: entries.count) {
                    entries.append(entry)
                    each(entry, entries.count)
                }
                if next < folders.count { start() }
            }
        }
        return entries
    }

    /// The summary of a project that was read and checked.
    public init(project: Project, result: CheckResult, folder: String) {
        let config = project.config
        let school = config.parties.first { $0.kind == .school }
        let programmes = project.documents.filter { $0.kind == "programme" && $0.status != "withdrawn" && $0.id != nil }
        // The programme that implements an upstream one is the project's answer to it; else
        // the first by path (documents are in path order).
        let programme = programmes.first { $0.frontMatter?["implements"]?.scalar != nil } ?? programmes.first
        let table = programme.flatMap(CourseTable.init)
        let matrix = TraceMatrix(project)
        self.init(
            folder: folder, name: config.name, lang: config.lang, school: school?.name ?? config.name,
            region: school?.region ?? config.parties.lazy.compactMap(\.region).first,
            batch: config.pilot?.batch, level: config.pilot?.level,
            parties: config.parties.map { Party(id: $0.id, name: $0.name, kind: $0.kind.rawValue, region: $0.region) },
            programme: programme.map { document in
                Programme(id: document.id ?? "", title: document.title ?? document.id ?? "",
                          majorCode: document.frontMatter?["major"]?["code"]?.scalar,
                          implements: document.frontMatter?["implements"]?.scalar)
            },
            upstreams: Self.upstreams(of: project),
            findings: Self.findings(result),
            coverage: Coverage(covered: matrix.coveredCount, total: matrix.rows.count),
            hours: table.map { table in
                Hours(total: table.totalHours, practice: table.practiceHours, credits: table.totalCredits,
                      practiceShare: table.practiceShare, publicBasicShare: table.publicBasicShare, electiveShare: table.electiveShare)
            },
            documents: project.documents.count)
    }

    /// The upstreams the project declares (DESIGN §14.1), each with its own name when its
    /// folder is there.
    static func upstreams(of project: Project) -> [Upstream] {
        project.upstreams.map { upstream in
            Upstream(id: upstream.declaration.id, path: upstream.declaration.path, release: upstream.declaration.release,
                     name: upstream.project?.config.name, present: upstream.project != nil)
        }
    }

    /// Findings by severity and by family.
    static func findings(_ result: CheckResult) -> Findings {
        var findings = Findings()
        for diagnostic in result.diagnostics {
            switch diagnostic.severity {
            case .error: findings.errors += 1
            case .warning: findings.warnings += 1
            case .note: findings.notes += 1
            }
            findings.byFamily[family(ofRule: diagnostic.rule), default: 0] += 1
        }
        return findings
    }

    /// The family of rule `id`; `other` for a finding no rule of the catalogue describes.
    static func family(ofRule id: String) -> String {
        familyByRule[id] ?? "other"
    }

    private static let familyByRule: [String: String] = Dictionary(
        RuleCatalogue.all.map { ($0.description.id, $0.description.family.rawValue) }, uniquingKeysWith: { first, _ in first })
}
