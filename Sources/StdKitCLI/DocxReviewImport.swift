import Foundation
import StdKitDiff
import StdKitModel
import StdKitOffice
import StdKitSyntax

/// `stdkit import docx --review FILE [--dry-run]`: a file stdkit exported, reviewed in Word or
/// WPS, merged back into the project of the current folder (DESIGN §15, docs/word.md).
///
/// Everything that can stop the import — an unreadable file, a document the project does not
/// have, a base revision git no longer has — is found before anything is written, so a failure
/// changes nothing (exit 2). Then each document is merged (base: the exported blob; ours: the
/// file now; theirs: the reviewed text), written atomically, and the comments are kept under
/// `.stdkit/reviews/` for `stdkit review comments`. Exit 0 clean, 1 with conflicts.
struct DocxReviewImport {
    /// The Word file as the user named it.
    var file: String
    var dryRun: Bool
    var language: Language?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        guard let root = ProjectLoader.findRoot(containing: environment.currentDirectory) else {
            throw CommandFailure(description: "no stdkit project here (no \(ProjectConfig.fileName) in this folder or above): run the review import inside the project the file was exported from")
        }
        let language = environment.language(option: language, projectRoot: root)
        func fail(_ error: DocxError) -> Int32 {
            environment.errors.write("error: \(error.text(in: language))\n")
            return 2
        }
        let reviewed: ReviewedFile
        do {
            let archive = try DocxArchive(contentsOf: environment.url(for: file), file: file)
            reviewed = ReviewedFile(word: try WordDocument(archive: archive))
        } catch {
            return fail(error)
        }
        guard !reviewed.documents.isEmpty else { return fail(.notExported(file)) }

        let project = try await ProjectLoader.load(root: root)
        var documents: [(index: Int, id: String, path: String)] = []
        for (index, id) in reviewed.documents.enumerated() {
            guard let document = project.document(id) else { return fail(.unknownDocument(file, id: id, project: project.config.name)) }
            documents.append((index, id, document.path))
        }
        let repository: GitRepository
        do {
            repository = try GitRepository(containing: root)
        } catch {
            return fail(.notInGit(file, project: project.config.name))
        }
        var bases: [String: String] = [:]
        for document in documents {
            guard let blob = reviewed.blob(of: document.id) else { return fail(.noBase(file, id: document.id)) }
            guard let bytes = try? repository.contents(of: [blob])[blob] else {
                return fail(.baseMissing(file, path: reviewed.path(of: document.id) ?? document.path, blob: blob))
            }
            bases[document.id] = String(decoding: bytes, as: UTF8.self)
        }

        let exported = Self.exportedAgain(reviewed: reviewed, bases: bases, documents: documents, project: project)
        let name = (file as NSString).lastPathComponent
        let exportedAt = reviewed.commit.map { String($0.prefix(12)) } ?? "export"
        var imports: [ReviewImport] = []
        for document in documents {
            let url = root.appendingPathComponent(document.path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CommandFailure(description: "cannot read \(environment.displayPath(url))")
            }
            let markers = LineMerge.Markers(ours: document.path, base: "exported \(exportedAt)", theirs: "review \(name)")
            imports.append(ReviewImport(reviewed: reviewed, index: document.index, id: document.id, base: bases[document.id] ?? "",
                                        ours: String(decoding: data, as: UTF8.self), path: document.path,
                                        schemas: project.schemas, markers: markers, exported: exported))
        }

        let comments = keptComments(reviewed, imports: imports, file: file)
        var commentsFile: String?
        if dryRun {
            environment.output.write(ReviewImportReport(documents: imports, commit: reviewed.commit, commentsFile: nil, dryRun: true).text(in: language))
            environment.output.write(try await diff(imports, project: project, root: root))
        } else {
            for document in imports where document.changesFile {
                do {
                    try Data(document.merge.text.utf8).write(to: root.appendingPathComponent(document.path), options: .atomic)
                } catch {
                    return fail(.cannotWrite(file, path: document.path, reason: error.localizedDescription))
                }
            }
            if let comments {
                let folder = root.appendingPathComponent(ReviewComments.folder, isDirectory: true)
                let path = ReviewComments.folder + "/" + comments.fileName
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try comments.json().write(to: root.appendingPathComponent(path), options: .atomic)
                } catch {
                    return fail(.cannotWrite(file, path: path, reason: error.localizedDescription))
                }
                commentsFile = path
            }
            environment.output.write(ReviewImportReport(documents: imports, commit: reviewed.commit, commentsFile: commentsFile, dryRun: false).text(in: language))
        }
        return imports.contains { !$0.merge.conflicts.isEmpty } ? 1 : 0
    }

    /// The export of the base revisions made again, read as the reviewed file is: what each unit
    /// said when it left, so that an edit typed with 修订 off is found too. The same revision
    /// gives the same units and the same text (the export is deterministic); nil if it cannot be
    /// made, and then only tracked changes are seen.
    static func exportedAgain(reviewed: ReviewedFile, bases: [String: String], documents: [(index: Int, id: String, path: String)],
                              project: Project) -> ReviewedFile? {
        let originals = documents.sorted { $0.index < $1.index }.map { document in
            ProjectLoader.document(path: reviewed.path(of: document.id) ?? document.path, bytes: Array((bases[document.id] ?? "").utf8),
                                   schemas: project.schemas, keepingBody: true)
        }
        guard originals.count == reviewed.documents.count,
              let data = try? DocxExport(project: project, documents: originals, source: DocxSource(project: project.config.name)).data(),
              let archive = try? DocxArchive(data: data, file: "exported"),
              let word = try? WordDocument(archive: archive) else { return nil }
        return ReviewedFile(word: word)
    }

    /// The comments to keep, nil when the reviewer left none.
    func keptComments(_ reviewed: ReviewedFile, imports: [ReviewImport], file: String) -> ReviewComments? {
        var kept: [ReviewComments.Comment] = []
        for document in imports {
            for unit in document.units {
                for comment in unit.comments {
                    kept.append(ReviewComments.Comment(document: document.id, path: document.path, item: unit.unit.item, section: unit.unit.heading,
                                                       author: comment.author, date: comment.date, text: comment.text))
                }
            }
            for comment in document.looseComments {
                kept.append(ReviewComments.Comment(document: document.id, path: document.path, item: nil, section: nil,
                                                   author: comment.author, date: comment.date, text: comment.text))
            }
        }
        guard !kept.isEmpty else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return ReviewComments(file: (file as NSString).lastPathComponent, commit: reviewed.commit, imported: formatter.string(from: Date()), comments: kept)
    }

    /// What `stdkit diff` shows between the files now and the merge's result.
    func diff(_ imports: [ReviewImport], project: Project, root: URL) async throws -> String {
        var before: [String: [UInt8]] = [:]
        var after: [String: [UInt8]] = [:]
        if let config = FileManager.default.contents(atPath: root.appendingPathComponent(ProjectConfig.fileName).path) {
            before[ProjectConfig.fileName] = Array(config)
            after[ProjectConfig.fileName] = Array(config)
        }
        for document in imports {
            before[document.path] = Array(document.ours.utf8)
            after[document.path] = Array(document.merge.text.utf8)
        }
        let old = try await ProjectLoader.load(files: before, name: project.config.name, readingUpstreams: false)
        let new = try await ProjectLoader.load(files: after, name: project.config.name, readingUpstreams: false)
        return DiffReport(change: Differ(old: old, new: new).compare(), from: "working tree", to: "review").text()
    }
}
