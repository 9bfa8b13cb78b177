import Foundation
import Testing
import StdKitSyntax
@testable import StdKitModel

/// `Project.replacing` against a project built from scratch with the same documents: after every
/// step of long series of edits (items changed and removed, ids changed so that references break
/// and mend, documents added and removed, two documents with one id, references into an
/// upstream), the two must not differ in anything a reader can observe — and the documents the
/// change cannot reach must keep their boxes.
@Suite("Project.replacing")
struct ProjectReplacingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(at path: String) -> [String: [UInt8]] {
        let root = repository.appendingPathComponent(path).standardizedFileURL
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath, let data = FileManager.default.contents(atPath: url.path) else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))] = Array(data)
        }
        return files
    }

    /// What `replacing` did before it was incremental: every document again into a new project.
    static func fromScratch(_ project: Project, _ documents: [Document], removing: Set<String>) -> Project {
        let changed = Dictionary(documents.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        var kept = project.documents.filter { changed[$0.path] == nil && !removing.contains($0.path) }
        kept += changed.values.filter { !removing.contains($0.path) }
        return Project(root: project.root, config: project.config, schemas: project.schemas, documents: kept, diagnostics: project.diagnostics,
                       profile: project.profile, listedFiles: project.listedFiles.map { $0.union(changed.keys).subtracting(removing) },
                       linkLock: project.linkLock, upstreams: project.upstreams)
    }

    /// One step of a series: documents put in (by path and text) and paths removed.
    struct Step {
        var name: String
        var put: [String: String] = [:]
        var removing: Set<String> = []
    }

    /// Applies `steps` in turn, each to the result of the one before, and holds each result to
    /// the project built from scratch; returns the last project.
    @discardableResult
    static func run(_ steps: [Step], from start: Project) -> Project {
        var project = start
        for step in steps {
            let documents = step.put.keys.sorted().map { path in
                ProjectLoader.document(path: path, bytes: Array(step.put[path]!.utf8), schemas: project.schemas, limits: project.config.limits)
            }
            let incremental = project.replacing(documents, removing: step.removing)
            let full = fromScratch(project, documents, removing: step.removing)
            let differences = incremental.differences(from: full)
            #expect(differences.isEmpty, "\(step.name): \(differences.prefix(5))")
            project = incremental
        }
        return project
    }

    static func text(_ project: Project, _ path: String) -> String {
        project.document(atPath: path)!.text
    }

    /// `text` with the first line that holds `needle` dropped.
    static func dropping(line needle: String, from text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines.remove(at: lines.firstIndex(where: { $0.contains(needle) })!)
        return lines.joined(separator: "\n")
    }

    @Test func theFlagshipOverAnEditorsSession() async throws {
        let project = try await ProjectLoader.load(files: Self.files(at: "standards"), name: "standards")
        #expect(project.documents.count > 25)
        #expect(!project.upstreams.isEmpty)
        let job = "jobs/robot-system-operator.md"
        let course = "courses/professional-core/machine-vision.md"
        let programme = "programme/robot-technology-460305.md"
        let jobText = Self.text(project, job)
        let courseText = Self.text(project, course)
        let programmeText = Self.text(project, programme)
        let renamed = jobText.replacingOccurrences(of: "id: JOB-ROBOT-OPERATOR\n", with: "id: JOB-ROBOT-RENAMED\n")
        #expect(renamed != jobText)
        let last = Self.run([
            Step(name: "a statement typed", put: [course: courseText.replacingOccurrences(of: "视觉", with: "视觉系统")]),
            Step(name: "a requirement removed", put: [job: Self.dropping(line: "- **R6**", from: jobText)]),
            Step(name: "the requirement back", put: [job: jobText]),
            Step(name: "a reference to a missing item", put: [course: courseText.replacingOccurrences(of: "JOB-ROBOT-OPERATOR#R6", with: "JOB-ROBOT-OPERATOR#R99")]),
            Step(name: "the job renamed: its references break", put: [job: renamed]),
            Step(name: "the job renamed back: they mend", put: [job: jobText]),
            Step(name: "a second document with the job's id, before it by path", put: ["jobs/a-copy.md": jobText]),
            Step(name: "the copy loses an item", put: ["jobs/a-copy.md": Self.dropping(line: "- **R1**", from: jobText)]),
            Step(name: "the first document with the id removed", removing: ["jobs/a-copy.md"]),
            Step(name: "a copy after it by path, both changed at once", put: ["jobs/zz-copy.md": renamed, job: Self.dropping(line: "- **R2**", from: jobText)]),
            Step(name: "the job removed, the copy renamed back", put: ["jobs/zz-copy.md": jobText], removing: [job]),
            Step(name: "the job back, the copy gone", put: [job: jobText], removing: ["jobs/zz-copy.md"]),
            Step(name: "a reference into the upstream broken", put: [programme: programmeText.replacingOccurrences(of: "ns:PROG-NS-460305#S7", with: "ns:PROG-NS-460305#S700")]),
            Step(name: "the course removed", removing: [course]),
            Step(name: "a page without an id added", put: ["notes/todo.md": "# Notes\n\nSee [the job](../jobs/robot-system-operator.md).\n"]),
            Step(name: "the course back", put: [course: courseText]),
            Step(name: "a path removed that is not there", removing: ["nowhere.md"]),
            Step(name: "the programme back, the page removed", put: [programme: programmeText], removing: ["notes/todo.md"]),
        ], from: project)
        // Every text back as it was: the project as first built.
        #expect(last.differences(from: Self.fromScratch(project, [], removing: [])).isEmpty)
    }

    /// Every document of the flagship in turn: removed, and given another id.
    @Test func eachFlagshipDocumentRemovedAndRenamed() async throws {
        let project = try await ProjectLoader.load(files: Self.files(at: "standards"), name: "standards")
        var renamed = 0
        for document in project.documents {
            Self.run([Step(name: "\(document.path) removed", removing: [document.path])], from: project)
            guard let id = document.id else { continue }
            let text = document.text.replacingOccurrences(of: "id: \(id)\n", with: "id: \(id)-X\n")
            guard text != document.text else { continue }
            renamed += 1
            let after = Self.run([Step(name: "\(document.path) renamed", put: [document.path: text])], from: project)
            #expect(after.document("\(id)-X")?.path == document.path)
        }
        #expect(renamed >= project.documents.count - 2)
    }

    @Test func aSmallProjectWhoseReferencesBreakAndMend() async throws {
        let project = try await ProjectLoader.load(files: Self.files(at: "examples/minimal"), name: "minimal")
        let course = "machine-operation.md"
        let job = "machine-operator.md"
        let courseText = Self.text(project, course)
        let jobText = Self.text(project, job)
        let withR3 = jobText + "- **R3** Clear a jam safely. {level=2}\n"
        let last = Self.run([
            Step(name: "the outcome points at R3, which is not there", put: [course: courseText.replacingOccurrences(of: "#R2", with: "#R3")]),
            Step(name: "R3 written", put: [job: withR3]),
            Step(name: "R3 removed again", put: [job: jobText]),
            Step(name: "the job gone", removing: [job]),
            Step(name: "the job back under another path", put: ["a/job.md": withR3]),
            Step(name: "everything gone", removing: [course, "a/job.md"]),
            Step(name: "both back at once", put: [course: courseText, job: jobText]),
        ], from: project)
        let resolved = last.document(atPath: course)!.items.flatMap(\.references).map(\.resolution)
        #expect(resolved == [.item(document: "JOB-MACHINE-OPERATOR", item: "R1"), .item(document: "JOB-MACHINE-OPERATOR", item: "R2")])
        #expect(last.index.sources(referencingItem: "R2", of: "JOB-MACHINE-OPERATOR").map(\.path) == [course])
    }

    /// The keystroke: a course's statement typed leaves every other document's box shared with
    /// the project before; a requirement removed from the job gives new boxes to the job and to
    /// the documents that refer to it only when their references resolve otherwise.
    @Test func documentsTheChangeCannotReachKeepTheirBoxes() async throws {
        let project = try await ProjectLoader.load(files: Self.files(at: "standards"), name: "standards")
        let course = "courses/professional-core/machine-vision.md"
        let typed = ProjectLoader.document(path: course, bytes: Array(Self.text(project, course).replacingOccurrences(of: "视觉", with: "视觉系统").utf8),
                                           schemas: project.schemas)
        let after = project.replacing([typed])
        for (before, now) in zip(project.documents, after.documents) where before.path != course {
            #expect(before.storageIdentity == now.storageIdentity, "\(before.path)")
        }
        #expect(after.document(atPath: course)!.text.contains("视觉系统"))

        let job = "jobs/robot-system-operator.md"
        let cut = ProjectLoader.document(path: job, bytes: Array(Self.dropping(line: "- **R6**", from: Self.text(project, job)).utf8),
                                         schemas: project.schemas)
        let withoutR6 = project.replacing([cut])
        let users = Set(project.index.sources(referencingItem: "R6", of: "JOB-ROBOT-OPERATOR").map(\.path))
        #expect(users.contains(course))
        for (before, now) in zip(project.documents, withoutR6.documents) where before.path != job {
            #expect((before.storageIdentity != now.storageIdentity) == users.contains(before.path), "\(before.path)")
        }
        let unresolved = withoutR6.document(atPath: course)!.items.flatMap(\.references).filter { $0.syntax.item == "R6" }
        #expect(!unresolved.isEmpty)
        #expect(unresolved.allSatisfy { $0.resolution == .unresolvedItem(document: "JOB-ROBOT-OPERATOR", item: "R6") })
        #expect(withoutR6.index.sources(referencingItem: "R6", of: "JOB-ROBOT-OPERATOR").isEmpty)
    }

    /// A project read from a folder lists no files; one read from memory lists them, and a
    /// document added or removed changes the list and the folders `containsFile` knows.
    @Test func listedFilesAndFoldersFollowTheDocuments() async throws {
        let project = try await ProjectLoader.load(files: Self.files(at: "examples/minimal"), name: "minimal")
        let added = Self.run([Step(name: "a document in a new folder", put: ["deep/er/new.md": "# New\n"])], from: project)
        #expect(added.containsFile("deep/er"))
        #expect(added.containsFile("deep/er/new.md"))
        let removed = Self.run([Step(name: "it removed", removing: ["deep/er/new.md"])], from: added)
        #expect(!removed.containsFile("deep/er"))
        #expect(!removed.containsFile("deep"))
        #expect(removed.listedFiles == project.listedFiles)
    }
}
