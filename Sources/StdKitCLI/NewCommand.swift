import ArgumentParser
import Foundation
import StdKitModel
import StdKitSyntax

/// `stdkit new KIND ID`: a document of a kind, from the kind's schema — its required fields and
/// its sections in the project's language — placed beside the project's other documents of the
/// kind. `stdkit check` then lists what is still to be written.
struct NewCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a document of a kind from the kind's template.",
        discussion: """
            The document gets the common fields (version 0.1.0, status draft, owner, parties), the \
            kind's required fields and one heading per section the kind expects, in the project's \
            language; 'stdkit check' then reports the sections still empty. It is written beside \
            the project's other documents of the kind (or --output), atomically, and never over an \
            existing file.
            """)

    @Argument(help: "The document's kind: job-profile, programme, course, material, certificate, or a kind of the project.")
    var kind: String

    @Argument(help: "The document's id, unique in the project (e.g. COURSE-PLC).")
    var id: String

    @Option(help: "The document's title (default: the kind's name).")
    var title: String?

    @Option(help: "The party responsible (default: the first enterprise for job profiles and certificates, else the first school).")
    var owner: String?

    @Option(name: [.short, .customLong("output")], help: "The file to write (default: the folder of the kind's documents, named after the id).")
    var output: String?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let start = output.map { environment.url(for: $0).deletingLastPathComponent() } ?? environment.currentDirectory
        guard let root = ProjectLoader.findRoot(containing: start) else {
            throw CommandFailure(description: "no stdkit.yml in \(environment.displayPath(start)) or above it; create a project with 'stdkit init' first")
        }
        let project = try await ProjectLoader.load(root: root)
        guard kind != KindSchema.page.kind, let schema = project.schemas.schema(for: kind) else {
            throw CommandFailure(description: "unknown kind '\(kind)'; the kinds of this project are: \(project.schemas.kinds.joined(separator: ", "))")
        }
        guard Identifier.isValid(id) else {
            throw CommandFailure(description: "'\(id)' is not a document id: an ASCII letter, then letters, digits, '-', '_' or '.'")
        }
        if let existing = project.documents.first(where: { $0.id.map(Identifier.collisionKey) == Identifier.collisionKey(id) }) {
            throw CommandFailure(description: "the id \(id) is taken by \(environment.displayPath(root.appendingPathComponent(existing.path))); choose another")
        }
        if let owner, project.party(owner) == nil {
            let declared = project.config.parties.map(\.id)
            throw CommandFailure(description: "party '\(owner)' is not declared in stdkit.yml" + (declared.isEmpty ? "" : " (declared: \(declared.joined(separator: ", ")))"))
        }
        let url = output.map(environment.url(for:)) ?? root.appendingPathComponent(Self.defaultPath(kind: kind, id: id, in: project))
        if FileManager.default.fileExists(atPath: url.path) {
            throw CommandFailure(description: "\(environment.displayPath(url)) exists; nothing was written")
        }
        let template = DocumentTemplate(schema: schema, config: project.config)
        let text = template.text(id: id, title: title, owner: owner)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(environment.displayPath(url)): \(error.localizedDescription)")
        }
        var report = "created \(environment.displayPath(url)): \(kind) \(id)\n"
        if !url.standardizedFileURL.path.hasPrefix(root.standardizedFileURL.path + "/") {
            report += "note: it is outside the project in \(environment.displayPath(root)), which will not read it\n"
        }
        let sections = template.sectionTitles
        if !sections.isEmpty { report += "write its sections: \(sections.joined(separator: ", "))\n" }
        report += "then run: stdkit check\n"
        environment.output.write(report)
        return 0
    }

    /// Where a new document of `kind` goes: the folder most of the kind's documents are in,
    /// else the folder `stdkit init` uses for the kind, else a folder named after the kind; the
    /// file named after the id in lower case.
    static func defaultPath(kind: String, id: String, in project: Project) -> String {
        var folders: [String: Int] = [:]
        for document in project.documents where document.kind == kind {
            folders[(document.path as NSString).deletingLastPathComponent, default: 0] += 1
        }
        let known = ["job-profile": "jobs", "course": "courses", "programme": "programme", "material": "materials", "certificate": "certificates"]
        let folder = folders.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key ?? known[kind] ?? kind
        let name = id.lowercased() + ".md"
        return folder.isEmpty ? name : folder + "/" + name
    }
}

/// The text of a new document of a kind.
struct DocumentTemplate {
    let schema: KindSchema
    let config: ProjectConfig

    /// Whether the project writes Chinese.
    var chinese: Bool { config.lang.lowercased().hasPrefix("zh") }

    /// The section headings, each the first of its names in the project's language.
    var sectionTitles: [String] {
        schema.sections.map { section in
            section.names.first(where: { $0.unicodeScalars.contains(where: \.isCJK) == chinese }) ?? section.names.first ?? ""
        }.filter { !$0.isEmpty }
    }

    /// The kind's name in the project's language: `课程标准 / Course standard` → one side.
    var kindTitle: String {
        let sides = schema.title.components(separatedBy: " / ")
        return sides.first(where: { $0.unicodeScalars.contains(where: \.isCJK) == chinese }) ?? schema.title
    }

    /// The default owner: the first enterprise for the kinds enterprises write, else the first
    /// school, else the first party.
    func defaultOwner() -> String? {
        let wanted: Party.Kind = ["job-profile", "certificate"].contains(schema.kind) ? .enterprise : .school
        return (config.parties.first(where: { $0.kind == wanted }) ?? config.parties.first)?.id
    }

    func text(id: String, title: String?, owner: String?) -> String {
        let title = title ?? kindTitle
        var lines = ["---", "id: \(id)", "kind: \(schema.kind)", "title: \(YAMLScalar.written(title))", "version: 0.1.0", "status: draft"]
        if let owner = owner ?? defaultOwner() {
            lines.append("owner: \(owner)")
            lines.append("parties: [\(config.parties.map(\.id).joined(separator: ", "))]")
        }
        let common: Set = ["id", "kind", "title", "version", "status", "owner", "parties"]
        for field in schema.fields where field.schema.required && !common.contains(field.name) {
            lines += Self.placeholder(field, indent: "")
        }
        lines += ["---", "", "# \(title)", ""]
        for section in sectionTitles {
            lines += ["## \(section)", ""]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A required field with a value of its type the author replaces: empty text, zero, the
    /// first allowed value, an empty list, or a mapping of its own required fields.
    static func placeholder(_ field: NamedField, indent: String) -> [String] {
        let key = indent + field.name + ":"
        switch field.schema.type {
        case .integer, .number, .semesters: return [key + " 0"]
        case .boolean: return [key + " false"]
        case .version: return [key + " 0.1.0"]
        case .date: return [key + " " + ApproveCommand.today()]
        case .enumeration(let values): return [key + " " + (values.first.map(YAMLScalar.written) ?? "\"\"")]
        case .list: return [key + " []"]
        case .mapping(let fields):
            let nested = fields.filter(\.schema.required).flatMap { placeholder($0, indent: indent + "  ") }
            return nested.isEmpty ? [key + " {}"] : [key] + nested
        case .string, .id, .party, .reference, .any: return [key + " \"\""]
        }
    }
}
