import ArgumentParser
import Foundation
import StdKitInterop
import StdKitModel
import StdKitOffice
import StdKitSyntax

/// `stdkit import docx FILE`: a Word standard stdkit did not make becomes a document of the
/// project (DESIGN §15), with a report of every guess and everything not carried over.
struct ImportDocxCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "docx",
        abstract: "A document from a Word standard (.docx) that stdkit did not make.",
        discussion: """
            Sections come from the heading styles, or from the numbers typed at the start of \
            paragraphs (一、（一）1.（1）) when everything is 正文; numbered lines become items in the \
            sections that hold them (培养规格, 职业能力要求, 课程目标, 教学内容), list items elsewhere; \
            tables become tables with merged cells repeated; the front matter is filled from what the \
            text states (专业代码, 修业年限, 学时, 学分). Images are written beside the document. Every \
            guess and everything dropped is listed. Exit status: 0 written, 2 when the file cannot be \
            read or the document would replace a file (--force replaces it). docs/word.md.
            With --review, a file stdkit exported comes back from its reviewers: the reviewed text is \
            merged into the current source (base: the revision it was exported from), each change and \
            comment reported with its author, date and item, the comments kept for stdkit review \
            comments. Exit status: 0 merged, 1 conflicts marked, 2 unreadable or base not found \
            (nothing changed).
            """)

    @Argument(help: "The Word file (.docx).")
    var file: String

    @Option(help: "The kind of document: programme, course, job-profile, … (default: guessed from the title).")
    var kind: String?

    @Option(name: [.short, .customLong("output")], help: "The Markdown file to write (default: beside the kind's documents, named after the id).")
    var output: String?

    @Flag(help: "Replace the output file (and its images) if it exists.")
    var force = false

    @Option(help: "The party responsible (default: the first school; the first enterprise for job profiles).")
    var owner: String?

    @Flag(help: "The file is one stdkit exported, reviewed in Word or WPS: merge its 修订 into the source and keep its 批注 (exit 1 when conflicts remain).")
    var review = false

    @Flag(help: "With --review: show the report and the diff only; write nothing.")
    var dryRun = false

    func validate() throws {
        if dryRun && !review { throw ValidationError("--dry-run goes with --review") }
        if review && (kind != nil || output != nil || force || owner != nil) {
            throw ValidationError("--review merges into the documents the file was exported from: --kind, -o, --force and --owner do not apply")
        }
    }

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        if review { return try await DocxReviewImport(file: file, dryRun: dryRun, language: nil).run(in: environment) }
        // A file stdkit exported and someone reviewed is merged back another way; everything
        // from here on is for a file stdkit did not make.
        return try await importForeign(in: environment)
    }

    /// Reads, guesses, checks that nothing is replaced without --force and that every item reads
    /// back, then writes the images and the document and prints the report.
    func importForeign(in environment: CommandEnvironment) async throws -> Int32 {
        let start = output.map { environment.url(for: $0).deletingLastPathComponent() } ?? environment.currentDirectory
        let creation = try await DocumentCreation.project(containing: start, environment: environment)
        let language = environment.language(option: nil, projectRoot: creation.root)
        try creation.checkOwner(owner)
        let (archive, source): (DocxArchive, WordImportSource)
        switch Self.read(environment.url(for: file), file: file) {
        case .success(let read): (archive, source) = read
        case .failure(let error): throw CommandFailure(description: error.text(in: language))
        }
        let fileName = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var kindReport: Message?
        let kind: String
        if let given = self.kind {
            kind = given
        } else {
            let title = WordImport.title(of: source, fileName: fileName).title
            guard let guessed = WordImport.guessKind(fromTitle: title) else {
                throw CommandFailure(description: Message.docxImportKindUnknown(title: title).text(in: language))
            }
            kind = guessed
            kindReport = .docxImportKindGuessed(kind: guessed, title: title)
        }
        let template = try creation.template(kind).owned(by: owner)
        let stem = output.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        let result = WordImport(template: template).document(from: source, fileName: fileName, fileStem: stem, kindReport: kindReport)
        let document = result.document
        let url = creation.url(for: document, file: output)
        let folder = url.deletingLastPathComponent()
        let images = result.images.map { (part: $0.part, url: folder.appendingPathComponent($0.path)) }

        guard Identifier.isValid(document.id) else {
            throw CommandFailure(description: "'\(document.id)' is not a document id; nothing was written")
        }
        if !force, let existing = ([url] + images.map(\.url)).first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            throw CommandFailure(description: Message.docxImportExists(path: environment.displayPath(existing)).text(in: language))
        }
        let key = Identifier.collisionKey(document.id)
        if let other = creation.project.documents.first(where: { $0.id.map(Identifier.collisionKey) == key }),
           creation.root.appendingPathComponent(other.path).standardizedFileURL.path != url.standardizedFileURL.path {
            throw CommandFailure(description: "the id \(document.id) is taken by \(environment.displayPath(creation.root.appendingPathComponent(other.path))); give another with -o and edit the id, or import into another project; nothing was written")
        }
        if let first = document.misread(schemas: creation.project.schemas).first {
            throw CommandFailure(description: Message.docxImportMisread(id: "\(document.id)#\(first.id)", expected: first.expected, read: first.read ?? "").text(in: language))
        }

        do {
            for image in images {
                try FileManager.default.createDirectory(at: image.url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try (archive.part(image.part) ?? Data()).write(to: image.url, options: .atomic)
            }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(document.text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(environment.displayPath(url)): \(error.localizedDescription)")
        }
        var report = Message.docxImportWritten(path: environment.displayPath(url), kind: document.kind, id: document.id, items: document.items.count).text(in: language) + "\n"
        for line in result.report { report += "  " + line.text(in: language) + "\n" }
        report += Message.docxImportNext().text(in: language) + "\n"
        environment.output.write(report)
        return 0
    }

    /// The archive and what the import reads of it, or the one reason it cannot be read. (A
    /// plain function: a typed `catch` inside the async command crashes Swift 6.3's compiler.)
    static func read(_ url: URL, file: String) -> Result<(DocxArchive, WordImportSource), DocxError> {
        do {
            let archive = try DocxArchive(contentsOf: url, file: file)
            return .success((archive, WordImportSource(document: try WordDocument(archive: archive), archive: archive)))
        } catch {
            return .failure(error)
        }
    }
}
